package placemap

import (
	"image"
	"image/color"
	"image/draw"
	"slices"

	"golang.org/x/image/vector"
)

// painter rasterises the outlines into an image, reusing its buffers from
// frame to frame: a few passes over the pixels, where thousands of
// canvas.Line objects would each cost the tree walk and the GPU. Each layer
// (land, the article's countries, borders, coasts) is rasterised into a
// coverage mask, then one pass mixes their colours, skipping empty
// coverage: vector's own Over compositing blends every pixel of every layer.
type painter struct {
	r        vector.Rasterizer
	img      *image.RGBA
	layers   [4]*image.Alpha
	pts, tmp []vpoint
}

// frame is what one raster shows.
type frame struct {
	world *world // nil while loading: water only
	view  view
	width float32 // the widget's width in units, to scale to pixels
	gen   int     // the Map's SetPlaces count: focus changes with it
	focus map[string]bool
	pal   palette
}

// vpoint is a point in pixels.
type vpoint struct{ x, y float32 }

// Line widths in widget units.
const (
	borderWidth = 0.7
	coastWidth  = 0.9
)

// paint draws f at w×h pixels; the image is valid until the next call.
func (p *painter) paint(f frame, w, h int) *image.RGBA {
	if p.img == nil || p.img.Rect.Dx() != w || p.img.Rect.Dy() != h {
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range p.layers {
			p.layers[i] = image.NewAlpha(p.img.Rect)
		}
	}
	if f.world == nil || w == 0 || h == 0 || f.width <= 0 {
		p.composite(f.pal.water, nil, nil)
		return p.img
	}
	px := float64(w) / float64(f.width) // pixels per widget unit
	k := f.view.scale * px
	t := transform{k: k, ox: float64(w)/2 - f.view.centre.x*k, oy: float64(h)/2 - f.view.centre.y*k,
		clip: box{-2, -2, float32(w) + 2, float32(h) + 2}}

	layers := []*image.Alpha{p.layers[0], p.layers[2], p.layers[3]}
	colours := []color.NRGBA{f.pal.land, f.pal.border, f.pal.coast}
	p.fill(p.layers[0], f.world, t, func(string) bool { return true })
	p.stroke(p.layers[2], f.world.borders, t, float32(borderWidth*px))
	p.stroke(p.layers[3], f.world.coasts, t, float32(coastWidth*px))
	if len(f.focus) > 0 {
		p.fill(p.layers[1], f.world, t, func(code string) bool { return f.focus[code] })
		layers = slices.Insert(layers, 1, p.layers[1])
		colours = slices.Insert(colours, 1, f.pal.focus)
	}
	p.composite(f.pal.water, layers, colours)
	return p.img
}

// composite paints base, then each layer's colour where it covers, in order.
func (p *painter) composite(base color.NRGBA, layers []*image.Alpha, colours []color.NRGBA) {
	pix := p.img.Pix
	for i := 0; i < len(pix)/4; i++ {
		r, g, b := int32(base.R), int32(base.G), int32(base.B)
		for k, l := range layers {
			switch a := int32(l.Pix[i]); a {
			case 0:
			case 0xff: // most covered pixels: no arithmetic
				c := colours[k]
				r, g, b = int32(c.R), int32(c.G), int32(c.B)
			default:
				c := colours[k]
				r += (int32(c.R) - r) * a / 0xff
				g += (int32(c.G) - g) * a / 0xff
				b += (int32(c.B) - b) * a / 0xff
			}
		}
		q := pix[4*i : 4*i+4 : 4*i+4]
		q[0], q[1], q[2], q[3] = uint8(r), uint8(g), uint8(b), 0xff
	}
}

// begin starts a layer's path; end rasterises it into the layer's mask,
// replacing what the mask held.
func (p *painter) begin() {
	p.r.Reset(p.img.Rect.Dx(), p.img.Rect.Dy())
	p.r.DrawOp = draw.Src
}

func (p *painter) end(mask *image.Alpha) {
	p.r.Draw(mask, mask.Rect, image.Opaque, image.Point{})
}

// transform maps projected points to pixels, and the pixel box outside of
// which nothing need be drawn.
type transform struct {
	k, ox, oy float64
	clip      box
}

// bounds is a shape's bounding box in pixels.
func (t transform) bounds(s shape) box {
	return box{float32(s.min.x*t.k + t.ox), float32(s.min.y*t.k + t.oy), float32(s.max.x*t.k + t.ox), float32(s.max.y*t.k + t.oy)}
}

// project returns s in pixels, skipping points nearer than step pixels to
// the last one kept: the whole world at 400 pixels needs a tenth of them.
func (p *painter) project(s shape, t transform, step float32) []vpoint {
	p.pts = p.pts[:0]
	for i, q := range s.pts {
		v := vpoint{float32(q.x*t.k + t.ox), float32(q.y*t.k + t.oy)}
		if n := len(p.pts); n > 0 && i < len(s.pts)-1 {
			last := p.pts[n-1]
			if dx, dy := v.x-last.x, v.y-last.y; dx*dx+dy*dy < step*step {
				continue
			}
		}
		p.pts = append(p.pts, v)
	}
	return p.pts
}

func (p *painter) fill(mask *image.Alpha, w *world, t transform, want func(code string) bool) {
	p.begin()
	for _, country := range w.countries {
		if !want(country.code) {
			continue
		}
		for _, ring := range country.rings {
			b := t.bounds(ring)
			if !b.overlaps(t.clip) {
				continue
			}
			pts := p.project(ring, t, 0.5)
			if !b.inside(t.clip) {
				pts = p.clipPolygon(pts, t.clip)
			}
			if len(pts) < 3 {
				continue
			}
			p.r.MoveTo(pts[0].x, pts[0].y)
			for _, q := range pts[1:] {
				p.r.LineTo(q.x, q.y)
			}
			p.r.ClosePath()
		}
	}
	p.end(mask)
}

// stroke draws lines width pixels wide, each segment as a rectangle with
// square ends so that joints show no gaps. Every rectangle winds the same
// way, so where they overlap the rasteriser's coverage saturates rather
// than cancels.
func (p *painter) stroke(mask *image.Alpha, lines []shape, t transform, width float32) {
	p.begin()
	half := width / 2
	for _, line := range lines {
		if !t.bounds(line).overlaps(t.clip) {
			continue
		}
		pts := p.project(line, t, 1) // a line a pixel wide shows no finer turns
		for i := 1; i < len(pts); i++ {
			a, b, ok := clipSegment(pts[i-1], pts[i], t.clip)
			if !ok {
				continue
			}
			dx, dy := b.x-a.x, b.y-a.y
			l := sqrt32(dx*dx + dy*dy)
			if l == 0 {
				continue
			}
			ux, uy := dx/l*half, dy/l*half // along the segment, half a width
			p.r.MoveTo(a.x-ux-uy, a.y-uy+ux)
			p.r.LineTo(b.x+ux-uy, b.y+uy+ux)
			p.r.LineTo(b.x+ux+uy, b.y+uy-ux)
			p.r.LineTo(a.x-ux+uy, a.y-uy-ux)
			p.r.ClosePath()
		}
	}
	p.end(mask)
}

// same says whether two frames draw the same image.
func (f frame) same(g frame) bool {
	return f.world == g.world && f.view == g.view && f.width == g.width && f.gen == g.gen && f.pal == g.pal
}
