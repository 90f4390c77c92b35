package importer

import (
	"fmt"
	"testing"

	"sahelreader/reader/readertest"
)

// BenchmarkConvert is the work an import does per Markdown file before the
// store: checks, front matter and title, and one parse to see it has text.
func BenchmarkConvert(b *testing.B) {
	for _, words := range []int{1_000, 10_000, 100_000} {
		data := []byte("# Report\n\n" + readertest.Markdown(words))
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Convert("r.md", data, fileTime); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
