package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// BenchmarkOpenLarge times what opening an imported article of 1, 10 or
// 19 MB (the import limit is 20) still does on the UI goroutine, on Fyne's
// test driver in a 1000×700 window: preparing the layout and showing the
// Document and layout that Open made in the background. "bg-layout-ms" is
// the layout made in the background (BenchmarkParseLarge in reader times
// the Document).
func BenchmarkOpenLarge(b *testing.B) {
	all, err := articles.All()
	if err != nil {
		b.Fatal(err)
	}
	for _, mb := range []int{1, 10, 19} {
		// About 5.9 bytes a word in readertest.Markdown.
		big := reader.Article{ID: "big", Title: "Big", Body: readertest.Markdown(mb << 20 * 100 / 587)}
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			r := New(test.NewTempApp(b), openLibrary(b), append(all, big), articles.DefaultID, testVersion)
			r.Window().Resize(fyne.NewSize(1000, 700))
			r.Window().Show()
			b.Cleanup(r.Window().Close)
			var layout time.Duration
			for range b.N {
				b.StopTimer()
				r.Open(articles.DefaultID)
				b.StartTimer()
				p := r.view.Prepare()
				b.StopTimer()
				doc := big.Document()
				doc.Runes()
				t0 := time.Now()
				p.Run(doc)
				layout += time.Since(t0)
				b.StartTimer()
				r.show(big, func() { r.view.SetPrepared(p) })
				r.view.Lines()
			}
			b.ReportMetric(float64(layout.Milliseconds())/float64(b.N), "bg-layout-ms")
		})
	}
}
