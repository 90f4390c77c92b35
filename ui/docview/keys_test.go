package docview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

func key(v *View, k fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: k}) }

// shifted types k with shift held, as the driver reports it: KeyDown of
// the shift key, the key, KeyUp.
func shifted(v *View, k fyne.KeyName) {
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(v, k)
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestKeyboardScrolling(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v, _ := showView(t, doc, 800, 600)
	line := float32(DefaultTextSize * DefaultLineSpacing)
	page := 600 - line
	steps := []struct {
		name string
		do   func()
		want float32 // the scroll after it
	}{
		{"Down", func() { key(v, fyne.KeyDown) }, line},
		{"j", func() { test.Type(v, "j") }, 2 * line},
		{"k", func() { test.Type(v, "k") }, line},
		{"Up", func() { key(v, fyne.KeyUp) }, 0},
		{"Up at the top", func() { key(v, fyne.KeyUp) }, 0},
		{"Space", func() { key(v, fyne.KeySpace); test.Type(v, " ") }, page},
		{"PageDown", func() { key(v, fyne.KeyPageDown) }, 2 * page},
		{"Shift+Space", func() { shifted(v, fyne.KeySpace) }, page},
		{"PageUp", func() { key(v, fyne.KeyPageUp) }, 0},
		{"End", func() { key(v, fyne.KeyEnd) }, v.Lines().Height - 600},
		{"Home", func() { key(v, fyne.KeyHome) }, 0},
	}
	for _, s := range steps {
		s.do()
		if d := v.scroll - s.want; d > 0.01 || d < -0.01 {
			t.Errorf("after %s the view is scrolled to %v, want %v", s.name, v.scroll, s.want)
		}
	}
	key(v, fyne.KeyPageDown)
	if top := v.TopOffset(); top == 0 || v.Lines().Lines[v.Lines().LineAt(v.scroll)].Start > top {
		t.Errorf("after a page down TopOffset is %d", top)
	}
}

func TestKeysTheViewDoesNotUseReachTheWindow(t *testing.T) {
	test.NewTempApp(t)
	v, win := showView(t, reader.Parse(readertest.Markdown(2000)), 800, 600)
	var runes []rune
	var keys []fyne.KeyName
	win.Canvas().SetOnTypedRune(func(r rune) { runes = append(runes, r) })
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) })
	var shortcut int
	ctrlD := &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}
	win.Canvas().AddShortcut(ctrlD, func(fyne.Shortcut) { shortcut++ })

	// The hooks come first: a key they take goes no further.
	var hooked []rune
	v.OnTypedRune = func(r rune) bool {
		hooked = append(hooked, r)
		return r >= '1' && r <= '5'
	}
	v.OnTypedKey = func(ev *fyne.KeyEvent) bool { return ev.Name == fyne.KeyF9 }
	test.Type(v, "3nj")
	key(v, fyne.KeyF9)
	key(v, fyne.KeyF1)
	key(v, fyne.KeyEscape) // nothing selected: Esc is the window's
	v.TypedShortcut(ctrlD)
	if string(hooked) != "3nj" || string(runes) != "n" {
		t.Errorf("hook saw %q, canvas got %q", string(hooked), string(runes))
	}
	if len(keys) != 2 || keys[0] != fyne.KeyF1 || keys[1] != fyne.KeyEscape {
		t.Errorf("canvas got keys %v", keys)
	}
	if shortcut != 1 {
		t.Errorf("the canvas shortcut ran %d times with the view focused", shortcut)
	}
	if v.scroll == 0 {
		t.Error("j, which the hook passed on, did not scroll")
	}
	before := v.scroll
	v.OnTypedKey = func(*fyne.KeyEvent) bool { return true }
	key(v, fyne.KeyDown)
	if v.scroll != before {
		t.Error("the view scrolled on a key its hook took")
	}
}

func TestShiftArrowsExtend(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 420, 1400)
	ls := v.Lines()
	para := ls.Lines[ls.blockLines[1]:ls.blockLines[2]]
	a := para[1].Start + 4
	click(v, boundaryPoint(t, v, a), 0)
	for range 3 {
		shifted(v, fyne.KeyRight)
	}
	shifted(v, fyne.KeyLeft)
	if got := v.Selection(); got != (reader.Range{Start: a, End: a + 2}) {
		t.Fatalf("click, shift+right ×3, shift+left: %v, want %d-%d", got, a, a+2)
	}
	// Down goes to the boundary nearest the x the focus had: at most half
	// a wide letter away.
	x := v.RangeRects(reader.Range{Start: a + 2, End: a + 2})[0].Pos.X
	shifted(v, fyne.KeyDown)
	focus := v.Selection().End
	if ls.lineOf(focus) != ls.lineOf(a)+1 {
		t.Fatalf("shift+down moved the focus to line %d from %d", ls.lineOf(focus), ls.lineOf(a))
	}
	if fx := v.RangeRects(reader.Range{Start: focus, End: focus})[0].Pos.X; fx-x > 8 || x-fx > 8 {
		t.Errorf("shift+down put the focus at x %v, it was at %v", fx, x)
	}
	shifted(v, fyne.KeyUp)
	shifted(v, fyne.KeyUp)
	if got := v.Selection(); got.End != a || ls.lineOf(got.Start) != ls.lineOf(a)-1 {
		t.Errorf("back up past the anchor: %v (anchor %d)", got, a)
	}
	// Without shift the arrows scroll and leave the selection.
	sel := v.Selection()
	key(v, fyne.KeyDown)
	key(v, fyne.KeyRight)
	if v.Selection() != sel {
		t.Errorf("plain arrows changed the selection to %v", v.Selection())
	}
	// Across a combining accent in one step.
	dv, _ := showView(t, reader.Parse("Me\u0301naka"), 400, 200)
	click(dv, boundaryPoint(t, dv, 1), 0)
	shifted(dv, fyne.KeyRight)
	if got := dv.Document().Slice(dv.Selection()); got != "e\u0301" {
		t.Errorf("shift+right over an accented letter selected %q", got)
	}
}

