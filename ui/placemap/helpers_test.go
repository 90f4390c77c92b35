package placemap

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/ui/placemap/internal/outline"
)

// minusma is the places of the bundled MINUSMA article, as the extractor
// finds them.
var minusma = []Marker{
	{ID: "mali", Name: "Mali", Kind: KindCountry, Country: "ML", Lat: 17.3458, Lon: -3.5427, Weight: 15},
	{ID: "bamako", Name: "Bamako", Country: "ML", Lat: 12.65, Lon: -8, Weight: 2},
	{ID: "sahel", Name: "Sahel", Kind: KindArea, Lat: 14.5, Lon: 0, Weight: 2},
	{ID: "mopti", Name: "Mopti", Country: "ML", Lat: 14.4843, Lon: -4.183, Weight: 2},
	{ID: "moscow", Name: "Moscow", Country: "RU", Lat: 55.7522, Lon: 37.6156, Weight: 2},
	{ID: "gao", Name: "Gao", Country: "ML", Lat: 16.2717, Lon: -0.0447, Weight: 1},
	{ID: "timbuktu", Name: "Timbuktu", Country: "ML", Lat: 16.7735, Lon: -3.0074, Weight: 1},
	{ID: "bangladesh", Name: "Bangladesh", Kind: KindCountry, Country: "BD", Lat: 23.8979, Lon: 90.224, Weight: 1},
	{ID: "togo", Name: "Togo", Kind: KindCountry, Country: "TG", Lat: 8.5251, Lon: 0.9626, Weight: 1},
	{ID: "egypt", Name: "Egypt", Kind: KindCountry, Country: "EG", Lat: 26.4957, Lon: 29.8615, Weight: 1},
	{ID: "pakistan", Name: "Pakistan", Kind: KindCountry, Country: "PK", Lat: 29.9498, Lon: 69.3396, Weight: 1},
	{ID: "senegal", Name: "Senegal", Kind: KindCountry, Country: "SN", Lat: 14.3662, Lon: -14.4732, Weight: 1},
	{ID: "france", Name: "France", Kind: KindCountry, Country: "FR", Lat: 46.6201, Lon: 2.4527, Weight: 1},
	{ID: "russia", Name: "Russia", Kind: KindCountry, Country: "RU", Lat: 61.6993, Lon: 99.7276, Weight: 1},
}

// centralMali is the places of the bundled article on central Mali, most
// mentioned towns first.
var centralMali = []Marker{
	{ID: "mopti", Name: "Mopti", Country: "ML", Lat: 14.4843, Lon: -4.183, Weight: 10},
	{ID: "sevare", Name: "Sévaré", Country: "ML", Lat: 14.5333, Lon: -4.1, Weight: 5},
	{ID: "djenne", Name: "Djénné", Country: "ML", Lat: 13.9061, Lon: -4.5533, Weight: 7},
	{ID: "bamako", Name: "Bamako", Country: "ML", Lat: 12.65, Lon: -8, Weight: 3},
	{ID: "gao", Name: "Gao", Country: "ML", Lat: 16.2717, Lon: -0.0447, Weight: 2},
	{ID: "ogossagou", Name: "Ogossagou", Country: "ML", Lat: 14.15, Lon: -3.55, Weight: 4},
	{ID: "segou", Name: "Ségou", Country: "ML", Lat: 13.4403, Lon: -6.2595, Weight: 4},
	{ID: "bandiagara", Name: "Bandiagara", Country: "ML", Lat: 14.35, Lon: -3.61, Weight: 2},
	{ID: "moura", Name: "Moura", Country: "ML", Lat: 14.33, Lon: -4.6, Weight: 2},
	{ID: "timbuktu", Name: "Timbuktu", Country: "ML", Lat: 16.7735, Lon: -3.0074, Weight: 1},
	{ID: "diafarabe", Name: "Diafarabé", Country: "ML", Lat: 14.15, Lon: -4.9833, Weight: 1},
	{ID: "markala", Name: "Markala", Country: "ML", Lat: 13.6843, Lon: -6.0735, Weight: 1},
	{ID: "niono", Name: "Niono", Country: "ML", Lat: 14.2505, Lon: -5.9868, Weight: 1},
	{ID: "bankass", Name: "Bankass", Country: "ML", Lat: 14.0775, Lon: -3.5159, Weight: 1},
	{ID: "douentza", Name: "Douentza", Country: "ML", Lat: 15.0015, Lon: -2.9498, Weight: 1},
	{ID: "mali", Name: "Mali", Kind: KindCountry, Country: "ML", Lat: 17.173, Lon: -3.7716, Weight: 11},
	{ID: "senegal", Name: "Senegal", Kind: KindCountry, Country: "SN", Lat: 14.1832, Lon: -14.2364, Weight: 2},
	{ID: "togo", Name: "Togo", Kind: KindCountry, Country: "TG", Lat: 8.2626, Lon: 1.0647, Weight: 1},
	{ID: "niger-river", Name: "Niger River", Kind: KindArea, Lat: 14.5, Lon: -4.2, Weight: 4},
	{ID: "inner-delta", Name: "Inner Niger Delta", Kind: KindArea, Country: "ML", Lat: 15, Lon: -4.5, Weight: 2},
}

