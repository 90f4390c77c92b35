package docview

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
)

// The mouse as the GL driver reports it (fyne internal/driver/glfw/window.go):
// a click is MouseDown, MouseUp, then Tapped; a drag is MouseDown, Dragged
// events carrying the pointer's deltas, MouseUp, then DragEnd and no Tapped.

func mouseDown(v *View, at fyne.Position, mod fyne.KeyModifier) {
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary, Modifier: mod})
}

func mouseUp(v *View, at fyne.Position) {
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
}

func click(v *View, at fyne.Position, mod fyne.KeyModifier) {
	mouseDown(v, at, mod)
	mouseUp(v, at)
	v.Tapped(&fyne.PointEvent{Position: at})
}

// drag presses at from and moves to to in three steps.
func drag(v *View, from, to fyne.Position) {
	mouseDown(v, from, 0)
	at := from
	for k := 1; k <= 3; k++ {
		next := fyne.NewPos(from.X+(to.X-from.X)*float32(k)/3, from.Y+(to.Y-from.Y)*float32(k)/3)
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: next}, Dragged: fyne.NewDelta(next.X-at.X, next.Y-at.Y)})
		at = next
	}
	mouseUp(v, to)
	v.DragEnd()
}

// forgetClicks makes the next press a first click, however soon and near.
func forgetClicks(v *View) { v.press.last = time.Time{} }

// runeRect is the rectangle of rune i in the view.
func runeRect(t testing.TB, v *View, i int) Rect {
	t.Helper()
	rects := v.RangeRects(reader.Range{Start: i, End: i + 1})
	if len(rects) != 1 {
		t.Fatalf("rune %d has %d rects", i, len(rects))
	}
	return rects[0]
}

// boundaryPoint is a point that hit testing maps to the boundary before rune i.
func boundaryPoint(t testing.TB, v *View, i int) fyne.Position {
	r := runeRect(t, v, i)
	return r.Pos.Add(fyne.NewPos(r.Size.Width*0.3, r.Size.Height/2))
}

// charPoint is the middle of rune i.
func charPoint(t testing.TB, v *View, i int) fyne.Position {
	r := runeRect(t, v, i)
	return r.Pos.Add(fyne.NewPos(r.Size.Width/2, r.Size.Height/2))
}

// pointable lists the offsets a pointer can land on: boundaries before
// characters that are drawn (not separators, cell tabs or hanging spaces).
func pointable(t testing.TB, v *View) []int {
	doc := v.Document()
	var offs []int
	for i := 0; i < doc.Len(); i++ {
		b := doc.BlockAt(i)
		if !doc.Blocks[b].Contains(i) || doc.Runes()[i] == '\t' && doc.Blocks[b].Kind == reader.TableRow {
			continue
		}
		if runeRect(t, v, i).Size.Width >= 0.5 {
			offs = append(offs, i)
		}
	}
	return offs
}

// TestDragSelectsExactly drags between random characters of every kind of
// block, at several widths and text sizes, forwards and backwards: the
// selection is exactly the range between the two boundaries.
func TestDragSelectsExactly(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 900, 600)
	var changes []reader.Range
	v.OnSelectionChanged = func(r reader.Range) { changes = append(changes, r) }
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ width, size float32 }{{900, 0}, {420, 0}, {330, 12}, {560, 22}} {
		win.Resize(fyne.NewSize(tc.width, 600))
		v.TextSize = tc.size
		v.Refresh()
		win.Resize(fyne.NewSize(tc.width, v.Lines().Height)) // all in view: no auto-scroll
		offs := pointable(t, v)
		for k := 0; k < 60; k++ {
			a, b := offs[rng.IntN(len(offs))], offs[rng.IntN(len(offs))]
			forgetClicks(v)
			drag(v, boundaryPoint(t, v, a), boundaryPoint(t, v, b))
			want := reader.Range{Start: min(a, b), End: max(a, b)}
			if got := v.Selection(); got != want {
				t.Fatalf("width %v size %v: drag from %d to %d selected %v (%q)", tc.width, tc.size, a, b, got, doc.Slice(got))
			}
			if want.Len() > 0 && changes[len(changes)-1] != want {
				t.Fatalf("OnSelectionChanged last reported %v, selection is %v", changes[len(changes)-1], want)
			}
		}
	}
}

