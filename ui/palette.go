package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// swatches are the highlight colours as chips and menus show them. The view
// paints a tint of each mixed into the theme's background, so these can be
// saturated: they must stay apart from each other in light and dark themes
// and for the common red-green colour blindness (blue and purple differ in
// lightness, green and pink in both hue and lightness). The blue leans to
// sky blue: a pure blue's tint looks like Fyne's light-theme selection, and
// a highlight just made would seem still selected.
var swatches = map[reader.Color]color.NRGBA{
	reader.Yellow: {R: 0xf2, G: 0xc2, B: 0x2e, A: 0xff},
	reader.Green:  {R: 0x4c, G: 0xb8, B: 0x6a, A: 0xff},
	reader.Blue:   {R: 0x1a, G: 0x9c, B: 0xdc, A: 0xff},
	reader.Pink:   {R: 0xf0, G: 0x6c, B: 0xa8, A: 0xff},
	reader.Purple: {R: 0x9a, G: 0x7c, B: 0xf0, A: 0xff},
}

// swatch is the colour of a highlight of colour c; a note without a colour
// shows in a neutral grey.
func swatch(c reader.Color) color.NRGBA {
	if s, ok := swatches[c]; ok {
		return s
	}
	return color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
}

// colorName is c as a word for menus and labels: "Yellow".
func colorName(c reader.Color) string {
	if c == "" {
		return "No colour"
	}
	return strings.ToUpper(string(c[:1])) + string(c[1:])
}

// swatchIcon is a round chip of colour c for buttons and menu items; a
// ticked one marks the colour in use.
func swatchIcon(c reader.Color, ticked bool) fyne.Resource {
	return swatchIcons[swatchKey{c, ticked}]
}

type swatchKey struct {
	color  reader.Color
	ticked bool
}

// swatchIcons holds every chip, made once: Fyne caches rendered images by
// resource name, and the panel asks for chips on every refresh.
var swatchIcons = func() map[swatchKey]fyne.Resource {
	m := map[swatchKey]fyne.Resource{}
	for _, c := range append([]reader.Color{""}, reader.Colors...) {
		for _, ticked := range []bool{false, true} {
			m[swatchKey{c, ticked}] = newSwatchIcon(c, ticked)
		}
	}
	return m
}()

// newSwatchIcon draws a chip as a plain (not themed) resource, so the icon
// keeps its colour where Fyne would recolour a themed one.
func newSwatchIcon(c reader.Color, ticked bool) fyne.Resource {
	s := swatch(c)
	fill := fmt.Sprintf("#%02x%02x%02x", s.R, s.G, s.B)
	tick := ""
	if ticked {
		// A dark tick with a light edge reads on all five colours.
		tick = `<path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>` +
			`<path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#1a1a1a" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
		`<circle cx="12" cy="12" r="9" fill="` + fill + `" stroke="#000" stroke-opacity="0.25" stroke-width="1"/>` + tick + `</svg>`
	name := fmt.Sprintf("swatch-%s-%t.svg", c, ticked)
	return fyne.NewStaticResource(name, []byte(svg))
}
