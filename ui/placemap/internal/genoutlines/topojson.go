package main

import (
	"encoding/json"
	"fmt"
	"os"

	"sahelreader/reader/places/topojson"
	"sahelreader/ui/placemap/internal/outline"
)

// antarctica is left out: Web Mercator cannot show it, and its outline
// runs around the pole across the antimeridian.
const antarctica = "010"

// unnumbered are the Natural Earth countries without an ISO numeric id,
// by name, mapped to the code GeoNames files their places under.
var unnumbered = map[string]string{"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}

// readAlpha2 maps ISO 3166-1 numeric codes to alpha-2, from world-countries.
func readAlpha2(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []struct {
		CCA2 string `json:"cca2"`
		CCN3 string `json:"ccn3"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	codes := map[string]string{}
	for _, c := range list {
		if c.CCN3 != "" {
			codes[c.CCN3] = c.CCA2
		}
	}
	return codes, nil
}

// readTopology reads world-atlas's countries file, undoing the quantisation
// and delta encoding of its arcs; its arc references are the same as the
// outline file's.
func readTopology(path string, alpha2 map[string]string) (*outline.Data, error) {
	t, err := topojson.Read(path)
	if err != nil {
		return nil, err
	}
	d := &outline.Data{Arcs: t.DecodeArcs()}
	for _, g := range t.Objects["countries"].Geometries {
		if g.ID == antarctica {
			continue
		}
		c := outline.Country{Code: alpha2[g.ID]}
		if g.ID == "" {
			c.Code = unnumbered[g.Properties.Name]
		}
		if c.Code == "" {
			fmt.Fprintf(os.Stderr, "no ISO code for %q (%s): drawn, never emphasised\n", g.Properties.Name, g.ID)
		}
		polygons, ok, err := g.Polygons()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, g.Properties.Name, err)
		}
		if !ok {
			continue
		}
		c.Polygons = polygons
		d.Countries = append(d.Countries, c)
	}
	return d, nil
}

func points(d *outline.Data) int {
	n := 0
	for _, a := range d.Arcs {
		n += len(a)
	}
	return n
}

// dropUnusedArcs removes the arcs no country uses (Antarctica's) and
// renumbers the references.
func dropUnusedArcs(d *outline.Data) {
	renumber := make([]int, len(d.Arcs))
	for i := range renumber {
		renumber[i] = -1
	}
	var kept [][][2]float64
	for _, c := range d.Countries {
		for _, p := range c.Polygons {
			for _, r := range p {
				for k, ref := range r {
					i, reversed := topojson.Arc(ref)
					if renumber[i] < 0 {
						renumber[i] = len(kept)
						kept = append(kept, d.Arcs[i])
					}
					r[k] = topojson.Ref(renumber[i], reversed)
				}
			}
		}
	}
	d.Arcs = kept
}
