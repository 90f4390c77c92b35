package docview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// showView puts a View of doc alone in an unpadded test window of the given
// size; the test app must be running.
func showView(t testing.TB, doc *reader.Document, w, h float32) (*View, fyne.Window) {
	v := New()
	v.SetDocument(doc)
	win := test.NewWindow(v)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return v, win
}

// TestOffsetAtRangeRectsRoundTrip checks every character of the sample at
// several widths and text sizes, scrolled: the rectangle of rune i holds
// points that map back to the boundaries on either side of it.
func TestOffsetAtRangeRectsRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 900, 500)
	kinds := map[reader.BlockKind]int{}
	for _, tc := range []struct{ width, size float32 }{{900, 0}, {560, 0}, {330, 0}, {560, 22}, {330, 12}} {
		win.Resize(fyne.NewSize(tc.width, 500))
		v.TextSize = tc.size
		v.Refresh()
		v.ScrollToOffset(doc.Len() / 3)
		name := fmt.Sprintf("width %v size %v", tc.width, tc.size)
		for i := 0; i < doc.Len(); i++ {
			b := doc.BlockAt(i)
			if !doc.Blocks[b].Contains(i) {
				continue // a separator between blocks
			}
			c := doc.Runes()[i]
			if c == '\t' && doc.Blocks[b].Kind == reader.TableRow {
				continue // between cells: on no line of its own
			}
			rects := v.RangeRects(reader.Range{Start: i, End: i + 1})
			if len(rects) != 1 {
				t.Fatalf("%s: rune %d %q: %d rects", name, i, c, len(rects))
			}
			r := rects[0]
			if r.Size.Width < 0.5 {
				continue // a space hanging at a wrap, a tab, a line break
			}
			kinds[doc.Blocks[b].Kind]++
			mid := r.Pos.Y + r.Size.Height/2
			if got, ok := v.OffsetAt(fyne.NewPos(r.Pos.X+r.Size.Width*0.3, mid)); !ok || got != i {
				t.Fatalf("%s: left part of rune %d %q in %v maps to %d, %v", name, i, c, r, got, ok)
			}
			if got, _ := v.OffsetAt(fyne.NewPos(r.Pos.X+r.Size.Width*0.7, mid)); got != i+1 {
				t.Fatalf("%s: right part of rune %d %q in %v maps to %d", name, i, c, r, got)
			}
		}
	}
	for _, k := range []reader.BlockKind{reader.Paragraph, reader.Heading, reader.ListItem, reader.CodeBlock, reader.TableRow} {
		if kinds[k] == 0 {
			t.Errorf("no round trip in blocks of kind %v", k)
		}
	}
}

func TestRangeRectsOnePerLine(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 420, 600)
	ls := v.Lines()
	para := doc.Blocks[1]
	lines := ls.Lines[ls.blockLines[1]:ls.blockLines[2]]
	if len(lines) < 3 {
		t.Fatalf("the first paragraph takes %d lines at 420 wide; the test wants a wrapped one", len(lines))
	}
	rects := v.RangeRects(para.Range)
	if len(rects) != len(lines) {
		t.Fatalf("%d rects for a paragraph on %d lines", len(rects), len(lines))
	}
	for i, r := range rects {
		if r.Pos.Y != lines[i].Y || r.Size.Height != lines[i].Height || r.Pos.X != lines[i].X {
			t.Errorf("rect %d = %v, line at x %v y %v h %v", i, r, lines[i].X, lines[i].Y, lines[i].Height)
		}
	}
	// A range across a wrap point touches the two lines on either side.
	wrap := lines[1].Start
	if got := v.RangeRects(reader.Range{Start: wrap - 3, End: wrap + 3}); len(got) != 2 || got[1].Pos.X != lines[1].X {
		t.Errorf("range across the wrap at %d: %v", wrap, got)
	}
	// An empty range is a caret: at a wrap point it shows at the next line's start.
	if got := v.RangeRects(reader.Range{Start: wrap, End: wrap}); len(got) != 1 || got[0].Size.Width != 0 || got[0].Pos.Y != lines[1].Y {
		t.Errorf("caret at the wrap: %v", got)
	}
	// Past the end of a wrapped line, a click lands before the space it wrapped at.
	if got, _ := v.OffsetAt(fyne.NewPos(419, lines[0].Y+5)); got != lines[0].End-1 || doc.Runes()[got] != ' ' {
		t.Errorf("click right of line 0 maps to %d, line is %v", got, lines[0].Range)
	}
	// Scrolling moves the rects with the text.
	before := v.RangeRects(para.Range)[0].Pos.Y
	v.scrollBy(30)
	if after := v.RangeRects(para.Range)[0].Pos.Y; after != before-30 {
		t.Errorf("after scrolling 30 down the rect moved from %v to %v", before, after)
	}
}

