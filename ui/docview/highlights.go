package docview

import (
	"cmp"
	"image/color"
	"iter"
	"math"
	"slices"
	"sort"
	"time"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// Highlight is a user's highlight as the view paints it.
type Highlight struct {
	ID    string
	Range reader.Range
	// Color is the highlight's colour as a swatch shows it; the view paints a
	// tint of it suited to the theme's background, so text stays readable in
	// light and dark themes alike.
	Color color.Color
}

// Mark is a range the application points out: a place mention or a find match.
type Mark struct {
	Range reader.Range
	Style MarkStyle
}

// MarkStyle says how a mark looks. Each is unlike a highlight's fill, so
// the user never takes a mark for a highlight of their own.
type MarkStyle uint8

const (
	// MarkPlace is a place mention: a dotted underline.
	MarkPlace MarkStyle = iota
	// MarkFind is a find match: an outline in the theme's warning colour.
	MarkFind
	// MarkFindCurrent is the find match the user is on: filled and bolder.
	MarkFindCurrent
)

// flashDuration is how long Flash pulses: long enough to catch the eye after
// a jump, short enough not to stand in the way of reading.
const flashDuration = 600 * time.Millisecond

// flash is a range pulsing for a moment after a jump.
type flash struct {
	r     reader.Range
	level float32 // 0 (off) to 1 (brightest)
	anim  *fyne.Animation
}

// SetHighlights replaces the highlights painted behind the text. Where
// highlights overlap, each keeps a band of the line in its own colour, so all
// of them stay visible. Empty ranges paint nothing and are dropped.
func (v *View) SetHighlights(hs []Highlight) {
	v.highlights = slices.DeleteFunc(slices.Clone(hs), func(h Highlight) bool { return h.Range.Len() <= 0 })
	// Longer first at equal starts, so an enclosing highlight keeps its band above.
	slices.SortStableFunc(v.highlights, func(a, b Highlight) int {
		return cmp.Or(cmp.Compare(a.Range.Start, b.Range.Start), cmp.Compare(b.Range.End, a.Range.End), cmp.Compare(a.ID, b.ID))
	})
	v.hlIndex = newSpanIndex(len(v.highlights), func(i int) reader.Range { return v.highlights[i].Range })
	v.Refresh()
}

// markSet is marks sorted by range, and their index.
type markSet struct {
	marks []Mark
	index spanIndex
}

func newMarkSet(ms []Mark) markSet {
	s := markSet{marks: slices.DeleteFunc(ms, func(m Mark) bool { return m.Range.Len() <= 0 })}
	slices.SortStableFunc(s.marks, func(a, b Mark) int { return cmp.Compare(a.Range.Start, b.Range.Start) })
	s.index = newSpanIndex(len(s.marks), func(i int) reader.Range { return s.marks[i].Range })
	return s
}

// SetMarks replaces the marks painted behind the text.
func (v *View) SetMarks(ms []Mark) {
	v.marks = newMarkSet(slices.Clone(ms))
	v.Refresh()
}

// SetFindMatches paints the matches of a find, ms[current] as the one the
// user is on (no such one when current is out of range); nil clears them.
// They are kept apart from SetMarks' marks, which stay.
func (v *View) SetFindMatches(ms []reader.Range, current int) {
	marks := make([]Mark, len(ms))
	for i, r := range ms {
		marks[i] = Mark{Range: r, Style: MarkFind}
		if i == current {
			marks[i].Style = MarkFindCurrent
		}
	}
	v.found = newMarkSet(marks)
	v.Refresh()
}

// Marks returns the application's marks painted (not find matches), in text order.
func (v *View) Marks() []Mark { return slices.Clone(v.marks.marks) }

// HighlightsAt returns the IDs of all highlights under p, in the view's
// coordinates, in document order; none off the text.
func (v *View) HighlightsAt(p fyne.Position) []string {
	ls := v.Lines()
	if ls == nil || v.doc == nil {
		return nil
	}
	o, ok := ls.runeAt(p.X, p.Y+v.scroll)
	if !ok {
		return nil
	}
	var ids []string
	for i := range v.hlIndex.overlapping(o, o+1) {
		ids = append(ids, v.highlights[i].ID)
	}
	return ids
}

// Flash pulses r for a moment, to show where a jump landed; scroll it into
// view first (ScrollToOffset).
func (v *View) Flash(r reader.Range) {
	v.stopFlash()
	v.flash.r = r
	v.flash.anim = fyne.NewAnimation(flashDuration, func(f float32) {
		v.flash.level = float32(math.Sin(math.Pi * float64(f)))
		if f >= 1 {
			v.flash.level = 0
		}
		v.Refresh()
	})
	v.flash.anim.Curve = fyne.AnimationLinear
	v.flash.anim.Start()
}

func (v *View) stopFlash() {
	if v.flash.anim != nil {
		v.flash.anim.Stop()
	}
	v.flash = flash{}
}

// spanIndex finds the ranges that overlap a stretch of text, asked for the
// visible lines on every paint: with 1,000 highlights, or thousands of find
// matches, a paint looks only at those near the viewport.
type spanIndex struct {
	ranges []reader.Range // sorted by Start
	maxEnd []int          // maxEnd[i] is the largest End in ranges[:i+1]
}

func newSpanIndex(n int, rangeOf func(int) reader.Range) spanIndex {
	x := spanIndex{ranges: make([]reader.Range, n), maxEnd: make([]int, n)}
	end := math.MinInt
	for i := range n {
		x.ranges[i] = rangeOf(i)
		end = max(end, x.ranges[i].End)
		x.maxEnd[i] = end
	}
	return x
}

// overlapping yields the indices of the ranges that share a rune with [a, b).
func (x *spanIndex) overlapping(a, b int) iter.Seq[int] {
	return func(yield func(int) bool) {
		// Ranges before i all end at or before a.
		i := sort.Search(len(x.maxEnd), func(i int) bool { return x.maxEnd[i] > a })
		for ; i < len(x.ranges) && x.ranges[i].Start < b; i++ {
			if x.ranges[i].End > a && !yield(i) {
				return
			}
		}
	}
}
