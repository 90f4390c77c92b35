package search

import (
	"cmp"
	"slices"
	"strings"

	"sahelreader/reader"
)

// Snippet is a short stretch of text around matches, on one line, with the
// matched words as rune ranges of Text to highlight.
type Snippet struct {
	Text  string
	Spans []reader.Range
}

// Match is one place the query matches an article's text: Range indexes
// the article's canonical text (reader.Article.Document().Text).
type Match struct {
	reader.Range
	Snippet Snippet
}

// NoteHit is an annotation whose note or tags match the query.
type NoteHit struct {
	Annotation reader.Annotation
	Snippet    Snippet // of the note and its tags
}

// Result is one article that matches: its own text, its annotations, or both.
type Result struct {
	ArticleID, Title string
	Score            float64
	Count            int      // matches in the article's text
	Matches          []Match  // the first few in reading order; the title's only when the text has none
	Tags             *Snippet // the article's tags, "#" before each, when they match
	Notes            []NoteHit
}

// Limits of what a result carries: the list shows a few snippets per
// article, not every occurrence.
const (
	MaxMatches    = 3
	MaxNotes      = 3
	contextBefore = 50 // runes of context before a match...
	contextAfter  = 90 // ...and after it
)

// Search returns up to limit articles matching every word and "phrase" of
// query, best first; each must match within one document: the article's
// text (title included), its tags, or one note. Unless query ends in white
// space or a closing quote, its last word of two letters or more also
// matches as a prefix, as while typing: give a finished query a trailing
// space. An empty query matches nothing.
func (x *Index) Search(query string, limit int) []Result {
	clauses, prefix := parseQuery(query)
	if len(clauses) == 0 || limit <= 0 {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.expand(clauses, prefix)
	// The rarest clause first: the others then decode only its documents.
	slices.SortStableFunc(clauses, func(a, b clause) int { return cmp.Compare(x.estimate(a), x.estimate(b)) })
	hits := make([]*hitSet, len(clauses))
	var only *hitSet
	for i, c := range clauses {
		hits[i] = x.match(c, only)
		if len(hits[i].ids) == 0 {
			return nil
		}
		only = hits[i]
	}
	scores := x.score(clauses, hits)

	groups := x.group(scores)
	// Only the best limit groups become Results: keep them sorted as they come.
	better := func(a, b *group) bool {
		return a.score > b.score || a.score == b.score && a.articleID < b.articleID
	}
	top := make([]*group, 0, limit+1)
	for _, g := range groups {
		if len(top) == limit && !better(g, top[limit-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, g, func(t, g *group) int {
			if better(g, t) {
				return 1
			}
			return -1
		})
		top = slices.Insert(top, i, g)[:min(len(top)+1, limit)]
	}
	groups = top
	results := make([]Result, len(groups))
	for i, g := range groups {
		results[i] = Result{ArticleID: g.articleID, Title: x.titleOf(g.articleID), Score: g.score}
		r, ids := &results[i], g.docs
		slices.Sort(ids) // notes in the order they were indexed
		for _, id := range ids {
			d := &x.docs[id]
			spans := spansOf(d, clauses, hits, id)
			switch {
			case d.kind == articleDoc:
				r.Count = int(sumTF(hits, id))
				r.Matches = matches(d, spans)
			case d.kind == tagsDoc:
				sn := d.snippet(spans, 0, len(spans))
				r.Tags = &sn
			case len(r.Notes) < MaxNotes:
				r.Notes = append(r.Notes, NoteHit{Annotation: d.annotation, Snippet: d.snippet(spans, 0, window(spans, 0))})
			}
		}
	}
	return results
}

// group is one article's matching documents: its text, its notes.
type group struct {
	articleID string
	score     float64
	docs      []int32
}

// group gathers the scored documents by article, summing their scores.
func (x *Index) group(scores map[int32]float64) []*group {
	byDoc := make(map[int32]*group, len(scores)) // by the article's document
	var gone map[string]*group                   // notes of articles not indexed
	var groups []*group
	for id, s := range scores {
		d := &x.docs[id]
		article, indexed := id, true
		if d.kind != articleDoc {
			article, indexed = x.byKey[articleKey(d.articleID)]
		}
		var g *group
		if indexed {
			g = byDoc[article]
		} else {
			g = gone[d.articleID]
		}
		if g == nil {
			g = &group{articleID: d.articleID}
			groups = append(groups, g)
			if indexed {
				byDoc[article] = g
			} else {
				if gone == nil {
					gone = map[string]*group{}
				}
				gone[d.articleID] = g
			}
		}
		g.score += s
		g.docs = append(g.docs, id)
	}
	return groups
}

// estimate is how many documents at most a clause matches: its rarest slot's.
func (x *Index) estimate(c clause) int32 {
	least := int32(-1)
	for _, slot := range c.slots {
		var df int32
		for _, t := range slot {
			if p := x.terms[t]; p != nil {
				df += p.df
			}
		}
		if least < 0 || df < least {
			least = df
		}
	}
	return least
}

func (x *Index) titleOf(articleID string) string {
	if i, ok := x.byKey[articleKey(articleID)]; ok {
		return x.docs[i].title
	}
	return articleID // annotations of an article no longer indexed
}

// sumTF is how often the clauses match document id; a clause's count
// stands for the whole query's, as every clause matches.
func sumTF(hits []*hitSet, id int32) int32 {
	least := int32(-1)
	for _, h := range hits {
		if tf := h.get(id).tf; least < 0 || tf < least {
			least = tf
		}
	}
	return least
}

// spansOf turns the kept match positions of every clause in document id
// into rune ranges of its text, sorted and without overlaps.
func spansOf(d *doc, clauses []clause, hits []*hitSet, id int32) []reader.Range {
	type tokenSpan struct{ from, to int32 } // token positions, inclusive
	var want []tokenSpan
	for i, c := range clauses {
		for _, s := range hits[i].get(id).first {
			want = append(want, tokenSpan{s, s + int32(len(c.slots)) - 1})
		}
	}
	spans := make([]reader.Range, len(want))
	for i, w := range want {
		m := d.marks[w.from/markEvery]
		k := w.from / markEvery * markEvery
		tokenizeFrom(d.text, int(m.byteOff), int(m.runeOff), func(_ []byte, start, end, _ int) bool {
			if k == w.from {
				spans[i].Start = start
			}
			if k == w.to {
				spans[i].End = end
				return false
			}
			k++
			return true
		})
	}
	slices.SortFunc(spans, func(a, b reader.Range) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	merged := spans[:0]
	for _, s := range spans {
		if k := len(merged) - 1; k >= 0 && s.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// matches makes up to MaxMatches snippets of an article's text around its
// matches; matches in the title come only when the text has none, as the
// title is shown anyway.
func matches(d *doc, spans []reader.Range) []Match {
	titleEnd := 0
	if d.titleTo > 0 {
		titleEnd = strings.IndexByte(d.text, '\n')
		if titleEnd < 0 {
			titleEnd = len(d.text)
		}
		titleEnd = len([]rune(d.text[:titleEnd]))
	}
	body := slices.DeleteFunc(slices.Clone(spans), func(s reader.Range) bool { return s.Start < titleEnd })
	if len(body) > 0 {
		spans = body
	}
	var out []Match
	for i := 0; i < len(spans) && len(out) < MaxMatches; {
		j := window(spans, i)
		out = append(out, Match{Range: spans[i], Snippet: d.snippet(spans, i, j)})
		i = j
	}
	return out
}

// window is the end of the spans from i on that fit in one snippet.
func window(spans []reader.Range, i int) int {
	j := i + 1
	for j < len(spans) && spans[j].End <= spans[i].End+contextAfter {
		j++
	}
	return j
}

// snippet is the text around spans[i:j] on one line, cut at word
// boundaries, with "…" where it cuts the text.
func (d *doc) snippet(spans []reader.Range, i, j int) Snippet {
	from := max(0, spans[i].Start-contextBefore)
	seg, more := d.runesIn(from, spans[j-1].End+contextAfter)
	lo, hi := 0, len(seg) // the part of seg shown
	if from > 0 {
		if k := indexSpace(seg[:spans[i].Start-from]); k >= 0 {
			lo = k + 1
		}
	}
	if more {
		if k := lastIndexSpace(seg[spans[j-1].End-from:]); k >= 0 {
			hi = spans[j-1].End - from + k
		}
	}
	var sb strings.Builder
	shift := -from - lo
	if from+lo > 0 {
		sb.WriteString("…")
		shift++
	}
	sb.WriteString(oneLine(seg[lo:hi]))
	if more || hi < len(seg) {
		sb.WriteString("…")
	}
	s := Snippet{Text: sb.String()}
	for _, sp := range spans[i:j] {
		s.Spans = append(s.Spans, reader.Range{Start: sp.Start + shift, End: sp.End + shift})
	}
	return s
}

// runesIn returns the runes of d.text from rune offset from up to to (fewer
// at the end of the text), decoding from the last mark before from, and
// whether more text follows.
func (d *doc) runesIn(from, to int) (seg []rune, more bool) {
	k, _ := slices.BinarySearchFunc(d.marks, from, func(m mark, off int) int { return cmp.Compare(int(m.runeOff), off) })
	byteOff, pos := 0, 0
	if k < len(d.marks) && int(d.marks[k].runeOff) == from {
		byteOff, pos = int(d.marks[k].byteOff), from
	} else if k > 0 {
		byteOff, pos = int(d.marks[k-1].byteOff), int(d.marks[k-1].runeOff)
	}
	for _, r := range d.text[byteOff:] {
		if pos >= to {
			return seg, true
		}
		if pos >= from {
			seg = append(seg, r)
		}
		pos++
	}
	return seg, false
}

// oneLine is rs with line breaks and tabs as spaces, so a snippet's rune
// offsets still match the text.
func oneLine(rs []rune) string {
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r == '\n' || r == '\t' {
			r = ' '
		}
		out[i] = r
	}
	return string(out)
}

func indexSpace(rs []rune) int {
	for i, r := range rs {
		if r == ' ' || r == '\n' {
			return i
		}
	}
	return -1
}

func lastIndexSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == ' ' || rs[i] == '\n' {
			return i
		}
	}
	return -1
}
