package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// BenchmarkOpenLarge times what opening an imported article of 1, 10 or
// 19 MB (the import limit is 20) still does on the UI goroutine, on Fyne's
// test driver in a 1000×700 window: showing the Document that Open made in
// the background (BenchmarkParseLarge in reader times that), which is
// mostly laying out the whole text.
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
			for range b.N {
				b.StopTimer()
				r.Open(articles.DefaultID)
				doc := big.Document()
				doc.Runes() // as load does in the background
				b.StartTimer()
				r.show(big, doc)
				r.view.Lines()
			}
		})
	}
}
