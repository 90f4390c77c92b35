package placemap

import "testing"

func TestWorldOutlinesMaliWithoutStreaks(t *testing.T) {
	w, err := decodeWorld(outlinesFile)
	if err != nil {
		t.Fatal(err)
	}
	mali, ok := w.mainland["ML"]
	if !ok {
		t.Fatal("no outline for Mali")
	}
	for name, ll := range map[string][2]float64{"Bamako": {12.65, -8}, "Gao": {16.27, -0.04}, "Kidal": {18.44, 1.41}, "Kayes": {14.45, -11.44}} {
		if p := project(ll[0], ll[1]); p.x < mali.min.x || p.x > mali.max.x || p.y < mali.min.y || p.y > mali.max.y {
			t.Errorf("%s is outside Mali's outline's bounds", name)
		}
	}
	// A ring crossing the antimeridian drawn as is would streak across the
	// world; Antarctica is left out.
	south := project(-70, 0).y
	check := func(kind string, s shape) {
		if s.max.x-s.min.x > 0.5 {
			t.Errorf("%s spans %.2f of the world's width", kind, s.max.x-s.min.x)
		}
		if s.max.y > south {
			t.Errorf("%s reaches below 70°S", kind)
		}
	}
	for _, c := range w.countries {
		for _, r := range c.rings {
			check("a ring of "+c.code, r)
		}
	}
	for _, l := range append(w.borders, w.coasts...) {
		check("a line", l)
	}
}

func BenchmarkDecodeWorld(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(outlinesFile)))
	for b.Loop() {
		if _, err := decodeWorld(outlinesFile); err != nil {
			b.Fatal(err)
		}
	}
}
