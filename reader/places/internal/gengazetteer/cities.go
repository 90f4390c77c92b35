package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"sahelreader/reader/places/internal/fold"
)

// regionOfInterest is Mali and its neighbours: every populated place there is
// kept, however small, because the bundled articles are about them.
var regionOfInterest = map[string]bool{
	"ML": true, "NE": true, "BF": true, "MR": true, "SN": true, "GN": true, "CI": true, "DZ": true,
}

const minPopulation = 15000

// GeoNames columns (https://download.geonames.org/export/dump/readme.txt).
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colClass
	colCode
	colCountry
	colPopulation = 14
	colCount      = 19
)

// readCities adds the populated places of GeoNames cities500 worth keeping.
func readCities(g *gazetteer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		col := strings.Split(sc.Text(), "\t")
		if len(col) != colCount {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, line, len(col), colCount)
		}
		pop, _ := strconv.Atoi(col[colPopulation])
		code, cc := col[colCode], col[colCountry]
		if pop < minPopulation && code != "PPLC" && code != "PPLA" && !regionOfInterest[cc] {
			continue
		}
		id, err1 := strconv.Atoi(col[colID])
		lat, err2 := strconv.ParseFloat(col[colLat], 64)
		lon, err3 := strconv.ParseFloat(col[colLon], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: bad id or coordinates", path, line)
		}
		p := &place{id: id, fcode: code, cc: cc, lat: lat, lon: lon, pop: pop, display: col[colName]}
		g.addName(p, col[colName], className)
		g.addName(p, col[colASCII], className)
		for _, alt := range strings.Split(col[colAlternates], ",") {
			if usefulAlternate(alt) && !g.isCommon(alt) {
				g.addName(p, alt, classAlt)
			}
		}
		g.add(p)
	}
	return sc.Err()
}

// usefulAlternate keeps the alternate names an English or French text may
// use: Latin script with a capital (GeoNames writes transliterations such as
// "hua sheng dun" in lower case), no codes (all capitals, digits), no glosses.
func usefulAlternate(s string) bool {
	if len(s) < 3 || !fold.Latin(s) || isUpper(s) || strings.ContainsAny(s, "()[],/;:\"") {
		return false
	}
	return strings.ContainsFunc(s, unicode.IsUpper) && !strings.ContainsFunc(s, unicode.IsDigit)
}

// isCommon reports a name made only of everyday English words: as an
// alternate name ("Mission", "White House" for Casablanca) it would cost
// more than it finds.
func (g *gazetteer) isCommon(s string) bool {
	for w := range strings.SplitSeq(fold.Key(s), " ") {
		if !g.common[w] {
			return false
		}
	}
	return true
}
