package placespanel

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/ui/placemap"
)

var rows = []PlaceRow{
	{ID: "gao", Name: "Gao", Country: "Mali", CountryCode: "ML", Lat: 16.27, Lon: -0.04, Mentions: 2},
	{ID: "mali", Name: "Mali", Kind: placemap.KindCountry, Country: "Mali", CountryCode: "ML", Lat: 17.35, Lon: -3.54, Mentions: 15},
	{ID: "mopti", Name: "Mopti", Country: "Mali", CountryCode: "ML", Lat: 14.48, Lon: -4.18, Mentions: 5},
	{ID: "menaka", Name: "Ménaka", Country: "Mali", CountryCode: "ML", Lat: 15.92, Lon: 2.4, Mentions: 2},
	{ID: "sahel", Name: "Sahel", Kind: placemap.KindArea, Lat: 14.5, Lon: 0, Mentions: 2},
	{ID: "kidal", Name: "Kidal", Country: "Mali", CountryCode: "ML", Lat: 18.44, Lon: 1.41, Mentions: 1},
}

func TestMain(m *testing.M) {
	if err := placemap.LoadOutlines(); err != nil { // so that the map starts no goroutine
		panic(err)
	}
	os.Exit(m.Run())
}

// events records the panel's callbacks in order.
type events []string

func newTestPanel(t *testing.T) (*Panel, *events) {
	t.Helper()
	test.NewTempApp(t)
	p := New()
	p.SetPlaces(rows)
	w := test.NewWindow(p)
	w.Resize(fyne.NewSize(360, 640))
	t.Cleanup(w.Close)
	ev := &events{}
	p.OnPlaceSelected = func(id string) { *ev = append(*ev, "place "+id) }
	p.OnMentionSelected = func(id string, i int) { *ev = append(*ev, fmt.Sprintf("mention %s %d", id, i)) }
	return p, ev
}

