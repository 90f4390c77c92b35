package placemap

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette is the map's colours, mixed from the theme's so that the map sits
// quietly in light, dark and custom themes and leaves the strong colours to
// the markers.
type palette struct {
	water, land, focus, border, coast color.NRGBA
	marker, selected, edge            color.NRGBA
	text, labelBack, leader           color.NRGBA
}

func newPalette(th fyne.Theme, v fyne.ThemeVariant) palette {
	bg := th.Color(theme.ColorNameBackground, v)
	fg := th.Color(theme.ColorNameForeground, v)
	primary := th.Color(theme.ColorNamePrimary, v)
	warm := th.Color(theme.ColorNameWarning, v)
	land := mix(bg, fg, 0.09)
	water := mix(bg, primary, 0.13)
	back := nrgba(bg)
	back.A = 0xd8 // labels stay readable over borders and markers
	return palette{
		water:     water,
		land:      land,
		focus:     mix(mix(land, fg, 0.03), warm, 0.10), // the article's countries: lit, with a sand tint
		border:    mix(land, fg, 0.30),
		coast:     mix(water, fg, 0.30),
		marker:    nrgba(primary),
		selected:  nrgba(th.Color(theme.ColorNameError, v)),
		edge:      nrgba(bg),
		text:      nrgba(fg),
		labelBack: back,
		leader:    mix(bg, fg, 0.55), // quieter than the names, plain on land and water
	}
}

// mix is a + (b-a)·t per channel, opaque.
func mix(a, b color.Color, t float64) color.NRGBA {
	na, nb := nrgba(a), nrgba(b)
	ch := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{ch(na.R, nb.R), ch(na.G, nb.G), ch(na.B, nb.B), 0xff}
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }
