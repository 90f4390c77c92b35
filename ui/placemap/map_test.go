package placemap

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var mapSize = fyne.NewSize(400, 300)

func TestTapOnMarkerSelectsItAndCallsBack(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	var tapped []string
	m.OnPlaceTapped = func(id string) { tapped = append(tapped, id) }

	test.TapAt(m, m.screen("gao").AddXY(2, -1))
	if len(tapped) != 1 || tapped[0] != "gao" || m.Selected() != "gao" {
		t.Fatalf("tap on Gao: tapped %v, selected %q", tapped, m.Selected())
	}
	test.TapAt(m, fyne.NewPos(5, mapSize.Height-5)) // the Gulf of Guinea
	if len(tapped) != 1 || m.Selected() != "gao" {
		t.Errorf("tap on the sea: tapped %v, selected %q", tapped, m.Selected())
	}
}

func TestTapOnLabelSelectsItsPlace(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	for _, l := range m.labels {
		if m.markers[l.marker].ID == "bamako" {
			test.TapAt(m, fyne.NewPos(l.box.x1-2, (l.box.y0+l.box.y1)/2))
			if m.Selected() != "bamako" {
				t.Errorf("tap on Bamako's label selected %q", m.Selected())
			}
			return
		}
	}
	t.Fatal("Bamako has no label")
}

func TestWheelZoomsAboutThePointer(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	pos := m.screen("bamako").AddXY(17, -9)
	before, scale := m.view.toWorld(pos, mapSize), m.view.scale
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, 25)})
	if m.view.scale <= scale {
		t.Fatalf("scrolling up zoomed from %v to %v", scale, m.view.scale)
	}
	if after := m.view.toWorld(pos, mapSize); math.Abs(after.x-before.x)*m.view.scale > 1e-3 || math.Abs(after.y-before.y)*m.view.scale > 1e-3 {
		t.Errorf("the world under the pointer moved from %v to %v", before, after)
	}
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, -25)})
	if math.Abs(m.view.scale-scale) > 1e-6*scale {
		t.Errorf("a notch down after a notch up: scale %v, want %v", m.view.scale, scale)
	}
}

func TestDragPansAndResetRefits(t *testing.T) {
	m, w := newTestMap(t, minusma, mapSize)
	r := test.WidgetRenderer(m).(*mapRenderer)
	fitted := m.view
	if r.reset.Visible() {
		t.Error("the reset button shows on a fitted map")
	}
	before := m.screen("mopti")
	test.Drag(w.Canvas(), before, 30, -20)
	if d := m.screen("mopti").Subtract(before); math.Abs(float64(d.X-30)) > 1e-3 || math.Abs(float64(d.Y+20)) > 1e-3 {
		t.Errorf("dragging by (30, -20) moved Mopti by %v", d)
	}
	if !r.reset.Visible() {
		t.Error("no reset button after a drag")
	}
	test.Tap(r.reset)
	if m.view != fitted || r.reset.Visible() {
		t.Errorf("after reset: view %+v (want %+v), reset button visible %v", m.view, fitted, r.reset.Visible())
	}
}

func TestFitShowsMaliWholeAndCentred(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	mali := m.world.mainland["ML"]
	lo, hi := m.view.toScreen(mali.min, mapSize), m.view.toScreen(mali.max, mapSize)
	if lo.X < 0 || lo.Y < 0 || hi.X > mapSize.Width || hi.Y > mapSize.Height {
		t.Errorf("Mali's outline spans %v-%v, beyond the map", lo, hi)
	}
	for _, id := range []string{"mali", "bamako", "mopti", "gao", "timbuktu", "senegal", "togo"} {
		if !m.view.contains(m.pts[m.index(id)], mapSize, 0) {
			t.Errorf("%s is off the fitted map", id)
		}
	}
	if m.view.contains(m.pts[m.index("moscow")], mapSize, 0) {
		t.Error("Moscow, named in passing, is on the fitted map")
	}
}

