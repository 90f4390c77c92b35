package main

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"slices"
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
	colCountry2
	colAdmin1
	colPopulation = 14
	colCount      = 19
)

// localPopulation is the smallest town kept outside the region of
// interest: towns under minPopulation are written with classLocal names,
// which the extractor believes only when the text names the town's region
// or a place beside it ("Edmonton" near Cairns is Edmonton, Queensland).
const localPopulation = 1000

// readCities adds the populated places of GeoNames cities500 worth keeping,
// each with the first-level subdivision it lies in.
func readCities(g *gazetteer, path string, towns townRegions) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// GeoNames numbers subdivisions its own way (Queensland is AU.04); the
	// towns both sources list vote for the ISO code each number stands for.
	votes := map[string]map[string]int{}
	type kept struct {
		p      *place
		admin1 string
	}
	var rows []kept
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		col := strings.Split(sc.Text(), "\t")
		if len(col) != colCount {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, line, len(col), colCount)
		}
		pop, _ := strconv.Atoi(col[colPopulation])
		code, cc := col[colCode], col[colCountry]
		main := pop >= minPopulation || code == "PPLC" || code == "PPLA" || regionOfInterest[cc]
		if !main && pop < localPopulation {
			continue
		}
		id, err1 := strconv.Atoi(col[colID])
		lat, err2 := strconv.ParseFloat(col[colLat], 64)
		lon, err3 := strconv.ParseFloat(col[colLon], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: bad id or coordinates", path, line)
		}
		p := &place{id: id, fcode: code, cc: cc, lat: lat, lon: lon, pop: pop, display: col[colName]}
		if main {
			g.addName(p, col[colName], className)
			g.addName(p, col[colASCII], className)
			for _, alt := range strings.Split(col[colAlternates], ",") {
				if usefulAlternate(alt) && !g.isCommon(alt) {
					g.addName(p, alt, classAlt)
				}
			}
		} else {
			g.addName(p, col[colName], classLocal)
			g.addName(p, col[colASCII], classLocal)
		}
		admin1 := cc + "." + col[colAdmin1]
		if r := towns.lookup(cc, col[colName], lat, lon); r != "" {
			if votes[admin1] == nil {
				votes[admin1] = map[string]int{}
			}
			votes[admin1][r]++
		}
		rows = append(rows, kept{p, admin1})
		g.add(p)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, r := range rows {
		r.p.region = mostVoted(votes[r.admin1])
	}
	return nil
}

// mostVoted is the key with a clear majority of at least two votes, or "".
// Where GeoNames' subdivisions are coarser than ISO's (England against its
// counties) the votes scatter and the towns get no region.
func mostVoted(votes map[string]int) string {
	best, total := "", 0
	for _, k := range slices.Sorted(maps.Keys(votes)) {
		total += votes[k]
		if best == "" || votes[k] > votes[best] {
			best = k
		}
	}
	if best == "" || votes[best] < 2 || 2*votes[best] <= total {
		return ""
	}
	return best
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
