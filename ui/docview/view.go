// Package docview is Sahel Reader's document widget: a Document set in a
// calm centred column, laid out into a table of visual lines that hit
// testing, selection and highlights share, and painted only where visible.
package docview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

	// MaxColumnWidth is the widest text column at DefaultTextSize; 0 means
	// DefaultMaxColumnWidth. Call Refresh after changing it.
	MaxColumnWidth float32
	// TextSize is the body text size; 0 means DefaultTextSize. Call Refresh after changing it.
	TextSize float32

	doc    *reader.Document
	lines  *Lines
	key    layoutKey
	scroll float32 // y of the content at the top of the viewport
	// anchor is the rune offset kept at the top while the layout changes,
	// so resizing or changing the text size keeps the reader's place.
	anchor   int
	reported int // the TopOffset last passed to OnScrolled
	hover    fyne.Position
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

// SetDocument shows doc from its top.
func (v *View) SetDocument(doc *reader.Document) {
	v.doc = doc
	v.scroll, v.anchor, v.reported = 0, 0, 0
	v.Refresh()
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
	opts := Options{TextSize: v.TextSize, MaxColumnWidth: v.MaxColumnWidth}.withDefaults()
	key := layoutKey{doc: v.doc, width: w, opts: opts, fonts: currentFonts()}
	if v.lines != nil && v.key == key {
		return v.lines
	}
	v.lines, v.key = Layout(v.doc, w, opts), key
	v.scroll = v.clampScroll(v.anchorY())
	return v.lines
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

// Tapped follows a link under the pointer.
func (v *View) Tapped(ev *fyne.PointEvent) {
	if url, ok := v.linkAt(ev.Position); ok && v.OnLinkTapped != nil {
		v.OnLinkTapped(url)
	}
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

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	r := &viewRenderer{view: v, bar: newScrollBar(v)}
	r.paint()
	return r
}

// viewRenderer paints the visible lines with canvas objects from pools, so
// the number of objects follows the window's height, not the document's length.
type viewRenderer struct {
	view    *View
	bar     *scrollBar
	texts   []*canvas.Text
	rects   []*canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *viewRenderer) Destroy() {}

func (r *viewRenderer) Layout(fyne.Size) {
	v := r.view
	if v.Lines() != nil {
		v.scroll = v.clampScroll(v.scroll) // a taller window may show past the end
	}
	r.paint()
}

func (r *viewRenderer) MinSize() fyne.Size { return r.view.MinSize() }

func (r *viewRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *viewRenderer) Refresh() {
	r.paint()
	r.bar.Refresh()
	canvas.Refresh(r.view)
}

// paint sets up objects for the lines in the viewport. Order: block
// backgrounds and bars, inline code backgrounds, text, then underlines.
// (Highlights and selection will go between the backgrounds and the text.)
func (r *viewRenderer) paint() {
	v := r.view
	size := v.Size()
	r.objects = r.objects[:0]
	nt, nr := 0, 0
	rect := func(x, y, w, h float32, c color.Color) {
		if nr == len(r.rects) {
			r.rects = append(r.rects, canvas.NewRectangle(c))
		}
		o := r.rects[nr]
		nr++
		o.FillColor = c
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
		r.objects = append(r.objects, o)
	}
	text := func(s string, f *face, x, y, w float32, c color.Color) {
		if nt == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", c))
		}
		o := r.texts[nt]
		nt++
		o.Text, o.Color, o.TextSize, o.TextStyle = s, c, f.size, f.style
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, f.height))
		r.objects = append(r.objects, o)
	}

	ls := v.Lines()
	if ls != nil && len(ls.Lines) > 0 {
		th, variant := v.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		fg, bg := th.Color(theme.ColorNameForeground, variant), th.Color(theme.ColorNameBackground, variant)
		// Tints mix the text colour into the background: the themes' own
		// separator colours vanish on some backgrounds (black on dark grey).
		colors := [...]color.Color{
			roleText:            fg,
			roleMarker:          th.Color(theme.ColorNamePlaceHolder, variant),
			roleCodeBackground:  mix(fg, bg, 0.07),
			roleQuoteBar:        mix(fg, bg, 0.3),
			roleSeparator:       mix(fg, bg, 0.15),
			roleStrongSeparator: mix(fg, bg, 0.45),
		}
		link := th.Color(theme.ColorNameHyperlink, variant)
		top := v.scroll
		// One line more each side catches block padding and rules at the edges.
		first := max(ls.LineAt(top)-1, 0)
		last := min(ls.LineAt(top+size.Height)+1, len(ls.Lines)-1)
		lines := ls.Lines[first : last+1]
		b0, b1 := lines[0].Block, lines[len(lines)-1].Block
		var markers []deco
		for _, d := range ls.decos[ls.blockDecos[b0]:ls.blockDecos[b1+1]] {
			if d.text != "" {
				markers = append(markers, d)
				continue
			}
			rect(d.x, d.y-top, d.w, d.h, colors[d.role])
		}
		for i := range lines {
			for _, f := range lines[i].Frags {
				if f.Style.Has(reader.Code) && v.doc.Blocks[lines[i].Block].Kind != reader.CodeBlock {
					fc := &ls.faces[f.face]
					y := lines[i].Y + lines[i].Baseline - fc.ascent - top
					rect(f.X-2, y, f.Width+4, fc.height, colors[roleCodeBackground])
				}
			}
		}
		for _, d := range markers {
			text(d.text, &ls.faces[d.face], d.x, d.y-top, d.w, colors[d.role])
		}
		for i := range lines {
			line := &lines[i]
			for _, f := range line.Frags {
				fc := &ls.faces[f.face]
				c := colors[roleText]
				if f.Style.Has(reader.Link) {
					c = link
				}
				text(v.doc.Text[f.b0:f.b1], fc, f.X, line.Y+line.Baseline-fc.ascent-top, f.Width, c)
			}
		}
		for i := range lines {
			line := &lines[i]
			for _, f := range line.Frags {
				fc := &ls.faces[f.face]
				thick := float32(math.Max(1, math.Round(float64(fc.size)/14)))
				base := line.Y + line.Baseline - top
				if f.Style.Has(reader.Link) {
					rect(f.X, base+thick+1, f.Width, thick, link)
				}
				if f.Style.Has(reader.Strike) {
					rect(f.X, base-fc.ascent*0.3, f.Width, thick, colors[roleText])
				}
			}
		}
	}
	r.bar.Resize(fyne.NewSize(r.bar.MinSize().Width, size.Height))
	r.bar.Move(fyne.NewPos(size.Width-r.bar.Size().Width, 0))
	r.objects = append(r.objects, r.bar)
}

// mix is a of the way from background bg to colour c.
func mix(c, bg color.Color, a float64) color.Color {
	r1, g1, b1, _ := c.RGBA()
	r0, g0, b0, _ := bg.RGBA()
	at := func(x1, x0 uint32) uint8 { return uint8((float64(x1)*a + float64(x0)*(1-a)) / 257) }
	return color.NRGBA{R: at(r1, r0), G: at(g1, g0), B: at(b1, b0), A: 0xff}
}

// currentFonts names the theme's fonts, so a theme change re-lays out.
func currentFonts() [len(measuredStyles)]string {
	m := lockMeasurer()
	defer m.unlock()
	return m.fonts
}