// TestFitOfAStoryInMaliLeavesEuropeOut: seen from Algeria's centre, deep
// in the Sahara, Paris is as near as Bamako, so a story told in Gao,
// Timbuktu and Kidal that names France and Algeria in passing was fitted
// from the North Sea to the Gulf of Guinea. The fit centres on a town, and
// only Mali, where the towns are, counts whole.
func TestFitOfAStoryInMaliLeavesEuropeOut(t *testing.T) {
	story := []Marker{
		{ID: "mali", Name: "Mali", Kind: KindCountry, Country: "ML", Lat: 17.35, Lon: -3.54, Weight: 12},
		{ID: "timbuktu", Name: "Timbuktu", Country: "ML", Lat: 16.77, Lon: -3.01, Weight: 6},
		{ID: "gao", Name: "Gao", Country: "ML", Lat: 16.27, Lon: -0.04, Weight: 5},
		{ID: "kidal", Name: "Kidal", Country: "ML", Lat: 18.44, Lon: 1.41, Weight: 4},
		{ID: "bamako", Name: "Bamako", Country: "ML", Lat: 12.65, Lon: -8, Weight: 2},
		{ID: "algeria", Name: "Algeria", Kind: KindCountry, Country: "DZ", Lat: 28.03, Lon: 2.63, Weight: 2},
		{ID: "niger", Name: "Niger", Kind: KindCountry, Country: "NE", Lat: 17.61, Lon: 8.08, Weight: 2},
		{ID: "france", Name: "France", Kind: KindCountry, Country: "FR", Lat: 46.62, Lon: 2.45, Weight: 2},
		{ID: "germany", Name: "Germany", Kind: KindCountry, Country: "DE", Lat: 51.1, Lon: 10.4, Weight: 1},
	}
	m, _ := newTestMap(t, story, mapSize)
	mali := m.world.mainland["ML"]
	if lo, hi := m.view.toScreen(mali.min, mapSize), m.view.toScreen(mali.max, mapSize); lo.X < 0 || lo.Y < 0 || hi.X > mapSize.Width || hi.Y > mapSize.Height {
		t.Errorf("Mali's outline spans %v-%v, beyond the map", lo, hi)
	}
	for _, id := range []string{"timbuktu", "gao", "kidal", "bamako", "algeria", "niger"} {
		if !m.view.contains(m.pts[m.index(id)], mapSize, 0) {
			t.Errorf("%s is off the fitted map", id)
		}
	}
	for _, id := range []string{"france", "germany"} {
		if m.view.contains(m.pts[m.index(id)], mapSize, 0) {
			t.Errorf("%s, named in passing, is on the fitted map", id)
		}
	}
	if algiers := project(36.75, 3.06); m.view.contains(algiers, mapSize, 0) {
		t.Error("Algiers is on the map: Algeria, named in passing, was fitted whole")
	}
}

func TestResizeKeepsTheFit(t *testing.T) {
	m, w := newTestMap(t, minusma, mapSize)
	w.Resize(fyne.NewSize(300, 500))
	if want := fit(m.fitPoints(), m.Size()); m.view != want {
		t.Errorf("after a resize the view is %+v, want the fit %+v", m.view, want)
	}
}

func TestSelectBringsAFarPlaceIntoView(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	m.Select("moscow")
	for _, id := range []string{"moscow", "bamako", "gao"} {
		if !m.view.contains(m.pts[m.index(id)], mapSize, 0) {
			t.Errorf("after selecting Moscow, %s is off the map", id)
		}
	}
	if r := test.WidgetRenderer(m).(*mapRenderer); !r.names[m.index("moscow")].Visible() || !r.ring.Visible() {
		t.Error("the selected place has no label or no ring")
	}
}

func TestHoverShowsALabelCrowdingLeftOut(t *testing.T) {
	crowd := centralMali[:8]
	m, w := newTestMap(t, crowd, fyne.NewSize(120, 90))
	r := test.WidgetRenderer(m).(*mapRenderer)
	hidden := -1
	for i := range crowd {
		if !r.names[i].Visible() && m.hit(m.screen(crowd[i].ID)) == i {
			hidden = i
		}
	}
	if hidden < 0 {
		t.Fatal("no label was left out; the test needs a crowd")
	}
	test.MoveMouse(w.Canvas(), m.screen(crowd[hidden].ID))
	if m.hovered != hidden || !r.names[hidden].Visible() {
		t.Errorf("hovering %s: hovered %d, label shown %v", crowd[hidden].Name, m.hovered, r.names[hidden].Visible())
	}
	if m.Cursor() != desktop.PointerCursor {
		t.Error("no pointing hand over a marker")
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(1, 1))
	if m.hovered != -1 {
		t.Errorf("hovered %d after leaving the markers", m.hovered)
	}
}

