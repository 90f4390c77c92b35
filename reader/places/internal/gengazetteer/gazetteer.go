package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"sahelreader/reader/places/internal/fold"
)

// Name classes, as written in the file (see reader/places/gazetteer.go).
const (
	className    = 'n' // the place's own name
	classAlt     = 'a' // an alternate name or spelling
	classCapital = 'u' // an abbreviation, matched only as written in capitals (US, U.S., DRC)
	classDemonym = 'd' // a demonym or adjective (Malian), counted for the place
	classLocal   = 'l' // a small town's name, believed only beside its region or neighbours
)

type name struct {
	key   string
	class byte
}

type place struct {
	id      int // GeoNames id, 0 when unknown
	fcode   string
	cc      string
	lat     float64
	lon     float64
	pop     int
	display string
	region  string // first-level subdivision, "US.KY"; an ADM1 row's own code
	names   []name
}

type gazetteer struct {
	common  map[string]bool
	borders map[string][]string // country code -> its neighbours' codes
	places  []*place
}

func newGazetteer(common map[string]bool) *gazetteer {
	return &gazetteer{common: common, borders: map[string][]string{}}
}

func (g *gazetteer) add(p *place) { g.places = append(g.places, p) }

// addName folds raw and records it unless the place has it already; it
// reports whether the name was new.
func (g *gazetteer) addName(p *place, raw string, class byte) bool {
	key := fold.Key(raw)
	if key == "" || strings.ContainsAny(key, "\t|\n") {
		return false
	}
	for _, n := range p.names {
		if n.key == key && (n.class == class || class != classCapital) {
			return false
		}
	}
	p.names = append(p.names, name{key: key, class: class})
	return true
}

// find returns the places with this display name or name key, country and
// feature-code prefix; the supplement uses it to attach aliases.
func (g *gazetteer) find(display, cc, fcodePrefix string) []*place {
	key := fold.Key(display)
	var found []*place
	for _, p := range g.places {
		if p.cc != cc || !strings.HasPrefix(p.fcode, fcodePrefix) {
			continue
		}
		if p.display == display || (len(p.names) > 0 && p.names[0].key == key) {
			found = append(found, p)
		}
	}
	return found
}

// write stores the gazetteer, sorted so that regenerating from the same
// sources gives the same bytes.
func (g *gazetteer) write(path string) (names int, size int64, err error) {
	slices.SortFunc(g.places, func(a, b *place) int {
		return cmp.Or(cmp.Compare(a.cc, b.cc), cmp.Compare(a.fcode, b.fcode),
			cmp.Compare(a.display, b.display), cmp.Compare(a.id, b.id))
	})
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriter(zw)
	lines := 0
	for _, p := range g.places {
		if len(p.names) > 0 {
			lines++
			names += len(p.names)
		}
	}
	fmt.Fprintf(w, "#sahelreader-gazetteer\t2\t%d\t%d\t%d\n", fold.Version, lines, names)
	words := slices.Sorted(maps.Keys(g.common))
	fmt.Fprintf(w, "#common\t%s\n", strings.Join(words, " "))
	var borders []string
	for _, cc := range slices.Sorted(maps.Keys(g.borders)) {
		borders = append(borders, cc+":"+strings.Join(slices.Sorted(slices.Values(g.borders[cc])), ","))
	}
	fmt.Fprintf(w, "#borders\t%s\n", strings.Join(borders, " "))
	for _, p := range g.places {
		if len(p.names) == 0 {
			continue
		}
		keys := make([]string, len(p.names))
		for i, n := range p.names {
			keys[i] = string(n.class) + n.key
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", p.id, p.fcode, p.cc,
			coord(p.lat), coord(p.lon), p.pop, p.region, p.display, strings.Join(keys, "|"))
	}
	if err := w.Flush(); err != nil {
		return 0, 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	return names, st.Size(), f.Close()
}

// coord keeps four decimals: about 11 m, far below what a reader needs.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
