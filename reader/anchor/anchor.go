// Package anchor finds an annotation's passage again in an article's current
// text, which may have changed since the annotation was made (a new version
// of the article, a change to the Markdown converter).
//
// It follows the order Hypothesis uses (hypothesis/client,
// src/annotator/anchoring): the stored position, accepted only if the text
// there still equals the quote; then every exact occurrence of the quote,
// ranked by how well the text around it agrees with the stored prefix and
// suffix and by nearness to the stored position; then approximate matches
// within len/4 edits, ranked the same way with the quote's own similarity
// first; else the annotation is an orphan, which callers keep and list,
// never drop. Unlike Hypothesis, a candidate must agree with most
// of the stored quote and context (see minAgreement).
package anchor

import (
	"slices"

	"sahelreader/reader"
)

// Method says how an annotation was placed; the zero value is Orphan.
type Method uint8

const (
	Orphan   Method = iota // not found: list it as unplaced, keep it
	Position               // the stored position still holds the quote
	Quote                  // found elsewhere by its exact quote (the text moved)
	Fuzzy                  // found by a close match (the quote changed a little)
)

func (m Method) String() string {
	switch m {
	case Position:
		return "position"
	case Quote:
		return "quote"
	case Fuzzy:
		return "fuzzy"
	}
	return "orphan"
}

// Anchor is where an annotation lies in the current text; Range is empty
// for an orphan.
type Anchor struct {
	Range  reader.Range
	Method Method
}

// Anchorer places selectors on one version of a text. Make one when an
// article is opened and anchor all its annotations with it: the work that
// does not depend on the annotation is done once. Not safe for concurrent use.
type Anchorer struct {
	src   string
	text  []rune
	hash  string
	index *index // built on the first quote search
}

// New prepares doc's text for anchoring.
func New(doc *reader.Document) *Anchorer {
	return &Anchorer{src: doc.Text, text: doc.Runes(), hash: reader.TextHash(doc.Text)}
}

// Anchor places one selector.
func (a *Anchorer) Anchor(s reader.Selector) Anchor {
	p := s.Position
	inText := p.Start >= 0 && p.Start < p.End && p.End <= len(a.text)
	if inText && s.TextHash == a.hash {
		return Anchor{p, Position} // the very text it was made on
	}
	q := newQuery(s)
	if len(q.exact) == 0 {
		return Anchor{}
	}
	if inText && slices.Equal(a.text[p.Start:p.End], q.exact) {
		return Anchor{p, Position}
	}
	if r, ok := a.best(q, a.exactMatches(q)); ok {
		return Anchor{r, Quote}
	}
	if r, ok := a.best(q, a.fuzzyMatches(q)); ok {
		return Anchor{r, Fuzzy}
	}
	return Anchor{}
}

func (a *Anchorer) exactMatches(q *query) []match {
	if a.index == nil {
		a.index = newIndex(a.src)
	}
	starts := a.index.occurrences(string(q.exact))
	ms := make([]match, len(starts))
	for i, s := range starts {
		ms[i] = match{start: s, end: s + len(q.exact)}
	}
	return ms
}
