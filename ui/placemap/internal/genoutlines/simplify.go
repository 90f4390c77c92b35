package main

import (
	"math"

	"sahelreader/ui/placemap/internal/outline"
)

// simplify runs Douglas-Peucker on every arc with tolerance in Web
// Mercator units (the world is 1 wide). Arcs keep their end points, so
// rings stay closed and neighbours keep meeting. Written here rather than
// taken from orb/simplify to keep the module's dependencies unchanged for
// one generator's forty lines.
func simplify(d *outline.Data, tolerance float64) {
	for i, arc := range d.Arcs {
		projected := make([][2]float64, len(arc))
		for j, p := range arc {
			projected[j][0], projected[j][1] = outline.Project(p[0], p[1])
		}
		keep := make([]bool, len(arc))
		keep[0], keep[len(arc)-1] = true, true
		douglasPeucker(projected, keep, 0, len(arc)-1, tolerance*tolerance)
		var out [][2]float64
		for j, p := range arc {
			if keep[j] {
				out = append(out, p)
			}
		}
		d.Arcs[i] = out
	}
}

// douglasPeucker marks in keep the points of pts[first:last+1] that stay.
func douglasPeucker(pts [][2]float64, keep []bool, first, last int, tolerance2 float64) {
	for last-first > 1 {
		farthest, far2 := -1, tolerance2
		for i := first + 1; i < last; i++ {
			if d := distance2(pts[i], pts[first], pts[last]); d > far2 {
				farthest, far2 = i, d
			}
		}
		if farthest < 0 {
			return
		}
		keep[farthest] = true
		douglasPeucker(pts, keep, first, farthest, tolerance2)
		first = farthest // the second half without recursing
	}
}

// distance2 is the squared distance from p to the segment a-b (to a when
// the segment is a point, as for an island's closed arc).
func distance2(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	ex, ey := p[0]-a[0]-t*dx, p[1]-a[1]-t*dy
	return ex*ex + ey*ey
}
