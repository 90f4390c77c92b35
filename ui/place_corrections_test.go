package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/places"
)

// readerWithPlaces is a window on db with the Places tab showing.
func readerWithPlaces(t *testing.T, db Store, article string) *Reader {
	t.Helper()
	r := newTestReader(t, db)
	r.Open(article)
	r.showPlacesTab()
	return r
}

func TestNotAPlaceIsStoredAndUndone(t *testing.T) {
	db := openLibrary(t)
	r := readerWithPlaces(t, db, "mopti-central-mali")
	key, _ := placeNamed(t, r.places, "Sévaré")
	r.places.panel.Select(key)
	buttons := find(r.places.panel, func(b *widget.Button) bool { return b.Text == "Not a place" && b.Visible() })
	if len(buttons) != 1 {
		t.Fatalf("%d visible \"Not a place\" buttons with a place selected, want 1", len(buttons))
	}
	test.Tap(buttons[0])
	if _, ok := r.places.found[key]; ok {
		t.Fatal("Sévaré is still listed after \"Not a place\"")
	}
	if len(r.view.Marks()) != 0 {
		t.Error("its mentions are still marked in the text")
	}
	if c, _ := db.PlaceCorrections("mopti-central-mali"); len(c.NotPlaces) != 1 || c.NotPlaces[0] != key {
		t.Errorf("stored corrections %+v, want Sévaré removed", c)
	}
	if !r.undoBar.visible() {
		t.Error("no undo bar")
	}

	// Respected on every load: reopening the article, and a new window.
	r.Open("bamako")
	r.Open("mopti-central-mali")
	if _, ok := r.places.found[key]; ok {
		t.Error("Sévaré is back after reopening the article")
	}
	again := readerWithPlaces(t, db, "mopti-central-mali")
	if _, ok := again.places.found[key]; ok {
		t.Error("Sévaré is back in a new window")
	}

	r.undo()
	placeNamed(t, r.places, "Sévaré")
	if sel := r.places.panel.Selected(); sel != key {
		t.Errorf("after undo the panel has %q selected, want Sévaré again", sel)
	}
	if c, _ := db.PlaceCorrections("mopti-central-mali"); !c.Empty() {
		t.Errorf("after undo the corrections are %+v, want none", c)
	}
}

// markDialog opens "Mark as place" on the first occurrence of s.
func markDialog(t *testing.T, r *Reader, s string) (list *widget.List, mark *widget.Button) {
	t.Helper()
	selectText(t, r, s)
	r.markAsPlace()
	top := r.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog for Mark as place")
	}
	lists := find(top, func(*widget.List) bool { return true })
	if len(lists) != 1 {
		t.Fatalf("%d lists in the dialog", len(lists))
	}
	return lists[0], button(t, top, "Mark")
}

func TestMarkAsPlaceChoosesAmongCandidates(t *testing.T) {
	db := openLibrary(t)
	r := readerWithPlaces(t, db, "gao-timbuktu")
	town, gao := placeNamed(t, r.places, "Gao")
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	var region places.Place
	cands := g.Candidates("Gao")
	for _, c := range cands {
		if c.Kind == places.KindRegion && c.CountryCode == "ML" {
			region = c
		}
	}
	list, mark := markDialog(t, r, " Gao,") // the trimmed selection is the name
	if !overlayMentions(r.Window(), "places of this name") {
		t.Error("the dialog does not say how many places have this name")
	}
	for i, c := range cands {
		if c.Key() == region.Key() {
			list.Select(i)
		}
	}
	test.Tap(mark)
	if _, ok := r.places.found[town]; ok {
		t.Error("the town keeps its mentions after they were marked as the region")
	}
	got, ok := r.places.found[region.Key()]
	if !ok {
		t.Fatal("the region is not listed after the mark")
	}
	for _, m := range gao.Mentions {
		if !slices.Contains(got.Mentions, m) {
			t.Errorf("the region lacks the town's mention %v", m)
		}
	}
	// The reader sees what they marked: the place selected in the panel,
	// its mentions marked in the text.
	if sel := r.places.panel.Selected(); sel != region.Key() {
		t.Errorf("the panel has %q selected after the mark, want the region", sel)
	}
	if marks := r.view.Marks(); len(marks) != len(got.Mentions) {
		t.Errorf("%d mentions marked in the text, want the region's %d", len(marks), len(got.Mentions))
	}
	if again := readerWithPlaces(t, db, "gao-timbuktu"); !slices.Equal(again.places.found[region.Key()].Mentions, got.Mentions) {
		t.Error("the mark is not there in a new window")
	}
	r.undo()
	if _, ok := r.places.found[town]; !ok {
		t.Error("undo did not bring the town back")
	}
}

