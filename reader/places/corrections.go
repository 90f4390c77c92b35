package places

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"sahelreader/reader/places/internal/fold"
)

// Corrections are what a reader told the app about one text's places: spans
// that name a place the extractor missed or got wrong, and places that are
// not places here. Apply lays them over Extract's result.
type Corrections struct {
	// Marked are the spans the reader marked, each with the place it names.
	Marked []Marked
	// NotPlaces are the Keys of places the reader removed.
	NotPlaces []string
}

// Marked is a span of the text that names Place; Start and End are rune
// offsets as in Mention. Place is kept whole (without mentions), so the
// correction still reads the same if a later gazetteer drops the place.
type Marked struct {
	Start int
	End   int
	Text  string
	Place Place
}

// Key names a place across texts and gazetteer versions: its GeoNames id,
// or without one its name and country.
func (p Place) Key() string {
	if p.GeoNameID != 0 {
		return strconv.Itoa(p.GeoNameID)
	}
	return p.Name + "|" + p.CountryCode
}

// Empty reports corrections that change nothing.
func (c Corrections) Empty() bool { return len(c.Marked) == 0 && len(c.NotPlaces) == 0 }

// Mark returns c with the span m marked as m.Place, replacing an earlier
// mark of the same span; a place marked is no longer "not a place".
func (c Corrections) Mark(m Marked) Corrections {
	m.Place.Mentions = nil
	out := Corrections{NotPlaces: slices.DeleteFunc(slices.Clone(c.NotPlaces), func(k string) bool { return k == m.Place.Key() })}
	for _, old := range c.Marked {
		if old.Start != m.Start || old.End != m.End {
			out.Marked = append(out.Marked, old)
		}
	}
	out.Marked = append(out.Marked, m)
	return out
}

// NotAPlace returns c with the place of this key removed from the text,
// marks of it included.
func (c Corrections) NotAPlace(key string) Corrections {
	out := Corrections{NotPlaces: slices.Clone(c.NotPlaces)}
	if !slices.Contains(out.NotPlaces, key) {
		out.NotPlaces = append(out.NotPlaces, key)
	}
	for _, m := range c.Marked {
		if m.Place.Key() != key {
			out.Marked = append(out.Marked, m)
		}
	}
	return out
}

// Apply lays c over found, the places Extract found in text: removed places
// go, and every occurrence of a marked span's text as a whole word (the
// span itself included) becomes a mention of its place, taken from any place
// it was a mention of; occurrences within a longer name found stay with it. A mark whose span no longer reads its text is
// skipped. The result is sorted as Extract sorts; found is not modified.
func Apply(c Corrections, text string, found []Place) []Place {
	if c.Empty() {
		return found
	}
	out := make([]Place, 0, len(found)+len(c.Marked))
	for _, p := range found {
		if !slices.Contains(c.NotPlaces, p.Key()) {
			p.Mentions = slices.Clone(p.Mentions)
			out = append(out, p)
		}
	}
	if len(c.Marked) == 0 {
		return out
	}
	runes := []rune(text)
	for _, m := range c.Marked {
		if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
			continue
		}
		all := allMentions(out)
		spans := slices.DeleteFunc(occurrences(runes, []rune(m.Text)), func(o Mention) bool {
			return o.Start != m.Start && insideLonger(all, o)
		})
		for i := range out {
			out[i].Mentions = slices.DeleteFunc(out[i].Mentions, func(x Mention) bool { return overlapsAny(spans, x) })
		}
		k := slices.IndexFunc(out, func(p Place) bool { return p.Key() == m.Place.Key() })
		if k < 0 {
			k = len(out)
			p := m.Place
			p.Mentions = nil
			out = append(out, p)
		}
		out[k].Mentions = append(out[k].Mentions, spans...)
	}
	out = slices.DeleteFunc(out, func(p Place) bool { return len(p.Mentions) == 0 })
	for i := range out {
		slices.SortFunc(out[i].Mentions, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	}
	slices.SortStableFunc(out, func(a, b Place) int {
		return cmp.Or(cmp.Compare(len(b.Mentions), len(a.Mentions)), cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start))
	})
	return out
}

