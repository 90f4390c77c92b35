package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/ui/docview"
)

// popover is a card floating over the window beside what it is about. It is
// widget.PopUp with one difference: a tap outside (or Esc) asks onDismiss
// first, so an editor saves what was typed instead of dropping it, and stays
// open when it cannot save (the reason is shown in it).
type popover struct {
	widget.BaseWidget
	content   fyne.CanvasObject
	around    docview.Rect // what it is about, in canvas coordinates: the card goes below it, or above
	width     float32
	canvas    fyne.Canvas
	onDismiss func() bool
	onClosed  func()
}

var (
	_ fyne.Tappable          = (*popover)(nil)
	_ fyne.SecondaryTappable = (*popover)(nil)
	_ fyne.Scrollable        = (*popover)(nil)
)

// newPopover makes a card of the given width for content, to sit below
// (or above) around.
func newPopover(c fyne.Canvas, content fyne.CanvasObject, width float32, around docview.Rect, onDismiss func() bool) *popover {
	p := &popover{content: content, width: width, around: around, canvas: c, onDismiss: onDismiss}
	p.ExtendBaseWidget(p)
	return p
}

func (p *popover) show() {
	p.Resize(p.canvas.Size())
	p.canvas.Overlays().Add(p)
}

// close removes the card without asking.
func (p *popover) close() {
	p.canvas.Overlays().Remove(p)
	if p.onClosed != nil {
		p.onClosed()
	}
}

// open reports whether the card is on screen.
func (p *popover) open() bool {
	return slices.Contains(p.canvas.Overlays().List(), fyne.CanvasObject(p))
}

// dismiss closes the card if its owner agrees.
func (p *popover) dismiss() {
	if p.onDismiss == nil || p.onDismiss() {
		p.close()
	}
}

// Tapped dismisses the card on a tap outside it.
func (p *popover) Tapped(ev *fyne.PointEvent) {
	if !p.inside(ev.Position) {
		p.dismiss()
	}
}

// TappedSecondary is Tapped for the other button.
func (p *popover) TappedSecondary(ev *fyne.PointEvent) { p.Tapped(ev) }

// Scrolled swallows the wheel: the text scrolling away under the card would
// leave it pointing at nothing.
func (p *popover) Scrolled(*fyne.ScrollEvent) {}

func (p *popover) inside(pos fyne.Position) bool {
	r := p.place()
	return pos.X >= r.Pos.X && pos.Y >= r.Pos.Y && pos.X <= r.Pos.X+r.Size.Width && pos.Y <= r.Pos.Y+r.Size.Height
}

// place is where the card goes: below the line it is about, or above it
// when there is no room below, always inside the window.
func (p *popover) place() docview.Rect {
	pad, in := theme.Padding(), theme.InnerPadding()
	w := min(max(p.width, p.content.MinSize().Width)+2*in, p.Size().Width-2*pad)
	// A wrapping label knows its height only once it has its width.
	p.content.Resize(fyne.NewSize(w-2*in, p.content.MinSize().Height))
	h := min(p.content.MinSize().Height+2*in, p.Size().Height-2*pad)
	x := min(max(p.around.Pos.X, pad), p.Size().Width-w-pad)
	y := p.around.Pos.Y + p.around.Size.Height + pad
	if y+h > p.Size().Height-pad {
		y = max(p.around.Pos.Y-h-pad, pad)
	}
	return docview.Rect{Pos: fyne.NewPos(x, y), Size: fyne.NewSize(w, h)}
}

func (p *popover) CreateRenderer() fyne.WidgetRenderer {
	return &popoverRenderer{p: p, card: newCard(p.content, theme.SizeNameInnerPadding)}
}

type popoverRenderer struct {
	p    *popover
	card *card
}

func (r *popoverRenderer) Layout(fyne.Size) {
	c := r.p.place()
	r.card.Move(c.Pos)
	r.card.Resize(c.Size)
}

func (r *popoverRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *popoverRenderer) Refresh() {
	r.Layout(r.p.Size())
	r.card.Refresh()
}

func (r *popoverRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.card} }

func (r *popoverRenderer) Destroy() {}
