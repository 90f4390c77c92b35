package docview

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// maxCachedWidths bounds the word-width cache; past it the cache starts over.
// A long book has a few tens of thousands of distinct words per face.
const maxCachedWidths = 1 << 18

// measurer measures text widths and caches them per (face, text). It shapes
// with the theme's fonts itself, through one reused shaper, as Fyne would
// (see shaper); fyne.MeasureText sets up a new HarfBuzz shaper on every call,
// which made measuring the 18,000 distinct words of a long article take over
// a second. Text the theme's font does not cover is left to fyne.MeasureText,
// which knows the fallback fonts.
//
// Widths add up: the layout measures words and spaces separately and draws a
// whole line piece as one string. That holds while the font has no kerning
// across spaces, as with Fyne's bundled Noto Sans (TestFragWidthsMatchDrawnText).
type measurer struct {
	mu     sync.Mutex
	fonts  [len(measuredStyles)]string     // names of the fonts the widths were measured with
	faces  [len(measuredStyles)]*font.Face // those fonts parsed, nil where they would not parse
	shaper *shaper
	widths map[measureKey]float32
}

type measureKey struct {
	style fyne.TextStyle
	size  float32
	text  string
}

var widthCache = &measurer{shaper: newShaper(), widths: map[measureKey]float32{}}

// lockMeasurer returns the shared measurer locked, emptied first if the
// theme's fonts changed since its widths were measured.
func lockMeasurer() *measurer {
	m := widthCache
	m.mu.Lock()
	th := theme.Current()
	for i, style := range measuredStyles {
		// Names, not resources: a custom theme's resource need not be comparable.
		res := th.Font(style)
		name := ""
		if res != nil {
			name = res.Name()
		}
		if name != m.fonts[i] {
			m.fonts[i], m.faces[i] = name, parseFace(res)
			clear(m.widths)
		}
	}
	return m
}

// measuredStyles are the styles the layout uses; Fyne draws monospace in one weight.
var measuredStyles = [...]fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}}

func (m *measurer) unlock() { m.mu.Unlock() }

// width is the advance of text in face f.
func (m *measurer) width(f *face, text string) float32 {
	k := measureKey{f.style, f.size, text}
	if w, ok := m.widths[k]; ok {
		return w
	}
	w, ok := m.shaper.advance(m.faceOf(f.style), f.size, text)
	if !ok {
		w = fyne.MeasureText(text, f.size, f.style).Width
	}
	if len(m.widths) >= maxCachedWidths {
		clear(m.widths)
	}
	// Clone: a key sliced from the document would pin its whole text in memory.
	k.text = strings.Clone(text)
	m.widths[k] = w
	return w
}

// faceOf is the parsed theme font of style, or nil.
func (m *measurer) faceOf(style fyne.TextStyle) *font.Face {
	for i, s := range measuredStyles {
		if s == style {
			return m.faces[i]
		}
	}
	return nil
}

// metrics measures a face's ascent, height and space width.
func (m *measurer) metrics(style fyne.TextStyle, size float32) face {
	dims, ascent := fyne.CurrentApp().Driver().RenderedTextSize("", size, style, nil)
	f := face{style: style, size: size, ascent: ascent, height: dims.Height}
	f.space = m.width(&f, " ")
	return f
}
