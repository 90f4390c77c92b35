package placemap

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Tapped selects the marker under the pointer and tells OnPlaceTapped.
func (m *Map) Tapped(ev *fyne.PointEvent) {
	i := m.hit(ev.Position)
	if i < 0 {
		return
	}
	m.Select(m.markers[i].ID)
	if m.OnPlaceTapped != nil {
		m.OnPlaceTapped(m.markers[i].ID)
	}
}

// wheelDoubling is the wheel distance that doubles the scale: one notch of
// a Linux or Windows mouse (25) zooms by √2, one of a Mac mouse (10) by
// about 15%; a burst is capped so that a flung wheel stays controllable.
const wheelDoubling, wheelBurst = 50, 100

// Scrolled zooms about the pointer.
func (m *Map) Scrolled(ev *fyne.ScrollEvent) {
	dy := math.Max(-wheelBurst, math.Min(wheelBurst, float64(ev.Scrolled.DY)))
	if dy == 0 {
		return
	}
	m.view, m.fitted = m.view.zoomAt(ev.Position, math.Exp2(dy/wheelDoubling), m.Size()), false
	m.Refresh()
}

// Dragged pans.
func (m *Map) Dragged(ev *fyne.DragEvent) {
	m.view, m.fitted = m.view.pan(ev.Dragged, m.Size()), false
	m.Refresh()
}

// DragEnd is part of fyne.Draggable.
func (m *Map) DragEnd() {}

// MouseIn is part of desktop.Hoverable.
func (m *Map) MouseIn(ev *desktop.MouseEvent) { m.hover(m.hit(ev.Position)) }

// MouseMoved shows the label of the marker under the pointer, even when
// crowding left it out.
func (m *Map) MouseMoved(ev *desktop.MouseEvent) { m.hover(m.hit(ev.Position)) }

// MouseOut is part of desktop.Hoverable.
func (m *Map) MouseOut() { m.hover(-1) }

func (m *Map) hover(i int) {
	if i != m.hovered {
		m.hovered = i
		m.Refresh()
	}
}

// Cursor is a pointing hand over a marker.
func (m *Map) Cursor() desktop.Cursor {
	if m.hovered >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
