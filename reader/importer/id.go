package importer

import (
	"fmt"
	"strings"

	"sahelreader/reader"
)

// IDPrefix starts every imported article's id and no bundled one's
// (articles refuses it), so the two can never collide.
const IDPrefix = "my-"

// maxSlugBytes keeps ids short enough to type on the command line.
const maxSlugBytes = 48

// NewID makes an id for an imported article from its title: IDPrefix and
// the title's words folded to a-z and 0-9 ("my-les-pluies-a-gao"), or the
// start of its hash when the title has no such letters, with "-2", "-3"...
// added while taken says the id is in use.
func NewID(title, hash string, taken func(id string) bool) string {
	base := IDPrefix + slug(title)
	if base == IDPrefix {
		base += hash[:min(8, len(hash))]
	}
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// slug is s folded to lower-case ASCII letters and digits, runs of
// anything else made one "-", cut at a word boundary.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range reader.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlugBytes {
		out = out[:maxSlugBytes]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
	}
	return strings.TrimSuffix(out, "-")
}
