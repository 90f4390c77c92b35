package places

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The evaluation corpora live beside the project (see ../shared/corpora/README.md);
// they are test data only, read in place and never copied here.
const corporaDir = "../../../shared/corpora"

// goldDoc is one corpus text with its gold toponyms as rune ranges.
type goldDoc struct {
	text string
	gold []goldSpan
}

type goldSpan struct {
	start, end int
	lat, lon   float64
	hasCoords  bool
}

func readCorpus(t testing.TB, name string) []goldDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corporaDir, name))
	if os.IsNotExist(err) {
		t.Skipf("corpus %s is absent, evaluation skipped: %v", name, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var docs []goldDoc
	if name == "GeoVirus.xml" {
		docs, err = parseGeoVirus(data)
	} else {
		docs, err = parseTRNews(data)
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return docs
}

func parseGeoVirus(data []byte) ([]goldDoc, error) {
	var c struct {
		Articles []struct {
			Text      string `xml:"text"`
			Locations []struct {
				Start int     `xml:"start"`
				End   int     `xml:"end"`
				Lat   float64 `xml:"lat"`
				Lon   float64 `xml:"lon"`
			} `xml:"locations>location"`
		} `xml:"article"`
	}
	if err := xml.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	var docs []goldDoc
	for _, a := range c.Articles {
		d := goldDoc{text: a.Text}
		for _, l := range a.Locations {
			// 1-based code point offsets (the corpus README says bytes; the
			// spans only line up as code points).
			d.gold = append(d.gold, goldSpan{start: l.Start - 1, end: l.End - 1, lat: l.Lat, lon: l.Lon, hasCoords: true})
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func parseTRNews(data []byte) ([]goldDoc, error) {
	var c struct {
		Articles []struct {
			Text     string `xml:"text"`
			Toponyms []struct {
				Phrase string `xml:"phrase"`
				Start  int    `xml:"start"`
				End    int    `xml:"end"`
				Gaztag *struct {
					Lat float64 `xml:"lat"`
					Lon float64 `xml:"lon"`
				} `xml:"gaztag"`
			} `xml:"toponyms>toponym"`
		} `xml:"article"`
	}
	if err := xml.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	var docs []goldDoc
	for _, a := range c.Articles {
		d := goldDoc{text: a.Text}
		runes := []rune(a.Text)
		for _, tp := range a.Toponyms {
			start := realign(runes, []rune(tp.Phrase), tp.Start)
			g := goldSpan{start: start, end: start + len([]rune(tp.Phrase))}
			if tp.Gaztag != nil && (tp.Gaztag.Lat != 0 || tp.Gaztag.Lon != 0) {
				g.lat, g.lon, g.hasCoords = tp.Gaztag.Lat, tp.Gaztag.Lon, true
			}
			d.gold = append(d.gold, g)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// realign finds phrase at or next to the given offset: some TR-News offsets
// are off by one or two.
func realign(text, phrase []rune, at int) int {
	for _, d := range []int{0, -1, 1, -2, 2, -3, 3} {
		s := at + d
		if s >= 0 && s+len(phrase) <= len(text) && string(text[s:s+len(phrase)]) == string(phrase) {
			return s
		}
	}
	return at
}

// scores are the field's usual geoparsing metrics.
type scores struct {
	tp, fp, fn             int // exact span
	overlapTP, overlapGold int
	geocoded, within161    int
	errorKm                float64
	falsePos, falseNeg     map[string]int
	farOff                 map[string]int  // geocoded more than 161 km from gold
	byKind                 map[Kind][2]int // geocoded, within 161 km
	errorClass             map[string]int  // why a place was geocoded more than 161 km off
}

// errorClass sorts one geocoding error: a country, region or continent
// placed under 1,500 km from the gold point is the right place with another
// representative point; a town is either another place of the name in the
// gazetteer or a place the pruned gazetteer lacks.
func errorClass(g *Gazetteer, p Place, name string, km float64, lat, lon float32) string {
	switch {
	case p.Kind != KindCity && km < 1500:
		return "large area, another representative point"
	case p.Kind != KindCity:
		return "area: another place of the name"
	}
	for _, c := range g.Candidates(name) {
		if distanceKm(float32(c.Lat), float32(c.Lon), lat, lon) <= 161 {
			return "town: another place of the name chosen"
		}
	}
	return "town: the place meant is not in the gazetteer"
}

func (s *scores) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s *scores) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s *scores) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// evaluate extracts every document; withDemonyms says whether the corpus
// tags adjectival uses ("Turkish") as toponyms.
func evaluate(g *Gazetteer, docs []goldDoc, withDemonyms bool) *scores {
	s := &scores{falsePos: map[string]int{}, falseNeg: map[string]int{}, farOff: map[string]int{}, byKind: map[Kind][2]int{},
		errorClass: map[string]int{}}
	for _, d := range docs {
		type span struct{ start, end int }
		pred := map[span]Place{}
		for _, p := range g.Extract(d.text) {
			for _, m := range p.Mentions {
				if m.Demonym && !withDemonyms {
					continue
				}
				pred[span{m.Start, m.End}] = p
			}
		}
		runes := []rune(d.text)
		gold := map[span]bool{}
		for _, gs := range d.gold {
			sp := span{gs.start, gs.end}
			gold[sp] = true
			p, ok := pred[sp]
			if !ok {
				s.fn++
				s.falseNeg[phrase(runes, gs.start, gs.end)]++
				continue
			}
			s.tp++
			if gs.hasCoords {
				km := float64(distanceKm(float32(p.Lat), float32(p.Lon), float32(gs.lat), float32(gs.lon)))
				s.geocoded++
				s.errorKm += km
				k := s.byKind[p.Kind]
				k[0]++
				if km <= 161 {
					k[1]++
				}
				s.byKind[p.Kind] = k
				if km <= 161 {
					s.within161++
				} else {
					s.errorClass[errorClass(g, p, phrase(runes, gs.start, gs.end), km, float32(gs.lat), float32(gs.lon))]++
					s.farOff[fmt.Sprintf("%s → %s %s %s (%.0f km; gold %.2f,%.2f)", phrase(runes, gs.start, gs.end), p.Name, p.CountryCode, p.Feature, km, gs.lat, gs.lon)]++
				}
			}
		}
		for sp, p := range pred {
			if !gold[sp] {
				s.fp++
				s.falsePos[phrase(runes, sp.start, sp.end)+" → "+p.Name+" "+p.CountryCode]++
			}
		}
		for _, gs := range d.gold {
			s.overlapGold++
			for sp := range pred {
				if sp.start < gs.end && gs.start < sp.end {
					s.overlapTP++
					break
				}
			}
		}
	}
	return s
}

func phrase(r []rune, start, end int) string {
	if start < 0 || end > len(r) || start > end {
		return "?"
	}
	return strings.TrimSpace(string(r[start:end]))
}
