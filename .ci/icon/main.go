// Command icon draws Icon.png, the Sahel Reader application icon: an open
// book on a deep-blue tile, a river (the Niger's northward arc) printed
// across its pages and a place marker at the bend, where Timbuktu sits.
//
// It uses only the standard library, so the icon can be regenerated anywhere:
//
//	go run .ci/icon/main.go            # writes Icon.png (1024x1024)
//	go run .ci/icon/main.go -o x.png -size 256
//
// Every shape is described on a 1024x1024 canvas and sampled 4x4 per pixel
// for anti-aliasing, so any output size is drawn from the same geometry.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// Palette: deep blues of the river and the night sky, sand and ochre of the Sahel.
var (
	tileTop    = rgb(0x23, 0x57, 0x98)
	tileBottom = rgb(0x0c, 0x26, 0x4a)
	glow       = rgb(0x4a, 0x86, 0xc8) // light behind the book
	cover      = rgb(0xa8, 0x5f, 0x17)
	pageEdge   = rgb(0xe6, 0xc8, 0x8e)
	pageLight  = rgb(0xfb, 0xf0, 0xd8)
	pageShade  = rgb(0xe4, 0xc6, 0x8c)
	textLine   = rgb(0xc9, 0xa4, 0x63)
	river      = rgb(0x1b, 0x5c, 0xb0)
	riverDeep  = rgb(0x12, 0x3f, 0x80)
	pin        = rgb(0xd2, 0x4b, 0x1f)
	pinDark    = rgb(0x9c, 0x30, 0x0f)
	pinHole    = rgb(0xfb, 0xf0, 0xd8)
	shadow     = rgb(0x05, 0x12, 0x26)
)

// Geometry on the 1024 canvas.
const (
	canvas = 1024.0

	tileInset  = 40.0
	tileRadius = 190.0

	spineX    = 512.0
	pageHalf  = 330.0 // width of one page
	pageTop   = 430.0 // top edge at the spine
	pageRise  = 100.0 // how much higher the outer top corners are
	pageDepth = 360.0 // page height

	riverWidth = 60.0

	pinR   = 96.0  // radius of the marker's head
	pinLen = 218.0 // centre of the head to the tip
)

// The pin's tip rests on the river where it bends.
var pinTip = pt{598, 548}

type pt struct{ x, y float64 }

// riverPath is the Niger seen as a map line: up from the south-west, the
// bend in the north, then down to the south-east. Two cubic Béziers.
var riverPath = flatten([][4]pt{
	{{170, 720}, {330, 670}, {440, 556}, {pinTip.x, pinTip.y + 2}},
	{{pinTip.x, pinTip.y + 2}, {700, 546}, {790, 600}, {880, 750}},
})

func main() {
	out := flag.String("o", "Icon.png", "output file")
	size := flag.Int("size", 1024, "width and height in pixels")
	flag.Parse()

	img := render(*size)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%dx%d)\n", *out, *size, *size)
}

// render samples paint() on an n x n grid of subpixels per pixel.
func render(size int) *image.NRGBA {
	const n = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := canvas / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc rgba
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/n) * scale
					y := (float64(py) + (float64(sy)+0.5)/n) * scale
					c := paint(pt{x, y})
					acc.r += c.r * c.a
					acc.g += c.g * c.a
					acc.b += c.b * c.a
					acc.a += c.a
				}
			}
			img.SetNRGBA(px, py, acc.unpremultiply(n*n))
		}
	}
	return img
}

