package places

import (
	"cmp"
	"slices"
)

// Kind is what sort of place a Place is.
type Kind uint8

const (
	KindCity      Kind = iota // a populated place
	KindCountry               // a country or territory
	KindRegion                // a first-level subdivision: state, province, region
	KindContinent             // a continent or ocean
	KindArea                  // a named region, desert, river or mountain range
)

func (k Kind) String() string {
	switch k {
	case KindCountry:
		return "country"
	case KindRegion:
		return "region"
	case KindContinent:
		return "continent"
	case KindArea:
		return "area"
	}
	return "city"
}

// ParseKind reads what Kind.String wrote.
func ParseKind(s string) (Kind, bool) {
	for k := KindCity; k <= KindArea; k++ {
		if k.String() == s {
			return k, true
		}
	}
	return 0, false
}

// Place is one place a text mentions, with every mention.
type Place struct {
	Name        string
	CountryCode string // ISO 3166-1 alpha-2; empty for continents, seas and regions across borders
	Region      string // the first-level region a town lies in ("Kentucky"); "" when unknown
	Lat, Lon    float64
	GeoNameID   int    // 0 when the source has none
	Feature     string // GeoNames feature code (PPLC, ADM1, PCLI...)
	Kind        Kind
	Population  int
	Mentions    []Mention // in text order
}

// Mention is one place name in the text: Start and End are rune (code
// point) offsets, end exclusive, and Text is exactly those runes.
type Mention struct {
	Start, End int
	Text       string
	Demonym    bool // an adjective or demonym ("Malian") counted for the place
}

// Extract finds the places text mentions, most-mentioned first (ties in
// order of first mention). It never fails: text that is not valid UTF-8 is
// read with each bad byte as one U+FFFD rune, as Go ranges over strings.
func (g *Gazetteer) Extract(text string) []Place {
	s := newScanner(g, text)
	s.run()
	return g.assemble(text, s.hits, g.resolve(s))
}

// assemble groups resolved hits by place.
func (g *Gazetteer) assemble(text string, hits []hit, chosen []choice) []Place {
	index := map[int32]int{}
	var out []Place
	for i, h := range hits {
		c := chosen[i]
		if c.place < 0 {
			continue
		}
		k, ok := index[c.place]
		if !ok {
			k = len(out)
			index[c.place] = k
			out = append(out, g.describe(c.place))
		}
		out[k].Mentions = append(out[k].Mentions, Mention{Start: h.r0, End: h.r1, Text: text[h.b0:h.b1], Demonym: c.demonym})
	}
	slices.SortStableFunc(out, func(a, b Place) int {
		return cmp.Or(cmp.Compare(len(b.Mentions), len(a.Mentions)), cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start))
	})
	return out
}

func (g *Gazetteer) describe(i int32) Place {
	p := &g.places[i]
	place := Place{Name: p.name, CountryCode: countryCode(p.cc), Lat: round4(p.lat), Lon: round4(p.lon),
		GeoNameID: int(p.id), Feature: p.fcode, Kind: kindOf(p.fcode), Population: int(p.pop)}
	if p.region >= 0 && place.Kind != KindRegion {
		place.Region = g.places[p.region].name
	}
	return place
}

func countryCode(cc string) string {
	if cc == "-" {
		return ""
	}
	return cc
}

// round4 undoes float32 noise: the file keeps four decimals.
func round4(v float32) float64 {
	const scale = 1e4
	f := float64(v) * scale
	if f < 0 {
		return float64(int64(f-0.5)) / scale
	}
	return float64(int64(f+0.5)) / scale
}

func kindOf(fcode string) Kind {
	switch fcode {
	case "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "PCLIX", "TERR":
		return KindCountry
	case "ADM1", "ADMD", "ADM2":
		return KindRegion
	case "CONT", "OCN":
		return KindContinent
	}
	if len(fcode) >= 3 && fcode[:3] == "PPL" {
		return KindCity
	}
	return KindArea
}