func TestDragAcrossBlocksAndWrapPoints(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 420, 600)
	win.Resize(fyne.NewSize(420, v.Lines().Height))
	// From inside the first paragraph, across its wrap points, the heading
	// and the list, into the last cell of the table's last row.
	start := doc.Blocks[1].Start + 7
	end := doc.Blocks[14].Cells[2].Start + 3
	drag(v, boundaryPoint(t, v, start), boundaryPoint(t, v, end))
	if got := v.Selection(); got != (reader.Range{Start: start, End: end}) {
		t.Fatalf("selected %v, want %d-%d", got, start, end)
	}
	rects := v.SelectionRects()
	if len(rects) < 10 {
		t.Errorf("a selection over many lines has %d rects", len(rects))
	}
	if first := v.RangeRects(reader.Range{Start: start, End: start})[0]; rects[0].Pos != first.Pos {
		t.Errorf("selection starts at %v, the caret before rune %d is at %v", rects[0].Pos, start, first.Pos)
	}
}

func TestSelectionSurvivesResizeAndTextSize(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 900, 1200)
	start, end := doc.Blocks[1].Start+40, doc.Blocks[4].Start+12
	drag(v, boundaryPoint(t, v, start), boundaryPoint(t, v, end))
	want := reader.Range{Start: start, End: end}
	for _, tc := range []struct{ width, size float32 }{{430, 0}, {430, 24}, {900, 12}} {
		win.Resize(fyne.NewSize(tc.width, 1200))
		v.TextSize = tc.size
		v.Refresh()
		if got := v.Selection(); got != want {
			t.Fatalf("width %v size %v: selection %v, was %v", tc.width, tc.size, got, want)
		}
		rects := v.SelectionRects()
		caret := func(o int) fyne.Position { return v.RangeRects(reader.Range{Start: o, End: o})[0].Pos }
		last := rects[len(rects)-1]
		if rects[0].Pos != caret(start) || last.Pos.X+last.Size.Width != caret(end).X || last.Pos.Y != caret(end).Y {
			t.Errorf("width %v size %v: rects from %v to %v, carets at %v and %v", tc.width, tc.size, rects[0], last, caret(start), caret(end))
		}
	}
}

func TestDoubleClickSelectsAWord(t *testing.T) {
	test.NewTempApp(t)
	text := "Mali’s army left Ménaka and Me\u0301naka, l’ONU counted 2,690 posts (3.5%).\n\nNext block."
	doc := reader.Parse(text)
	v, _ := showView(t, doc, 900, 400)
	find := func(s string, from int) int {
		rs, want := doc.Runes(), []rune(s)
		for i := from; i+len(want) <= len(rs); i++ {
			if string(rs[i:i+len(want)]) == s {
				return i
			}
		}
		t.Fatalf("%q not in the text", s)
		return 0
	}
	for _, tc := range []struct {
		at   string // the double click lands on the first rune of at
		want string
	}{
		{"’s", "Mali’s"},
		{"Mali", "Mali’s"},
		{"naka and", "Ménaka"},
		{"e\u0301naka", "Me\u0301naka"},
		{"\u0301naka", "Me\u0301naka"},
		{"ONU", "l’ONU"},
		{",690", "2,690"},
		{"5%", "3.5"},
		{", l’", ","},
		{"(3", "("},
		{" army", " "},
	} {
		i := find(tc.at, 0)
		if tc.at == "\u0301naka" { // the accent has no width of its own: aim at its letter
			i--
		}
		forgetClicks(v)
		p := charPoint(t, v, i)
		click(v, p, 0)
		click(v, p, 0)
		if got := doc.Slice(v.Selection()); got != tc.want {
			t.Errorf("double click on %q selected %q, want %q", tc.at, got, tc.want)
		}
	}

	// Dragging after a double click extends by whole words, keeping the first.
	forgetClicks(v)
	p := charPoint(t, v, find("army", 0)+1)
	click(v, p, 0)
	mouseDown(v, p, 0)
	to := charPoint(t, v, find("Ménaka", 0)+2)
	v.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-p.X, to.Y-p.Y)})
	mouseUp(v, to)
	v.DragEnd()
	if got := doc.Slice(v.Selection()); got != "army left Ménaka" {
		t.Errorf("double click and drag selected %q", got)
	}
	// The second click is no tap on the text.
	var taps int
	v.OnLinkTapped = func(string) { taps++ }
	v.OnHighlightTapped = func([]string, fyne.Position) { taps++ }
	v.SetHighlights([]Highlight{{ID: "h", Range: reader.Range{Start: 0, End: 10}}})
	forgetClicks(v)
	click(v, charPoint(t, v, 2), 0)
	click(v, charPoint(t, v, 2), 0)
	if taps != 1 {
		t.Errorf("a double click on a highlight tapped it %d times", taps)
	}
}

