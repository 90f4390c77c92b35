// Package readertest makes synthetic articles of a chosen size for tests and
// benchmarks, so every package measures growth on the same kind of text.
package readertest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// commonWords lead the vocabulary: the most frequent words of English news
// prose and the library's place names, so they recur as in real articles.
var commonWords = strings.Fields(`the of and to in a that was for on with as by at from
	it its is were has had mission Mali Gao Timbuktu Mopti Bamako Ségou Ménaka Kidal
	Sévaré Niger peacekeepers United Nations government forces withdrawal`)

// syllables build the long tail of rarer words. Real text of 100,000 words
// has well over 10,000 distinct words, and a layout that caches word widths
// must be measured on such a tail, not on a handful of repeated words.
var syllables = strings.Fields(`ba ko ma li ga o tim buk tu mop ti se gou me na ka ki dal
	sa hel ni ger ra wa ta de ru an ol et ir ex pro con ment tion al ing ed er ly`)

// Markdown returns an article of the given number of words: sections with a
// heading, paragraphs of about 80 words with emphasis, strong text, a code
// span and a link, and a short bullet list every third section. Word
// frequencies follow Zipf's law over a vocabulary of 40,000 words; the same
// size always gives the same text.
func Markdown(words int) string { return MarkdownVariant(words, 0) }

// MarkdownVariant is Markdown's text of the same size drawn with another
// seed, for libraries of many different articles; variant 0 is Markdown.
func MarkdownVariant(words int, variant uint64) string {
	rng := rand.New(rand.NewPCG(1+variant, uint64(words)))
	zipf := rand.NewZipf(rng, 1.07, 2, 40_000-1)
	var sb strings.Builder
	written := 0
	next := func() string {
		written++
		return word(int(zipf.Uint64()))
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

// word is the vocabulary's n-th word: a common word, or one spelled from
// syllables by the digits of n in base len(syllables).
func word(n int) string {
	if n < len(commonWords) {
		return commonWords[n]
	}
	var sb strings.Builder
	for n = n - len(commonWords) + 1; n > 0; n /= len(syllables) {
		sb.WriteString(syllables[n%len(syllables)])
	}
	return sb.String()
}
