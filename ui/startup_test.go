package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
)

// BenchmarkNewWindow is what the user waits for between the library being
// open and the window showing: New over the bundled library at the default
// window size, then what the first frame needs, every visible object's
// renderer (the GL painter makes them as it walks the tree). Fyne's test
// driver stands in for the GL one, so neither the GL context nor the
// painting itself are in it.
//
// The first call in a process pays for what is done once per process
// (parsing fonts, HarfBuzz's tables, Fyne's caches): that is what a start
// costs. Run the test binary once per figure for it:
//
//	go test -c -o /tmp/ui.test ./ui
//	for i in 1 2 3 4 5 6 7; do /tmp/ui.test -test.run '^$' -test.bench 'NewWindow$' -test.benchtime 1x; done
//
// and go test -run '^$' -bench 'NewWindow$' -count 5 ./ui for warm calls.
func BenchmarkNewWindow(b *testing.B) {
	a := test.NewTempApp(b)
	db := openLibrary(b)
	arts := bundled(b)
	b.ReportAllocs()
	for b.Loop() {
		r := New(a, db, arts, articles.DefaultID, testVersion)
		r.Window().Show()
		renderVisible(r.Window().Canvas().Content())
		b.StopTimer()
		r.Window().Close()
		b.StartTimer()
	}
}

// renderVisible makes the renderer of every visible widget under o, as the
// first paint does.
func renderVisible(o fyne.CanvasObject) {
	if !o.Visible() {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			renderVisible(c)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			renderVisible(c)
		}
	}
}