func TestTripleClickSelectsTheBlock(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 600, 1400)
	for _, b := range []int{1, 4, 13, 15} {
		p := charPoint(t, v, doc.Blocks[b].Start+9)
		forgetClicks(v)
		for range 3 {
			click(v, p, 0)
		}
		if got := v.Selection(); got != doc.Blocks[b].Range {
			t.Errorf("triple click in block %d selected %v, want %v", b, got, doc.Blocks[b].Range)
		}
	}
	// Dragging after it extends by blocks.
	p := charPoint(t, v, doc.Blocks[3].Start+2)
	forgetClicks(v)
	click(v, p, 0)
	click(v, p, 0)
	mouseDown(v, p, 0)
	to := charPoint(t, v, doc.Blocks[5].Start+3)
	v.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-p.X, to.Y-p.Y)})
	if got := v.Selection(); got != (reader.Range{Start: doc.Blocks[3].Start, End: doc.Blocks[5].End}) {
		t.Errorf("triple click and drag selected %q", doc.Slice(got))
	}
}

func TestShiftClickExtends(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 700, 1200)
	a, b, c := doc.Blocks[1].Start+20, doc.Blocks[4].Start+9, doc.Blocks[1].Start+3
	click(v, boundaryPoint(t, v, a), 0)
	if v.Selection().Len() != 0 {
		t.Fatalf("a click selected %v", v.Selection())
	}
	click(v, boundaryPoint(t, v, b), fyne.KeyModifierShift)
	if got := v.Selection(); got != (reader.Range{Start: a, End: b}) {
		t.Fatalf("click at %d, shift+click at %d: %v", a, b, got)
	}
	// The anchor stays where the first click was.
	click(v, boundaryPoint(t, v, c), fyne.KeyModifierShift)
	if got := v.Selection(); got != (reader.Range{Start: c, End: a}) {
		t.Fatalf("then shift+click at %d: %v", c, got)
	}
	// A plain click clears it.
	click(v, boundaryPoint(t, v, b), 0)
	if v.Selection().Len() != 0 {
		t.Errorf("a plain click left %v selected", v.Selection())
	}
}

func TestAutoScrollWhileDraggingPastTheEdge(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 600, 300)
	start := doc.Blocks[1].Start + 4
	from := boundaryPoint(t, v, start)
	mouseDown(v, from, 0)
	below := fyne.NewPos(from.X, 300+40)
	v.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, below.Y-from.Y)})
	if v.autoScroll == nil {
		t.Fatal("no auto-scroll with the pointer below the view")
	}
	// The pointer rests there: each frame scrolls on and extends the selection.
	before, end := v.scroll, v.Selection().End
	for range 5 {
		v.autoScrollBy(50 * time.Millisecond)
	}
	if v.scroll <= before || v.Selection().End <= end || v.Selection().Start != start {
		t.Errorf("auto-scroll moved from %v to %v, selection from %d to %v", before, v.scroll, end, v.Selection())
	}
	if o, _ := v.OffsetAt(below); v.Selection().End != o {
		t.Errorf("selection ends at %d, the pointer is over %d", v.Selection().End, o)
	}
	// Back inside, it stops; so it does when the button is released.
	v.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -100)})
	if v.autoScroll != nil {
		t.Error("auto-scroll goes on with the pointer inside the view")
	}
	v.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, -400)})
	if v.autoScroll == nil {
		t.Fatal("no auto-scroll with the pointer above the view")
	}
	at := v.scroll
	v.autoScrollBy(50 * time.Millisecond)
	if v.scroll >= at {
		t.Errorf("above the view, auto-scroll went from %v to %v", at, v.scroll)
	}
	mouseUp(v, below)
	v.DragEnd()
	if v.autoScroll != nil {
		t.Error("auto-scroll goes on after the release")
	}
}

