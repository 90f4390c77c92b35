package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FindIndex is a text folded once for find in article, so that each query
// (one per key typed) is a plain substring search. Folding is Fold's, one
// rune at a time, and it changes lengths: "é" may be two runes in the text
// and one letter folded, a Hangul syllable one rune and three folded. So the
// index keeps, for every byte of the folded text, the rune of the original
// text it came from, and matches come back as ranges of the original text.
type FindIndex struct {
	folded string
	// from[i] is the rune offset in the original text of the rune that
	// folded byte i came from; from[len(folded)] is the text's length in
	// runes. Runes folded to nothing (combining accents) own no byte: a
	// match that ends before them takes them in through the next entry.
	from []int32
}

// NewFindIndex folds text for FindAll.
func NewFindIndex(text string) *FindIndex {
	var b strings.Builder
	b.Grow(len(text))
	from := make([]int32, 0, len(text)+1)
	decomposed := map[rune]string{} // the few non-ASCII runes recur
	n := int32(0)
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			from = append(from, n)
			n++
			continue
		}
		f, ok := decomposed[r]
		if !ok {
			f = foldRune(r)
			decomposed[r] = f
		}
		b.WriteString(f)
		for range len(f) {
			from = append(from, n)
		}
		n++
	}
	return &FindIndex{folded: b.String(), from: append(from, n)}
}

// foldRune is Fold of one rune.
func foldRune(r rune) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// FindAll returns the places where query occurs in the text, ignoring case
// and diacritics, in order and without overlaps, at most limit of them (all
// when limit <= 0). A query that folds to nothing finds nothing.
func (x *FindIndex) FindAll(query string, limit int) []Range {
	q := Fold(query)
	if q == "" {
		return nil
	}
	var found []Range
	for at := 0; limit <= 0 || len(found) < limit; {
		i := strings.Index(x.folded[at:], q)
		if i < 0 {
			break
		}
		i += at
		j := i + len(q)
		// A match ending inside a rune that folded to several (Hangul)
		// still takes the whole rune.
		end := max(x.from[j], x.from[j-1]+1)
		found = append(found, Range{Start: int(x.from[i]), End: int(end)})
		at = j
	}
	return found
}
