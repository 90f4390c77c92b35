package places

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"sahelreader/reader/places/internal/fold"
)

// gazetteerData is written by internal/gengazetteer. It is gzip'd UTF-8
// text: a header line "#sahelreader-gazetteer\t2\t<fold version>\t<places>\t<keys>"
// (the counts size the index up front), then
// one place per line with tab-separated fields
//
//	geonameid fcode cc lat lon population region name keys
//
// where region is the first-level subdivision the place lies in ("US.KY",
// an ADM1 row's own code, or empty) and keys is a "|"-separated list of
// folded names, each led by its class (n name, a alternate, u abbreviation
// matched in capitals only, d demonym, l a small town's name).
// The second line, "#common\t" and space-separated folded words, lists
// everyday English words for the common-word filter. The third,
// "#borders\t" and space-separated "NE:BF,ML,NG" entries, lists each
// country's neighbours.
//
//go:embed gazetteer.tsv.gz
var gazetteerData []byte

const formatVersion = "2"

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
	// neighbours maps a country code to the codes of the countries it
	// borders: a text naming Nigeria and Chad means Niger the country.
	neighbours map[string][]string
}

type gazPlace struct {
	name     string
	cc       string
	fcode    string
	lat, lon float32
	pop      uint32
	id       uint32
	region   int32 // the ADM1 place this place lies in, or -1
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
	classLocal   = 'l'
)

var load = sync.OnceValues(func() (*Gazetteer, error) { return parse(gazetteerData) })

// Load returns the bundled gazetteer, parsing it on the first call only. It
// takes tens of milliseconds, so an app calls it off the UI goroutine.
func Load() (*Gazetteer, error) { return load() }

// parse inflates and indexes the gazetteer at once: one goroutine inflates
// into a buffer of the final size while this one indexes the lines already
// there, so loading takes about as long as the slower of the two.
func parse(compressed []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("places: gazetteer: %w", err)
	}
	// gzip's trailer holds the text's length, so the buffer never moves.
	size := gzipSize(compressed)
	if size > maxInflation*len(compressed) {
		return nil, fmt.Errorf("places: gazetteer trailer claims %d bytes from %d: corrupt", size, len(compressed))
	}
	raw := make([]byte, size)
	// One string backs every name and key, so the index holds no copies;
	// each byte is written once by inflate before it is read here.
	lines := &lineReader{text: unsafe.String(unsafe.SliceData(raw), len(raw)), avail: make(chan int, 16)}
	inflated := make(chan error, 1)
	go func() { inflated <- inflate(zr, raw, lines.avail) }()
	g, err := parseLines(lines)
	for range lines.avail { // after an early error, let inflate finish
	}
	// A damaged stream explains any error in the lines, so it comes first.
	if err := <-inflated; err != nil {
		return nil, fmt.Errorf("places: gazetteer: %w", err)
	}
	return g, err
}

// inflate fills raw from zr, announcing on avail how many bytes are ready,
// then closes avail. It checks the stream's length and CRC at the end.
func inflate(zr io.Reader, raw []byte, avail chan<- int) error {
	defer close(avail)
	const chunk = 256 << 10
	for n := 0; n < len(raw); {
		m, err := io.ReadFull(zr, raw[n:min(n+chunk, len(raw))])
		n += m
		avail <- n
		if err != nil {
			return fmt.Errorf("shorter than its gzip trailer says: %w", err)
		}
	}
	if more, err := io.ReadAll(zr); err != nil || len(more) > 0 {
		return fmt.Errorf("longer than its gzip trailer says, or corrupt: %v", err)
	}
	return nil
}

// lineReader hands out the lines of text as inflate makes them available.
type lineReader struct {
	text  string
	pos   int // start of the next line
	ready int // bytes of text written so far
	avail chan int
}

