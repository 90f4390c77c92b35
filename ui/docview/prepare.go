package docview

import (
	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// Prepared is a layout of a document made off the UI goroutine, for the
// view's width, options and fonts when Prepare was called: laying out a
// 19 MB article takes seconds, which would freeze the window.
type Prepared struct {
	key   layoutKey
	lines *Lines // nil until Run, or if the layout needs the UI goroutine
}

// Prepare returns a layout, for the view as it is now, to Run off the UI
// goroutine on a document, then show with SetPrepared. Call it on the UI
// goroutine: it measures there the fonts' metrics and list markers that
// only Fyne can measure.
func (v *View) Prepare() *Prepared {
	p := &Prepared{key: v.layoutKey()}
	m := lockMeasurer()
	defer m.unlock()
	s := p.key.opts.TextSize
	// Every size a block or run is set in (blockFace, runFace), in every style.
	sizes := []float32{s, s * codeScale}
	for _, h := range headingScale[1:] {
		sizes = append(sizes, s*h, s*h*codeScale)
	}
	for _, size := range sizes {
		for _, style := range measuredStyles {
			m.metrics(style, size)
		}
		f := m.metrics(fyne.TextStyle{}, size)
		for _, bullet := range []string{"•", "◦", "‣"} { // marker's
			m.width(&f, bullet)
		}
	}
	return p
}

// Run lays out doc. It is safe off the UI goroutine; a view laying out
// meanwhile waits for it. A document with text the theme's fonts lack is
// left for the view to lay out when shown.
func (p *Prepared) Run(doc *reader.Document) {
	p.key.doc = doc
	if p.key.width <= 0 || doc == nil {
		return
	}
	m := lockMeasurer()
	defer m.unlock()
	m.offUI, m.missed = true, false
	lines := layoutLocked(m, p.key.doc, p.key.width, p.key.opts)
	if !m.missed {
		p.lines = lines
	}
	m.offUI, m.missed = false, false
}

// SetPrepared shows p's document as SetDocument does, with the layout Run
// made if the view's width, options and fonts are still those it was made
// for; else the view lays it out itself.
func (v *View) SetPrepared(p *Prepared) { v.setDocument(p.key.doc, p) }
