// Package fold turns place names into the lookup keys that the gazetteer
// generator writes and the extractor reads, so both sides agree byte for byte.
//
// A key is the name in lower case without diacritics (NFD, then every
// non-spacing mark dropped), with the few Latin letters that NFD does not
// decompose (ø, ł, æ, ß...) spelled out, every apostrophe as "'", and words
// joined by one space, hyphens included ("Guinea-Bissau" -> "guinea bissau").
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Version changes whenever the folding rules do; the gazetteer records it so
// that data folded by an older generator is refused rather than half-matched.
const Version = 1

// letters NFD leaves whole: stroke, ligature and special forms.
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'ƒ': "f",
}

// IsApostrophe reports the characters that serve as apostrophes in names
// (N'Djamena, Côte d’Ivoire).
func IsApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || r == '`'
}

// AppendWord appends the folded form of one word (no separators inside) to dst.
func AppendWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		dst = appendRune(dst, r)
	}
	return dst
}

func appendRune(dst []byte, r rune) []byte {
	if s, ok := special[r]; ok {
		return append(dst, s...)
	}
	if IsApostrophe(r) {
		return append(dst, '\'')
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	var it norm.Iter
	it.Init(norm.NFD, buf[:n])
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			d, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			if s, ok := special[d]; ok {
				dst = append(dst, s...)
				continue
			}
			dst = utf8.AppendRune(dst, unicode.ToLower(d))
		}
	}
	return dst
}

// Key folds a whole name: words are split at white space and hyphens and
// joined by one space.
func Key(name string) string {
	var b []byte
	for _, w := range strings.FieldsFunc(name, isSeparator) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = AppendWord(b, w)
	}
	return string(b)
}

// isSeparator splits a name into words the way the extractor's tokenizer
// joins them: white space and dashes.
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '‑' || r == '–'
}

// Latin reports whether every letter of s is in the Latin script, the
// alternate names worth keeping for English and French text.
func Latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
