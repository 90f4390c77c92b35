package placemap

import "fyne.io/fyne/v2"

// label is a name to place beside its marker.
type label struct {
	at       fyne.Position // the marker's centre
	radius   float32
	size     fyne.Size
	obstacle bool // other labels keep off the marker: a town's opaque dot, not an area's see-through ring
}

// box is a rectangle on the widget.
type box struct{ x0, y0, x1, y1 float32 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1
}

// labelGap is the space between a marker and its label.
const labelGap = 3

// candidates are where a label may go, best first: right of the marker as
// on most maps, then left, then the diagonals, then above and below.
func (l label) candidates() []box {
	x, y, r, w, h := l.at.X, l.at.Y, l.radius+labelGap, l.size.Width, l.size.Height
	d := r * 0.7
	tops := []fyne.Position{
		{X: x + r, Y: y - h/2},
		{X: x - r - w, Y: y - h/2},
		{X: x + d, Y: y - d - h},
		{X: x + d, Y: y + d},
		{X: x - d - w, Y: y - d - h},
		{X: x - d - w, Y: y + d},
		{X: x - w/2, Y: y - r - h},
		{X: x - w/2, Y: y + r},
	}
	out := make([]box, len(tops))
	for i, p := range tops {
		out[i] = box{p.X, p.Y, p.X + w, p.Y + h}
	}
	return out
}

// placeLabels places labels greedily in the order given, most important
// first: each takes its first candidate that stays on the widget and
// overlaps no placed label, no box to avoid (the reset button) and no
// other marker that is an obstacle, or is left out. The first
// `keep` labels (the selected and the hovered place) may cover other
// markers rather than be left out, and the very first is shown even when it
// must be pushed inside the widget's edges. No two shown labels overlap.
func placeLabels(labels []label, size fyne.Size, keep int, avoid ...box) (boxes []box, shown []bool) {
	boxes, shown = make([]box, len(labels)), make([]bool, len(labels))
	markers := make([]box, len(labels))
	for i, l := range labels {
		markers[i] = box{l.at.X - l.radius, l.at.Y - l.radius, l.at.X + l.radius, l.at.Y + l.radius}
	}
	bounds := box{0, 0, size.Width, size.Height}
	free := func(i int, b box, overMarkers bool) bool {
		if !b.inside(bounds) {
			return false
		}
		for _, a := range avoid {
			if b.overlaps(a) {
				return false
			}
		}
		for j := range labels {
			if shown[j] && b.overlaps(boxes[j]) || !overMarkers && j != i && labels[j].obstacle && b.overlaps(markers[j]) {
				return false
			}
		}
		return true
	}
	for i, l := range labels {
		cands := l.candidates()
		for pass := 0; pass < 2 && !shown[i]; pass++ {
			if pass == 1 && i >= keep {
				break
			}
			for _, b := range cands {
				if free(i, b, pass == 1) {
					boxes[i], shown[i] = b, true
					break
				}
			}
		}
		if i == 0 && keep > 0 && !shown[0] {
			boxes[0], shown[0] = pushInside(cands[0], size), true
		}
	}
	return boxes, shown
}

// pushInside moves b onto the widget, as far as it fits.
func pushInside(b box, size fyne.Size) box {
	dx := max(0, -b.x0) - max(0, b.x1-size.Width)
	dy := max(0, -b.y0) - max(0, b.y1-size.Height)
	if b.x0+dx < 0 {
		dx = -b.x0
	}
	if b.y0+dy < 0 {
		dy = -b.y0
	}
	return box{b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy}
}
