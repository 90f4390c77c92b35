package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

type subdivision struct {
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	Type        string `json:"type"`
	Latitude    string `json:"latitude"`
	Longitude   string `json:"longitude"`
}

// lowerTypes are subdivision types that the database lists beside the first
// level in some countries; they duplicate towns and add false matches.
var lowerTypes = map[string]bool{
	"municipality": true, "rural municipality": true, "urban municipality": true,
	"district municipality": true, "village": true, "quarter": true, "town": true,
	"local council": true, "island council": true, "commune": true, "sheadings": true,
}

// readSubdivisions adds the ISO 3166-2 subdivisions with their centre points.
func readSubdivisions(g *gazetteer, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*", "states.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no states.json under %s", dir)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var list []subdivision
		if err := json.Unmarshal(data, &list); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, s := range list {
			lat, err1 := strconv.ParseFloat(s.Latitude, 64)
			lon, err2 := strconv.ParseFloat(s.Longitude, 64)
			if err1 != nil || err2 != nil || lowerTypes[s.Type] {
				continue
			}
			p := &place{fcode: "ADM1", cc: s.CountryCode, lat: lat, lon: lon, display: s.Name}
			g.addName(p, s.Name, className)
			g.add(p)
		}
	}
	return nil
}
