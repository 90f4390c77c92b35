// Package placemap is an offline map of the places a text mentions: country
// outlines from Natural Earth (public domain) rasterised with
// golang.org/x/image/vector in Web Mercator, a marker per place sized by its
// mentions, labels that never overlap, the selected place picked out, and
// wheel zoom, drag pan and a button to refit.
//
// Like every widget, Map is used from the Fyne goroutine.
package placemap

import (
	"image"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/ui/placemap/internal/outline"
)

// Marker is one place on the map.
type Marker struct {
	ID       string
	Name     string
	Kind     Kind
	Country  string // ISO 3166-1 alpha-2; the map tints the places' countries; "" for none
	Lat, Lon float64
	Weight   int // mentions: a marker's area grows with its weight
}

// Kind is what a marker stands for, which sets how it is drawn and fitted.
type Kind uint8

const (
	KindPoint   Kind = iota // a town or another point: a filled dot
	KindArea                // a region, river, desert...: a ring, as its extent is unknown here
	KindCountry             // a country: a ring, and a fit shows its mainland whole
)

// Map is the map widget.
type Map struct {
	widget.BaseWidget

	// OnPlaceTapped is called with a marker's ID after a tap on it (or its
	// label) selected it.
	OnPlaceTapped func(id string)

	markers   []Marker
	pts       []point // markers projected
	countries map[string]bool
	heaviest  int // the largest weight, for the markers' sizes
	gen       int // counts SetPlaces, for the renderer to notice
	selected  int // index into markers, -1 for none
	hovered   int
	view      view
	fitted    bool // the view is the fit, and refits when the map is resized
	world     *world
	labels    []placedLabel // where the renderer last put the labels, for taps
}

type placedLabel struct {
	marker int
	box    box
}

// New returns an empty map and starts loading the outlines in the
// background if they are not loaded yet; until then the map shows water
// and markers.
func New() *Map {
	m := &Map{selected: -1, hovered: -1, fitted: true, view: fit(nil, fyne.Size{})}
	m.ExtendBaseWidget(m)
	if worldLoaded.Load() {
		m.world, _ = loadWorld()
		return m
	}
	go func() {
		w, err := loadWorld()
		if err != nil {
			fyne.LogError("placemap: cannot read the country outlines", err)
			return
		}
		fyne.Do(func() { m.setWorld(w) })
	}()
	return m
}

func (m *Map) setWorld(w *world) {
	m.world = w
	if m.fitted { // countries' outlines now count in the fit
		m.view = fit(m.fitPoints(), m.Size())
	}
	m.Refresh()
}

// SetPlaces shows these markers instead of the previous ones and fits the
// view to them. The selection stays if its ID is still there.
func (m *Map) SetPlaces(markers []Marker) {
	id := m.Selected()
	m.markers = slices.Clone(markers)
	m.pts = make([]point, len(markers))
	m.countries = map[string]bool{}
	m.heaviest = 1
	for i, mk := range markers {
		m.heaviest = max(m.heaviest, mk.Weight)
		x, y := outline.Project(mk.Lon, mk.Lat)
		m.pts[i] = point{x, y}
		if mk.Country != "" {
			m.countries[mk.Country] = true
		}
	}
	m.gen++
	m.selected, m.hovered, m.labels = m.index(id), -1, nil
	m.Reset()
}

// selectInset is how far inside the edges a selected marker must be to
// count as in view: room for its ring and label.
const selectInset = 12

// Select picks out the marker with this ID ("" or an unknown ID selects
// none), and brings it into view if it is outside.
func (m *Map) Select(id string) {
	m.selected = m.index(id)
	size := m.Size()
	if m.selected >= 0 && !size.IsZero() && !m.view.contains(m.pts[m.selected], size, selectInset) {
		pts := append(m.fitPoints(), m.pts[m.selected])
		m.view, m.fitted = fit(pts, size), false
	}
	m.Refresh()
}

// Selected is the selected marker's ID, or "".
func (m *Map) Selected() string {
	if m.selected < 0 {
		return ""
	}
	return m.markers[m.selected].ID
}

