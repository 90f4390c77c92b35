package docview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

func TestShownFollowsTheViewport(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	var reports []reader.Range
	v := New()
	v.OnShown = func(r reader.Range) { reports = append(reports, r) }
	v.SetDocument(doc)
	win := test.NewWindow(v)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(800, 500))
	t.Cleanup(win.Close)

	if len(reports) == 0 {
		t.Fatal("no OnShown for the first screen")
	}
	first := reports[len(reports)-1]
	if first.Start != 0 || first.End <= 0 || first.End >= doc.Len() {
		t.Fatalf("first screen shows %v of %d runes", first, doc.Len())
	}
	if first != v.Shown() {
		t.Errorf("reported %v, Shown() = %v", first, v.Shown())
	}
	// The last line on screen is at least half inside the viewport.
	ls := v.Lines()
	last := ls.Lines[ls.lineOf(first.End-1)]
	if mid := last.Y + last.Height/2; mid > v.scroll+v.Size().Height {
		t.Errorf("the line ending the shown range has its middle at %v, below the viewport's %v", mid, v.Size().Height)
	}

	n := len(reports)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if len(reports) != n+1 || reports[n].Start <= first.Start || reports[n].End <= first.End {
		t.Fatalf("after Page Down: %v", reports[n:])
	}
	v.Refresh() // nothing moved: no report
	if len(reports) != n+1 {
		t.Errorf("a repaint in place reported %v", reports[n+1:])
	}
	win.Resize(fyne.NewSize(800, 700)) // taller: more shown
	if got := reports[len(reports)-1]; got.End <= reports[n].End {
		t.Errorf("a taller window shows %v, before %v", got, reports[n])
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if got := reports[len(reports)-1]; got.End != doc.Len() {
		t.Errorf("at the end the shown range is %v, want it to end at %d", got, doc.Len())
	}
}

func ribbons(v *View) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range test.WidgetRenderer(v).Objects() {
		if _, ok := o.(*canvas.Image); ok {
			out = append(out, o)
		}
	}
	return out
}

func TestBookmarkRibbonsInTheMargin(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v, _ := showView(t, doc, 900, 500)
	shown := v.Shown()
	ls := v.Lines()
	para := ls.Lines[ls.lineOf(shown.Start+40)]
	// Two bookmarks on one line get one ribbon; one far below none.
	v.SetBookmarks([]int{doc.Len() - 5, para.Start + 2, para.Start})
	got := ribbons(v)
	if len(got) != 1 {
		t.Fatalf("%d ribbons, want 1", len(got))
	}
	r := got[0]
	if r.Position().X+r.Size().Width > ls.colX || r.Position().X < 0 {
		t.Errorf("ribbon at x %v..%v, want it left of the column at %v", r.Position().X, r.Position().X+r.Size().Width, ls.colX)
	}
	if y := r.Position().Y + v.scroll; y != para.Y {
		t.Errorf("ribbon at y %v, want the line's %v", y, para.Y)
	}
	var tapped []int
	v.OnBookmarkTapped = func(o int, _ fyne.Position) { tapped = append(tapped, o) }
	mid := r.Position().Add(fyne.NewPos(r.Size().Width/2, r.Size().Height/2))
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}, Button: desktop.MouseButtonPrimary})
	v.Tapped(&fyne.PointEvent{Position: mid})
	v.Tapped(&fyne.PointEvent{Position: mid.Add(fyne.NewPos(0, para.Height*2))}) // the margin beside the next line
	if len(tapped) != 1 || tapped[0] != para.Start {
		t.Errorf("taps on the ribbon and beside it reported %v, want [%d]", tapped, para.Start)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if len(ribbons(v)) != 1 {
		t.Error("no ribbon at the end of the text")
	}
	v.SetDocument(doc)
	if len(ribbons(v)) != 0 {
		t.Error("a new document kept the ribbons")
	}
}
