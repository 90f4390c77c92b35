package search

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A token is a maximal run of letters, digits and combining marks, folded as
// reader.Fold folds (lower case, diacritics dropped) so that "Ménaka",
// "MENAKA" and "menaka" are one term. Everything else separates tokens;
// "Mali's" is the two tokens "mali" and "s", as a reader would type them.

// foldCache holds the folded form of every non-ASCII rune met so far:
// decomposing each one again is most of the cost of tokenising accented text.
var foldCache sync.Map // rune -> string

func foldRune(r rune) string {
	if v, ok := foldCache.Load(r); ok {
		return v.(string)
	}
	var buf []byte
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			buf = utf8.AppendRune(buf, unicode.ToLower(d))
		}
	}
	foldCache.Store(r, string(buf))
	return string(buf)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize calls fn for each token of text in order with its folded form,
// its rune range [start, end) in text and the byte offset of its start; fn
// returns false to stop. The term passed to fn is only valid during the call.
func tokenize(text string, fn func(term []byte, start, end, byteStart int) bool) {
	tokenizeFrom(text, 0, 0, fn)
}

// tokenizeFrom tokenises text[byteOff:], which starts at rune offset runeOff
// of text and at the start of a token or of separators.
func tokenizeFrom(text string, byteOff, runeOff int, fn func(term []byte, start, end, byteStart int) bool) {
	var term []byte
	start, byteStart, pos := -1, 0, runeOff
	flush := func(end int) bool {
		ok := true
		if len(term) > 0 {
			ok = fn(term, start, end, byteStart)
		}
		term, start = term[:0], -1
		return ok
	}
	for i, r := range text[byteOff:] {
		if isWordRune(r) {
			if start < 0 {
				start, byteStart = pos, byteOff+i
			}
			switch {
			case 'A' <= r && r <= 'Z':
				term = append(term, byte(r+'a'-'A'))
			case r < utf8.RuneSelf:
				term = append(term, byte(r))
			default:
				term = append(term, foldRune(r)...)
			}
		} else if start >= 0 && !flush(pos) {
			return
		}
		pos++
	}
	if start >= 0 {
		flush(pos)
	}
}

// terms returns the folded tokens of s.
func terms(s string) []string {
	var out []string
	tokenize(s, func(t []byte, _, _, _ int) bool {
		out = append(out, string(t))
		return true
	})
	return out
}
