package docview

import (
	"image/color"
	"math"
	"slices"

	"sahelreader/reader"
)

// Geometry of the layers, in units.
const (
	bandGap     = 1 // between the bands of overlapping highlights
	markRadius  = 3
	placeDotMin = 2 // the least height of a place mention's dots
)

// layerScratch is the highlight layer's working memory, kept between paints
// so that scrolling allocates nothing.
type layerScratch struct {
	on       []int // highlights on the line
	cuts     []int // offsets where the set of highlights changes
	covering []int // highlights covering one stretch between cuts
}

// paintLayers paints what lies between the page and the text, in this
// order: highlights, marks, the selection, a flash. Only the visible lines
// get rectangles, so a thousand highlights cost what the ones in view cost.
func (r *viewRenderer) paintLayers(ls *Lines, first, last int, p *palette) {
	v := r.view
	m := lockMeasurer()
	defer m.unlock()
	for i := first; i <= last; i++ {
		r.highlightLine(m, ls, &ls.Lines[i], p)
	}
	for i := first; i <= last; i++ {
		r.markLine(m, ls, &ls.Lines[i], p)
	}
	if sel := v.Selection(); sel.Len() > 0 {
		for i := first; i <= last; i++ {
			r.fillLine(m, ls, &ls.Lines[i], sel, p.selection)
		}
	}
	if v.flash.level > 0 {
		c := withAlpha(p.flash, 0.5*float64(v.flash.level))
		for i := first; i <= last; i++ {
			r.fillLine(m, ls, &ls.Lines[i], v.flash.r, c)
		}
	}
}

// highlightLine paints the highlights on one line. Where several overlap,
// the line's height is shared among them in bands, one per highlight and in
// its own colour, split by a hairline of background: translucent fills
// stacked instead would blend into a colour that is none of them, and two
// highlights of one colour would look like one. A stretch with a single
// highlight gets the full height.
func (r *viewRenderer) highlightLine(m *measurer, ls *Lines, line *Line, p *palette) {
	v := r.view
	s := &r.scratch
	s.on = s.on[:0]
	for k := range v.hlIndex.overlapping(line.Start, line.End) {
		s.on = append(s.on, k)
	}
	if len(s.on) == 0 {
		return
	}
	s.cuts = append(s.cuts[:0], line.Start, line.End)
	for _, k := range s.on {
		hr := v.highlights[k].Range
		s.cuts = append(s.cuts, max(hr.Start, line.Start), min(hr.End, line.End))
	}
	slices.Sort(s.cuts)
	s.cuts = slices.Compact(s.cuts)
	y, h := markBox(line)
	y -= v.scroll
	for c := 0; c+1 < len(s.cuts); c++ {
		a, b := s.cuts[c], s.cuts[c+1]
		s.covering = s.covering[:0]
		for _, k := range s.on {
			if hr := v.highlights[k].Range; hr.Start <= a && hr.End >= b {
				s.covering = append(s.covering, k)
			}
		}
		if len(s.covering) == 0 {
			continue
		}
		x0, x1, ok := ls.span(m, line, reader.Range{Start: a, End: b})
		if !ok || x1 <= x0 {
			continue
		}
		n := float32(len(s.covering))
		band := (h - bandGap*(n-1)) / n
		for j, k := range s.covering {
			o := r.rect(x0, y+float32(j)*(band+bandGap), x1-x0, band, p.tint(v.highlights[k].Color))
			o.CornerRadius = min(markRadius, band/4)
		}
	}
}

// markLine paints the marks on one line: a place mention as a dotted
// underline that descenders cross, a find match as an outline, the current
// match filled.
func (r *viewRenderer) markLine(m *measurer, ls *Lines, line *Line, p *palette) {
	for _, set := range [...]*markSet{&r.view.marks, &r.view.found} {
		for k := range set.index.overlapping(line.Start, line.End) {
			r.mark(m, ls, line, &set.marks[k], p)
		}
	}
}

// mark paints one mark on one line.
func (r *viewRenderer) mark(m *measurer, ls *Lines, line *Line, mk *Mark, p *palette) {
	v := r.view
	x0, x1, ok := ls.span(m, line, mk.Range)
	if !ok || x1 <= x0 {
		return
	}
	if mk.Style == MarkPlace {
		h := float32(math.Max(placeDotMin, math.Round(float64(line.Height)/12)))
		r.dotted(x0, line.Y+line.Baseline+h-v.scroll, x1-x0, h, p.place)
		return
	}
	y, h := markBox(line)
	o := r.rect(x0-1, y-v.scroll, x1-x0+2, h, withAlpha(p.find, 0.14))
	o.StrokeColor, o.StrokeWidth, o.CornerRadius = p.find, 1, markRadius
	if mk.Style == MarkFindCurrent {
		o.FillColor, o.StrokeWidth = withAlpha(p.find, 0.5), 2
	}
}

// fillLine fills the part of r on line, the line's full height, as a
// selection shows.
func (r *viewRenderer) fillLine(m *measurer, ls *Lines, line *Line, rng reader.Range, c color.Color) {
	if x0, x1, ok := ls.span(m, line, rng); ok && x1 > x0 {
		r.rect(x0, line.Y-r.view.scroll, x1-x0, line.Height, c)
	}
}

// markBox is the top and height of highlights and find marks on line: a
// little inside the line, so that lines of one highlight read as lines and
// a selection, which takes the full height, looks different.
func markBox(line *Line) (y, h float32) {
	inset := float32(math.Round(float64(line.Height) * 0.06))
	return line.Y + inset, line.Height - 2*inset
}

// tint is the fill of a highlight of colour c: mixed into the background,
// more in a dark theme, where a bright fill would drown light text (white
// text keeps a contrast of about 5:1 on the yellow). A highlight without a
// colour still shows, in the find colour's tint.
func (p *palette) tint(c color.Color) color.Color {
	if c == nil {
		c = p.find
	}
	a := 0.5
	if p.dark {
		a = 0.4
	}
	return mix(c, p.bg, a)
}
