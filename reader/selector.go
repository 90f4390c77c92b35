package reader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"unicode/utf8"
)

// ContextLen is how many runes of text a TextQuote keeps on each side of the
// quote (fewer at the ends of the text): enough to tell repeated passages
// apart, as in Hypothesis.
const ContextLen = 32

// TextQuote is the W3C TextQuoteSelector: the selected text and the text
// around it, so a passage can be found again after the text changed.
type TextQuote struct {
	Exact, Prefix, Suffix string
}

// Selector says where an annotation points: the W3C TextPositionSelector
// (Position, in runes of Document.Text, end exclusive) and TextQuoteSelector
// (Quote) of the same passage, and TextHash of the text they were made on.
type Selector struct {
	Position Range
	Quote    TextQuote
	// TextHash is TextHash(Document.Text) when the selector was made, so an
	// unchanged text is recognised without a search. Empty when unknown
	// (e.g. an annotation imported from another tool).
	TextHash string
}

// TextHash identifies one version of a canonical text: hex SHA-256 of its UTF-8.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// NewSelector describes the non-empty range r of doc by position and quote.
func NewSelector(doc *Document, r Range) (Selector, error) {
	n := doc.Len()
	if r.Start < 0 || r.End > n || r.Start >= r.End {
		return Selector{}, fmt.Errorf("selection %d-%d is empty or outside the text (0-%d)", r.Start, r.End, n)
	}
	runes := doc.Runes()
	return Selector{
		Position: r,
		Quote: TextQuote{
			Exact:  string(runes[r.Start:r.End]),
			Prefix: string(runes[max(0, r.Start-ContextLen):r.Start]),
			Suffix: string(runes[r.End:min(n, r.End+ContextLen)]),
		},
		TextHash: TextHash(doc.Text),
	}, nil
}

// Validate checks that the two selectors agree with each other, so stored or
// imported data can be trusted by re-anchoring.
func (s Selector) Validate() error {
	q := s.Quote
	for _, part := range []string{q.Exact, q.Prefix, q.Suffix} {
		if !utf8.ValidString(part) {
			return errors.New("quote is not valid UTF-8")
		}
	}
	switch p := s.Position; {
	case p.Start < 0 || p.Start >= p.End:
		return fmt.Errorf("position %d-%d is empty or negative", p.Start, p.End)
	case utf8.RuneCountInString(q.Exact) != p.Len():
		return fmt.Errorf("quote has %d characters but position %d-%d spans %d",
			utf8.RuneCountInString(q.Exact), p.Start, p.End, p.Len())
	case utf8.RuneCountInString(q.Prefix) > min(ContextLen, p.Start):
		return fmt.Errorf("quote prefix is longer than %d characters or than the text before position %d", ContextLen, p.Start)
	case utf8.RuneCountInString(q.Suffix) > ContextLen:
		return fmt.Errorf("quote suffix is longer than %d characters", ContextLen)
	case s.TextHash != "" && !isTextHash(s.TextHash):
		return fmt.Errorf("text hash %q is not 64 lower-case hex digits", s.TextHash)
	}
	return nil
}

func isTextHash(h string) bool {
	if len(h) != 2*sha256.Size {
		return false
	}
	for _, c := range []byte(h) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
