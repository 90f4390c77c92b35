package placemap

import (
	"cmp"
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// fitPoints are the points a fit shows: the towns and countries in focus,
// with the corners of the mainland of each country the story is in: where
// those towns are, or every country in focus when the article names no
// town. A country named in passing (Algeria, beside Kidal) counts by its
// centre, or its mainland would take the map. Areas (the Sahel, Africa)
// count only when there is nothing else: their centre says little.
func (m *Map) fitPoints() []point {
	var idx []int
	var ms []Marker
	for i, mk := range m.markers {
		if mk.Kind != KindArea {
			idx, ms = append(idx, i), append(ms, mk)
		}
	}
	if len(idx) == 0 {
		for i := range m.markers {
			idx = append(idx, i)
		}
		ms = m.markers
	}
	in := focus(ms)
	stages := map[string]bool{}
	for _, k := range in {
		if mk := m.markers[idx[k]]; mk.Kind == KindPoint {
			stages[mk.Country] = true
		}
	}
	var pts []point
	for _, k := range in {
		i := idx[k]
		pts = append(pts, m.pts[i])
		if m.markers[i].Kind != KindCountry || m.world == nil || len(stages) > 0 && !stages[m.markers[i].Country] {
			continue
		}
		if s, ok := m.world.mainland[m.markers[i].Country]; ok {
			pts = append(pts, s.min, s.max)
		}
	}
	return pts
}

func (m *Map) index(id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(m.markers, func(mk Marker) bool { return mk.ID == id })
}

// radius grows a marker's area with its weight, from 3.5 to 10 units.
func (m *Map) radius(i int) float32 {
	return float32(3.5 + 6.5*math.Sqrt(float64(max(m.markers[i].Weight, 1))/float64(m.heaviest)))
}

// hit is the marker under pos, or whose label is: the nearest within a
// few units of its circle, so that small markers are easy to hit; -1 for none.
func (m *Map) hit(pos fyne.Position) int {
	best, bestD := -1, float32(math.Inf(1))
	for i := range m.markers {
		at := m.view.toScreen(m.pts[i], m.Size())
		dx, dy := pos.X-at.X, pos.Y-at.Y
		d := sqrt32(dx*dx + dy*dy)
		if d <= max(m.radius(i)+4, 9) && d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		return best
	}
	for _, l := range m.labels {
		if b := l.box; pos.X >= b.x0 && pos.X < b.x1 && pos.Y >= b.y0 && pos.Y < b.y1 {
			return l.marker
		}
	}
	return -1
}

// labelOrder is the markers on the widget whose labels to place, most
// important first: the selected one, the hovered one, then towns before
// areas and countries (a reader looks for the towns; the outlines show the
// countries), each by weight and name. forced is how many lead the list by selection or hover.
func (m *Map) labelOrder(size fyne.Size) (order []int, forced int) {
	onMap := func(i int) bool { return i >= 0 && m.view.contains(m.pts[i], size, 0) }
	for _, i := range []int{m.selected, m.hovered} {
		if onMap(i) && !slices.Contains(order, i) {
			order = append(order, i)
		}
	}
	forced = len(order)
	rest := make([]int, 0, len(m.markers))
	for i := range m.markers {
		if onMap(i) && i != m.selected && i != m.hovered {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(rest, func(a, b int) int {
		ma, mb := m.markers[a], m.markers[b]
		return cmp.Or(cmp.Compare(ma.Kind, mb.Kind), cmp.Compare(mb.Weight, ma.Weight), cmp.Compare(ma.Name, mb.Name))
	})
	return append(order, rest...), forced
}
