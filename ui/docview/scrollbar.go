package docview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scrollBar is the View's vertical bar: a thin thumb that widens under the
// pointer and can be dragged; a click on the track pages.
type scrollBar struct {
	widget.BaseWidget
	view     *View
	hovered  bool
	dragging bool
}

func newScrollBar(v *View) *scrollBar {
	b := &scrollBar{view: v}
	b.ExtendBaseWidget(b)
	return b
}

// thumb returns the thumb's top and height, ok false when all the content fits.
func (b *scrollBar) thumb() (y, h float32, ok bool) {
	ls := b.view.Lines()
	viewH := b.view.Size().Height
	if ls == nil || ls.Height <= viewH || viewH <= 0 {
		return 0, 0, false
	}
	h = max(viewH*viewH/ls.Height, 2*b.Theme().Size(theme.SizeNameScrollBar))
	y = (viewH - h) * b.view.scroll / (ls.Height - viewH)
	return y, h, true
}

// Dragged moves the content so that the thumb follows the pointer.
func (b *scrollBar) Dragged(ev *fyne.DragEvent) {
	_, h, ok := b.thumb()
	if !ok {
		return
	}
	b.dragging = true
	viewH := b.view.Size().Height
	b.view.scrollBy(ev.Dragged.DY * (b.view.Lines().Height - viewH) / (viewH - h))
}

// DragEnd narrows the thumb again.
func (b *scrollBar) DragEnd() {
	b.dragging = false
	b.Refresh()
}

// Tapped on the track pages towards the tap.
func (b *scrollBar) Tapped(ev *fyne.PointEvent) {
	y, h, ok := b.thumb()
	if !ok {
		return
	}
	page := b.view.Size().Height * 0.9
	switch {
	case ev.Position.Y < y:
		b.view.scrollBy(-page)
	case ev.Position.Y > y+h:
		b.view.scrollBy(page)
	}
}

// Cursor keeps the arrow over the bar, whatever the text beside it shows.
func (b *scrollBar) Cursor() desktop.Cursor { return desktop.DefaultCursor }

// MouseIn widens the thumb.
func (b *scrollBar) MouseIn(*desktop.MouseEvent) {
	b.hovered = true
	b.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (b *scrollBar) MouseMoved(*desktop.MouseEvent) {}

// MouseOut narrows the thumb.
func (b *scrollBar) MouseOut() {
	b.hovered = false
	b.Refresh()
}

// MinSize is the width the bar takes for the pointer, whatever the thumb shows.
func (b *scrollBar) MinSize() fyne.Size {
	return fyne.NewSize(b.Theme().Size(theme.SizeNameScrollBar), 0)
}

// CreateRenderer is part of fyne.Widget.
func (b *scrollBar) CreateRenderer() fyne.WidgetRenderer {
	r := &scrollBarRenderer{bar: b, thumb: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type scrollBarRenderer struct {
	bar   *scrollBar
	thumb *canvas.Rectangle
}

func (r *scrollBarRenderer) Destroy() {}

func (r *scrollBarRenderer) Layout(fyne.Size) { r.Refresh() }

func (r *scrollBarRenderer) MinSize() fyne.Size { return r.bar.MinSize() }

func (r *scrollBarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.thumb} }

func (r *scrollBarRenderer) Refresh() {
	b := r.bar
	th := b.Theme()
	y, h, ok := b.thumb()
	if !ok {
		r.thumb.Hide()
		return
	}
	w := th.Size(theme.SizeNameScrollBarSmall)
	if b.hovered || b.dragging {
		w = th.Size(theme.SizeNameScrollBar)
	}
	r.thumb.FillColor = th.Color(theme.ColorNameScrollBar, fyne.CurrentApp().Settings().ThemeVariant())
	r.thumb.CornerRadius = th.Size(theme.SizeNameScrollBarRadius)
	r.thumb.Move(fyne.NewPos(b.Size().Width-w, y))
	r.thumb.Resize(fyne.NewSize(w, h))
	r.thumb.Show()
	r.thumb.Refresh()
}
