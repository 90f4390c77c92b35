package docview

import (
	"reflect"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// runElsewhere runs p on another goroutine, as the app does, while the view
// lays out its own document on this one, and waits for it.
func runElsewhere(v *View, p *Prepared, doc *reader.Document) {
	var wg sync.WaitGroup
	wg.Go(func() { p.Run(doc) })
	v.Refresh()
	v.Lines()
	wg.Wait()
}

func TestPreparedLayoutIsTheViewsOwn(t *testing.T) {
	test.NewTempApp(t)
	v, _ := showView(t, reader.Parse(sample), 700, 500)
	doc := reader.Parse(sample + "\n\n" + readertest.Markdown(5_000) + "\n\n- a list\n  1. numbered")
	p := v.Prepare()
	runElsewhere(v, p, doc)
	if p.lines == nil {
		t.Fatal("the layout needed the UI goroutine")
	}
	want := Layout(doc, 700, v.options())
	v.SetPrepared(p)
	if got := v.Lines(); got != p.lines {
		t.Error("the view laid the document out again")
	}
	if v.Document() != doc || !reflect.DeepEqual(p.lines, want) {
		t.Error("the prepared layout differs from the view's own")
	}
}

func TestPreparedLayoutForAnotherWidthIsNotUsed(t *testing.T) {
	test.NewTempApp(t)
	v, win := showView(t, reader.Parse(sample), 700, 500)
	doc := reader.Parse(sample)
	p := v.Prepare()
	runElsewhere(v, p, doc)
	win.Resize(fyne.NewSize(500, 500))
	v.SetPrepared(p)
	if got := v.Lines(); got == p.lines || got.Width != 500 {
		t.Errorf("laid out for width %v, want 500", got.Width)
	}
}

// Text the theme's fonts lack is measured by Fyne, which is not safe off
// the UI goroutine: such a document is laid out when shown.
func TestTextTheFontsLackIsLaidOutWhenShown(t *testing.T) {
	test.NewTempApp(t)
	v, _ := showView(t, reader.Parse(sample), 700, 500)
	doc := reader.Parse("Bamako 東京prepared and Gao")
	p := v.Prepare()
	runElsewhere(v, p, doc)
	if p.lines != nil {
		t.Fatal("laid out off the UI goroutine with Fyne's measuring")
	}
	v.SetPrepared(p)
	if ls := v.Lines(); ls == nil || len(ls.Lines) != 1 || v.Document() != doc {
		t.Errorf("lines = %+v", ls)
	}
	again := v.Prepare()
	again.Run(doc)
	if again.lines == nil {
		t.Error("the words measured when shown were not cached")
	}
}
