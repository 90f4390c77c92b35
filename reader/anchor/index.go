package anchor

import (
	"index/suffixarray"
	"unicode/utf8"
)

// index finds every occurrence of a quote in O(len(quote)·log(len(text)))
// plus one per hit. Re-anchoring after an edit searches once per annotation,
// and a thousand scans of a long text cost more than building this once.
type index struct {
	sa     *suffixarray.Index
	runeAt []int32 // rune offset of each byte offset that starts a rune
}

func newIndex(text string) *index {
	runeAt := make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		runeAt[i] = n
		n++
	}
	runeAt[len(text)] = n
	return &index{sa: suffixarray.New([]byte(text)), runeAt: runeAt}
}

// occurrences returns the rune offsets where quote starts, in no order.
// Matches of valid UTF-8 in valid UTF-8 always start on a rune boundary.
func (x *index) occurrences(quote string) []int {
	if !utf8.ValidString(quote) {
		return nil
	}
	at := x.sa.Lookup([]byte(quote), -1)
	for i, b := range at {
		at[i] = int(x.runeAt[b])
	}
	return at
}
