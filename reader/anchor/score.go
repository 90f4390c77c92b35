package anchor

import "sahelreader/reader"

// Weights of a candidate's score, Hypothesis's (match-quote.ts): the quote's
// own similarity counts most, then each side's context; nearness to the
// stored position only breaks ties.
const (
	quoteWeight   = 50
	contextWeight = 20
	posWeight     = 2
)

// minAgreement is the share of the stored quote and context runes a
// candidate must agree with. Hypothesis takes any exact match, so a short
// quote ("Gao") whose passage was deleted jumps to another "Gao"; requiring
// 60% of quote+context to agree makes it an orphan instead, which the user
// sees and can place again. TestAgreementOfUnrelatedContext shows the margin.
const minAgreement = 0.6

// match is a candidate place for the quote, with the quote's edit distance.
type match struct {
	start, end, dist int
}

// query is one selector prepared for searching.
type query struct {
	exact         []rune
	hint          int      // the stored start
	before, after *pattern // the stored prefix (reversed) and suffix; nil when empty
}

func newQuery(s reader.Selector) *query {
	q := &query{exact: []rune(s.Quote.Exact), hint: s.Position.Start}
	// Context longer than a pattern (unchecked imported data) is compared
	// by its part next to the quote.
	if prefix := []rune(s.Quote.Prefix); len(prefix) > 0 {
		q.before = newPattern(reversed(prefix[max(0, len(prefix)-maxPattern):]))
	}
	if suffix := []rune(s.Quote.Suffix); len(suffix) > 0 {
		q.after = newPattern(suffix[:min(len(suffix), maxPattern)])
	}
	return q
}

// best returns the range of the highest-scoring candidate that agrees enough
// with the stored quote and context; ties go to the earlier one.
func (a *Anchorer) best(q *query, ms []match) (reader.Range, bool) {
	var found reader.Range
	top := -1.0
	for _, m := range ms {
		score, agreement := a.rate(q, m)
		if agreement >= minAgreement && (score > top || score == top && m.start < found.Start) {
			top, found = score, reader.Range{Start: m.start, End: m.end}
		}
	}
	return found, top >= 0
}

// rate gives a candidate's score (out of quoteWeight+2*contextWeight+posWeight)
// and the share of stored quote and context runes that agree with it.
func (a *Anchorer) rate(q *query, m match) (score, agreement float64) {
	quote := 1 - float64(m.dist)/float64(len(q.exact))
	pre, preLen := a.context(q.before, m.start-1, -1)
	suf, sufLen := a.context(q.after, m.end, 1)
	near := 1 - float64(abs(m.start-q.hint))/float64(max(1, len(a.text)))
	score = quoteWeight*quote + contextWeight*(pre+suf) + posWeight*near
	n := float64(len(q.exact))
	agreement = (n*quote + preLen*pre + sufLen*suf) / (n + preLen + sufLen)
	return score, agreement
}

// context compares one side's stored context with the text read from
// a.text[from] in direction dir: its similarity (0-1) and its length. A side
// with no stored context (the quote touched the end of the text) counts as
// agreeing, as in Hypothesis, but weighs nothing in the agreement share.
func (a *Anchorer) context(p *pattern, from, dir int) (similarity, length float64) {
	if p == nil {
		return 1, 0
	}
	d, _ := p.prefixDistance(a.text, from, dir)
	return 1 - float64(d)/float64(p.n), float64(p.n)
}

func reversed(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}
