package docview

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// maxCachedWidths bounds the word-width cache; past it the cache starts over.
// A long book has a few tens of thousands of distinct words per face.
const maxCachedWidths = 1 << 18

// measurer caches text widths per (face, text). fyne.MeasureText shapes the
// string with HarfBuzz on every uncached call (about 0.1 ms, mostly setting
// up the shaper), so a 100,000-word document would spend seconds measuring
// without a cache; with one, it measures each distinct word once.
//
// Widths add up: the layout measures words and spaces separately and draws a
// whole line piece as one string. That holds while the font has no kerning
// across spaces, as with Fyne's bundled Noto Sans (TestFragWidthsMatchDrawnText).
type measurer struct {
	mu     sync.Mutex
	fonts  [len(measuredStyles)]string // names of the fonts the widths were measured with
	widths map[measureKey]float32
}

type measureKey struct {
	style fyne.TextStyle
	size  float32
	text  string
}

var widthCache = &measurer{widths: map[measureKey]float32{}}

// lockMeasurer returns the shared measurer locked, emptied first if the
// theme's fonts changed since its widths were measured.
func lockMeasurer() *measurer {
	m := widthCache
	m.mu.Lock()
	th := theme.Current()
	for i, style := range measuredStyles {
		// Names, not resources: a custom theme's resource need not be comparable.
		name := ""
		if f := th.Font(style); f != nil {
			name = f.Name()
		}
		if name != m.fonts[i] {
			m.fonts[i] = name
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
	w := fyne.MeasureText(text, f.size, f.style).Width
	if len(m.widths) >= maxCachedWidths {
		clear(m.widths)
	}
	// Clone: a key sliced from the document would pin its whole text in memory.
	k.text = strings.Clone(text)
	m.widths[k] = w
	return w
}

// metrics measures a face's ascent, height and space width.
func (m *measurer) metrics(style fyne.TextStyle, size float32) face {
	dims, ascent := fyne.CurrentApp().Driver().RenderedTextSize("", size, style, nil)
	f := face{style: style, size: size, ascent: ascent, height: dims.Height}
	f.space = m.width(&f, " ")
	return f
}