// Reset fits the view to the markers again (see focus for which).
func (m *Map) Reset() {
	m.view, m.fitted = fit(m.fitPoints(), m.Size()), true
	m.Refresh()
}

// Resize refits a view the user has not moved, so the fit follows the panel.
func (m *Map) Resize(size fyne.Size) {
	if m.fitted {
		m.view = fit(m.fitPoints(), size)
	} else {
		m.view = m.view.clamped(size)
	}
	m.BaseWidget.Resize(size)
}

// MinSize is small: the panel decides how much room the map gets.
func (m *Map) MinSize() fyne.Size { return fyne.NewSize(120, 90) }

// CreateRenderer is part of fyne.Widget.
func (m *Map) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{m: m}
	r.raster = canvas.NewRaster(func(w, h int) image.Image { return r.painter.paint(r.frame, w, h) })
	r.reset = widget.NewButtonWithIcon("", theme.ZoomFitIcon(), m.Reset)
	r.Refresh()
	return r
}

// mapRenderer draws the raster of outlines, then the markers, the ring
// around the selected one, the labels and the reset button.
type mapRenderer struct {
	m        *Map
	raster   *canvas.Raster
	painter  painter
	frame    frame   // what the raster shows
	pal      palette // the theme's, as of the last Refresh
	reset    *widget.Button
	ring     *canvas.Circle
	dots     []*canvas.Circle
	leaders  []*canvas.Line // from a marker to its label when crowding put it farther away
	backs    []*canvas.Rectangle
	names    []*canvas.Text
	sizes    [][2]fyne.Size // label boxes, regular and bold
	gen      int            // the SetPlaces the objects show
	textSize float32
	objects  []fyne.CanvasObject
}

// Label padding around the name, in units.
const labelPadX, labelPadY = 4, 1

func (r *mapRenderer) Destroy() {}

func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *mapRenderer) Refresh() {
	m := r.m
	th := m.Theme()
	if size := th.Size(theme.SizeNameCaptionText); r.ring == nil || r.gen != m.gen || r.textSize != size {
		r.makeMarkers(size)
	}
	r.pal = newPalette(th, fyne.CurrentApp().Settings().ThemeVariant())
	r.style()
	r.stack()
	r.Layout(m.Size())
	canvas.Refresh(m)
}

// redraw repaints the raster when what it shows has changed.
func (r *mapRenderer) redraw(size fyne.Size) {
	m := r.m
	f := frame{world: m.world, view: m.view, width: size.Width, gen: m.gen, focus: m.countries, pal: r.pal}
	if !f.same(r.frame) {
		r.frame = f
		r.raster.Refresh()
	}
}

// makeMarkers makes a dot and a label per marker and measures the labels.
func (r *mapRenderer) makeMarkers(textSize float32) {
	m := r.m
	r.gen, r.textSize = m.gen, textSize
	r.ring = &canvas.Circle{StrokeWidth: 1.5}
	r.dots = make([]*canvas.Circle, len(m.markers))
	r.leaders = make([]*canvas.Line, len(m.markers))
	r.backs = make([]*canvas.Rectangle, len(m.markers))
	r.names = make([]*canvas.Text, len(m.markers))
	r.sizes = make([][2]fyne.Size, len(m.markers))
	pad := fyne.NewSize(2*labelPadX, 2*labelPadY)
	for i, mk := range m.markers {
		r.dots[i] = &canvas.Circle{}
		r.leaders[i] = &canvas.Line{StrokeWidth: 1}
		r.backs[i] = &canvas.Rectangle{CornerRadius: 3}
		r.names[i] = &canvas.Text{Text: mk.Name, TextSize: textSize}
		r.sizes[i][0] = fyne.MeasureText(mk.Name, textSize, fyne.TextStyle{}).Add(pad)
		r.sizes[i][1] = fyne.MeasureText(mk.Name, textSize, fyne.TextStyle{Bold: true}).Add(pad)
	}
}