// allMentions lists the mentions of found by start; Extract's never overlap.
func allMentions(found []Place) []Mention {
	var all []Mention
	for _, p := range found {
		all = append(all, p.Mentions...)
	}
	slices.SortFunc(all, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	return all
}

// insideLonger reports an occurrence that is part of a longer mention in
// all (sorted by start): "Gao" in "Gao Region" stays with the region.
func insideLonger(all []Mention, o Mention) bool {
	i, _ := slices.BinarySearchFunc(all, o.Start+1, func(x Mention, start int) int { return cmp.Compare(x.Start, start) })
	if i == 0 {
		return false
	}
	x := all[i-1] // the last mention starting at or before o
	return o.End <= x.End && x.End-x.Start > o.End-o.Start
}

// overlapsAny reports whether x overlaps one of spans (sorted, disjoint).
func overlapsAny(spans []Mention, x Mention) bool {
	i, _ := slices.BinarySearchFunc(spans, x.Start+1, func(s Mention, end int) int { return cmp.Compare(s.End, end) })
	return i < len(spans) && spans[i].Start < x.End
}

// occurrences are the places where word stands in text as a whole word
// (no letter or digit right before or after), as mentions.
func occurrences(text, word []rune) []Mention {
	var out []Mention
	for i := 0; i+len(word) <= len(text); i++ {
		if !slices.Equal(text[i:i+len(word)], word) {
			continue
		}
		end := i + len(word)
		if (i > 0 && isWordRune(text[i-1])) || (end < len(text) && isWordRune(text[end])) {
			continue
		}
		out = append(out, Mention{Start: i, End: end, Text: string(word)})
		i = end - 1
	}
	return out
}

// Candidates are the gazetteer's places that name may mean, by any of their
// names or spellings (folded, so "tombouctou" finds Timbuktu), in the order
// a reader most often means them: countries, then towns by population, then
// regions, other areas and continents.
func (g *Gazetteer) Candidates(name string) []Place {
	h, ok := g.names[fold.Key(strings.TrimSpace(name))]
	if !ok {
		return nil
	}
	var out []Place
	seen := map[int32]bool{}
	for i := g.heads[h].first; i >= 0; i = g.cands[i].next {
		c := g.cands[i]
		if seen[c.place] || c.class == classDemonym {
			continue
		}
		seen[c.place] = true
		out = append(out, g.describe(c.place))
	}
	slices.SortStableFunc(out, func(a, b Place) int {
		return cmp.Or(cmp.Compare(rank(a.Kind), rank(b.Kind)), cmp.Compare(b.Population, a.Population), strings.Compare(a.Name, b.Name))
	})
	return out
}

// rank orders kinds for Candidates.
func rank(k Kind) int {
	switch k {
	case KindCountry:
		return 0
	case KindCity:
		return 1
	case KindRegion:
		return 2
	case KindArea:
		return 3
	}
	return 4
}

// InText is a place's mentions in one of the texts given to Gather.
type InText struct {
	Text     int // index of the text in Gather's argument
	Mentions []Mention
}

// Gathered is one place across several texts.
type Gathered struct {
	Place    Place    // without mentions
	Mentions int      // in all the texts
	Texts    []InText // the most mentions first, ties in the order given
}

// Gather groups by place the places found in several texts (found[i] in
// text i, as Extract or Apply return them): the most mentioned first, ties
// by name, country and GeoNames id, so the order of the texts does not
// change the order of the places.
func Gather(found [][]Place) []Gathered {
	index := map[string]int{}
	var out []Gathered
	for i, list := range found {
		for _, p := range list {
			k, ok := index[p.Key()]
			if !ok {
				k = len(out)
				index[p.Key()] = k
				out = append(out, Gathered{Place: p})
				out[k].Place.Mentions = nil
			}
			out[k].Mentions += len(p.Mentions)
			out[k].Texts = append(out[k].Texts, InText{i, p.Mentions})
		}
	}
	for _, gp := range out {
		slices.SortStableFunc(gp.Texts, func(a, b InText) int { return cmp.Compare(len(b.Mentions), len(a.Mentions)) })
	}
	slices.SortFunc(out, func(a, b Gathered) int {
		p, q := a.Place, b.Place
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(p.Name, q.Name),
			strings.Compare(p.CountryCode, q.CountryCode), cmp.Compare(p.GeoNameID, q.GeoNameID))
	})
	return out
}
