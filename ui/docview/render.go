package docview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"sahelreader/reader"
)

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	r := &viewRenderer{view: v, bar: newScrollBar(v)}
	r.paint()
	return r
}

// viewRenderer paints the visible lines with canvas objects from pools, so
// the number of objects follows the window's height, not the document's length.
type viewRenderer struct {
	view           *View
	bar            *scrollBar
	texts          []*canvas.Text
	rects          []*canvas.Rectangle
	dots           []*dots
	images         []*canvas.Image // bookmark ribbons
	nt, nr, nd, ni int             // objects of each pool the paint in progress has used
	objects        []fyne.CanvasObject
	scratch        layerScratch
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

// palette is the theme's colours for one paint, resolved then so that a
// theme switch only repaints.
type palette struct {
	roles                                       [roleStrongSeparator + 1]color.Color
	fg, bg, link, selection, find, place, flash color.Color
	dark                                        bool
}

func (r *viewRenderer) palette() *palette {
	th, variant := r.view.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	p := &palette{
		fg:        th.Color(theme.ColorNameForeground, variant),
		bg:        th.Color(theme.ColorNameBackground, variant),
		link:      th.Color(theme.ColorNameHyperlink, variant),
		selection: th.Color(theme.ColorNameSelection, variant),
		find:      th.Color(theme.ColorNameWarning, variant),
		flash:     th.Color(theme.ColorNamePrimary, variant),
	}
	p.dark = luminance(p.bg) < 0.5
	p.place = mix(p.fg, p.bg, 0.6)
	// Tints mix the text colour into the background: the themes' own
	// separator colours vanish on some backgrounds (black on dark grey).
	p.roles = [...]color.Color{
		roleText:            p.fg,
		roleMarker:          th.Color(theme.ColorNamePlaceHolder, variant),
		roleCodeBackground:  mix(p.fg, p.bg, 0.07),
		roleQuoteBar:        mix(p.fg, p.bg, 0.3),
		roleSeparator:       mix(p.fg, p.bg, 0.15),
		roleStrongSeparator: mix(p.fg, p.bg, 0.45),
	}
	return p
}

// paint sets up objects for the lines in the viewport, bottom to top: block
// backgrounds and bars, inline code backgrounds, the layers of layers.go
// (highlights, marks, selection, flash), list markers and text, then link
// and strike-through lines, then bookmark ribbons in the margin.
func (r *viewRenderer) paint() {
	v := r.view
	size := v.Size()
	r.objects = r.objects[:0]
	r.nt, r.nr, r.nd, r.ni = 0, 0, 0, 0
	ls := v.Lines()
	if first, last, ok := v.visible(ls); ok {
		p := r.palette()
		r.paintBackgrounds(ls, first, last, p)
		r.paintLayers(ls, first, last, p)
		r.paintText(ls, first, last, p)
		r.paintRibbons(ls, first, last)
	}
	r.bar.Resize(fyne.NewSize(r.bar.MinSize().Width, size.Height))
	r.bar.Move(fyne.NewPos(size.Width-r.bar.Size().Width, 0))
	r.objects = append(r.objects, r.bar)
	v.reportShown()
}

func (r *viewRenderer) paintBackgrounds(ls *Lines, first, last int, p *palette) {
	v := r.view
	top := v.scroll
	b0, b1 := ls.Lines[first].Block, ls.Lines[last].Block
	for _, d := range ls.decos[ls.blockDecos[b0]:ls.blockDecos[b1+1]] {
		if d.text == "" {
			r.rect(d.x, d.y-top, d.w, d.h, p.roles[d.role])
		}
	}
	for i := first; i <= last; i++ {
		line := &ls.Lines[i]
		if v.doc.Blocks[line.Block].Kind == reader.CodeBlock {
			continue // the block has its background
		}
		for _, f := range line.Frags {
			if f.Style.Has(reader.Code) {
				fc := &ls.faces[f.face]
				y := line.Y + line.Baseline - fc.ascent - top
				r.rect(f.X-2, y, f.Width+4, fc.height, p.roles[roleCodeBackground])
			}
		}
	}
}

func (r *viewRenderer) paintText(ls *Lines, first, last int, p *palette) {
	v := r.view
	top := v.scroll
	b0, b1 := ls.Lines[first].Block, ls.Lines[last].Block
	for _, d := range ls.decos[ls.blockDecos[b0]:ls.blockDecos[b1+1]] {
		if d.text != "" {
			r.text(d.text, &ls.faces[d.face], d.x, d.y-top, d.w, p.roles[d.role])
		}
	}
	for i := first; i <= last; i++ {
		line := &ls.Lines[i]
		for _, f := range line.Frags {
			fc := &ls.faces[f.face]
			c := p.fg
			if f.Style.Has(reader.Link) {
				c = p.link
			}
			r.text(v.doc.Text[f.b0:f.b1], fc, f.X, line.Y+line.Baseline-fc.ascent-top, f.Width, c)
		}
	}
	for i := first; i <= last; i++ {
		line := &ls.Lines[i]
		for _, f := range line.Frags {
			fc := &ls.faces[f.face]
			thick := lineThickness(fc.size)
			base := line.Y + line.Baseline - top
			if f.Style.Has(reader.Link) {
				r.rect(f.X, base+thick+1, f.Width, thick, p.link)
			}
			if f.Style.Has(reader.Strike) {
				r.rect(f.X, base-fc.ascent*0.3, f.Width, thick, p.fg)
			}
		}
	}
}

// lineThickness is the weight of underlines and strike-throughs for text of size.
func lineThickness(size float32) float32 {
	return float32(math.Max(1, math.Round(float64(size)/14)))
}

// rect takes a rectangle from the pool, plain: no stroke, square corners.
func (r *viewRenderer) rect(x, y, w, h float32, c color.Color) *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, canvas.NewRectangle(c))
	}
	o := r.rects[r.nr]
	r.nr++
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = c, nil, 0, 0
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, o)
	return o
}