func TestRowsSortByMentionsThenName(t *testing.T) {
	p, _ := newTestPanel(t)
	var got []string
	for _, r := range p.rows {
		got = append(got, r.ID)
	}
	// Ménaka sorts as Menaka: before Sahel, after Gao.
	if want := []string{"mali", "mopti", "gao", "menaka", "sahel", "kidal"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestListShowsNameDetailAndCount(t *testing.T) {
	row := newRow()
	for _, c := range []struct {
		r            PlaceRow
		name, detail string
	}{
		{rows[2], "Mopti", "Mali"},
		{rows[1], "Mali", "country"},
		{rows[4], "Sahel", "region"},
	} {
		updateRow(c.r, row)
		parts := row.(*fyne.Container).Objects
		text := parts[0].(*widget.RichText)
		if got := text.Segments[0].(*widget.TextSegment).Text; got != c.name {
			t.Errorf("name %q, want %q", got, c.name)
		}
		if got := text.Segments[1].(*widget.TextSegment).Text; got != "  "+c.detail {
			t.Errorf("%s: detail %q, want %q", c.name, got, c.detail)
		}
		if got := parts[1].(*widget.Label).Text; got != fmt.Sprint(c.r.Mentions) {
			t.Errorf("%s: count %q", c.name, got)
		}
	}
}

func TestSelectingARowSelectsOnTheMapAndCallsBack(t *testing.T) {
	p, ev := newTestPanel(t)
	p.list.Select(1) // Mopti, as a click on its row
	if want := (events{"place mopti", "mention mopti 0"}); !slices.Equal(*ev, want) {
		t.Errorf("callbacks %v, want %v", *ev, want)
	}
	if p.places.Selected() != "mopti" || p.Selected() != "mopti" {
		t.Errorf("map selected %q, panel %q", p.places.Selected(), p.Selected())
	}
	if p.name.Text != "Mopti" || p.count.Text != "1 of 5" {
		t.Errorf("bar %q %q, want Mopti, 1 of 5", p.name.Text, p.count.Text)
	}
}

func TestNextAndPrevWrapAround(t *testing.T) {
	p, ev := newTestPanel(t)
	p.Select("mopti")
	*ev = nil
	var counts []string
	for range 5 {
		p.Next()
		counts = append(counts, p.count.Text)
	}
	if want := []string{"2 of 5", "3 of 5", "4 of 5", "5 of 5", "1 of 5"}; !slices.Equal(counts, want) {
		t.Errorf("next: %v, want %v", counts, want)
	}
	test.Tap(p.prev)
	if p.count.Text != "5 of 5" {
		t.Errorf("prev from the first: %q, want 5 of 5", p.count.Text)
	}
	want := events{"mention mopti 1", "mention mopti 2", "mention mopti 3", "mention mopti 4", "mention mopti 0", "mention mopti 4"}
	if !slices.Equal(*ev, want) {
		t.Errorf("callbacks %v, want %v", *ev, want)
	}
}

func TestStepsNeedASelectionAndTwoMentions(t *testing.T) {
	p, ev := newTestPanel(t)
	p.Next()
	if len(*ev) != 0 || !p.next.Disabled() || !p.prev.Disabled() {
		t.Errorf("with nothing selected: callbacks %v, next disabled %v", *ev, p.next.Disabled())
	}
	p.Select("kidal")
	if !p.next.Disabled() || p.count.Text != "1 of 1" {
		t.Errorf("one mention: next disabled %v, count %q", p.next.Disabled(), p.count.Text)
	}
	p.Select("gao")
	if p.next.Disabled() || p.prev.Disabled() {
		t.Error("two mentions: the steps are disabled")
	}
}

func TestMapTapSelectsTheRow(t *testing.T) {
	p, ev := newTestPanel(t)
	p.places.OnPlaceTapped("gao") // as the map calls it on a tap on Gao
	if p.Selected() != "gao" || p.places.Selected() != "gao" {
		t.Fatalf("selected %q, on the map %q", p.Selected(), p.places.Selected())
	}
	if want := (events{"place gao", "mention gao 0"}); !slices.Equal(*ev, want) {
		t.Errorf("callbacks %v, want %v", *ev, want)
	}
}

func TestShowMentionFollowsTheTextQuietly(t *testing.T) {
	p, ev := newTestPanel(t)
	p.ShowMention("mopti", 3)
	if len(*ev) != 0 {
		t.Errorf("callbacks %v, want none", *ev)
	}
	if p.Selected() != "mopti" || p.places.Selected() != "mopti" || p.count.Text != "4 of 5" {
		t.Errorf("selected %q (map %q), count %q", p.Selected(), p.places.Selected(), p.count.Text)
	}
	p.Next()
	if want := (events{"mention mopti 4"}); !slices.Equal(*ev, want) {
		t.Errorf("next after ShowMention: %v", *ev)
	}
}

func TestSetPlacesKeepsTheSelectedPlace(t *testing.T) {
	p, ev := newTestPanel(t)
	p.ShowMention("mopti", 3)
	p.SetPlaces(rows[1:]) // Gao gone, Mopti still there
	if p.Selected() != "mopti" || p.count.Text != "4 of 5" || len(*ev) != 0 {
		t.Errorf("selected %q, count %q, callbacks %v", p.Selected(), p.count.Text, *ev)
	}
	p.SetPlaces(rows[:2])
	if p.Selected() != "" || !p.next.Disabled() {
		t.Errorf("selected %q after its place went", p.Selected())
	}
}

func TestEmptyArticleSaysSo(t *testing.T) {
	p, _ := newTestPanel(t)
	if p.empty.Visible() {
		t.Error("the empty note shows beside places")
	}
	p.SetPlaces(nil)
	if !p.empty.Visible() {
		t.Error("no note for an article without places")
	}
	if p.bar.Visible() {
		t.Error("the bar asks to select a place in an article without places")
	}
	p.Clear() // another article, its places not found yet
	if p.empty.Visible() || p.bar.Visible() || len(p.rows) != 0 {
		t.Errorf("cleared: note visible %v, bar visible %v, %d rows", p.empty.Visible(), p.bar.Visible(), len(p.rows))
	}
	p.SetPlaces(rows)
	if p.empty.Visible() || !p.bar.Visible() {
		t.Errorf("with places again: note visible %v, bar visible %v", p.empty.Visible(), p.bar.Visible())
	}
}

// The "Not a place" button is hidden until a place is selected; shown, it
// must have its icon and room for it, every time (Fyne builds a button's
// icon only when the button refreshes while visible).
func TestNotAPlaceButtonShowsWithItsIcon(t *testing.T) {
	p, _ := newTestPanel(t)
	p.OnNotAPlace = func(string) {}
	want := widget.NewButtonWithIcon(p.notPlace.Text, p.notPlace.Icon, nil).MinSize()
	for _, step := range []func(){
		func() { p.Select("mopti") },
		func() { p.SetPlaces(rows[2:]) }, // Mopti gone: nothing selected, the button hides
		func() { p.Select("menaka") },
	} {
		step()
		if p.Selected() == "" {
			if p.notPlace.Visible() {
				t.Error("the button shows with nothing selected")
			}
			continue
		}
		if !p.notPlace.Visible() || p.notPlace.MinSize() != want || p.notPlace.Size().Width < want.Width {
			t.Errorf("%s selected: button visible %v, min size %v, size %v, want %v with its icon",
				p.Selected(), p.notPlace.Visible(), p.notPlace.MinSize(), p.notPlace.Size(), want)
		}
	}
}