func TestRewrapsOnResize(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 900, 600)
	wide := len(v.Lines().Lines)
	win.Resize(fyne.NewSize(400, 600))
	narrow := len(v.Lines().Lines)
	if narrow <= wide {
		t.Errorf("%d lines at 400 wide, %d at 900", narrow, wide)
	}
	win.Resize(fyne.NewSize(900, 600))
	if again := len(v.Lines().Lines); again != wide {
		t.Errorf("back at 900 wide: %d lines, first time %d", again, wide)
	}
	v.TextSize = 24
	v.Refresh()
	if bigger := len(v.Lines().Lines); bigger <= wide {
		t.Errorf("at text size 24: %d lines, at 16: %d", bigger, wide)
	}
}

func TestLayoutIsCachedUntilSomethingChanges(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 800, 600)
	ls := v.Lines()
	v.Refresh()
	v.scrollBy(50)
	win.Resize(fyne.NewSize(800, 500)) // height only: same wrap
	if v.Lines() != ls {
		t.Error("laid out again though width, size and document stayed")
	}
	win.Resize(fyne.NewSize(700, 500))
	if v.Lines() == ls {
		t.Error("not laid out again after a width change")
	}
}

func TestLinkTapAndCursor(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 900, 600)
	var tapped []string
	v.OnLinkTapped = func(url string) { tapped = append(tapped, url) }

	var link reader.Run
	for _, r := range doc.Blocks[1].Runs {
		if r.Style.Has(reader.Link) {
			link = r
		}
	}
	rects := v.RangeRects(link.Range)
	in := rects[len(rects)-1].Pos.Add(fyne.NewPos(4, rects[0].Size.Height/2))
	test.TapAt(v, in)
	if len(tapped) != 1 || tapped[0] != "https://www.un.org/securitycouncil/" {
		t.Fatalf("tapping the link gave %v", tapped)
	}
	plain := v.RangeRects(reader.Range{Start: doc.Blocks[1].Start, End: doc.Blocks[1].Start + 3})[0]
	over := plain.Pos.Add(fyne.NewPos(2, plain.Size.Height/2))
	test.TapAt(v, over)
	if len(tapped) != 1 {
		t.Errorf("tapping plain text called OnLinkTapped: %v", tapped)
	}

	for _, tc := range []struct {
		at   fyne.Position
		want desktop.Cursor
	}{{in, desktop.PointerCursor}, {over, desktop.TextCursor}, {fyne.NewPos(5, 300), desktop.DefaultCursor}} {
		v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: tc.at}})
		if got := v.Cursor(); got != tc.want {
			t.Errorf("cursor at %v = %v, want %v", tc.at, got, tc.want)
		}
	}
}

func TestScrollToOffsetAndTopOffset(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(5000))
	v, win := showView(t, doc, 800, 600)
	var reported []int
	v.OnScrolled = func(top int) { reported = append(reported, top) }
	if v.TopOffset() != 0 {
		t.Fatalf("a new document starts at %d", v.TopOffset())
	}
	ls := v.Lines()
	for _, o := range []int{doc.Len() / 4, doc.Len() / 2, doc.Blocks[len(doc.Blocks)/3].Start + 7} {
		v.ScrollToOffset(o)
		line := ls.Lines[ls.lineOf(o)]
		if v.TopOffset() != line.Start || !(line.Start <= o && o < line.End) {
			t.Errorf("ScrollToOffset(%d): TopOffset %d, line %v", o, v.TopOffset(), line.Range)
		}
		if r := v.RangeRects(reader.Range{Start: o, End: o + 1}); r[0].Pos.Y != 0 {
			t.Errorf("ScrollToOffset(%d): its line is at y %v, not the top", o, r[0].Pos.Y)
		}
		if reported[len(reported)-1] != v.TopOffset() {
			t.Errorf("OnScrolled last reported %d, TopOffset is %d", reported[len(reported)-1], v.TopOffset())
		}
	}

	// The wheel: a negative delta scrolls down, as in container.Scroll.
	top := v.TopOffset()
	n := len(reported)
	test.Scroll(win.Canvas(), fyne.NewPos(400, 300), 0, -120)
	if v.TopOffset() <= top || len(reported) != n+1 || reported[n] != v.TopOffset() {
		t.Errorf("scrolling down moved the top from %d to %d, reported %v", top, v.TopOffset(), reported[n:])
	}
	test.Scroll(win.Canvas(), fyne.NewPos(400, 300), 0, 1e9)
	if v.TopOffset() != 0 || v.scroll != 0 {
		t.Errorf("scrolled far up: top %d, scroll %v", v.TopOffset(), v.scroll)
	}
	// The end: the last line stays inside the view.
	v.ScrollToOffset(doc.Len())
	last := ls.Lines[len(ls.Lines)-1]
	if bottom := last.Y + last.Height - v.scroll; bottom > 600 || v.scroll != ls.Height-600 {
		t.Errorf("at the end the last line's bottom is at %v, scroll %v of %v", bottom, v.scroll, ls.Height)
	}

	// A resize keeps the reader's place, even resized twice.
	o := doc.Blocks[len(doc.Blocks)/2].Start + 30
	v.ScrollToOffset(o)
	for _, w := range []float32{520, 800, 430} {
		win.Resize(fyne.NewSize(w, 600))
		if r := v.RangeRects(reader.Range{Start: o, End: o + 1}); r[0].Pos.Y != 0 {
			t.Errorf("after resizing to %v, rune %d is at y %v, not the top", w, o, r[0].Pos.Y)
		}
	}

	v.SetDocument(reader.Parse(sample))
	if v.TopOffset() != 0 || v.scroll != 0 {
		t.Errorf("a new document opens at %d, scroll %v", v.TopOffset(), v.scroll)
	}
}