func TestHighlightTapSecondaryTapAndFocus(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, win := showView(t, doc, 700, 800)
	p0 := doc.Blocks[1].Start
	v.SetHighlights([]Highlight{
		{ID: "a", Range: reader.Range{Start: p0, End: p0 + 30}},
		{ID: "b", Range: reader.Range{Start: p0 + 20, End: p0 + 50}},
	})
	var tapped [][]string
	v.OnHighlightTapped = func(ids []string, _ fyne.Position) { tapped = append(tapped, ids) }

	for _, tc := range []struct {
		at   int
		want string
	}{{p0 + 5, "[a]"}, {p0 + 25, "[a b]"}, {p0 + 40, "[b]"}, {p0 + 60, "[]"}} {
		if got := fmt.Sprint(v.HighlightsAt(charPoint(t, v, tc.at))); got != tc.want {
			t.Errorf("HighlightsAt rune %d = %s, want %s", tc.at, got, tc.want)
		}
	}
	if ids := v.HighlightsAt(fyne.NewPos(3, 3)); ids != nil {
		t.Errorf("HighlightsAt in the margin = %v", ids)
	}

	forgetClicks(v)
	click(v, charPoint(t, v, p0+25), 0)
	if fmt.Sprint(tapped) != "[[a b]]" {
		t.Errorf("a click on the overlap reported %v", tapped)
	}
	if win.Canvas().Focused() != v {
		t.Error("a click does not focus the view")
	}
	// A drag from a highlight selects instead.
	forgetClicks(v)
	drag(v, boundaryPoint(t, v, p0+10), boundaryPoint(t, v, p0+70))
	if len(tapped) != 1 || v.Selection() != (reader.Range{Start: p0 + 10, End: p0 + 70}) {
		t.Errorf("a drag from a highlight: taps %v, selection %v", tapped, v.Selection())
	}

	// A right click keeps the selection and reports where it was.
	var menuAt []fyne.Position
	v.OnSecondaryTapped = func(at fyne.Position) { menuAt = append(menuAt, at) }
	at := charPoint(t, v, p0+30)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonSecondary})
	v.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonSecondary})
	test.TapSecondaryAt(v, at)
	if len(menuAt) != 1 || menuAt[0] != at || v.Selection() != (reader.Range{Start: p0 + 10, End: p0 + 70}) {
		t.Errorf("right click: reported %v, selection now %v", menuAt, v.Selection())
	}

	// Tapping focuses the view, as test.Tap does it.
	win.Canvas().Unfocus()
	test.TapAt(v, fyne.NewPos(5, 5))
	if win.Canvas().Focused() != v {
		t.Error("a tap does not focus the view")
	}
}

func TestSetSelectionAndDocumentChange(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 700, 800)
	var changes []reader.Range
	v.OnSelectionChanged = func(r reader.Range) { changes = append(changes, r) }
	v.SetSelection(reader.Range{Start: 50, End: 90})
	v.SetSelection(reader.Range{Start: 50, End: 90}) // no change, no report
	v.SetSelection(reader.Range{Start: -5, End: 1 << 20})
	if got := v.Selection(); got != (reader.Range{Start: 0, End: doc.Len()}) {
		t.Errorf("an out-of-range selection is clamped to %v", got)
	}
	v.SetHighlights([]Highlight{{ID: "x", Range: reader.Range{Start: 1, End: 9}}})
	v.SetDocument(reader.Parse("Another text."))
	if v.Selection().Len() != 0 || len(v.highlights) != 0 {
		t.Errorf("a new document keeps selection %v and %d highlights", v.Selection(), len(v.highlights))
	}
	want := fmt.Sprint([]reader.Range{{Start: 50, End: 90}, {Start: 0, End: doc.Len()}, {}})
	if fmt.Sprint(changes) != want {
		t.Errorf("OnSelectionChanged reported %v, want %v", changes, want)
	}
}

func TestWordAt(t *testing.T) {
	doc := reader.Parse("It’s Mopti's 1,000.5 km — e.g. foo_bar, 'quoted'\n\nx")
	text := doc.Text
	for _, tc := range []struct{ at, want string }{
		{"It", "It’s"}, {"s Mopti", "It’s"}, {"'s 1", "Mopti's"}, {",000", "1,000.5"}, {".5", "1,000.5"},
		{" km", " "}, {"—", "—"}, {". foo", "."}, {"_bar", "foo_bar"}, {"'quoted", "'"}, {"quoted", "quoted"},
		{"\nx", "\n"}, {"x", "x"},
	} {
		i := len([]rune(text[:strings.LastIndex(text, tc.at)]))
		if got := doc.Slice(wordAt(doc, i)); got != tc.want {
			t.Errorf("wordAt(%d) on %q = %q, want %q", i, tc.at, got, tc.want)
		}
	}
}
