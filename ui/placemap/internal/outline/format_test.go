package outline

import (
	"math"
	"testing"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	in := &Data{
		Arcs: [][][2]float64{
			{{-4.18, 14.48}, {-4.1, 14.53}, {-3.99, 14.6}},
			{{-3.99, 14.6}, {-4.18, 14.48}},
			{{179.99, -16.5}, {-180, -16.49}},
		},
		Countries: []Country{
			{Code: "ML", Polygons: [][][]int{{{0, 1}}}},
			{Code: "", Polygons: [][][]int{{{^1, ^0}}, {{2}}}},
		},
	}
	data, err := in.Encode()
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	for i, arc := range in.Arcs {
		for j, p := range arc {
			q := out.Arcs[i][j]
			if math.Abs(p[0]-q[0]) > 0.5/quantum || math.Abs(p[1]-q[1]) > 0.5/quantum {
				t.Errorf("arc %d point %d: %v, want %v", i, j, q, p)
			}
		}
	}
	if len(out.Countries) != 2 || out.Countries[0].Code != "ML" || out.Countries[1].Code != "" {
		t.Fatalf("countries = %+v", out.Countries)
	}
	if got := out.Countries[1].Polygons[0][0]; got[0] != ^1 || got[1] != ^0 {
		t.Errorf("reversed references = %v", got)
	}
}

func TestDecodeRejectsCorruptFiles(t *testing.T) {
	good, err := (&Data{Arcs: [][][2]float64{{{1, 2}, {3, 4}}}, Countries: []Country{{Code: "ML", Polygons: [][][]int{{{0}}}}}}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	badRef, err := (&Data{Arcs: [][][2]float64{{{1, 2}}}, Countries: []Country{{Code: "ML", Polygons: [][][]int{{{5}}}}}}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":        nil,
		"not gzip":     []byte("sahelreader outlines 1\n"),
		"truncated":    good[:len(good)-6],
		"arc past end": badRef,
	} {
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestProjectCorners(t *testing.T) {
	for _, c := range []struct{ lon, lat, x, y float64 }{
		{-180, MaxLat, 0, 0}, {180, -MaxLat, 1, 1}, {0, 0, 0.5, 0.5}, {0, 90, 0.5, 0},
	} {
		x, y := Project(c.lon, c.lat)
		if math.Abs(x-c.x) > 1e-9 || math.Abs(y-c.y) > 1e-6 {
			t.Errorf("Project(%v, %v) = %v, %v; want %v, %v", c.lon, c.lat, x, y, c.x, c.y)
		}
	}
}
