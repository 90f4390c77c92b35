package reader_test

import (
	"fmt"
	"testing"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// BenchmarkParse measures Markdown -> Document for the seed article and for
// synthetic articles ten and a hundred times larger, to show how cost grows.
func BenchmarkParse(b *testing.B) {
	seed, ok := articles.ByID(articles.DefaultID)
	if !ok {
		b.Fatal("seed article missing")
	}
	inputs := map[string]string{"minusma": seed.Body}
	for _, words := range []int{1_000, 10_000, 100_000} {
		inputs[fmt.Sprintf("words=%d", words)] = readertest.Markdown(words)
	}
	for _, name := range []string{"minusma", "words=1000", "words=10000", "words=100000"} {
		markdown := inputs[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(markdown)))
			for b.Loop() {
				reader.Parse(markdown)
			}
		})
	}
}

// BenchmarkParseLarge measures Markdown -> Document for 1, 10 and 50 MB of
// synthetic text, the sizes of very large imports and `places FILE.md`.
func BenchmarkParseLarge(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		// About 5.9 bytes a word in readertest.Markdown.
		markdown := readertest.Markdown(mb << 20 * 100 / 587)
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(markdown)))
			for b.Loop() {
				reader.Parse(markdown)
			}
		})
	}
}
