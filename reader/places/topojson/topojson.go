// Package topojson decodes the parts of a TopoJSON topology that Sahel
// Reader's data generators use: quantised, delta-encoded arcs and polygon
// geometries that refer to them, as in world-atlas's countries-50m.json
// (Natural Earth 1:50m). It is for the generators only; nothing shipped
// reads TopoJSON.
package topojson

import (
	"encoding/json"
	"fmt"
	"os"
)

// Topology is a TopoJSON topology as stored: Arcs are still quantised and
// delta-encoded when Transform is set; DecodeArcs undoes that.
type Topology struct {
	Transform *Transform            `json:"transform"`
	Arcs      [][][2]float64        `json:"arcs"`
	Objects   map[string]Collection `json:"objects"`
}

// Transform maps quantised positions to coordinates: x*Scale[0]+Translate[0],
// y*Scale[1]+Translate[1].
type Transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// Collection is a GeometryCollection object, such as world-atlas's
// "countries".
type Collection struct {
	Geometries []Geometry `json:"geometries"`
}

// Geometry is one geometry of a collection; Arcs stays raw because its shape
// depends on Type (see Polygons).
type Geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// Read reads and parses the TopoJSON file at path.
func Read(path string) (*Topology, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t Topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &t, nil
}

// DecodeArcs returns the arcs as coordinates, undoing the quantisation and
// delta encoding; an unquantised topology's arcs are returned as they are.
func (t *Topology) DecodeArcs() [][][2]float64 {
	if t.Transform == nil {
		return t.Arcs
	}
	scale, translate := t.Transform.Scale, t.Transform.Translate
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, d := range arc {
			x += d[0]
			y += d[1]
			pts[j] = [2]float64{x*scale[0] + translate[0], y*scale[1] + translate[1]}
		}
		out[i] = pts
	}
	return out
}

// Polygons returns a Polygon's or MultiPolygon's arc references as a list
// of polygons, each a list of rings (exterior first), each a list of arc
// references; ok is false for any other type of geometry.
func (g *Geometry) Polygons() (polygons [][][]int, ok bool, err error) {
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, true, err
		}
		return [][][]int{p}, true, nil
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polygons); err != nil {
			return nil, true, err
		}
		return polygons, true, nil
	}
	return nil, false, nil
}

// Arc splits an arc reference: ref is arc ref itself, or for a negative ref
// (^i, that is -i-1) arc i reversed.
func Arc(ref int) (index int, reversed bool) {
	if ref < 0 {
		return ^ref, true
	}
	return ref, false
}

// Ref is the reference to arc index, reversed or not; it undoes Arc.
func Ref(index int, reversed bool) int {
	if reversed {
		return ^index
	}
	return index
}

// Ring joins the referenced arcs of decoded arcs into one ring, reversing
// those referred to by negative references. The point where one arc ends
// and the next begins appears twice, once from each arc.
func Ring(arcs [][][2]float64, refs []int) [][2]float64 {
	var pts [][2]float64
	for _, ref := range refs {
		i, reversed := Arc(ref)
		arc := arcs[i]
		if reversed {
			for k := len(arc) - 1; k >= 0; k-- {
				pts = append(pts, arc[k])
			}
		} else {
			pts = append(pts, arc...)
		}
	}
	return pts
}
