package export

import (
	"fmt"
	"io"
	"testing"
	"time"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// annotatedLibrary is 100 articles of 2,000 words with n annotations spread
// over them, every fifth with a note and tags, as a heavy user's library.
func annotatedLibrary(b *testing.B, n int) ([]reader.Article, []reader.Annotation) {
	b.Helper()
	arts := make([]reader.Article, 100)
	docs := make([]*reader.Document, len(arts))
	for i := range arts {
		arts[i] = reader.Article{ID: fmt.Sprintf("article-%d", i), Title: fmt.Sprintf("Article %d", i),
			Body: readertest.MarkdownVariant(2000, uint64(i))}
		docs[i] = arts[i].Document()
	}
	anns := make([]reader.Annotation, n)
	for i := range anns {
		k := i % len(arts)
		at := (i / len(arts) * 97) % (docs[k].Len() - 40)
		a, err := reader.NewAnnotation(arts[k].ID, docs[k], reader.Range{Start: at, End: at + 30}, reader.Highlighting, reader.Colors[i%5], created)
		if err == nil && i%5 == 0 {
			err = a.SetNote(fmt.Sprintf("Note %d: worth checking against the *other* report.", i), created.Add(time.Minute))
			if err == nil {
				err = a.SetTags([]string{"check", fmt.Sprintf("topic %d", i%7)}, created.Add(time.Minute))
			}
		}
		if err != nil {
			b.Fatal(err)
		}
		anns[i] = a
	}
	return arts, anns
}

// BenchmarkExport writes the whole library in every format: W3C and
// Markdown carry the annotations (Markdown also re-anchors each one in its
// article's text); GeoJSON finds the places in the 100 articles' text and
// takes no annotations, so its cost does not grow with them.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		arts, anns := annotatedLibrary(b, n)
		b.Run(fmt.Sprintf("w3c/annotations=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := W3C(io.Discard, anns, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("md/annotations=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Markdown(arts, anns, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("geojson/annotations=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := GeoJSON(io.Discard, arts, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
