package placemap

import (
	_ "embed"
	"math"
	"sync"
	"sync/atomic"

	"sahelreader/ui/placemap/internal/outline"
)

// outlinesFile is Natural Earth's 1:50m countries (public domain),
// simplified by internal/genoutlines.
//
//go:embed outlines.bin.gz
var outlinesFile []byte

// loadWorld decodes the outlines on first use, off the UI goroutine (see
// New); every map shares them.
var loadWorld = sync.OnceValues(func() (*world, error) {
	defer worldLoaded.Store(true)
	return decodeWorld(outlinesFile)
})

// worldLoaded says loadWorld has returned, so that New can take the
// outlines at once instead of waiting for a goroutine.
var worldLoaded atomic.Bool

// LoadOutlines reads the embedded outlines (about 20 ms, once). New does it
// in the background; call it first where New must not start a goroutine,
// as under Fyne's test driver, which runs fyne.Do on the calling goroutine.
func LoadOutlines() error {
	_, err := loadWorld()
	return err
}

// world is the outlines ready to draw, in projected units (outline.Project).
type world struct {
	countries []countryShape
	borders   []shape          // arcs two countries share
	coasts    []shape          // arcs one country has alone
	mainland  map[string]shape // each country's largest polygon's outer ring, for fitting
}

type countryShape struct {
	code  string
	rings []shape // outer rings and holes: the fill rule sorts them out
}

// shape is a run of projected points and its bounding box.
type shape struct {
	pts      []point
	min, max point
}

type point struct{ x, y float64 }

func decodeWorld(gzipped []byte) (*world, error) {
	d, err := outline.Decode(gzipped)
	if err != nil {
		return nil, err
	}
	uses := make([]int, len(d.Arcs))
	for _, c := range d.Countries {
		for _, p := range c.Polygons {
			for _, r := range p {
				for _, ref := range r {
					uses[max(ref, ^ref)]++
				}
			}
		}
	}
	w := &world{mainland: map[string]shape{}}
	for i, arc := range d.Arcs {
		if uses[i] > 1 {
			w.borders = append(w.borders, shapes(arc)...)
		} else {
			w.coasts = append(w.coasts, shapes(arc)...)
		}
	}
	for _, c := range d.Countries {
		cs := countryShape{code: c.Code}
		largest := 0.0
		for _, p := range c.Polygons {
			for k, r := range p {
				ss := shapes(ring(d.Arcs, r))
				if a := ss[0].area(); k == 0 && c.Code != "" && a > largest {
					largest, w.mainland[c.Code] = a, ss[0]
				}
				cs.rings = append(cs.rings, ss...)
			}
		}
		w.countries = append(w.countries, cs)
	}
	return w, nil
}

// ring joins a ring's arcs; consecutive arcs share their end point.
func ring(arcs [][][2]float64, refs []int) [][2]float64 {
	var pts [][2]float64
	for k, ref := range refs {
		arc := arcs[max(ref, ^ref)]
		start := 0
		if k > 0 {
			start = 1
		}
		for j := start; j < len(arc); j++ {
			if ref < 0 {
				pts = append(pts, arc[len(arc)-1-j])
			} else {
				pts = append(pts, arc[j])
			}
		}
	}
	return pts
}

// shapes projects lon, lat points. A run that crosses the antimeridian
// (Chukotka, Fiji) is made continuous past ±180° and drawn twice, once on
// each edge of the world, instead of as a streak across the map.
func shapes(lonlat [][2]float64) []shape {
	s := shape{pts: make([]point, len(lonlat))}
	offset, prev := 0.0, 0.0
	for i, p := range lonlat {
		if i > 0 && math.Abs(p[0]-prev) > 180 {
			offset -= math.Copysign(360, p[0]-prev)
		}
		prev = p[0]
		x, y := outline.Project(p[0]+offset, p[1])
		s.pts[i] = point{x, y}
	}
	s.bound()
	out := []shape{s}
	switch {
	case s.max.x > 1:
		out = append(out, s.shifted(-1))
	case s.min.x < 0:
		out = append(out, s.shifted(1))
	}
	return out
}

func (s *shape) bound() {
	s.min, s.max = point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}
	for _, p := range s.pts {
		s.min = point{min(s.min.x, p.x), min(s.min.y, p.y)}
		s.max = point{max(s.max.x, p.x), max(s.max.y, p.y)}
	}
}

// area is the shoelace area, unsigned.
func (s shape) area() float64 {
	a := 0.0
	for i, p := range s.pts {
		q := s.pts[(i+1)%len(s.pts)]
		a += p.x*q.y - q.x*p.y
	}
	return math.Abs(a) / 2
}

func (s shape) shifted(dx float64) shape {
	out := shape{pts: make([]point, len(s.pts))}
	for i, p := range s.pts {
		out.pts[i] = point{p.x + dx, p.y}
	}
	out.bound()
	return out
}
