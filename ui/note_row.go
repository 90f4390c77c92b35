package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// noteRow is one annotation in a list: a colour chip, the passage
// (shortened), the note rendered from its Markdown, and the tags and date
// below; a bookmark has its ribbon for a chip and its label first. A click on it calls onTap (jump to the passage, or open the editor
// of an unplaced one).
type noteRow struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTap    func()
	hovered  bool
	selected bool // chosen with the arrow keys where a list offers them
}

var (
	_ fyne.Tappable      = (*noteRow)(nil)
	_ desktop.Hoverable  = (*noteRow)(nil)
	_ desktop.Cursorable = (*noteRow)(nil)
)

// noteExcerpt is how much of a note a row renders: a list shows what a
// note is about; the editor has all of it.
const noteExcerpt = 400

func newNoteRow(a reader.Annotation, onTap func(), extra ...fyne.CanvasObject) *noteRow {
	chip := widget.NewIcon(swatchIcon(a.Color, false))
	// One RichText for passage, note and date keeps their spacing even.
	var segs []widget.RichTextSegment
	if a.Motivation == reader.Bookmarking { // a place: its label, then the words there
		chip = widget.NewIcon(bookmarkIcon)
		if label := strings.TrimSpace(a.Note); label != "" {
			segs = append(segs, &widget.TextSegment{Text: shorten(label, 160), Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}})
		}
	}
	segs = append(segs, &widget.TextSegment{
		Text:  quoted(a.Target.Quote.Exact, 160),
		Style: widget.RichTextStyleParagraph,
	})
	if a.Motivation != reader.Bookmarking && strings.TrimSpace(a.Note) != "" {
		segs = append(segs, widget.NewRichTextFromMarkdown(shortenNote(a.Note)).Segments...)
	}
	meta := a.Modified.Local().Format("2 Jan 2006")
	if len(a.Tags) > 0 {
		meta = "#" + strings.Join(a.Tags, "  #") + "  ·  " + meta
	}
	segs = append(segs, &widget.TextSegment{Text: meta, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	// The chip sits level with the passage's first line.
	left := container.New(layout.NewCustomPaddedLayout(theme.InnerPadding()-1, 0, theme.Padding(), 0), chip)
	body := container.NewVBox(text)
	for _, o := range extra {
		body.Add(o)
	}
	return newTappableRow(container.NewBorder(nil, nil, container.NewVBox(left), nil, body), onTap)
}

// newTappableRow makes content a list row that lights up under the mouse
// and calls onTap when clicked.
func newTappableRow(content fyne.CanvasObject, onTap func()) *noteRow {
	row := &noteRow{content: content, onTap: onTap}
	row.ExtendBaseWidget(row)
	return row
}

// shortenNote cuts a long note for a list, at a line break if one is near.
func shortenNote(note string) string {
	if len(note) <= noteExcerpt {
		return note
	}
	cut := strings.ToValidUTF8(note[:noteExcerpt], "")
	if i := strings.LastIndexByte(cut, '\n'); i > noteExcerpt/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

// Tapped calls onTap.
func (n *noteRow) Tapped(*fyne.PointEvent) {
	if n.onTap != nil {
		n.onTap()
	}
}

// MouseIn shows the row can be clicked.
func (n *noteRow) MouseIn(*desktop.MouseEvent) { n.hovered = true; n.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (n *noteRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (n *noteRow) MouseOut() { n.hovered = false; n.Refresh() }

// Cursor is the pointing hand: a row is a link to its passage.
func (n *noteRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (n *noteRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	bg.CornerRadius = theme.InputRadiusSize()
	return &noteRowRenderer{n: n, bg: bg}
}

type noteRowRenderer struct {
	n  *noteRow
	bg *canvas.Rectangle
}

func (r *noteRowRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.n.content.Resize(size)
}

func (r *noteRowRenderer) MinSize() fyne.Size { return r.n.content.MinSize() }

func (r *noteRowRenderer) Refresh() {
	r.bg.FillColor = nil
	if r.n.hovered || r.n.selected {
		th := r.n.Theme()
		r.bg.FillColor = th.Color(theme.ColorNameHover, fyne.CurrentApp().Settings().ThemeVariant())
	}
	r.bg.Refresh()
	r.n.content.Refresh()
}

func (r *noteRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.n.content}
}

func (r *noteRowRenderer) Destroy() {}
