package placemap

import "math"

// The rasteriser walks every pixel row between a segment's ends, even rows
// far off the image, so at high zoom the outlines are clipped to the image
// first.

// clipPolygon clips a closed polygon to b (Sutherland-Hodgman), which
// keeps the filled area exact inside b. It reuses the painter's buffers:
// pts must be p.pts, and the result is valid until the next projection.
func (p *painter) clipPolygon(pts []vpoint, b box) []vpoint {
	in := append(p.tmp[:0], pts...)
	out := pts[:0]
	for edge := range 4 {
		out = out[:0]
		for i, c := range in {
			a := in[(i+len(in)-1)%len(in)]
			switch ain, cin := inside(a, b, edge), inside(c, b, edge); {
			case cin && !ain:
				out = append(out, cross(a, c, b, edge), c)
			case cin:
				out = append(out, c)
			case ain:
				out = append(out, cross(a, c, b, edge))
			}
		}
		in, out = out, in
	}
	p.pts, p.tmp = out, in
	return in
}

// inside says whether q is on b's side of one of its edges: left, right,
// top, bottom.
func inside(q vpoint, b box, edge int) bool {
	switch edge {
	case 0:
		return q.x >= b.x0
	case 1:
		return q.x <= b.x1
	case 2:
		return q.y >= b.y0
	default:
		return q.y <= b.y1
	}
}

// cross is where a-c crosses the line of one of b's edges.
func cross(a, c vpoint, b box, edge int) vpoint {
	x, y := b.x0, b.y0
	switch edge {
	case 1:
		x = b.x1
	case 3:
		y = b.y1
	}
	if edge < 2 {
		return vpoint{x, a.y + (c.y-a.y)*(x-a.x)/(c.x-a.x)}
	}
	return vpoint{a.x + (c.x-a.x)*(y-a.y)/(c.y-a.y), y}
}

// clipSegment clips a-c to b (Liang-Barsky); ok is false when nothing is left.
func clipSegment(a, c vpoint, b box) (vpoint, vpoint, bool) {
	t0, t1 := float32(0), float32(1)
	dx, dy := c.x-a.x, c.y-a.y
	for _, e := range [4][2]float32{{-dx, a.x - b.x0}, {dx, b.x1 - a.x}, {-dy, a.y - b.y0}, {dy, b.y1 - a.y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return a, c, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return a, c, false
		}
	}
	return vpoint{a.x + t0*dx, a.y + t0*dy}, vpoint{a.x + t1*dx, a.y + t1*dy}, true
}

func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
