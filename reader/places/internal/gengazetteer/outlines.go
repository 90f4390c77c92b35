package main

import (
	"fmt"
	"math"

	"sahelreader/reader/places/topojson"
)

// mainland is the share of a country's area its largest polygon must hold
// for that polygon's centroid to stand for the country; archipelagos
// (Indonesia, the Philippines) and countries split between two large
// islands or shores (New Zealand's South Island holds 56% of its land,
// Malaysia's peninsula 60%) keep world-countries' point.
const mainland = 0.6

// readCountryCentres returns, by ISO 3166-1 numeric code, the centroid of
// the largest polygon of each country in world-atlas's countries file
// (Natural Earth 1:50m) that has a mainland: where a map marker for the
// country looks right, in its main body of land.
func readCountryCentres(path string) (map[string][2]float64, error) {
	t, err := topojson.Read(path)
	if err != nil {
		return nil, err
	}
	arcs := t.DecodeArcs()
	centres := map[string][2]float64{}
	largest := map[string]float64{} // a country may have several geometries (Australia and its islets)
	total := map[string]float64{}
	for _, g := range t.Objects["countries"].Geometries {
		polygons, ok, err := g.Polygons()
		if err != nil {
			return nil, fmt.Errorf("%s: country %s: %w", path, g.ID, err)
		}
		if !ok {
			continue
		}
		for _, p := range polygons {
			if len(p) == 0 || g.ID == "" {
				continue
			}
			area, lon, lat := ringCentroid(unwrap(topojson.Ring(arcs, p[0])))
			area = math.Abs(area) * math.Cos(lat*math.Pi/180) // degrees shrink towards the poles
			total[g.ID] += area
			if area > largest[g.ID] {
				largest[g.ID] = area
				centres[g.ID] = [2]float64{lat, normalizeLon(lon)}
			}
		}
	}
	for id, a := range largest {
		if a < mainland*total[id] {
			delete(centres, id)
		}
	}
	return centres, nil
}

// ringCentroid is the shoelace area and centroid in plain lon/lat degrees,
// good enough to place one point inside a country.
func ringCentroid(pts [][2]float64) (area, lon, lat float64) {
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		cross := a[0]*b[1] - b[0]*a[1]
		area += cross
		lon += (a[0] + b[0]) * cross
		lat += (a[1] + b[1]) * cross
	}
	if area == 0 {
		return 0, pts[0][0], pts[0][1]
	}
	area /= 2
	return area, lon / (6 * area), lat / (6 * area)
}

// unwrap moves the western half of a ring that crosses the antimeridian
// (Russia's Chukotka, Fiji) east by 360 degrees, so that it is contiguous.
func unwrap(pts [][2]float64) [][2]float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	if hi-lo <= 180 {
		return pts
	}
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		if p[0] < 0 {
			p[0] += 360
		}
		out[i] = p
	}
	return out
}

func normalizeLon(lon float64) float64 {
	if lon > 180 {
		return lon - 360
	}
	return lon
}
