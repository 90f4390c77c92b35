package reader

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is s as the reader's filters and sorting compare it: lower case and
// without diacritics (NFD, then every non-spacing mark dropped), so that
// "menaka" finds "Ménaka" and Ménaka sorts beside Menaka.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
