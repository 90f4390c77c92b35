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

// leaderSteps are how much farther than beside its marker a label may go
// when crowding leaves no room there (Mopti and Sévaré, 10 km apart), with
// a leader line back to its marker; at most leaderMax labels go so far, so
// that lines stay few and placing stays cheap with hundreds of places.
var leaderSteps = [...]float32{12, 26, 42}

const leaderMax = 8

// leaderEarly is how many labels after the selected and hovered ones go
// farther as soon as they find no room beside their marker, before the
// labels after them are placed: the article's main towns (Bamako in its
// own article) come before their neighbours. Later ones wait until every
// label has had its place beside its marker (Gao's beside Gao before
// Bandiagara's far from Bandiagara).
const leaderEarly = 3

// candidates are where a label may go, best first, `away` units farther
// from the marker than beside it: right of the marker as on most maps,
// then left, then the diagonals, then above and below.
func (l label) candidates(away float32) []box {
	x, y, r, w, h := l.at.X, l.at.Y, l.radius+labelGap+away, l.size.Width, l.size.Height
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

// leader is the line from the edge of l's marker to the nearest point of
// its label b.
func (l label) leader(b box) (from, to fyne.Position) {
	to = fyne.NewPos(max(b.x0, min(l.at.X, b.x1)), max(b.y0, min(l.at.Y, b.y1)))
	dx, dy := to.X-l.at.X, to.Y-l.at.Y
	n := sqrt32(dx*dx + dy*dy)
	if n == 0 {
		return l.at, to
	}
	return fyne.NewPos(l.at.X+dx/n*l.radius, l.at.Y+dy/n*l.radius), to
}

// placeLabels places labels greedily in the order given, most important
// first: each takes its first candidate beside its marker that stays on
// the widget and overlaps no placed label, no box to avoid (the reset
// button) and no other marker that is an obstacle. The first `keep` labels
// (the selected and the hovered place) may cover other markers rather than
// be left out, and the very first is shown even when it must be pushed
// inside the widget's edges. Then up to leaderMax labels that found no
// room beside their marker try places farther away (led), under the same
// rules, with leader lines that cross no label: the first leaderEarly at
// once, the others once every label has been placed beside its marker or
// not. The rest are left out. No two shown labels overlap.
func placeLabels(labels []label, size fyne.Size, keep int, avoid ...box) (boxes []box, shown, led []bool) {
	boxes, shown, led = make([]box, len(labels)), make([]bool, len(labels)), make([]bool, len(labels))
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
			if led[j] && b.crossedBy(labels[j].leader(boxes[j])) {
				return false
			}
		}
		return true
	}
	// clear says whether the leader from label i's marker to b crosses no
	// shown label, no other leader and no other town's dot (but those on
	// top of its own: it starts among them).
	clear := func(i int, b box) bool {
		from, to := labels[i].leader(b)
		for j := range labels {
			switch {
			case j == i:
			case labels[j].obstacle && !markers[j].overlaps(markers[i]) && markers[j].crossedBy(from, to):
				return false
			case !shown[j]:
			case boxes[j].crossedBy(from, to):
				return false
			case led[j]:
				if f, t := labels[j].leader(boxes[j]); segmentsCross(from, to, f, t) {
					return false
				}
			}
		}
		return true
	}
	tries := 0
	goFar := func(i int) {
		if shown[i] || tries == leaderMax {
			return
		}
		tries++
		for _, away := range leaderSteps {
			for _, b := range labels[i].candidates(away) {
				if free(i, b, false) && clear(i, b) {
					boxes[i], shown[i], led[i] = b, true, true
					return
				}
			}
		}
	}
	for i, l := range labels {
		cands := l.candidates(0)
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
		if i < keep+leaderEarly {
			goFar(i)
		}
	}
	for i := range labels {
		goFar(i)
	}
	return boxes, shown, led
}

// crossedBy says whether the segment from p to q passes through a.
func (a box) crossedBy(p, q fyne.Position) bool {
	_, _, ok := clipSegment(vpoint{p.X, p.Y}, vpoint{q.X, q.Y}, a)
	return ok
}

// segmentsCross says whether the segments ab and cd cross at a point
// inside both.
func segmentsCross(a, b, c, d fyne.Position) bool {
	side := func(p, q, r fyne.Position) float32 { return (q.X-p.X)*(r.Y-p.Y) - (q.Y-p.Y)*(r.X-p.X) }
	return side(a, b, c)*side(a, b, d) < 0 && side(c, d, a)*side(c, d, b) < 0
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
