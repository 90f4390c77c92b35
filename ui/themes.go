package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The reader's themes, by the names the settings store.
const (
	themeSystem = "system" // light or dark as the desktop is
	themeLight  = "light"
	themeDark   = "dark"
	themeSepia  = "sepia"
)

// themeNames lists the themes in the order the settings offer them.
var themeNames = []string{themeSystem, themeLight, themeDark, themeSepia}

// readerTheme is Fyne's default theme with a fixed variant or the
// desktop's, and the reader's own colours over it. Every theme keeps text at
// WCAG AA contrast (4.5:1) on the backgrounds it is drawn on
// (TestThemesHaveReadableContrast): Fyne's own light theme misses it with its
// grey hints (3.5:1), link blue and white-on-blue buttons.
type readerTheme struct {
	fyne.Theme
	name    string
	fixed   bool // variant overrides what the desktop asks for
	variant fyne.ThemeVariant
	colors  map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color
}

// newReaderTheme is the theme with this name; names not in themeNames give
// the system theme.
func newReaderTheme(name string) *readerTheme {
	t := &readerTheme{Theme: theme.DefaultTheme(), name: name, colors: readableColors}
	switch name {
	case themeLight:
		t.fixed, t.variant = true, theme.VariantLight
	case themeDark:
		t.fixed, t.variant = true, theme.VariantDark
	case themeSepia:
		t.fixed, t.variant = true, theme.VariantLight
		t.colors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{theme.VariantLight: sepiaColors}
	default:
		t.name = themeSystem
	}
	return t
}

// Color is part of fyne.Theme.
func (t *readerTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	} else if v != theme.VariantDark {
		v = theme.VariantLight // the test driver's "no preference" too
	}
	if c, ok := t.colors[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA {
	c := rgb(hex)
	c.A = a
	return c
}

// readableColors mend Fyne's light and dark themes where text would be
// hard to read. Disabled text at Fyne's 1.3:1 (light) and 1.6:1 (dark)
// looked like a smudge in the toolbar ("Details" for a bundled article):
// at about 2.7:1 it reads as there but unavailable, still well below
// the foreground's 7:1 and more.
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameDisabled:    rgb(0x9e9e9e),
		theme.ColorNamePlaceHolder: rgb(0x666666),
		theme.ColorNameHyperlink:   rgb(0x1558b0),
		theme.ColorNamePrimary:     rgb(0x1565c0),
	},
	theme.VariantDark: {
		theme.ColorNameDisabled:  rgb(0x5c5c5e),
		theme.ColorNameHyperlink: rgb(0x8ab4f8),
		theme.ColorNamePrimary:   rgb(0x1f66d1),
	},
}

// sepiaColors are warm paper and brown ink, as e-readers' sepia modes: less
// glare than white in a lit room, with the ink at about 8:1.
var sepiaColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          rgb(0xf4ecd8),
	theme.ColorNameForeground:          rgb(0x433422),
	theme.ColorNamePlaceHolder:         rgb(0x6e5a44),
	theme.ColorNameDisabled:            rgb(0x9c8b6e),
	theme.ColorNameButton:              rgb(0xe9dfc6),
	theme.ColorNameDisabledButton:      rgb(0xebe3cd),
	theme.ColorNameInputBackground:     rgb(0xfbf6ea),
	theme.ColorNameInputBorder:         rgb(0xcfbf9c),
	theme.ColorNameMenuBackground:      rgb(0xf9f3e4),
	theme.ColorNameOverlayBackground:   rgb(0xfbf6ea),
	theme.ColorNameHeaderBackground:    rgb(0xefe5cc),
	theme.ColorNameSeparator:           rgb(0xdccfb0),
	theme.ColorNameHover:               rgba(0x433422, 0x14),
	theme.ColorNamePressed:             rgba(0x433422, 0x26),
	theme.ColorNameSelection:           rgba(0xb07a30, 0x4c),
	theme.ColorNameFocus:               rgba(0x8a5a20, 0x60),
	theme.ColorNamePrimary:             rgb(0x8a5a20),
	theme.ColorNameHyperlink:           rgb(0x7a4410),
	theme.ColorNameScrollBar:           rgba(0x433422, 0x80),
	theme.ColorNameScrollBarBackground: rgb(0xe6dcc2),
	theme.ColorNameShadow:              rgba(0x433422, 0x33),
	theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
}