func TestSetPlacesKeepsTheSelectionByID(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	m.Select("gao")
	m.SetPlaces(minusma[3:])
	if m.Selected() != "gao" {
		t.Errorf("selected %q after SetPlaces, want gao", m.Selected())
	}
	m.SetPlaces(minusma[:2])
	if m.Selected() != "" {
		t.Errorf("selected %q after SetPlaces without it", m.Selected())
	}
}

func TestThemeChangeRepaintsTheOutlines(t *testing.T) {
	m, _ := newTestMap(t, minusma, mapSize)
	r := test.WidgetRenderer(m).(*mapRenderer)
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	m.Refresh()
	dark := r.frame.pal
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	m.Refresh()
	if r.frame.pal.water == dark.water || r.frame.pal.land == dark.land {
		t.Errorf("the light theme paints with the dark theme's colours: %+v", r.frame.pal)
	}
}

// BenchmarkDragFrame is the CPU work of one frame of a drag at 400×300:
// panning, placing the markers and labels, and painting the raster.
func BenchmarkDragFrame(b *testing.B) {
	m, _ := newTestMap(b, minusma, mapSize)
	r := test.WidgetRenderer(m).(*mapRenderer)
	ev := &fyne.DragEvent{Dragged: fyne.NewDelta(1, 0)}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ev.Dragged.DX = float32(i%2*2 - 1) // to and fro, to stay on the same ground
		m.Dragged(ev)
		r.painter.paint(r.frame, 400, 300)
	}
}

// The reset button hides on a fitted map; once the user moves it, the
// button shows whole, with its icon (Fyne builds a button's icon only when
// the button refreshes while visible), every time.
func TestResetButtonShowsWithItsIcon(t *testing.T) {
	m, w := newTestMap(t, minusma, mapSize)
	r := test.WidgetRenderer(m).(*mapRenderer)
	want := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), nil).MinSize()
	for range 2 {
		r.reset.Refresh() // hidden, as the window may refresh it
		test.Drag(w.Canvas(), m.screen("mopti"), 30, -20)
		if !r.reset.Visible() || !iconShows(r.reset) || r.reset.Size() != want {
			t.Errorf("after a drag: reset visible %v, icon shows %v, size %v, want %v", r.reset.Visible(), iconShows(r.reset), r.reset.Size(), want)
		}
		test.Tap(r.reset)
	}
}

func iconShows(b *widget.Button) bool {
	for _, o := range test.WidgetRenderer(b).Objects() {
		if img, ok := o.(*canvas.Image); ok && img.Visible() && img.Resource != nil {
			return true
		}
	}
	return false
}

// TestCrowdedTownsAreLabelled shows the places of the bundled article on
// central Mali in a map of the Places panel's size: the fit takes in
// Senegal and Togo, so Mopti, Sévaré and their neighbours crowd into a few
// units, yet the most mentioned towns are all named, whichever of them is
// selected, some at the end of a leader line.
func TestCrowdedTownsAreLabelled(t *testing.T) {
	m, _ := newTestMap(t, centralMali, fyne.NewSize(340, 320))
	r := test.WidgetRenderer(m).(*mapRenderer)
	for _, sel := range []string{"", "sevare", "mopti"} {
		m.Select(sel)
		led := 0
		for i, mk := range centralMali {
			if i < 3 && !r.names[i].Visible() {
				t.Errorf("selected %q: %s has no label", sel, mk.Name)
			}
			if r.leaders[i].Visible() {
				led++
				if !r.names[i].Visible() {
					t.Errorf("selected %q: a leader line to %s, which has no label", sel, mk.Name)
				}
			}
		}
		if led == 0 {
			t.Errorf("selected %q: no leader line; the test needs a crowd", sel)
		}
	}
}

// TestTheMostMentionedTownIsLabelled: Bamako, on top of Koulouba and Kati,
// finds no room beside its marker; its label goes a little away before
// the labels of towns named less often take the room around.
func TestTheMostMentionedTownIsLabelled(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(340, 320), mapSize} {
		m, _ := newTestMap(t, bamakoPlaces, size)
		r := test.WidgetRenderer(m).(*mapRenderer)
		if i := m.index("bamako"); !r.names[i].Visible() {
			t.Errorf("at %v Bamako, the article's city, has no label", size)
		}
	}
}
