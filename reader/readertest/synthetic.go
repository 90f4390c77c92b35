// Package readertest makes synthetic articles of a chosen size for tests and
// benchmarks, so every package measures growth on the same kind of text.
package readertest

import (
	"fmt"
	"strings"
)

// vocabulary mixes short and long words, diacritics and place names, like the library.
var vocabulary = strings.Fields(`the mission in Mali withdrew from Gao Timbuktu and Mopti after
	ten years of deployment while peacekeepers handed over camps to national authorities near
	Bamako Ségou Ménaka Kidal Sévaré on the Niger river where markets trade millet rice fish
	and cattle across the Sahel under a dry season sky multidimensional stabilization`)

// Markdown returns an article of about the given number of words: sections
// with a heading, paragraphs of about 80 words with emphasis, strong text, a
// code span and a link, and a short bullet list every third section.
func Markdown(words int) string {
	var sb strings.Builder
	written := 0
	next := func() string {
		w := vocabulary[written%len(vocabulary)]
		written++
		return w
	}
	for section := 1; written < words; section++ {
		fmt.Fprintf(&sb, "## Section %d\n\n", section)
		for p := 0; p < 4 && written < words; p++ {
			for i := 0; i < 80 && written < words; i++ {
				switch i {
				case 10:
					fmt.Fprintf(&sb, "*%s* ", next())
				case 30:
					fmt.Fprintf(&sb, "**%s %s** ", next(), next())
				case 50:
					fmt.Fprintf(&sb, "`%s` ", next())
				case 70:
					fmt.Fprintf(&sb, "[%s](https://example.org/%d) ", next(), section)
				default:
					sb.WriteString(next())
					sb.WriteByte(' ')
				}
			}
			sb.WriteString("\n\n")
		}
		if section%3 == 0 {
			for i := 0; i < 3; i++ {
				fmt.Fprintf(&sb, "- %s %s %s\n", next(), next(), next())
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}
