package topojson

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// tiny is two unit squares side by side sharing the edge x=1: arc 0 is the
// shared edge (1,0)->(1,1), arc 1 the rest of the left square, arc 2 the
// rest of the right one. Positions are quantised with scale 0.5 and
// translate (10, 20), and delta-encoded.
const tiny = `{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
  "arcs": [
    [[2, 0], [0, 2]],
    [[2, 2], [-2, 0], [0, -2], [2, 0]],
    [[2, 0], [2, 0], [0, 2], [-2, 0]]
  ],
  "objects": {
    "countries": {
      "type": "GeometryCollection",
      "geometries": [
        {"type": "Polygon", "id": "001", "arcs": [[0, 1]], "properties": {"name": "Left"}},
        {"type": "MultiPolygon", "id": "002", "arcs": [[[2, -1]]], "properties": {"name": "Right"}},
        {"type": null, "id": "003"}
      ]
    }
  }
}`

func readTiny(t *testing.T) *Topology {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tiny.json")
	if err := os.WriteFile(path, []byte(tiny), 0o644); err != nil {
		t.Fatal(err)
	}
	topo, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return topo
}

func TestDecodeArcs(t *testing.T) {
	arcs := readTiny(t).DecodeArcs()
	want := [][][2]float64{
		{{11, 20}, {11, 21}},
		{{11, 21}, {10, 21}, {10, 20}, {11, 20}},
		{{11, 20}, {12, 20}, {12, 21}, {11, 21}},
	}
	if !reflect.DeepEqual(arcs, want) {
		t.Errorf("DecodeArcs = %v, want %v", arcs, want)
	}
}

func TestDecodeArcsUnquantised(t *testing.T) {
	topo := &Topology{Arcs: [][][2]float64{{{1, 2}, {3, 4}}}}
	if got := topo.DecodeArcs(); !reflect.DeepEqual(got, topo.Arcs) {
		t.Errorf("DecodeArcs without transform = %v, want %v", got, topo.Arcs)
	}
}

func TestPolygonsAndRings(t *testing.T) {
	topo := readTiny(t)
	arcs := topo.DecodeArcs()
	geoms := topo.Objects["countries"].Geometries
	if len(geoms) != 3 {
		t.Fatalf("%d geometries, want 3", len(geoms))
	}
	if g := geoms[0]; g.ID != "001" || g.Properties.Name != "Left" {
		t.Errorf("geometry 0 is %q %q, want 001 Left", g.ID, g.Properties.Name)
	}
	rings := []struct {
		refs [][][]int
		ring [][2]float64
	}{
		{[][][]int{{{0, 1}}}, [][2]float64{{11, 20}, {11, 21}, {11, 21}, {10, 21}, {10, 20}, {11, 20}}},
		// -1 is arc 0 reversed: (1,1)->(1,0), closing the right square.
		{[][][]int{{{2, -1}}}, [][2]float64{{11, 20}, {12, 20}, {12, 21}, {11, 21}, {11, 21}, {11, 20}}},
	}
	for i, w := range rings {
		polygons, ok, err := geoms[i].Polygons()
		if !ok || err != nil {
			t.Fatalf("geometry %d: ok %v, err %v", i, ok, err)
		}
		if !reflect.DeepEqual(polygons, w.refs) {
			t.Errorf("geometry %d: polygons %v, want %v", i, polygons, w.refs)
		}
		if got := Ring(arcs, polygons[0][0]); !reflect.DeepEqual(got, w.ring) {
			t.Errorf("geometry %d: ring %v, want %v", i, got, w.ring)
		}
	}
	if _, ok, err := geoms[2].Polygons(); ok || err != nil {
		t.Errorf("null geometry: ok %v, err %v; want not ok, no error", ok, err)
	}
}

func TestPolygonsBadArcs(t *testing.T) {
	g := Geometry{Type: "Polygon", Arcs: []byte(`[0, 1]`)}
	if _, ok, err := g.Polygons(); !ok || err == nil {
		t.Errorf("Polygon with flat arcs: ok %v, err %v; want ok and an error", ok, err)
	}
}

func TestArcRef(t *testing.T) {
	for _, c := range []struct {
		ref, index int
		reversed   bool
	}{{0, 0, false}, {5, 5, false}, {-1, 0, true}, {-6, 5, true}} {
		i, rev := Arc(c.ref)
		if i != c.index || rev != c.reversed {
			t.Errorf("Arc(%d) = %d, %v; want %d, %v", c.ref, i, rev, c.index, c.reversed)
		}
		if r := Ref(i, rev); r != c.ref {
			t.Errorf("Ref(%d, %v) = %d, want %d", i, rev, r, c.ref)
		}
	}
}