func (r *viewRenderer) text(s string, f *face, x, y, w float32, c color.Color) {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", c))
	}
	o := r.texts[r.nt]
	r.nt++
	o.Text, o.Color, o.TextSize, o.TextStyle = s, c, f.size, f.style
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, f.height))
	r.objects = append(r.objects, o)
}

// dotted takes a dotted line from the pool.
func (r *viewRenderer) dotted(x, y, w, h float32, c color.Color) {
	if r.nd == len(r.dots) {
		r.dots = append(r.dots, newDots())
	}
	o := r.dots[r.nd]
	r.nd++
	o.setColor(c)
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, o.Raster) // painters draw by concrete type: the raster, not its wrapper
}

// dots is a dotted line as one raster, however long: square dots as tall as
// the line, set in device pixels so they stay crisp at any scale.
type dots struct {
	*canvas.Raster
	c color.Color
}

func newDots() *dots {
	d := &dots{c: color.Transparent}
	d.Raster = canvas.NewRasterWithPixels(func(x, _, _, h int) color.Color {
		if (x/max(h, 1))%2 == 0 {
			return d.c
		}
		return color.Transparent
	})
	return d
}

// setColor recolours the dots. A raster keeps its pixels until refreshed
// (a resize refreshes it itself), so a new colour refreshes it.
func (d *dots) setColor(c color.Color) {
	if c != d.c {
		d.c = c
		canvas.Refresh(d.Raster)
	}
}

// mix is a of the way from background bg to colour c.
func mix(c, bg color.Color, a float64) color.Color {
	r1, g1, b1, _ := c.RGBA()
	r0, g0, b0, _ := bg.RGBA()
	at := func(x1, x0 uint32) uint8 { return uint8((float64(x1)*a + float64(x0)*(1-a)) / 257) }
	return color.NRGBA{R: at(r1, r0), G: at(g1, g0), B: at(b1, b0), A: 0xff}
}

// withAlpha is c at opacity a.
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(math.Round(float64(n.A) * a))
	return n
}

// luminance is c's relative luminance, 0 (black) to 1 (white), near enough
// to tell a dark theme from a light one.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}

// currentFonts names the theme's fonts, so a theme change re-lays out.
func currentFonts() [len(measuredStyles)]string {
	m := lockMeasurer()
	defer m.unlock()
	return m.fonts
}
