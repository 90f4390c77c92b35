package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// supplement.tsv columns; see the file's header for their meaning.
const (
	supKind = iota
	supName
	supFcode
	supCountry
	supLat
	supLon
	supPopulation
	supGeonameID
	supAliases
	supSource
	supColumns
)

// readSupplement applies the curated rows: "place" adds a place, "alias"
// adds names to places the sources already have.
func readSupplement(g *gazetteer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		col := strings.Split(text, "\t")
		if len(col) != supColumns || strings.TrimSpace(col[supSource]) == "" {
			return fmt.Errorf("%s:%d: want %d tab-separated columns ending with a source", path, line, supColumns)
		}
		var err error
		switch col[supKind] {
		case "place":
			err = supplementPlace(g, col)
		case "alias":
			err = supplementAlias(g, col)
		default:
			err = fmt.Errorf("kind %q is neither place nor alias", col[supKind])
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

func supplementPlace(g *gazetteer, col []string) error {
	lat, err1 := strconv.ParseFloat(col[supLat], 64)
	lon, err2 := strconv.ParseFloat(col[supLon], 64)
	pop, err3 := strconv.Atoi(col[supPopulation])
	id, err4 := strconv.Atoi(col[supGeonameID])
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return fmt.Errorf("bad number in %q", col[supLat:supAliases])
	}
	p := &place{id: id, fcode: col[supFcode], cc: col[supCountry], lat: lat, lon: lon, pop: pop, display: col[supName]}
	g.addName(p, col[supName], className)
	addAliases(g, p, col[supAliases])
	g.add(p)
	return nil
}

func supplementAlias(g *gazetteer, col []string) error {
	found := g.find(col[supName], col[supCountry], col[supFcode])
	if len(found) != 1 {
		return fmt.Errorf("alias target %s (%s, %s) matches %d places, want 1", col[supName], col[supCountry], col[supFcode], len(found))
	}
	addAliases(g, found[0], col[supAliases])
	return nil
}

// addAliases reads "Name|=ABBR|@Demonym": "=" marks an abbreviation matched
// only in capitals, "@" a demonym.
func addAliases(g *gazetteer, p *place, list string) {
	for _, a := range strings.Split(list, "|") {
		switch {
		case a == "" || a == "-":
		case strings.HasPrefix(a, "="):
			g.addName(p, a[1:], classCapital)
		case strings.HasPrefix(a, "@"):
			g.addName(p, a[1:], classDemonym)
		default:
			g.addName(p, a, classAlt)
		}
	}
}
