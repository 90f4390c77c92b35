package docview

import (
	"bytes"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shaper measures text as Fyne does (walkString and shapeCallback in
// fyne/internal/painter/font.go) when one face covers all of it, but keeps
// its HarfBuzz shaper and segmenter between calls: Fyne makes new ones for
// every string, which is most of what measuring a word costs there.
// It is not safe for concurrent use.
type shaper struct {
	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	runes []rune
	one   [1]shaping.Input // the run of text the segmenter need not split
}

func newShaper() *shaper {
	s := &shaper{}
	// The zero HarfbuzzShaper caches no font and would rebuild one on every call.
	s.hb.SetFontCacheSize(len(measuredStyles))
	return s
}

// advance is the width of text set in f at size, equal to what Fyne measures
// and draws. It is false where Fyne would set the text otherwise: a rune f
// lacks (Fyne takes it from a fallback font), a tab or carriage return.
func (s *shaper) advance(f *font.Face, size float32, text string) (float32, bool) {
	if f == nil {
		return 0, false
	}
	s.runes = s.runes[:0]
	for _, r := range text {
		if _, ok := f.NominalGlyph(r); !ok || r == '\t' || r == '\r' {
			return 0, false
		}
		s.runes = append(s.runes, r)
	}
	in := shaping.Input{
		Text:      s.runes,
		RunEnd:    len(s.runes),
		Direction: di.DirectionLTR,
		Face:      f,
		Size:      fixed.Int26_6(float64(size) * 64), // truncated, as Fyne's float32ToFixed266
	}
	x := float32(0)
	for _, run := range s.runs(in) {
		var adv fixed.Int26_6
		for _, g := range s.hb.Shape(run).Glyphs {
			if g.GlyphID == 0 {
				return 0, false // Fyne handles a missing glyph apart
			}
			adv += g.XAdvance
		}
		x += float32(float64(adv) / 64) // Fyne adds up runs in float32
	}
	return x, true
}

// runs splits in by direction and script, as Fyne does before shaping. Text
// of runes below U+0590 (Latin, Greek, Cyrillic, Armenian, punctuation: no
// right-to-left letter) in at most one script is a single left-to-right run,
// found without the segmenter's costly bidi analysis.
func (s *shaper) runs(in shaping.Input) []shaping.Input {
	script := language.Common
	for _, r := range in.Text {
		if r >= 0x590 {
			return s.seg.Split(in, oneFace{in.Face})
		}
		switch sc := language.LookupScript(r); {
		case sc == language.Common || sc == language.Inherited || sc == script:
		case script == language.Common:
			script = sc
		default: // a second script
			return s.seg.Split(in, oneFace{in.Face})
		}
	}
	in.Script = script
	s.one[0] = in
	return s.one[:]
}

// oneFace is a shaping.Fontmap of a single face.
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// parseFace reads a theme font for the shaper; nil if it cannot. A font
// without a space is no use either: Fyne starts every string in the face of " ".
func parseFace(res fyne.Resource) *font.Face {
	if res == nil {
		return nil
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		return nil
	}
	if _, ok := f.NominalGlyph(' '); !ok {
		return nil
	}
	return f
}