func TestMarkAsPlaceWithAnUnknownName(t *testing.T) {
	r := readerWithPlaces(t, openLibrary(t), "bamako")
	before := len(r.places.found)
	words := strings.Fields(r.view.Document().Text)
	_, mark := markDialog(t, r, words[len(words)/2])
	entries := find(r.win.Canvas().Overlays().Top(), func(*widget.Entry) bool { return true })
	entries[0].SetText("Xyzzyville")
	if !overlayMentions(r.Window(), "no place called") {
		t.Error("an unknown name is not explained")
	}
	test.Tap(mark)
	if len(r.places.found) != before {
		t.Error("marking with no place chosen changed the places")
	}
	if c, _ := r.store.PlaceCorrections("bamako"); !c.Empty() {
		t.Errorf("corrections stored: %+v", c)
	}
}

func TestSelectionOffersMarkAsPlace(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	rng := selectText(t, r, "Bamako")
	m := r.contextMenu(pointIn(t, r, rng))
	for _, item := range m.Items {
		if item.Label == "Mark as place…" && !item.Disabled {
			return
		}
	}
	t.Error("the context menu has no enabled \"Mark as place…\"")
}

func TestTrimToWord(t *testing.T) {
	doc := reader.Parse("Troops left  Gao, then (Kidal).")
	for _, c := range []struct {
		in   reader.Range
		want string
	}{{reader.Range{Start: 11, End: 17}, "Gao"}, {reader.Range{Start: 22, End: 30}, "Kidal"}, {reader.Range{Start: 16, End: 18}, ""}} {
		if got := doc.Slice(trimToWord(doc, c.in)); got != c.want {
			t.Errorf("trimToWord(%q) = %q, want %q", doc.Slice(c.in), got, c.want)
		}
	}
}

func TestAllPlacesListsArticlesAndOpensAtTheMention(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.showAllPlaces()
	dlg := r.win.Canvas().Overlays().Top()
	if !overlayMentions(r.Window(), "places in") {
		t.Error("no count of places and articles")
	}
	var gaoArticle *widget.Button
	for _, b := range find(dlg, func(b *widget.Button) bool { return strings.HasPrefix(b.Text, "Gao and Timbuktu") }) {
		gaoArticle = b // the last: lists run place by place, most mentioned first
	}
	if gaoArticle == nil {
		t.Fatal("the Gao article is not listed under any place")
	}
	filter := find(dlg, func(*widget.Entry) bool { return true })[0]
	filter.SetText("Sévaré")
	rows := find(dlg, func(b *widget.Button) bool { return strings.Contains(b.Text, "mention") })
	if len(rows) != 1 {
		t.Fatalf("filtering on Sévaré leaves %d article rows, want 1", len(rows))
	}
	test.Tap(rows[0])
	if r.Current() != "mopti-central-mali" || r.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("opened %q, overlay %v", r.Current(), r.win.Canvas().Overlays().Top())
	}
	marks := r.view.Marks()
	if len(marks) == 0 || !strings.Contains(r.view.Document().Slice(marks[0].Range), "S") {
		t.Fatalf("the mentions of Sévaré are not marked: %v", marks)
	}
	if top := r.view.TopOffset(); top > marks[0].Range.Start {
		t.Errorf("the view starts at %d, after the first mention at %d", top, marks[0].Range.Start)
	}
	r.showPlacesTab()
	if id := r.places.panel.Selected(); r.places.found[id].Name != "Sévaré" {
		t.Errorf("the Places panel selects %q, want Sévaré", r.places.found[id].Name)
	}
}

// TestCandidatesSayWhereTheyLie checks that the places of one name are told
// apart by region as well as country: there are several Parises in the
// United States.
func TestCandidatesSayWhereTheyLie(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	details := map[string]bool{}
	for _, c := range g.Candidates("Paris") {
		details[candidateDetail(g, c)] = true
	}
	for _, want := range []string{"Missouri, United States · city · 1,176 people", "France · city · 2,138,551 people"} {
		if !details[want] {
			t.Errorf("no candidate described as %q in %v", want, details)
		}
	}
}

func TestPlaceWhereSkipsARegionNamedLikeTheTown(t *testing.T) {
	g, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		place places.Place
		want  string
	}{
		{places.Place{Name: "Mopti", Region: "Mopti", CountryCode: "ML"}, "Mali"},
		{places.Place{Name: "London", Region: "Kentucky", CountryCode: "US"}, "Kentucky, United States"},
		{places.Place{Name: "Sahel", Region: "", CountryCode: ""}, ""},
	} {
		if got := placeWhere(g, c.place); got != c.want {
			t.Errorf("placeWhere(%s) = %q, want %q", c.place.Name, got, c.want)
		}
	}
}
