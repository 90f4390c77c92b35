package placemap

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// maliFrame is the MINUSMA article's map at w×h units, one pixel a unit.
func maliFrame(tb testing.TB, w, h int, variant fyne.ThemeVariant) frame {
	tb.Helper()
	world, err := loadWorld()
	if err != nil {
		tb.Fatal(err)
	}
	size := fyne.NewSize(float32(w), float32(h))
	m := &Map{world: world}
	m.markers = minusma
	for _, mk := range minusma {
		m.pts = append(m.pts, project(mk.Lat, mk.Lon))
	}
	return frame{world: world, view: fit(m.fitPoints(), size), width: size.Width,
		focus: map[string]bool{"ML": true, "SN": true, "TG": true}, pal: newPalette(theme.DefaultTheme(), variant)}
}

func TestPaintFillsLandWaterAndTheArticlesCountries(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		f := maliFrame(t, 400, 300, variant)
		var p painter
		img := p.paint(f, 400, 300)
		at := func(lat, lon float64) color.Color {
			s := f.view.toScreen(project(lat, lon), fyne.NewSize(400, 300))
			return img.At(int(s.X), int(s.Y))
		}
		for _, c := range []struct {
			where    string
			lat, lon float64
			want     color.NRGBA
		}{
			{"Timbuktu, Mali", 16.77, -3.0, f.pal.focus},
			{"the Bight of Benin", 6, 2, f.pal.water},
			{"the Atlantic off Guinea-Bissau", 11, -17.5, f.pal.water},
			{"Niamey, Niger", 13.5, 2.1, f.pal.land},
			{"Conakry's hinterland, Guinea", 10.5, -11, f.pal.land},
		} {
			if got := color.NRGBAModel.Convert(at(c.lat, c.lon)); got != c.want {
				t.Errorf("variant %d, %s: %v, want %v", variant, c.where, got, c.want)
			}
		}
		if contrast(f.pal.land, f.pal.water) < 12 || contrast(f.pal.focus, f.pal.land) < 8 || contrast(f.pal.border, f.pal.land) < 30 {
			t.Errorf("variant %d: land, water, tint and borders too alike: %+v", variant, f.pal)
		}
	}
}

// contrast is the largest difference of one channel.
func contrast(a, b color.NRGBA) int {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return max(d(a.R, b.R), d(a.G, b.G), d(a.B, b.B))
}

func TestPaintAtTheClosestZoomClipsTheOutlines(t *testing.T) {
	f := maliFrame(t, 400, 300, theme.VariantLight)
	f.view = view{centre: project(14.4843, -4.183), scale: maxScale}
	var p painter
	img := p.paint(f, 400, 300)
	if got := color.NRGBAModel.Convert(img.At(200, 150)); got != f.pal.focus {
		t.Errorf("Mopti at the closest zoom: %v, want Mali's tint %v", got, f.pal.focus)
	}
}

func BenchmarkPaint(b *testing.B) {
	for _, c := range []struct {
		name  string
		w, h  int
		world bool
	}{{"mali", 400, 300, false}, {"mali", 800, 600, false}, {"world", 800, 600, true}} {
		b.Run(fmt.Sprintf("%s-%dx%d", c.name, c.w, c.h), func(b *testing.B) {
			f := maliFrame(b, c.w, c.h, theme.VariantDark)
			if c.world {
				f.view = fit(nil, fyne.NewSize(float32(c.w), float32(c.h)))
			}
			var p painter
			b.ReportAllocs()
			for b.Loop() {
				p.paint(f, c.w, c.h)
			}
		})
	}
}