func TestShiftArrowStartsWhereTheReaderLooks(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v, _ := showView(t, doc, 800, 600)
	v.ScrollToOffset(doc.Len() / 2)
	top := v.TopOffset()
	shifted(v, fyne.KeyRight)
	if got := v.Selection(); got != (reader.Range{Start: top, End: top + 1}) {
		t.Errorf("shift+right far from the caret selected %v, the top line starts at %d", got, top)
	}
	// Extending past the bottom of the view scrolls to follow.
	for range 40 {
		shifted(v, fyne.KeyDown)
	}
	end := v.RangeRects(reader.Range{Start: v.Selection().End, End: v.Selection().End})[0]
	if end.Pos.Y < 0 || end.Pos.Y+end.Size.Height > 600 {
		t.Errorf("the focus is at %v, out of the view", end.Pos)
	}
}

func TestShortcutsAndEscape(t *testing.T) {
	a := test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 700, 800)
	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := v.Selection(); got != (reader.Range{Start: 0, End: doc.Len()}) {
		t.Fatalf("Ctrl+A selected %v", got)
	}
	// Paragraph, list (its items on consecutive lines), heading, table (its
	// rows on consecutive lines, cells apart by tabs): blocks apart by a blank line.
	v.SetSelection(reader.Range{Start: doc.Blocks[1].End - 12, End: doc.Blocks[13].Start + 3})
	v.TypedShortcut(&fyne.ShortcutCopy{})
	want := "AVAVA Tô Yé.\n\n" +
		"Handover of camps\n\n" +
		"Ber and Goundam in the north\n" +
		"Tessalit, Aguelhok and Kidal, where the handover was contested by armed groups\n" +
		"nested: Anefis and the road to the Algerian border\n" +
		"Ogossagou\n\n" +
		"First step\n" +
		"Second step with a longer text that wraps onto a second line\n\n" +
		"The withdrawal was completed on schedule, but the security vacuum it left is a concern.\n\n" +
		"A second paragraph of the same quote, with struck words.\n\n" +
		"Figures\n\n" +
		"Region\tCamps\tStatus\n" +
		"Gao"
	if got := a.Clipboard().Content(); got != want {
		t.Errorf("Ctrl+C copied\n%q\nwant\n%q", got, want)
	}
	// Nothing selected: the clipboard keeps what it had.
	key(v, fyne.KeyEscape)
	if v.Selection().Len() != 0 {
		t.Fatalf("Esc left %v selected", v.Selection())
	}
	v.TypedShortcut(&fyne.ShortcutCopy{})
	if a.Clipboard().Content() != want {
		t.Error("copying with nothing selected changed the clipboard")
	}
}

func TestCopyText(t *testing.T) {
	doc := reader.Parse(sample)
	b := doc.Blocks
	for _, tc := range []struct {
		r    reader.Range
		want string
	}{
		{reader.Range{Start: b[1].Start, End: b[1].Start + 6}, "The UN"},
		{reader.Range{Start: b[0].End - 4, End: b[1].Start}, "Mali"},               // ends on the separator
		{reader.Range{Start: b[15].Start, End: b[16].End}, doc.Slice(b[15].Range)}, // code as is; the rule adds nothing
		{reader.Range{Start: b[15].End - 1, End: b[17].Start + 5}, "}\n\nFinal"},
		{reader.Range{Start: b[6].Start, End: b[7].End}, "Ogossagou\n\nFirst step"}, // bullets, then another, numbered list
		{reader.Range{Start: b[12].Start, End: b[14].Start + 5}, "Region\tCamps\tStatus\nGao\t3\tclosed in December\nKidal"},
		{reader.Range{Start: 5, End: 5}, ""},
	} {
		if got := copyText(doc, tc.r); got != tc.want {
			t.Errorf("copyText(%v) = %q, want %q", tc.r, got, tc.want)
		}
	}
}

// TestRevealScrollsOnlyWhenOutOfView: a range in view stays put; one
// below the view comes to a third of the way down.
func TestRevealScrollsOnlyWhenOutOfView(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v, _ := showView(t, doc, 700, 400)
	ls := v.Lines()
	visible := ls.Lines[3].Range
	v.Reveal(visible)
	if v.scroll != 0 {
		t.Errorf("revealing a line in view scrolled to %v", v.scroll)
	}
	far := ls.Lines[len(ls.Lines)/2]
	v.Reveal(far.Range)
	if got, want := far.Y-v.scroll, v.Size().Height/3; got < want-1 || got > want+1 {
		t.Errorf("the revealed line is %v below the top, want about %v", got, want)
	}
	top := v.scroll
	v.Reveal(far.Range)
	if v.scroll != top {
		t.Error("revealing it again scrolled")
	}
}