// bamakoPlaces is the places of the bundled article on Bamako: the city
// with Kati and Koulouba on its edge, and the region around.
var bamakoPlaces = []Marker{
	{ID: "bamako", Name: "Bamako", Country: "ML", Lat: 12.65, Lon: -8, Weight: 15},
	{ID: "mali", Name: "Mali", Kind: KindCountry, Country: "ML", Lat: 17.173, Lon: -3.7716, Weight: 11},
	{ID: "kati", Name: "Kati", Country: "ML", Lat: 12.7441, Lon: -8.0726, Weight: 6},
	{ID: "niger-river", Name: "Niger River", Kind: KindArea, Lat: 14.5, Lon: -4.2, Weight: 5},
	{ID: "niger", Name: "Niger", Kind: KindCountry, Country: "NE", Lat: 16.7107, Lon: 8.6902, Weight: 4},
	{ID: "france", Name: "France", Kind: KindCountry, Country: "FR", Lat: 46.3103, Lon: 2.2251, Weight: 3},
	{ID: "kayes", Name: "Kayes", Country: "ML", Lat: 14.4469, Lon: -11.4445, Weight: 3},
	{ID: "burkina-faso", Name: "Burkina Faso", Kind: KindCountry, Country: "BF", Lat: 12.6348, Lon: -1.8771, Weight: 3},
	{ID: "mopti", Name: "Mopti", Country: "ML", Lat: 14.4843, Lon: -4.183, Weight: 2},
	{ID: "dakar", Name: "Dakar", Country: "SN", Lat: 14.6937, Lon: -17.4441, Weight: 2},
	{ID: "senegal", Name: "Senegal", Kind: KindCountry, Country: "SN", Lat: 14.1832, Lon: -14.2364, Weight: 2},
	{ID: "gao", Name: "Gao", Country: "ML", Lat: 16.2717, Lon: -0.0447, Weight: 2},
	{ID: "guinea", Name: "Guinea", Kind: KindCountry, Country: "GN", Lat: 10.7185, Lon: -10.4709, Weight: 2},
	{ID: "niamey", Name: "Niamey", Country: "NE", Lat: 13.5137, Lon: 2.1098, Weight: 2},
	{ID: "sahel", Name: "Sahel", Kind: KindArea, Lat: 14.5, Lon: 0, Weight: 2},
	{ID: "segou", Name: "Ségou", Country: "ML", Lat: 13.4403, Lon: -6.2595, Weight: 1},
	{ID: "koulikoro", Name: "Koulikoro", Country: "ML", Lat: 12.8627, Lon: -7.5598, Weight: 1},
	{ID: "koulouba", Name: "Koulouba", Country: "ML", Lat: 12.6667, Lon: -8, Weight: 1},
	{ID: "kidal", Name: "Kidal", Country: "ML", Lat: 18.4411, Lon: 1.4078, Weight: 1},
	{ID: "abidjan", Name: "Abidjan", Country: "CI", Lat: 5.3544, Lon: -4.0017, Weight: 1},
	{ID: "ivory-coast", Name: "Ivory Coast", Kind: KindCountry, Country: "CI", Lat: 7.8145, Lon: -5.285, Weight: 1},
	{ID: "sikasso", Name: "Sikasso", Country: "ML", Lat: 11.3176, Lon: -5.6665, Weight: 1},
	{ID: "conakry", Name: "Conakry", Country: "GN", Lat: 9.538, Lon: -13.6773, Weight: 1},
	{ID: "ouagadougou", Name: "Ouagadougou", Country: "BF", Lat: 12.3657, Lon: -1.5339, Weight: 1},
	{ID: "ansongo", Name: "Ansongo", Country: "ML", Lat: 15.6597, Lon: 0.5022, Weight: 1},
	{ID: "timbuktu", Name: "Timbuktu", Country: "ML", Lat: 16.7735, Lon: -3.0074, Weight: 1},
}

// newTestMap shows markers on a map of the given size in a test window,
// with the outlines loaded.
func newTestMap(t testing.TB, markers []Marker, size fyne.Size) (*Map, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	if err := LoadOutlines(); err != nil {
		t.Fatal(err)
	}
	m := New()
	m.SetPlaces(markers)
	w := test.NewWindow(m)
	w.SetPadded(false)
	w.Resize(size)
	t.Cleanup(w.Close)
	return m, w
}

// screen is where a marker is drawn, in the map's coordinates.
func (m *Map) screen(id string) fyne.Position {
	return m.view.toScreen(m.pts[m.index(id)], m.Size())
}

func project(lat, lon float64) point {
	x, y := outline.Project(lon, lat)
	return point{x, y}
}
