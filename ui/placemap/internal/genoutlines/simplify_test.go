package main

import (
	"testing"

	"sahelreader/ui/placemap/internal/outline"
)

func TestSimplifyKeepsEndsAndCorners(t *testing.T) {
	d := &outline.Data{Arcs: [][][2]float64{
		// a straight run with a wobble far below the tolerance, then a corner
		{{0, 0}, {1, 0.001}, {2, 0}, {3, 0}, {3, 1}, {3, 2}},
		// an island's closed arc
		{{10, 10}, {11, 10}, {11, 11}, {10, 11}, {10, 10}},
	}}
	simplify(d, 0.01/360)
	want := [][][2]float64{
		{{0, 0}, {3, 0}, {3, 2}},
		{{10, 10}, {11, 10}, {11, 11}, {10, 11}, {10, 10}},
	}
	for i := range want {
		if len(d.Arcs[i]) != len(want[i]) {
			t.Fatalf("arc %d = %v, want %v", i, d.Arcs[i], want[i])
		}
		for j := range want[i] {
			if d.Arcs[i][j] != want[i][j] {
				t.Errorf("arc %d = %v, want %v", i, d.Arcs[i], want[i])
				break
			}
		}
	}
}

func TestDropUnusedArcsRenumbers(t *testing.T) {
	d := &outline.Data{
		Arcs:      [][][2]float64{{{0, 0}}, {{1, 1}}, {{2, 2}}},
		Countries: []outline.Country{{Code: "ML", Polygons: [][][]int{{{2, ^1}}}}},
	}
	dropUnusedArcs(d)
	if len(d.Arcs) != 2 || d.Arcs[0][0] != [2]float64{2, 2} || d.Arcs[1][0] != [2]float64{1, 1} {
		t.Fatalf("arcs = %v", d.Arcs)
	}
	if got := d.Countries[0].Polygons[0][0]; got[0] != 0 || got[1] != ^1 {
		t.Errorf("references = %v, want [0 ^1]", got)
	}
}