// paint returns the colour at one point of the canvas, back to front.
func paint(p pt) rgba {
	var c rgba // transparent
	if !inRoundRect(p, tileInset, tileInset, canvas-tileInset, canvas-tileInset, tileRadius) {
		return c
	}

	// Tile: vertical gradient with a warm glow rising behind the book.
	t := (p.y - tileInset) / (canvas - 2*tileInset)
	c = mix(tileTop, tileBottom, t)
	if d := dist(p, pt{spineX, 430}); d < 460 {
		c = mix(c, glow, 0.35*smooth(1-d/460))
	}

	// Soft shadow of the book on the tile.
	if s := bookShadow(p); s > 0 {
		c = mix(c, shadow, 0.45*s)
	}

	// Cover, then the stack of page edges, then the two open pages.
	if inPages(p, pageHalf+26, 8, 40) {
		c = cover
	}
	if inPages(p, pageHalf+10, 4, 20) {
		c = pageEdge
		// thin lines suggest the stacked leaves
		if u := pageBottom(p) - p.y; u < 0 && math.Mod(-u, 7) < 2 {
			c = mix(c, cover, 0.35)
		}
	}
	if inPages(p, pageHalf, 0, 0) {
		// Paper darkens towards the gutter and very slightly to the outer edge.
		g := math.Abs(p.x-spineX) / pageHalf
		c = mix(pageShade, pageLight, smooth(math.Min(1, g*3.2)))
		c = mix(c, pageShade, 0.35*smooth(math.Max(0, (g-0.85)/0.15)))
		if textLines(p) {
			c = mix(c, textLine, 0.9)
		}
		// River printed on the page: a dark bank line, then the water.
		d := distToPath(p, riverPath)
		if d < riverWidth/2+6 {
			c = mix(c, riverDeep, 0.85)
		}
		if d < riverWidth/2 {
			c = river
		}
		// Gutter: a fold line that darkens paper and river alike.
		if math.Abs(p.x-spineX) < 3 {
			c = mix(c, cover, 0.3)
		}
	}

	// Place marker: shadow on the page, then the pin with a darker rim.
	if e := ellipse(p, pt{pinTip.x + 10, pinTip.y + 6}, 46, 14); e < 1 {
		c = mix(c, shadow, 0.30*smooth(1-e))
	}
	head := pt{pinTip.x, pinTip.y - pinLen}
	if inPin(p, head, pinR+10, pinTip.y+8) {
		c = pageLight // a cream outline keeps it readable over blue and river alike
	}
	if inPin(p, head, pinR, pinTip.y) {
		c = pin
		// light from the top left
		if dist(p, pt{head.x + 30, head.y + 30}) > pinR*1.05 {
			c = mix(c, pinDark, 0.55)
		}
		if dist(p, head) < pinR*0.42 {
			c = pinHole
		}
	}
	return c
}

// pageTopAt is the curved top edge of the open pages: low at the spine,
// rising towards the outer corners, as pages do when a book lies open.
func pageTopAt(x float64, half float64) float64 {
	g := math.Min(1, math.Abs(x-spineX)/half)
	return pageTop - pageRise*(1-math.Pow(1-g, 2.2))
}

func pageBottom(p pt) float64 { return pageTopAt(p.x, pageHalf) + pageDepth }

// inPages reports whether p lies on the open book widened by half and
// shifted down by top (top edge) and bottom (bottom edge).
func inPages(p pt, half, top, bottom float64) bool {
	if math.Abs(p.x-spineX) > half {
		return false
	}
	y0 := pageTopAt(p.x, pageHalf) + top
	y1 := pageTopAt(p.x, pageHalf) + pageDepth + bottom
	// the bottom edge dips a little at the spine, where the cover folds
	if top > 0 && math.Abs(p.x-spineX) < 18 {
		y1 += 10 * (1 - math.Abs(p.x-spineX)/18)
	}
	return p.y >= y0 && p.y <= y1
}

// bookShadow is a soft blurred copy of the cover, offset downwards.
func bookShadow(p pt) float64 {
	const blur = 34.0
	dx := math.Abs(p.x-spineX) - (pageHalf + 26)
	top := pageTopAt(p.x, pageHalf) + 30
	bot := pageTopAt(p.x, pageHalf) + pageDepth + 66
	dy := math.Max(top-p.y, p.y-bot)
	d := math.Max(dx, dy)
	if d > blur {
		return 0
	}
	return smooth(math.Min(1, (blur-d)/(2*blur)))
}

