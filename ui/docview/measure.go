package docview

import (
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"sahelreader/reader"
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
	fonts  [len(measuredStyles)]string        // names of the fonts the widths were measured with
	res    [len(measuredStyles)]fyne.Resource // those fonts, parsed on first use (faceOf)
	faces  [len(measuredStyles)]*font.Face    // the fonts parsed, nil where not yet or they would not parse
	parsed [len(measuredStyles)]bool          // whether faces holds the font's parse
	shaper *shaper
	helper *helper // the second goroutine's, made when a layout first needs it
	widths map[measureKey]float32
	// complete is the last document scanned for words to measure, at its text
	// size; its words are all cached unless the cache started over since.
	complete completeKey
	// metricsOf caches metrics, which ask Fyne's driver: Prepare fills it
	// on the UI goroutine for Run.
	metricsOf map[faceKey]face
	// offUI is set while a layout runs off the UI goroutine (Prepared.Run):
	// what only Fyne can measure, which is not safe there, is then not
	// measured but noted in missed, and that layout is done again on the UI
	// goroutine.
	offUI, missed bool
}

type completeKey struct {
	doc  weak.Pointer[reader.Document] // weak: not to keep a closed document in memory
	size float32
}

// helper is what a second goroutine shapes with. A go-text Face (it caches
// glyph extents) and a shaper are not safe for concurrent use, so it has its
// own; a parsed Font is, so its Faces share the measurer's Fonts and cost no
// second parse.
type helper struct {
	shaper *shaper
	faces  [len(measuredStyles)]*font.Face
}

// parallelMin is how many words must be measured at once for a second
// goroutine to pay: it shapes some 300 words a millisecond, and its first
// shaping with each font sets up HarfBuzz's tables for it.
const parallelMin = 2000

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
			m.fonts[i], m.res[i], m.faces[i], m.parsed[i] = name, res, nil, false
			m.helper = nil // its faces are of the old fonts
			m.reset()
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
	return m.store(k, w, ok)
}

// reset empties the cache.
func (m *measurer) reset() {
	clear(m.widths)
	clear(m.metricsOf)
	m.complete = completeKey{}
}

// store caches and returns the width w of k's text, measured by Fyne instead unless ok.
func (m *measurer) store(k measureKey, w float32, ok bool) float32 {
	if !ok {
		if m.offUI {
			m.missed = true
			return 0
		}
		// On the caller's goroutine: Fyne's text measuring is not for concurrent use.
		w = fyne.MeasureText(k.text, k.size, k.style).Width
	}
	if len(m.widths) >= maxCachedWidths {
		m.reset()
	}
	// Clone: a key sliced from the document would pin its whole text in memory.
	k.text = strings.Clone(k.text)
	m.widths[k] = w
	return w
}

// measureAll caches the widths of keys, none of them cached yet, shaping them
// on this goroutine and another. The widths are those width would find: both
// shape the same fonts the same way.
func (m *measurer) measureAll(keys []measureKey) {
	ws := make([]float32, len(keys))
	oks := make([]bool, len(keys))
	// Each takes the next chunk of keys until none are left, so the helper,
	// slower to start the first time, does less.
	const chunk = 64
	var next atomic.Int64
	work := func(s *shaper, faces *[len(measuredStyles)]*font.Face) {
		for {
			i := int(next.Add(chunk)) - chunk
			if i >= len(keys) {
				return
			}
			for j := i; j < min(i+chunk, len(keys)); j++ {
				k := keys[j]
				ws[j], oks[j] = s.advance(faceIn(faces, k.style), k.size, k.text)
			}
		}
	}
	for _, k := range keys {
		m.faceOf(k.style) // parsed here: both goroutines only read m.faces
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		if m.helper == nil {
			m.helper = &helper{shaper: newShaper()}
		}
		h := m.helper
		for i, f := range m.faces {
			if f != nil && h.faces[i] == nil {
				h.faces[i] = font.NewFace(f.Font)
			}
		}
		work(h.shaper, &h.faces)
	})
	work(m.shaper, &m.faces)
	wg.Wait()
	for j, k := range keys {
		m.store(k, ws[j], oks[j])
	}
}

// faceOf is the parsed theme font of style, or nil. Each font is parsed
// when first asked for, not with the others: parsing one takes 5-15 ms, and
// most articles set no monospace or bold italic, some no italic, so at
// start-up the window waits only for the styles the first article uses.
func (m *measurer) faceOf(style fyne.TextStyle) *font.Face {
	for i, s := range measuredStyles {
		if s == style {
			if !m.parsed[i] {
				m.faces[i], m.parsed[i] = parseFace(m.res[i]), true
			}
			return m.faces[i]
		}
	}
	return nil
}

// faceIn is the face of style in faces, which are in the order of measuredStyles.
func faceIn(faces *[len(measuredStyles)]*font.Face, style fyne.TextStyle) *font.Face {
	for i, s := range measuredStyles {
		if s == style {
			return faces[i]
		}
	}
	return nil
}

// metrics measures a face's ascent, height and space width.
func (m *measurer) metrics(style fyne.TextStyle, size float32) face {
	k := faceKey{style, size}
	if f, ok := m.metricsOf[k]; ok {
		return f
	}
	if m.offUI {
		m.missed = true
		return face{style: style, size: size}
	}
	dims, ascent := fyne.CurrentApp().Driver().RenderedTextSize("", size, style, nil)
	f := face{style: style, size: size, ascent: ascent, height: dims.Height}
	f.space = m.width(&f, " ")
	if m.metricsOf == nil {
		m.metricsOf = map[faceKey]face{}
	}
	m.metricsOf[k] = f
	return f
}

// LoadFonts parses the theme's fonts of body text and headings, which every
// article sets, so that a caller may have it done on another goroutine
// while it does something else (start-up). It is safe for concurrent use.
func LoadFonts() {
	m := lockMeasurer()
	defer m.unlock()
	m.faceOf(fyne.TextStyle{})
	m.faceOf(fyne.TextStyle{Bold: true})
}