func TestScrollToOffsetBeforeTheViewHasASize(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v := New()
	v.SetDocument(doc)
	o := doc.Len() / 2
	v.ScrollToOffset(o) // a window restoring the reading position before it shows
	win := test.NewWindow(v)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(700, 500))
	defer win.Close()
	if r := v.RangeRects(reader.Range{Start: o, End: o + 1}); len(r) != 1 || r[0].Pos.Y != 0 {
		t.Errorf("rune %d shows at %v once the view has a size", o, r)
	}
}

func TestScrollBarDragAndPage(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(5000))
	v, win := showView(t, doc, 800, 600)
	r := test.WidgetRenderer(v).(*viewRenderer)
	bar := r.bar
	if bar.Position().X+bar.Size().Width != 800 || bar.Size().Height != 600 {
		t.Fatalf("bar at %v size %v", bar.Position(), bar.Size())
	}
	y, h, ok := bar.thumb()
	if !ok || y != 0 || h >= 600 || h <= 0 {
		t.Fatalf("thumb at %v height %v, ok %v", y, h, ok)
	}
	test.Drag(win.Canvas(), fyne.NewPos(798, h/2), 0, 100)
	want := 100 * (v.Lines().Height - 600) / (600 - h)
	if d := v.scroll - want; d > 0.5 || d < -0.5 {
		t.Errorf("dragging the thumb 100 down scrolled to %v, want %v", v.scroll, want)
	}
	if y2, _, _ := bar.thumb(); y2 < 99.5 || y2 > 100.5 {
		t.Errorf("the thumb is at %v after a 100 drag", y2)
	}
	before := v.scroll
	test.TapAt(bar, fyne.NewPos(5, 590))
	if v.scroll-before < 500 {
		t.Errorf("a click on the track below the thumb scrolled %v", v.scroll-before)
	}

	short, _ := showView(t, reader.Parse("One line."), 800, 600)
	if _, _, ok := test.WidgetRenderer(short).(*viewRenderer).bar.thumb(); ok {
		t.Error("a document that fits shows a thumb")
	}
}

// TestPaintsOnlyTheViewport opens a 100,000-word document: it is drawn with
// about as many objects as a short one, wherever it is scrolled.
func TestPaintsOnlyTheViewport(t *testing.T) {
	test.NewTempApp(t)
	short, _ := showView(t, reader.Parse(readertest.Markdown(400)), 900, 700)
	bound := 2 * len(test.LaidOutObjects(short))
	doc := reader.Parse(readertest.Markdown(100000))
	v, win := showView(t, doc, 900, 700)
	r := test.WidgetRenderer(v).(*viewRenderer)
	for _, o := range []int{0, doc.Len() / 2, doc.Len() - 1} {
		v.ScrollToOffset(o)
		if n := len(test.LaidOutObjects(v)); n > bound || n < 20 {
			t.Errorf("scrolled to %d: %d objects, a short document has %d", o, n, bound/2)
		}
	}
	test.Scroll(win.Canvas(), fyne.NewPos(400, 300), 0, -5000)
	if n := len(test.LaidOutObjects(v)); n > bound {
		t.Errorf("after the wheel: %d objects", n)
	}
	if len(r.texts)+len(r.rects) > bound {
		t.Errorf("pools hold %d texts and %d rects", len(r.texts), len(r.rects))
	}
	// What is painted at the top is the top line's text. At the end of the
	// document that line may start above the viewport; its middle is inside.
	ls := v.Lines()
	top := ls.Lines[ls.firstBelow(v.scroll)]
	want := doc.Text[top.Frags[0].b0:top.Frags[0].b1]
	found := false
	for _, o := range r.objects {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == want && txt.Position().Y > -top.Height/2 && txt.Position().Y < top.Height {
			found = true
		}
	}
	if !found {
		t.Errorf("the top line %q is not painted at the top", doc.Slice(top.Range))
	}
}
