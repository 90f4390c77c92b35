package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG 2 contrast ratio of fg drawn over bg (fg's alpha
// blended in first).
func contrast(fg, bg color.Color) float64 {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	blend := func(x, y uint8) float64 { return (float64(x)*a + float64(y)*(1-a)) / 255 }
	lum := func(r, g, b float64) float64 {
		lin := func(c float64) float64 {
			if c <= 0.03928 {
				return c / 12.92
			}
			return math.Pow((c+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	l1 := lum(blend(f.R, b.R), blend(f.G, b.G), blend(f.B, b.B))
	l2 := lum(float64(b.R)/255, float64(b.G)/255, float64(b.B)/255)
	return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if c := contrast(color.Black, color.White); math.Abs(c-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", c)
	}
	if c := contrast(rgb(0x777777), color.White); math.Abs(c-4.48) > 0.01 {
		t.Errorf("#777 on white = %.2f, want 4.48", c)
	}
}

// TestThemesHaveReadableContrast checks every text colour of every theme
// on every background it is drawn on against WCAG AA (4.5:1); the system
// theme in both of its variants.
func TestThemesHaveReadableContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameHyperlink}
	backgrounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameMenuBackground, theme.ColorNameInputBackground, theme.ColorNameButton, theme.ColorNameHeaderBackground}
	for _, name := range themeNames {
		th := newReaderTheme(name)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			for _, bg := range backgrounds {
				for _, fg := range texts {
					if c := contrast(th.Color(fg, v), th.Color(bg, v)); c < 4.5 {
						t.Errorf("%s (variant %d): %s on %s is %.2f:1, want 4.5:1", name, v, fg, bg, c)
					}
				}
			}
			if c := contrast(th.Color(theme.ColorNameForegroundOnPrimary, v), th.Color(theme.ColorNamePrimary, v)); c < 4.5 {
				t.Errorf("%s (variant %d): text on a primary button is %.2f:1, want 4.5:1", name, v, c)
			}
		}
	}
}

func TestThemeVariants(t *testing.T) {
	bg := func(name string, v fyne.ThemeVariant) color.Color {
		return newReaderTheme(name).Color(theme.ColorNameBackground, v)
	}
	if bg(themeDark, theme.VariantLight) != bg(themeSystem, theme.VariantDark) {
		t.Error("the dark theme does not stay dark on a light desktop")
	}
	if bg(themeLight, theme.VariantDark) != bg(themeSystem, theme.VariantLight) {
		t.Error("the light theme does not stay light on a dark desktop")
	}
	if bg(themeSepia, theme.VariantDark) != sepiaColors[theme.ColorNameBackground] {
		t.Error("sepia does not stay sepia on a dark desktop")
	}
	if newReaderTheme("solarized").name != themeSystem {
		t.Error("an unknown name does not give the system theme")
	}
}

// TestDisabledTextIsSeenButDimmer: a disabled button (the toolbar's
// Details on a bundled article) is seen, not a smudge, and still reads as
// unavailable beside the enabled ones.
func TestDisabledTextIsSeenButDimmer(t *testing.T) {
	for _, name := range themeNames {
		th := newReaderTheme(name)
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			bg := th.Color(theme.ColorNameBackground, v)
			disabled, fg := contrast(th.Color(theme.ColorNameDisabled, v), bg), contrast(th.Color(theme.ColorNameForeground, v), bg)
			if disabled < 2.5 || disabled > fg/2 {
				t.Errorf("%s (variant %d): disabled text is %.2f:1, want from 2.5:1 to half the foreground's %.2f:1", name, v, disabled, fg)
			}
		}
	}
}