// textLines draws lines of "text" on the left page, following the page
// curve and stopping above the river; the right page is the map.
func textLines(p pt) bool {
	g := spineX - p.x
	if g < 46 || g > pageHalf-44 {
		return false
	}
	y := p.y - pageTopAt(p.x, pageHalf)
	for i := 0; i < 4; i++ {
		start := 46 + 38*float64(i)
		if y >= start && y <= start+13 {
			// the last line is shorter, like the end of a paragraph
			if i == 3 && g < 150 {
				return false
			}
			return distToPath(p, riverPath) > riverWidth/2+22
		}
	}
	return false
}

// inPin is the classic map marker: a circle of radius r around head and the
// cone from tipY tangent to it.
func inPin(p pt, head pt, r, tipY float64) bool {
	if dist(p, head) <= r {
		return true
	}
	d := tipY - head.y
	if p.y > tipY || p.y < head.y+r*r/d {
		return false
	}
	half := math.Asin(r / d)
	ang := math.Atan2(math.Abs(p.x-head.x), tipY-p.y)
	return ang <= half
}

func inRoundRect(p pt, x0, y0, x1, y1, r float64) bool {
	cx := math.Max(x0+r, math.Min(p.x, x1-r))
	cy := math.Max(y0+r, math.Min(p.y, y1-r))
	return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 && dist(p, pt{cx, cy}) <= r
}

// ellipse returns (x/rx)^2+(y/ry)^2 around c: below 1 is inside.
func ellipse(p, c pt, rx, ry float64) float64 {
	dx, dy := (p.x-c.x)/rx, (p.y-c.y)/ry
	return dx*dx + dy*dy
}

// flatten turns cubic Béziers into a polyline.
func flatten(curves [][4]pt) []pt {
	const steps = 48
	var out []pt
	for _, c := range curves {
		for i := 0; i <= steps; i++ {
			t := float64(i) / steps
			u := 1 - t
			out = append(out, pt{
				u*u*u*c[0].x + 3*u*u*t*c[1].x + 3*u*t*t*c[2].x + t*t*t*c[3].x,
				u*u*u*c[0].y + 3*u*u*t*c[1].y + 3*u*t*t*c[2].y + t*t*t*c[3].y,
			})
		}
	}
	return out
}

func distToPath(p pt, path []pt) float64 {
	best := math.Inf(1)
	for i := 1; i < len(path); i++ {
		best = math.Min(best, distToSegment(p, path[i-1], path[i]))
	}
	return best
}

func distToSegment(p, a, b pt) float64 {
	vx, vy := b.x-a.x, b.y-a.y
	l2 := vx*vx + vy*vy
	if l2 == 0 {
		return dist(p, a)
	}
	t := ((p.x-a.x)*vx + (p.y-a.y)*vy) / l2
	t = math.Max(0, math.Min(1, t))
	return dist(p, pt{a.x + t*vx, a.y + t*vy})
}

func dist(a, b pt) float64 { return math.Hypot(a.x-b.x, a.y-b.y) }

func smooth(t float64) float64 {
	t = math.Max(0, math.Min(1, t))
	return t * t * (3 - 2*t)
}

// rgba is a straight-alpha colour with components in 0..1.
type rgba struct{ r, g, b, a float64 }

func rgb(r, g, b uint8) rgba {
	return rgba{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1}
}

func mix(a, b rgba, t float64) rgba {
	t = math.Max(0, math.Min(1, t))
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// unpremultiply turns a sum of n premultiplied samples into an NRGBA pixel.
func (c rgba) unpremultiply(n int) color.NRGBA {
	if c.a == 0 {
		return color.NRGBA{}
	}
	to8 := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
	return color.NRGBA{to8(c.r / c.a), to8(c.g / c.a), to8(c.b / c.a), to8(c.a / float64(n))}
}
