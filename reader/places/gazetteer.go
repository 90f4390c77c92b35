package places

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"sahelreader/reader/places/internal/fold"
)

// gazetteerData is written by internal/gengazetteer. It is gzip'd UTF-8
// text: a header line "#sahelreader-gazetteer\t1\t<fold version>", then
// one place per line with tab-separated fields
//
//	geonameid fcode cc lat lon population name keys
//
// where keys is a "|"-separated list of folded names, each led by its class
// (n name, a alternate, u abbreviation matched in capitals only, d demonym).
// The second line, "#common\t" and space-separated folded words, lists
// everyday English words for the common-word filter.
//
//go:embed gazetteer.tsv.gz
var gazetteerData []byte

const formatVersion = "1"

// Gazetteer is the parsed, read-only place index; one value serves every
// goroutine.
type Gazetteer struct {
	places []gazPlace
	common map[string]struct{} // everyday English words, folded
	names  map[string]int32    // folded key -> index into heads
	heads  []head
	cands  []candidate
	// countries maps an ISO 3166-1 alpha-2 code to the country's name, for
	// showing "Mopti, Mali" beside a town.
	countries map[string]string
}

type gazPlace struct {
	name     string
	cc       string
	fcode    string
	lat, lon float32
	pop      uint32
	id       uint32
}

// head is one folded key: its candidates are a linked list in cands, and
// more says that some longer key continues it with another word.
type head struct {
	first int32 // -1 when the key is only a prefix of longer ones
	more  bool
}

type candidate struct {
	place  int32
	next   int32 // next candidate of the same key, -1 at the end
	class  byte
	common bool // the key is an everyday English word too
}

// Name classes, as in the file.
const (
	className    = 'n'
	classAlt     = 'a'
	classCapital = 'u'
	classDemonym = 'd'
)

var load = sync.OnceValues(func() (*Gazetteer, error) { return parse(gazetteerData) })

// Load returns the bundled gazetteer, parsing it on the first call only. It
// takes tens of milliseconds, so an app calls it off the UI goroutine.
func Load() (*Gazetteer, error) { return load() }

func parse(compressed []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("places: gazetteer: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("places: gazetteer: %w", err)
	}
	// One string backs every name and key, so the index holds no copies.
	data := string(raw)
	header, rest, _ := strings.Cut(data, "\n")
	if want := "#sahelreader-gazetteer\t" + formatVersion + "\t" + strconv.Itoa(fold.Version); header != want {
		return nil, fmt.Errorf("places: gazetteer header %q, want %q", header, want)
	}
	words, rest, _ := strings.Cut(rest, "\n")
	words, ok := strings.CutPrefix(words, "#common\t")
	if !ok {
		return nil, errors.New("places: gazetteer has no common-word line")
	}
	lines := strings.Count(rest, "\n")
	g := &Gazetteer{
		places:    make([]gazPlace, 0, lines),
		common:    make(map[string]struct{}, strings.Count(words, " ")+1),
		names:     make(map[string]int32, lines*4),
		heads:     make([]head, 0, lines*4),
		cands:     make([]candidate, 0, lines*4),
		countries: map[string]string{},
	}
	for w := range strings.SplitSeq(words, " ") {
		g.common[w] = struct{}{}
	}
	for n := 3; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if err := g.addLine(line); err != nil {
			return nil, fmt.Errorf("places: gazetteer line %d: %w", n, err)
		}
	}
	return g, nil
}

// CountryName is the name of the country with this ISO 3166-1 alpha-2 code,
// or "" when the gazetteer has none.
func (g *Gazetteer) CountryName(code string) string { return g.countries[code] }

func (g *Gazetteer) addLine(line string) error {
	var f [8]string
	for i := range 7 {
		var ok bool
		if f[i], line, ok = strings.Cut(line, "\t"); !ok {
			return errors.New("too few fields")
		}
	}
	f[7] = line
	id, err1 := strconv.ParseUint(f[0], 10, 32)
	lat, err2 := strconv.ParseFloat(f[3], 32)
	lon, err3 := strconv.ParseFloat(f[4], 32)
	pop, err4 := strconv.ParseUint(f[5], 10, 32)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return err
	}
	if math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return fmt.Errorf("coordinates %v,%v out of range", lat, lon)
	}
	idx := int32(len(g.places))
	if kindOf(f[1]) == KindCountry && f[2] != "" {
		g.countries[f[2]] = f[6]
	}
	g.places = append(g.places, gazPlace{name: f[6], cc: f[2], fcode: f[1],
		lat: float32(lat), lon: float32(lon), pop: uint32(pop), id: uint32(id)})
	for key := range strings.SplitSeq(f[7], "|") {
		if len(key) < 2 {
			return fmt.Errorf("empty key in %q", f[7])
		}
		c := candidate{place: idx, class: key[0]}
		key = key[1:]
		c.common = g.everyday(key)
		g.addKey(key, c)
	}
	return nil
}

// addKey files c under key and marks every shorter word prefix of key as
// continuing, so the matcher knows when to read one more word.
func (g *Gazetteer) addKey(key string, c candidate) {
	h := g.head(key)
	c.next = g.heads[h].first
	g.heads[h].first = int32(len(g.cands))
	g.cands = append(g.cands, c)
	for i := strings.LastIndexByte(key, ' '); i > 0; i = strings.LastIndexByte(key[:i], ' ') {
		p := g.head(key[:i])
		if g.heads[p].more {
			break // its own prefixes were marked when it was
		}
		g.heads[p].more = true
	}
}

func (g *Gazetteer) head(key string) int32 {
	if h, ok := g.names[key]; ok {
		return h
	}
	h := int32(len(g.heads))
	g.names[key] = h
	g.heads = append(g.heads, head{first: -1})
	return h
}

// everyday reports a key made only of everyday English words ("Nice",
// "The Mission"): alone it is weak evidence of a place.
func (g *Gazetteer) everyday(key string) bool {
	for w := range strings.SplitSeq(key, " ") {
		if _, ok := g.common[w]; !ok {
			return false
		}
	}
	return true
}
