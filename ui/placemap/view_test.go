package placemap

import (
	"math"
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
)

var sizes = []fyne.Size{{Width: 400, Height: 300}, {Width: 300, Height: 500}, {Width: 800, Height: 600}}

func TestFitKeepsEveryPointInsideTheMargin(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		lat, lon, spread := rng.Float64()*100-50, rng.Float64()*300-150, rng.Float64()*40
		pts := make([]point, 1+rng.IntN(12))
		for i := range pts {
			pts[i] = project(lat+rng.Float64()*spread, lon+rng.Float64()*spread)
		}
		for _, size := range sizes {
			v := fit(pts, size)
			mx, my := fitMargin*size.Width-0.01, fitMargin*size.Height-0.01
			for _, p := range pts {
				s := v.toScreen(p, size)
				if s.X < mx || s.Y < my || s.X > size.Width-mx || s.Y > size.Height-my {
					t.Fatalf("size %v: point at %v, outside the margin (%d points around %.1f, %.1f, spread %.1f°)",
						size, s, len(pts), lat, lon, spread)
				}
			}
		}
	}
}

func TestFitShowsOnePlaceWithItsSurroundings(t *testing.T) {
	for _, size := range sizes {
		p := project(14.48, -4.18)
		v := fit([]point{p}, size)
		if s := v.toScreen(p, size); math.Abs(float64(s.X-size.Width/2)) > 0.01 || math.Abs(float64(s.Y-size.Height/2)) > 0.01 {
			t.Errorf("size %v: the place is at %v, not centred", size, s)
		}
		if degrees := float64(min(size.Width, size.Height)) / v.scale * 360; degrees < 7.99 {
			t.Errorf("size %v: shows %.1f° around one place, want at least 8", size, degrees)
		}
	}
}

func TestZoomAtKeepsTheWorldUnderThePointer(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	size := fyne.NewSize(400, 300)
	v := fit([]point{project(12.65, -8), project(16.27, -0.04)}, size)
	for range 200 {
		pos := fyne.NewPos(rng.Float32()*size.Width, rng.Float32()*size.Height)
		factor := math.Exp2(rng.Float64()*2 - 1)
		before := v.toWorld(pos, size)
		z := v.zoomAt(pos, factor, size)
		if math.Abs(z.scale/v.scale-factor) > 1e-9 {
			t.Fatalf("scale %v -> %v, want factor %v", v.scale, z.scale, factor)
		}
		if after := z.toWorld(pos, size); math.Abs(after.x-before.x)*z.scale > 1e-6 || math.Abs(after.y-before.y)*z.scale > 1e-6 {
			t.Fatalf("zoom by %v at %v moved the world under the pointer from %v to %v", factor, pos, before, after)
		}
	}
}

func TestZoomStopsAtLimits(t *testing.T) {
	size := fyne.NewSize(400, 300)
	v := fit(nil, size)
	if out := v.zoomAt(fyne.NewPos(10, 10), 0.01, size); out.scale != minScale(size) {
		t.Errorf("zoomed out to %v, want the whole world (%v)", out.scale, minScale(size))
	}
	if in := v.zoomAt(fyne.NewPos(10, 10), 1e9, size); in.scale != maxScale {
		t.Errorf("zoomed in to %v, want at most %v", in.scale, maxScale)
	}
}

func TestPanMovesTheWorldWithThePointer(t *testing.T) {
	size := fyne.NewSize(400, 300)
	p := project(14.48, -4.18)
	v := fit([]point{p, project(16.27, -0.04)}, size)
	before := v.toScreen(p, size)
	after := v.pan(fyne.NewDelta(25, -40), size).toScreen(p, size)
	if d := after.Subtract(before); math.Abs(float64(d.X-25)) > 1e-3 || math.Abs(float64(d.Y+40)) > 1e-3 {
		t.Errorf("the place moved by %v, want (25, -40)", d)
	}
}
