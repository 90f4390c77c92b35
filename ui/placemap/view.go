package placemap

import (
	"math"

	"fyne.io/fyne/v2"
)

// view places the projected world (the unit square) on the widget: the
// world point at the widget's centre and the widget units per world unit.
type view struct {
	centre point
	scale  float64
}

const (
	// maxScale stops zooming at about 200 units per degree: the outlines
	// are simplified to about a kilometre, and ten kilometres (Mopti to
	// Sévaré) are then 18 units apart.
	maxScale = 200 * 360
	// fitSpan is the least width of the world a fit shows, so that one
	// place, or a few close together, come with their surroundings.
	fitSpan = 8.0 / 360
	// fitMargin is the share of the widget kept free around fitted
	// markers, for their circles and labels.
	fitMargin = 0.12
)

func (v view) toScreen(p point, size fyne.Size) fyne.Position {
	return fyne.NewPos(
		float32((p.x-v.centre.x)*v.scale+float64(size.Width)/2),
		float32((p.y-v.centre.y)*v.scale+float64(size.Height)/2))
}

func (v view) toWorld(pos fyne.Position, size fyne.Size) point {
	return point{
		v.centre.x + (float64(pos.X)-float64(size.Width)/2)/v.scale,
		v.centre.y + (float64(pos.Y)-float64(size.Height)/2)/v.scale,
	}
}

// minScale shows the whole world across the widget's shorter side.
func minScale(size fyne.Size) float64 {
	return math.Max(1, float64(min(size.Width, size.Height)))
}

// fit is the view that shows every point with a margin around them.
func fit(pts []point, size fyne.Size) view {
	if len(pts) == 0 {
		return view{centre: point{0.5, 0.5}, scale: minScale(size)}
	}
	lo, hi := pts[0], pts[0]
	for _, p := range pts[1:] {
		lo = point{min(lo.x, p.x), min(lo.y, p.y)}
		hi = point{max(hi.x, p.x), max(hi.y, p.y)}
	}
	w, h := float64(size.Width)*(1-2*fitMargin), float64(size.Height)*(1-2*fitMargin)
	scale := math.Min(w/math.Max(hi.x-lo.x, 1e-9), h/math.Max(hi.y-lo.y, 1e-9))
	scale = math.Min(scale, float64(min(size.Width, size.Height))/fitSpan)
	v := view{centre: point{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2}, scale: scale}
	return v.clamped(size)
}

// zoomAt scales the view by factor about pos, keeping the world point under
// pos where it is.
func (v view) zoomAt(pos fyne.Position, factor float64, size fyne.Size) view {
	w := v.toWorld(pos, size)
	v.scale *= factor
	v = v.clamped(size)
	v.centre = point{
		w.x - (float64(pos.X)-float64(size.Width)/2)/v.scale,
		w.y - (float64(pos.Y)-float64(size.Height)/2)/v.scale,
	}
	return v.clamped(size)
}

// pan moves the world with the pointer.
func (v view) pan(d fyne.Delta, size fyne.Size) view {
	v.centre.x -= float64(d.DX) / v.scale
	v.centre.y -= float64(d.DY) / v.scale
	return v.clamped(size)
}

// clamped keeps the scale within limits and the centre on the world.
func (v view) clamped(size fyne.Size) view {
	v.scale = math.Max(minScale(size), math.Min(maxScale, v.scale))
	v.centre.x = math.Max(0, math.Min(1, v.centre.x))
	v.centre.y = math.Max(0, math.Min(1, v.centre.y))
	return v
}

// contains says whether p is on the widget at least inset units from its edges.
func (v view) contains(p point, size fyne.Size, inset float32) bool {
	s := v.toScreen(p, size)
	return s.X >= inset && s.Y >= inset && s.X <= size.Width-inset && s.Y <= size.Height-inset
}
