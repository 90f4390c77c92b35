package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/places"
	"sahelreader/ui/docview"
)

// newTestPlacesPane shows the MINUSMA report in a view with a places pane
// whose extraction runs at once.
func newTestPlacesPane(t *testing.T) (*placesPane, *docview.View, *reader.Document) {
	t.Helper()
	test.NewTempApp(t)
	view := docview.New()
	w := test.NewWindow(view)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(800, 500))
	seed, _ := articles.ByID(articles.DefaultID)
	doc := seed.Document()
	view.SetDocument(doc)
	p := newPlacesPane(view, func(err error) { t.Error(err) }, func() bool { return true })
	p.show(doc, places.Corrections{})
	return p, view, doc
}

func placeNamed(t *testing.T, p *placesPane, name string) (string, places.Place) {
	t.Helper()
	for id, pl := range p.found {
		if pl.Name == name {
			return id, pl
		}
	}
	t.Fatalf("%s not among the places found: %v", name, p.found)
	return "", places.Place{}
}

func TestPlacesPaneListsTheReportsPlaces(t *testing.T) {
	p, _, doc := newTestPlacesPane(t)
	for _, name := range []string{"Bamako", "Mopti", "Gao", "Timbuktu", "Mali"} {
		_, pl := placeNamed(t, p, name)
		for _, m := range pl.Mentions {
			if got := doc.Slice(reader.Range{Start: m.Start, End: m.End}); got != m.Text {
				t.Errorf("%s mention %v reads %q in the document, want %q", name, m, got, m.Text)
			}
		}
	}
}

func TestChoosingAPlaceStepsThroughItsMentions(t *testing.T) {
	p, view, doc := newTestPlacesPane(t)
	id, gao := placeNamed(t, p, "Gao")
	if len(gao.Mentions) == 0 {
		t.Fatal("Gao has no mentions")
	}
	p.panel.Select(id)
	first := gao.Mentions[0]
	top := view.TopOffset()
	if top > first.Start || !strings.Contains(doc.Slice(reader.Range{Start: top, End: first.End}), "Gao") {
		t.Errorf("after choosing Gao the view starts at %d, want the line of its first mention at %d", top, first.Start)
	}
}

func TestPlacesOfAnArticleLeftBehindAreDropped(t *testing.T) {
	p, _, _ := newTestPlacesPane(t)
	var pending func()
	p.async = func(f func()) { pending = f }
	first, _ := articles.ByID("bamako")
	p.show(first.Document(), places.Corrections{})
	slow := pending
	second, _ := articles.ByID("gao-timbuktu")
	p.show(second.Document(), places.Corrections{})
	slow() // the extraction for the Bamako article finishes after the user moved on
	if len(p.found) != 0 {
		t.Errorf("places of an article no longer shown were listed: %d", len(p.found))
	}
}

func TestWindowLooksForPlacesOnlyWhenThePanelShows(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	if len(r.places.found) != 0 {
		t.Fatal("places were looked for while the Places tab was hidden")
	}
	r.setPanelShown(true)
	r.side.SelectIndex(1)
	placeNamed(t, r.places, "Bamako")
	r.Open("mopti-central-mali")
	placeNamed(t, r.places, "Sévaré")
	r.side.SelectIndex(0)
	r.Open("bamako")
	if len(r.places.found) != 0 {
		t.Error("places were looked for behind the Annotations tab")
	}
	r.side.SelectIndex(1)
	placeNamed(t, r.places, "Kati")
}
