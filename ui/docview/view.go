// Package docview is Sahel Reader's document widget: a Document set in a
// calm centred column, laid out into a table of visual lines that hit
// testing, selection and highlights share, and painted only where visible.
package docview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// View shows a Document and scrolls it. It scrolls itself rather than sitting
// in a container.Scroll: it must know the viewport to paint only the visible
// lines, keep the reading position as a rune offset across re-wraps, and give
// hit testing one coordinate space; container.Scroll would also need the
// whole content as one huge object.
type View struct {
	widget.BaseWidget

	// OnLinkTapped is called with a link's destination when it is tapped.
	OnLinkTapped func(url string)
	// OnScrolled is called with TopOffset when scrolling changes it.
	OnScrolled func(topOffset int)
	// OnShown is called with Shown whenever the text on screen changes.
	OnShown func(reader.Range)
	// OnSelectionChanged is called with Selection whenever it changes, by
	// the user or by the program.
	OnSelectionChanged func(reader.Range)
	// OnHighlightTapped is called when a click without drag lands on
	// highlighted text, with the IDs of every highlight under it (several
	// where highlights overlap) and the click's position in the view.
	OnHighlightTapped func(ids []string, at fyne.Position)
	// OnBookmarkTapped is called when a click lands on a bookmark's ribbon
	// in the margin, with the offset given to SetBookmarks and the click's
	// position in the view.
	OnBookmarkTapped func(offset int, at fyne.Position)
	// OnSecondaryTapped is called on a right click, with its position in the
	// view, for a context menu; the selection stays as it was.
	OnSecondaryTapped func(at fyne.Position)
	// OnTypedKey and OnTypedRune see the keys typed in the view before it
	// does (the place for the window's 1-5 and N): returning true means the
	// key was used and the view ignores it. Keys neither they nor the view
	// use go on to the canvas's own OnTypedKey and OnTypedRune, which Fyne
	// skips while a widget has focus. As in Fyne, a letter comes both as a
	// key (KeyN) and as a rune ('n'): bind one of the two.
	OnTypedKey  func(ev *fyne.KeyEvent) bool
	OnTypedRune func(r rune) bool

	// MaxColumnWidth is the widest text column at DefaultTextSize; 0 means
	// DefaultMaxColumnWidth. Call Refresh after changing it.
	MaxColumnWidth float32
	// TextSize is the body text size; 0 means DefaultTextSize. Call Refresh after changing it.
	TextSize float32
	// LineSpacing is a body line's height over TextSize; 0 means
	// DefaultLineSpacing. Call Refresh after changing it.
	LineSpacing float32

	doc    *reader.Document
	lines  *Lines
	key    layoutKey
	scroll float32 // y of the content at the top of the viewport
	// anchor is the rune offset kept at the top while the layout changes,
	// so resizing or changing the text size keeps the reader's place.
	anchor   int
	reported int // the TopOffset last passed to OnScrolled
	hover    fyne.Position

	sel        selection
	press      press
	shift      bool            // a shift key is down, for shift+arrows
	autoScroll *fyne.Animation // scrolls while a drag holds the pointer past an edge
	highlights []Highlight     // sorted by range, indexed by hlIndex
	hlIndex    spanIndex
	marks      markSet // the application's: place mentions
	found      markSet // find matches, apart so that a find leaves the places marked
	flash      flash
	bookmarks  []int        // sorted rune offsets, a ribbon each
	shown      reader.Range // last passed to OnShown
}

// layoutKey is what a layout depends on: a change of any field re-lays out.
type layoutKey struct {
	doc   *reader.Document
	width float32
	opts  Options
	fonts [len(measuredStyles)]string
}

// New returns an empty View.
func New() *View {
	v := &View{}
	v.ExtendBaseWidget(v)
	return v
}

// SetDocument shows doc from its top, with nothing selected and no
// highlights, marks or bookmarks: they index the previous document's text.
func (v *View) SetDocument(doc *reader.Document) { v.setDocument(doc, nil) }

// setDocument is SetDocument with doc's layout, if p holds one made for
// the view as it is (SetPrepared).
func (v *View) setDocument(doc *reader.Document, p *Prepared) {
	had := v.Selection().Len() > 0
	v.stopAutoScroll()
	v.stopFlash()
	v.sel, v.press = selection{}, press{}
	v.highlights, v.hlIndex, v.marks, v.found = nil, spanIndex{}, markSet{}, markSet{}
	v.bookmarks, v.shown = nil, reader.Range{}
	v.doc = doc
	v.scroll, v.anchor, v.reported = 0, 0, 0
	if p != nil && p.lines != nil && p.key == v.layoutKey() {
		v.lines, v.key = p.lines, p.key
	}
	v.Refresh()
	if had && v.OnSelectionChanged != nil {
		v.OnSelectionChanged(reader.Range{})
	}
}

// Document is the document shown, or nil.
func (v *View) Document() *reader.Document { return v.doc }

// Lines returns the current layout, laying out again first if the
// document, width, text size or theme fonts changed; nil before the view has a size.
func (v *View) Lines() *Lines {
	w := v.Size().Width
	if w <= 0 {
		return nil
	}
	key := v.layoutKey()
	if v.lines != nil && v.key == key {
		return v.lines
	}
	v.lines, v.key = Layout(v.doc, w, key.opts), key
	v.scroll = v.clampScroll(v.anchorY())
	return v.lines
}