func (r *mapRenderer) style() {
	m, pal := r.m, r.pal
	for i, d := range r.dots {
		c := pal.marker
		if i == m.selected {
			c = pal.selected
		}
		if m.markers[i].Kind == KindPoint {
			d.FillColor, d.StrokeColor, d.StrokeWidth = c, pal.edge, 1.5
		} else {
			tint := c
			tint.A = 0x40
			d.FillColor, d.StrokeColor, d.StrokeWidth = tint, c, 2
		}
		r.leaders[i].StrokeColor = pal.leader
		r.backs[i].FillColor = pal.labelBack
		r.names[i].Color = pal.text
		r.names[i].TextStyle.Bold = i == m.selected
	}
	r.ring.StrokeColor = pal.selected
	r.ring.Hidden = m.selected < 0
}

// stack orders the objects: areas' rings under towns' dots, the selected
// marker and its ring above the others, then the leader lines, every label
// above every marker and line.
func (r *mapRenderer) stack() {
	m := r.m
	r.objects = append(r.objects[:0], r.raster)
	for _, points := range []bool{false, true} {
		for i, d := range r.dots {
			if i != m.selected && (m.markers[i].Kind == KindPoint) == points {
				r.objects = append(r.objects, d)
			}
		}
	}
	if m.selected >= 0 {
		r.objects = append(r.objects, r.ring, r.dots[m.selected])
	}
	for _, l := range r.leaders {
		r.objects = append(r.objects, l)
	}
	for i := range r.names {
		r.objects = append(r.objects, r.backs[i], r.names[i])
	}
	r.objects = append(r.objects, r.reset)
}

func (r *mapRenderer) Layout(size fyne.Size) {
	m := r.m
	r.redraw(size)
	r.raster.Move(fyne.Position{})
	r.raster.Resize(size)
	bs := r.reset.MinSize()
	r.reset.Resize(bs)
	r.reset.Move(fyne.NewPos(size.Width-bs.Width-theme.Padding(), theme.Padding()))
	// Show and Hide, not Hidden: a button hidden while it refreshed has no
	// icon until it refreshes again.
	if m.fitted {
		r.reset.Hide()
	} else {
		r.reset.Show()
	}

	for i, d := range r.dots {
		at, rad := m.view.toScreen(m.pts[i], size), m.radius(i)
		d.Move(at.SubtractXY(rad, rad))
		d.Resize(fyne.NewSquareSize(2 * rad))
		if i == m.selected {
			ring := rad + 3.5
			r.ring.Move(at.SubtractXY(ring, ring))
			r.ring.Resize(fyne.NewSquareSize(2 * ring))
		}
	}

	order, forced := m.labelOrder(size)
	labels := make([]label, len(order))
	for k, i := range order {
		labels[k] = label{at: m.view.toScreen(m.pts[i], size), radius: m.radius(i), size: r.labelSize(i),
			obstacle: m.markers[i].Kind == KindPoint || i == m.selected}
	}
	var avoid []box
	if !m.fitted {
		p := r.reset.Position()
		avoid = append(avoid, box{p.X, p.Y, p.X + bs.Width, p.Y + bs.Height})
	}
	boxes, shown, led := placeLabels(labels, size, forced, avoid...)
	for i := range r.names {
		r.backs[i].Hidden, r.names[i].Hidden, r.leaders[i].Hidden = true, true, true
	}
	m.labels = m.labels[:0]
	for k, i := range order {
		if !shown[k] {
			continue
		}
		b := boxes[k]
		m.labels = append(m.labels, placedLabel{i, b})
		r.backs[i].Hidden, r.names[i].Hidden = false, false
		r.backs[i].Move(fyne.NewPos(b.x0, b.y0))
		r.backs[i].Resize(fyne.NewSize(b.x1-b.x0, b.y1-b.y0))
		r.names[i].Move(fyne.NewPos(b.x0+labelPadX, b.y0+labelPadY))
		r.names[i].Resize(fyne.NewSize(b.x1-b.x0-2*labelPadX, b.y1-b.y0-2*labelPadY))
		if led[k] {
			from, to := labels[k].leader(b)
			r.leaders[i].Hidden, r.leaders[i].Position1, r.leaders[i].Position2 = false, from, to
		}
	}
}

func (r *mapRenderer) labelSize(i int) fyne.Size {
	if i == r.m.selected {
		return r.sizes[i][1]
	}
	return r.sizes[i][0]
}
