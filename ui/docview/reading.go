package docview

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"sahelreader/reader"
)

// Shown is the text on screen: from TopOffset to the end of the last line
// at least half inside the viewport. Reading progress counts what has been
// shown, so the bottom of the viewport is what was read.
func (v *View) Shown() reader.Range {
	ls := v.Lines()
	if ls == nil || len(ls.Lines) == 0 {
		return reader.Range{Start: v.anchor, End: v.anchor}
	}
	bottom := v.scroll + v.Size().Height
	i := ls.firstBelow(bottom)
	if l := ls.Lines[i]; l.Y+l.Height/2 > bottom && i > 0 {
		i-- // line i is more than half below the edge
	}
	top := v.TopOffset()
	return reader.Range{Start: top, End: max(top, ls.Lines[i].End)}
}

// reportShown tells OnShown when the text on screen changed: by scrolling,
// a resize, a new layout. It runs on every paint, which all of those cause.
func (v *View) reportShown() {
	if v.OnShown == nil || v.Lines() == nil {
		return
	}
	if s := v.Shown(); s != v.shown {
		v.shown = s
		v.OnShown(s)
	}
}

// SetBookmarks marks the lines holding these rune offsets with a ribbon in
// the left margin.
func (v *View) SetBookmarks(offsets []int) {
	v.bookmarks = slices.Sorted(slices.Values(offsets))
	v.Refresh()
}

// ribbonAt is the offset of the bookmark whose ribbon is at p, in the
// view's coordinates: p is in the margin left of the column, on the first
// line of a bookmark.
func (v *View) ribbonAt(p fyne.Position) (int, bool) {
	ls := v.Lines()
	if ls == nil || len(v.bookmarks) == 0 || p.X >= ls.colX {
		return 0, false
	}
	s := v.options().TextSize
	if p.X < ls.colX-(ribbonGap+ribbonWidth+ribbonSlop)*s {
		return 0, false
	}
	li := ls.LineAt(p.Y + v.scroll)
	line := &ls.Lines[li]
	if p.Y+v.scroll < line.Y || p.Y+v.scroll > line.Y+line.Height {
		return 0, false
	}
	i, _ := slices.BinarySearch(v.bookmarks, line.Start)
	for ; i < len(v.bookmarks) && v.bookmarks[i] < line.End; i++ {
		if ls.lineOf(v.bookmarks[i]) == li {
			return v.bookmarks[i], true
		}
	}
	return 0, false
}

// ribbonIcon is a bookmark ribbon, in the theme's primary colour.
var ribbonIcon = theme.NewPrimaryThemedResource(fyne.NewStaticResource("ribbon.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="12" height="24" viewBox="0 0 12 24">`+
		`<path fill="#000" d="M0 0h12v24l-6-5-6 5z"/></svg>`)))

// Ribbon geometry, in multiples of the body text size.
const (
	ribbonWidth = 0.5
	ribbonGap   = 0.6 // between the ribbon and the column
	ribbonSlop  = 0.5 // a click this far left of a ribbon still hits it
)

// paintRibbons puts a ribbon beside the first line of each bookmark in view.
func (r *viewRenderer) paintRibbons(ls *Lines, first, last int) {
	v := r.view
	s := v.options().TextSize
	lo, hi := ls.Lines[first].Start, ls.Lines[last].End
	i, _ := slices.BinarySearch(v.bookmarks, lo)
	for prev := -1; i < len(v.bookmarks) && v.bookmarks[i] <= hi; i++ {
		li := ls.lineOf(v.bookmarks[i])
		if li < first || li > last || li == prev {
			continue
		}
		prev = li
		line := &ls.Lines[li]
		w := ribbonWidth * s
		x := max(0, ls.colX-ribbonGap*s-w)
		if r.ni == len(r.images) {
			r.images = append(r.images, canvas.NewImageFromResource(ribbonIcon))
		}
		o := r.images[r.ni]
		r.ni++
		o.Move(fyne.NewPos(x, line.Y-v.scroll))
		o.Resize(fyne.NewSize(w, min(2*w, line.Height)))
		r.objects = append(r.objects, o)
	}
}
