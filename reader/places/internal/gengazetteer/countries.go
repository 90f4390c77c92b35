package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"unicode"

	"sahelreader/reader/places/internal/fold"
)

type country struct {
	CCA2 string `json:"cca2"`
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
		Native   map[string]struct {
			Common string `json:"common"`
		} `json:"native"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	Translations map[string]struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"translations"`
	Demonyms map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
	CCN3        string    `json:"ccn3"`
	CCA3        string    `json:"cca3"`
	Borders     []string  `json:"borders"`
	LatLng      []float64 `json:"latlng"`
	Independent bool      `json:"independent"`
}

// readCountries adds every country and territory of world-countries, placed
// by referencePoint where it has a Natural Earth outline.
func readCountries(g *gazetteer, path string, centres map[string][2]float64) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var list []country
	if err := json.Unmarshal(data, &list); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	alpha2 := map[string]string{}
	for _, c := range list {
		alpha2[c.CCA3] = c.CCA2
	}
	for _, c := range list {
		for _, b := range c.Borders {
			if cc, ok := alpha2[b]; ok {
				g.borders[c.CCA2] = append(g.borders[c.CCA2], cc)
			}
		}
		if len(c.LatLng) != 2 {
			continue
		}
		fcode := "PCLI"
		if !c.Independent {
			fcode = "PCLD"
		}
		p := &place{fcode: fcode, cc: c.CCA2, lat: c.LatLng[0], lon: c.LatLng[1], display: c.Name.Common}
		if centre, ok := centres[c.CCN3]; ok {
			p.lat, p.lon = referencePoint(c.LatLng[0], c.LatLng[1], centre[0], centre[1])
		}
		g.addName(p, c.Name.Common, className)
		g.addName(p, c.Name.Official, classAlt)
		for _, lang := range slices.Sorted(maps.Keys(c.Name.Native)) { // sorted: the same sources give the same file
			if n := c.Name.Native[lang].Common; fold.Latin(n) {
				g.addName(p, n, classAlt)
			}
		}
		if fr, ok := c.Translations["fra"]; ok {
			g.addName(p, fr.Common, classAlt)
			g.addName(p, fr.Official, classAlt)
		}
		for _, s := range c.AltSpellings {
			switch {
			case isUpper(s) && len([]rune(s)) <= 2:
				// ISO codes ("ML", "IT", "NO") read as words in capitals;
				// the useful ones (US, UK) come from the supplement.
			case isUpper(s):
				g.addName(p, s, classCapital)
			case fold.Latin(s):
				g.addName(p, s, classAlt)
			}
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, dem := range []string{d.M, d.F} {
				g.addName(p, dem, classDemonym)
				if plural, ok := pluralDemonym(dem); ok {
					g.addName(p, plural, classDemonym)
				}
			}
		}
		g.add(p)
	}
	return nil
}

// isUpper reports a name written all in capitals (an abbreviation or code).
func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && !strings.Contains(s, " ")
}

// pluralDemonym forms the regular plurals ("Malians", "Pakistanis"); the
// others ("the French", "Turks") are left out rather than guessed.
func pluralDemonym(d string) (string, bool) {
	if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") {
		return d + "s", true
	}
	return "", false
}

// blendKm is how far apart world-countries' point for a country and the
// centroid of its outline may be for the gazetteer to take their midpoint.
//
// Published country points follow two habits: whole-degree points of the
// CIA World Factbook kind (world-countries' latlng, which GeoNames mostly
// shares: China 35N 105E, Russia 60N 100E) and geometric or hand-placed
// centres (Wikipedia's China 35N 103E, close to an outline's centroid). A
// reader's map, like a geocoding score at 161 km (100 miles), is best served
// by a point near both. A midpoint is within 161 km of each of the two
// references when they are under 322 km apart; the published points
// themselves sit a little off either reference (rounding to whole degrees
// moves a point by up to ~40 km), so the midpoint is taken only when the two
// are under 2×(161−40) ≈ 240 km apart. Further apart, the two habits
// disagree too much for one point to serve both, and the centroid stays: it
// is inside the country's main body of land (the United States, 252 km
// apart, keep the centroid of the lower 48 states, which is also near
// GeoNames' and Wikipedia's points).
const blendKm = 240

// referencePoint is where a country is placed: the midpoint of
// world-countries' point and the centroid of its largest polygon when they
// are under blendKm apart, else the centroid.
func referencePoint(lat, lon, clat, clon float64) (float64, float64) {
	if distanceKm(lat, lon, clat, clon) > blendKm {
		return clat, clon
	}
	return midpoint(lat, lon, clat, clon)
}

// distanceKm is the great-circle distance on a sphere of the Earth's mean
// radius.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Sqrt(min(1, h)))
}

// midpoint is the great-circle midpoint.
func midpoint(lat1, lon1, lat2, lon2 float64) (float64, float64) {
	const rad = math.Pi / 180
	x := math.Cos(lat1*rad)*math.Cos(lon1*rad) + math.Cos(lat2*rad)*math.Cos(lon2*rad)
	y := math.Cos(lat1*rad)*math.Sin(lon1*rad) + math.Cos(lat2*rad)*math.Sin(lon2*rad)
	z := math.Sin(lat1*rad) + math.Sin(lat2*rad)
	return math.Atan2(z, math.Hypot(x, y)) / rad, math.Atan2(y, x) / rad
}