// layoutKey is what the view's layout of its document depends on now.
func (v *View) layoutKey() layoutKey {
	return layoutKey{doc: v.doc, width: v.Size().Width, opts: v.options(), fonts: currentFonts()}
}

func (v *View) options() Options {
	return Options{TextSize: v.TextSize, MaxColumnWidth: v.MaxColumnWidth, LineSpacing: v.LineSpacing}.withDefaults()
}

// anchorY is the scroll that puts the anchor's line at the top; the first
// line keeps the top margin above it.
func (v *View) anchorY() float32 {
	if i := v.lines.lineOf(v.anchor); i > 0 {
		return v.lines.Lines[i].Y
	}
	return 0
}

func (v *View) clampScroll(y float32) float32 {
	if v.lines == nil {
		return 0
	}
	return max(0, min(y, v.lines.Height-v.Size().Height))
}

// ScrollToOffset scrolls so that the line holding the rune at offset is at
// the top, or as near as the end of the document allows.
func (v *View) ScrollToOffset(offset int) {
	v.anchor = offset
	if ls := v.Lines(); ls != nil {
		v.scroll = v.clampScroll(v.anchorY())
	}
	v.scrolled()
}

// TopOffset is the first rune of the first line at least half inside the viewport.
func (v *View) TopOffset() int {
	ls := v.Lines()
	if ls == nil || len(ls.Lines) == 0 {
		return v.anchor
	}
	i := ls.firstBelow(v.scroll)
	return ls.Lines[i].Start
}

// firstBelow is the first line whose middle is at or below y (the last line if none).
func (ls *Lines) firstBelow(y float32) int {
	lo, hi := 0, len(ls.Lines)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if l := ls.Lines[mid]; l.Y+l.Height/2 >= y {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// scrollBy moves the viewport down by dy, as the user asked.
func (v *View) scrollBy(dy float32) {
	if v.Lines() == nil {
		return
	}
	y := v.clampScroll(v.scroll + dy)
	if y == v.scroll {
		return
	}
	v.scroll = y
	v.anchor = v.TopOffset()
	v.scrolled()
}

// scrolled repaints and tells OnScrolled when the top line changed; before
// the view is laid out there is no line to report yet.
func (v *View) scrolled() {
	v.Refresh()
	if v.Lines() == nil {
		return
	}
	if top := v.TopOffset(); top != v.reported {
		v.reported = top
		if v.OnScrolled != nil {
			v.OnScrolled(top)
		}
	}
}

// Scrolled scrolls by a mouse wheel or touchpad.
func (v *View) Scrolled(ev *fyne.ScrollEvent) {
	v.scrollBy(-ev.Scrolled.DY)
}

// OffsetAt maps p, in the view's coordinates, to the nearest character boundary.
func (v *View) OffsetAt(p fyne.Position) (offset int, ok bool) {
	ls := v.Lines()
	if ls == nil || v.doc == nil {
		return 0, false
	}
	return ls.OffsetAt(p.X, p.Y+v.scroll)
}

// visible returns the lines the viewport shows, with one more each side
// that catches block padding and rules at the edges; ok is false with none.
func (v *View) visible(ls *Lines) (first, last int, ok bool) {
	if ls == nil || len(ls.Lines) == 0 {
		return 0, 0, false
	}
	first = max(ls.LineAt(v.scroll)-1, 0)
	last = min(ls.LineAt(v.scroll+v.Size().Height)+1, len(ls.Lines)-1)
	return first, last, true
}

// RangeRects returns one rectangle per visual line that r touches, in the
// view's coordinates (lines scrolled out of sight lie outside the view).
func (v *View) RangeRects(r reader.Range) []Rect {
	ls := v.Lines()
	if ls == nil {
		return nil
	}
	rects := ls.Rects(r)
	for i := range rects {
		rects[i].Pos.Y -= v.scroll
	}
	return rects
}

func (v *View) linkAt(p fyne.Position) (string, bool) {
	ls := v.Lines()
	if ls == nil {
		return "", false
	}
	line, f := ls.fragAt(p.X, p.Y+v.scroll)
	if f == nil || !f.Style.Has(reader.Link) {
		return "", false
	}
	return v.doc.Blocks[line.Block].Runs[f.run].URL, true
}

// Cursor is the hand over links and the text cursor over text. The driver
// asks before it reports the move, so it answers for the previous position,
// one motion event behind.
func (v *View) Cursor() desktop.Cursor {
	if _, ok := v.linkAt(v.hover); ok {
		return desktop.PointerCursor
	}
	if ls := v.Lines(); ls != nil {
		if _, f := ls.fragAt(v.hover.X, v.hover.Y+v.scroll); f != nil {
			return desktop.TextCursor
		}
	}
	return desktop.DefaultCursor
}

// MouseIn tracks the pointer for Cursor.
func (v *View) MouseIn(ev *desktop.MouseEvent) { v.hover = ev.Position }

// MouseMoved tracks the pointer for Cursor.
func (v *View) MouseMoved(ev *desktop.MouseEvent) { v.hover = ev.Position }

// MouseOut forgets the pointer.
func (v *View) MouseOut() { v.hover = fyne.NewPos(-1, -1) }

// MinSize is small: the view takes whatever room the window gives it.
func (v *View) MinSize() fyne.Size {
	s := v.Theme().Size(theme.SizeNameText)
	return fyne.NewSize(s*10, s*4)
}