func (r *lineReader) next() (string, bool) {
	for {
		if i := strings.IndexByte(r.text[r.pos:r.ready], '\n'); i >= 0 {
			line := r.text[r.pos : r.pos+i]
			r.pos += i + 1
			return line, true
		}
		n, ok := <-r.avail
		if !ok {
			if r.pos < r.ready { // a last line without its newline
				line := r.text[r.pos:r.ready]
				r.pos = r.ready
				return line, true
			}
			return "", false
		}
		r.ready = n
	}
}

func parseLines(lines *lineReader) (*Gazetteer, error) {
	header, _ := lines.next()
	var placeCount, keyCount int
	prefix := "#sahelreader-gazetteer\t" + formatVersion + "\t" + strconv.Itoa(fold.Version) + "\t"
	if counts, ok := strings.CutPrefix(header, prefix); !ok {
		return nil, fmt.Errorf("places: gazetteer header %q, want it to start %q", header, prefix)
	} else if _, err := fmt.Sscanf(counts, "%d\t%d", &placeCount, &keyCount); err != nil {
		return nil, fmt.Errorf("places: gazetteer header %q: %w", header, err)
	}
	words, _ := lines.next()
	words, ok := strings.CutPrefix(words, "#common\t")
	if !ok {
		return nil, errors.New("places: gazetteer has no common-word line")
	}
	borders, _ := lines.next()
	borders, ok = strings.CutPrefix(borders, "#borders\t")
	if !ok {
		return nil, errors.New("places: gazetteer has no borders line")
	}
	g := &Gazetteer{
		places:     make([]gazPlace, 0, placeCount),
		common:     make(map[string]struct{}, strings.Count(words, " ")+1),
		names:      make(map[string]int32, keyCount),
		heads:      make([]head, 0, keyCount),
		cands:      make([]candidate, 0, keyCount),
		countries:  map[string]string{},
		neighbours: map[string][]string{},
	}
	for entry := range strings.SplitSeq(borders, " ") {
		cc, list, _ := strings.Cut(entry, ":")
		g.neighbours[cc] = strings.Split(list, ",")
	}
	for w := range strings.SplitSeq(words, " ") {
		g.common[w] = struct{}{}
	}
	regions := map[string]int32{}
	for n := 4; ; n++ {
		line, ok := lines.next()
		if !ok {
			break
		}
		if err := g.addLine(line, regions); err != nil {
			return nil, fmt.Errorf("places: gazetteer line %d: %w", n, err)
		}
	}
	return g, nil
}

// maxInflation bounds the size a damaged trailer may claim: text like the
// gazetteer's compresses three to one, never thirty-two.
const maxInflation = 32

// gzipSize is the uncompressed length a gzip stream's trailer records
// (modulo 4 GiB, RFC 1952).
func gzipSize(compressed []byte) int {
	if len(compressed) < 4 {
		return 0
	}
	return int(binary.LittleEndian.Uint32(compressed[len(compressed)-4:]))
}

// CountryName is the name of the country with this ISO 3166-1 alpha-2 code,
// or "" when the gazetteer has none.
func (g *Gazetteer) CountryName(code string) string { return g.countries[code] }

// addLine adds one place; regions maps the subdivision codes read so far
// to their ADM1 places.
func (g *Gazetteer) addLine(line string, regions map[string]int32) error {
	var f [9]string
	for i := range 8 {
		var ok bool
		if f[i], line, ok = strings.Cut(line, "\t"); !ok {
			return errors.New("too few fields")
		}
	}
	f[8] = line
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
		g.countries[f[2]] = f[7]
	}
	region := int32(-1)
	if f[6] != "" {
		// The file lists regions before the towns in them (cc, then fcode
		// order puts ADM1 before PPL); a town in an unlisted region has none.
		if f[1] == "ADM1" {
			regions[f[6]] = idx
		}
		if r, ok := regions[f[6]]; ok {
			region = r
		}
	}
	g.places = append(g.places, gazPlace{name: f[7], cc: f[2], fcode: f[1],
		lat: float32(lat), lon: float32(lon), pop: uint32(pop), id: uint32(id), region: region})
	for key := range strings.SplitSeq(f[8], "|") {
		if len(key) < 2 {
			return fmt.Errorf("empty key in %q", f[8])
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
