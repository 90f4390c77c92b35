package docview

import (
	"unicode"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// selection is the user's selection as two rune offsets: the anchor, where
// it began, and the focus, the end that moves. Offsets, not positions on the
// screen, so it survives re-wrapping, resizing and text size changes. Equal
// offsets are a caret: nothing shows, but shift+click and shift+arrows
// extend from there.
type selection struct {
	anchor, focus int
	// unit is what a drag extends by: characters, or after a double or
	// triple click whole words or blocks, keeping the first one whole.
	unit  unit
	first reader.Range // the word or block the multiple click selected
	// goalX is the x that successive shift+up/down keep, as editors do, so
	// a short line on the way does not pull the focus left.
	goalX   float32
	hasGoal bool
}

type unit uint8

const (
	byChar unit = iota
	byWord
	byBlock
)

// Selection is the selected range of the document's text; the zero Range
// when nothing is selected.
func (v *View) Selection() reader.Range {
	a, f := v.sel.anchor, v.sel.focus
	if a == f {
		return reader.Range{}
	}
	return reader.Range{Start: min(a, f), End: max(a, f)}
}

// SetSelection selects r, clamped to the document; an empty r clears the
// selection. It does not scroll.
func (v *View) SetSelection(r reader.Range) {
	v.sel.unit, v.sel.hasGoal = byChar, false
	v.setSel(r.Start, r.End)
}

// ClearSelection selects nothing, leaving the caret at the selection's end.
func (v *View) ClearSelection() {
	v.sel.hasGoal = false
	v.setSel(v.sel.focus, v.sel.focus)
}

// SelectAll selects the whole text.
func (v *View) SelectAll() {
	if v.doc != nil {
		v.SetSelection(reader.Range{Start: 0, End: v.doc.Len()})
	}
}

// Copy puts the selection on the clipboard as plain text (see copyText);
// with nothing selected the clipboard keeps what it has.
func (v *View) Copy() {
	if r := v.Selection(); r.Len() > 0 && v.doc != nil {
		fyne.CurrentApp().Clipboard().SetContent(copyText(v.doc, r))
	}
}

// SelectionRects returns the selection's rectangles on the lines in view,
// one per line, in the view's coordinates: where a toolbar for it can go.
func (v *View) SelectionRects() []Rect {
	r := v.Selection()
	ls := v.Lines()
	first, last, ok := v.visible(ls)
	if r.Len() == 0 || !ok {
		return nil
	}
	m := lockMeasurer()
	defer m.unlock()
	var rects []Rect
	for i := first; i <= last; i++ {
		line := &ls.Lines[i]
		if x0, x1, ok := ls.span(m, line, r); ok {
			rects = append(rects, Rect{Pos: fyne.NewPos(x0, line.Y-v.scroll), Size: fyne.NewSize(x1-x0, line.Height)})
		}
	}
	return rects
}

// setSel moves the anchor and focus, clamped to the text, and repaints and
// reports when what is selected changed (a caret moving shows nothing).
func (v *View) setSel(anchor, focus int) {
	n := 0
	if v.doc != nil {
		n = v.doc.Len()
	}
	before := v.Selection()
	v.sel.anchor, v.sel.focus = min(max(anchor, 0), n), min(max(focus, 0), n)
	if v.Selection() == before {
		return
	}
	v.Refresh()
	if v.OnSelectionChanged != nil {
		v.OnSelectionChanged(v.Selection())
	}
}

// extendTo moves the focus to boundary o; after a double or triple click
// the selection grows by whole words or blocks and keeps the first one.
func (v *View) extendTo(o int) {
	s := &v.sel
	if s.unit == byChar || v.doc == nil {
		v.setSel(s.anchor, o)
		return
	}
	if o < s.first.Start {
		v.setSel(s.first.End, v.unitAt(o, s.unit).Start)
		return
	}
	// The unit that ends at o is the one before it.
	v.setSel(s.first.Start, max(v.unitAt(max(o-1, s.first.Start), s.unit).End, s.first.End))
}

// unitAt is the word or block that holds the rune at offset i.
func (v *View) unitAt(i int, u unit) reader.Range {
	if u == byBlock {
		b := v.doc.BlockAt(i)
		if b < 0 {
			return reader.Range{}
		}
		return v.doc.Blocks[b].Range
	}
	return wordAt(v.doc, i)
}

// wordAt is the word holding rune i: letters, digits, combining marks and
// connectors, with an apostrophe between letters ("Mali’s", "l’ONU") and a
// point or comma between digits ("2,690", "3.5") inside it. On a space it is
// the run of spaces, on anything else that one character. Words never cross
// a block's edge.
func wordAt(doc *reader.Document, i int) reader.Range {
	rs := doc.Runes()
	if i < 0 || i >= len(rs) {
		return reader.Range{Start: i, End: i}
	}
	b := doc.BlockAt(i)
	lo, hi := doc.Blocks[b].Start, doc.Blocks[b].End
	if i >= hi { // a separator between blocks
		return reader.Range{Start: i, End: i + 1}
	}
	var in func(k int) bool
	switch {
	case inWord(rs, i, lo, hi):
		in = func(k int) bool { return inWord(rs, k, lo, hi) }
	case rs[i] == ' ':
		in = func(k int) bool { return rs[k] == ' ' }
	default:
		return reader.Range{Start: i, End: i + 1}
	}
	start, end := i, i+1
	for start > lo && in(start-1) {
		start--
	}
	for end < hi && in(end) {
		end++
	}
	return reader.Range{Start: start, End: end}
}

// inWord reports whether rune k of rs, in a block spanning [lo, hi), is
// part of a word, a joiner counting only between the characters it joins.
func inWord(rs []rune, k, lo, hi int) bool {
	if isWordRune(rs[k]) {
		return true
	}
	if k == lo || k+1 >= hi {
		return false
	}
	before, after := rs[k-1], rs[k+1]
	switch rs[k] {
	case '\'', '’':
		return unicode.IsLetter(before) && unicode.IsLetter(after)
	case '.', ',':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r)
}
