package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"sahelreader/reader/places/internal/fold"
)

type subdivision struct {
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	Code        string `json:"iso2"`
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

// regionCode names a first-level subdivision in the file: "US.KY", "CA.ON".
func regionCode(cc, iso2 string) string {
	if iso2 == "" {
		return ""
	}
	return cc + "." + iso2
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
			p := &place{fcode: "ADM1", cc: s.CountryCode, lat: lat, lon: lon, display: s.Name, region: regionCode(s.CountryCode, s.Code)}
			g.addName(p, s.Name, className)
			g.add(p)
		}
	}
	return nil
}

// townRegions tells which subdivision a town lies in, from the towns the
// countries-states-cities database files under each subdivision.
type townRegions map[string][]townRegion // country code + "|" + folded name

type townRegion struct {
	lat, lon float64
	region   string
}

type stateTown struct {
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	StateCode   string `json:"state_code"`
	Latitude    string `json:"latitude"`
	Longitude   string `json:"longitude"`
}

func readTownRegions(dir string) (townRegions, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*", "cities.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no cities.json under %s", dir)
	}
	index := townRegions{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var list []stateTown
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, t := range list {
			lat, err1 := strconv.ParseFloat(t.Latitude, 64)
			lon, err2 := strconv.ParseFloat(t.Longitude, 64)
			if err1 != nil || err2 != nil || t.StateCode == "" {
				continue
			}
			k := t.CountryCode + "|" + fold.Key(t.Name)
			index[k] = append(index[k], townRegion{lat, lon, regionCode(t.CountryCode, t.StateCode)})
		}
	}
	return index, nil
}

// lookup returns the subdivision of the town of this name within a few
// kilometres of lat, lon, or "".
func (ix townRegions) lookup(cc, name string, lat, lon float64) string {
	for _, t := range ix[cc+"|"+fold.Key(name)] {
		if math.Abs(t.lat-lat) < 0.05 && math.Abs(t.lon-lon) < 0.05 {
			return t.region
		}
	}
	return ""
}
