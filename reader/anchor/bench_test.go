package anchor

import (
	"strings"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// benchSelectors makes n highlights of 20 to 140 runes spread evenly over
// a 100,000-word synthetic article, and returns them with its text.
func benchSelectors(b *testing.B, n int) (string, []reader.Selector) {
	b.Helper()
	doc := reader.Parse(readertest.Markdown(100_000))
	sels := make([]reader.Selector, n)
	step := doc.Len() / n
	for i := range sels {
		start := i*step + 7
		s, err := reader.NewSelector(doc, reader.Range{Start: start, End: start + 20 + i%121})
		if err != nil {
			b.Fatal(err)
		}
		sels[i] = s
	}
	return doc.Text, sels
}

// anchorAll is what opening an article costs: prepare its text, place every annotation.
func anchorAll(b *testing.B, text string, sels []reader.Selector, want Method) {
	a := New(&reader.Document{Text: text})
	for _, s := range sels {
		if got := a.Anchor(s); got.Method != want {
			b.Fatalf("anchored by %v, want %v", got.Method, want)
		}
	}
}

// BenchmarkAnchor1000 re-anchors 1,000 annotations on a 100,000-word
// article (about 650,000 runes); issue 3's targets are 50 ms when nothing
// moved and 500 ms when text was inserted before all of them.
func BenchmarkAnchor1000(b *testing.B) {
	text, sels := benchSelectors(b, 1000)
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			anchorAll(b, text, sels, Position)
		}
	})
	b.Run("inserted-before-all", func(b *testing.B) {
		edited := "A new first paragraph moves every highlight.\n" + text
		for b.Loop() {
			anchorAll(b, edited, sels, Quote)
		}
	})
}

// BenchmarkFuzzy measures one annotation that needs the approximate search
// over the whole article: a short quote and a long one (found by its ends).
func BenchmarkFuzzy(b *testing.B) {
	text, sels := benchSelectors(b, 1000)
	for _, tt := range []struct {
		name string
		sel  reader.Selector
	}{{"quote=60", sels[500-160]}, {"quote=140", sels[120]}} {
		b.Run(tt.name, func(b *testing.B) {
			r := []rune(text)
			p := tt.sel.Position
			mid := (p.Start + p.End) / 2
			edited := "New first line.\n" + string(r[:mid]) + "XYZ" + string(r[mid+3:])
			a := New(&reader.Document{Text: edited})
			if strings.Count(edited, tt.sel.Quote.Exact) != 0 {
				b.Fatal("the edit left the quote intact")
			}
			for b.Loop() {
				if got := a.Anchor(tt.sel); got.Method != Fuzzy {
					b.Fatalf("anchored by %v", got.Method)
				}
			}
		})
	}
}
