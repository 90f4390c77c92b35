package main

import (
	"encoding/json"
	"fmt"
	"maps"
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
	LatLng      []float64 `json:"latlng"`
	Independent bool      `json:"independent"`
}

// readCountries adds every country and territory of world-countries, placed
// at the centre of its Natural Earth outline where it has one.
func readCountries(g *gazetteer, path string, centres map[string][2]float64) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var list []country
	if err := json.Unmarshal(data, &list); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range list {
		if len(c.LatLng) != 2 {
			continue
		}
		fcode := "PCLI"
		if !c.Independent {
			fcode = "PCLD"
		}
		p := &place{fcode: fcode, cc: c.CCA2, lat: c.LatLng[0], lon: c.LatLng[1], display: c.Name.Common}
		if centre, ok := centres[c.CCN3]; ok {
			p.lat, p.lon = centre[0], centre[1]
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
