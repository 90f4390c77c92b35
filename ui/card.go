package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// card is content on a raised surface with a soft shadow: the look of what
// floats over the text (the selection toolbar, popovers, message bars). A
// widget rather than rectangles in a container so that its colours follow
// a change of theme.
type card struct {
	widget.BaseWidget
	content fyne.CanvasObject
	inset   fyne.ThemeSizeName // the room between the card's edge and its content
}

// newCard puts content on a card with inset room around it: a size of the
// theme, such as theme.SizeNamePadding for a compact toolbar.
func newCard(content fyne.CanvasObject, inset fyne.ThemeSizeName) *card {
	c := &card{content: content, inset: inset}
	c.ExtendBaseWidget(c)
	return c
}

func (c *card) insetSize() float32 { return c.Theme().Size(c.inset) }

func (c *card) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{c: c, shadow: canvas.NewRectangle(nil), bg: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type cardRenderer struct {
	c          *card
	shadow, bg *canvas.Rectangle
}

func (r *cardRenderer) Layout(size fyne.Size) {
	in := r.c.insetSize()
	r.shadow.Move(fyne.NewPos(0, 2))
	r.shadow.Resize(size)
	r.bg.Resize(size)
	r.c.content.Move(fyne.NewPos(in, in))
	r.c.content.Resize(size.SubtractWidthHeight(2*in, 2*in))
}

func (r *cardRenderer) MinSize() fyne.Size {
	in := r.c.insetSize()
	return r.c.content.MinSize().AddWidthHeight(2*in, 2*in)
}

func (r *cardRenderer) Refresh() {
	th, v := r.c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.shadow.FillColor = th.Color(theme.ColorNameShadow, v)
	r.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.shadow.CornerRadius = r.bg.CornerRadius
	r.shadow.Refresh()
	r.bg.Refresh()
	r.c.content.Refresh()
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.shadow, r.bg, r.c.content}
}

func (r *cardRenderer) Destroy() {}
