package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"sahelreader/reader"
	"sahelreader/reader/places"
	"sahelreader/ui/docview"
	"sahelreader/ui/placemap"
	"sahelreader/ui/placespanel"
)

// placesPane finds the places of the open article off the UI goroutine and
// shows them in the Places panel; choosing a place marks its mentions in the
// text and steps through them.
type placesPane struct {
	// holder is the tab's content; the panel (and with it the map, whose
	// outlines load in the background) is made when the tab first shows,
	// not at start-up.
	holder *fyne.Container
	panel  *placespanel.Panel // nil until then
	view   *docview.View
	found  map[string]places.Place // by row ID (Place.Key), for the open article, as corrected
	doc    *reader.Document        // the article the panel shows
	fixes  places.Corrections      // the reader's corrections of doc's places
	g      *places.Gazetteer       // set with raw
	raw    []places.Place          // doc's places as extracted, nil until they are
	onFail func(error)
	// onNotAPlace is the panel's "Not a place" button.
	onNotAPlace func(id string)
	// pending is a place to select in the panel once it lists it (reveal).
	pending string
	async   func(func()) // runs the extraction: inBackground, or at once in tests
	// visible says whether the panel is on screen; until it is, the places
	// of a new article are not looked for, so start-up and opening an
	// article do not share the two cores with the gazetteer.
	visible func() bool
	stale   bool // doc's places have not been looked for yet
}

// inBackground runs work off the UI goroutine. Fyne's test driver runs
// fyne.Do on the calling goroutine, so tests replace it (TestMain) to keep
// widget updates on the test's goroutine.
var inBackground = func(f func()) { go f() }

func newPlacesPane(view *docview.View, onFail func(error), visible func() bool) *placesPane {
	return &placesPane{holder: container.NewStack(), view: view, onFail: onFail, async: inBackground, visible: visible}
}

// show makes doc the article whose places the panel lists, as fixes
// corrects them, looking for them now if the panel is on screen, else when
// it comes up (shown).
func (p *placesPane) show(doc *reader.Document, fixes places.Corrections) {
	p.doc, p.fixes = doc, fixes
	p.found, p.raw, p.pending = nil, nil, ""
	if p.panel != nil {
		p.panel.Clear()
	}
	p.stale = true
	p.shown()
}

// shown makes the panel if it is on screen for the first time, and looks
// for the places of the article if it has not yet.
func (p *placesPane) shown() {
	if !p.visible() {
		return
	}
	if p.panel == nil {
		p.panel = placespanel.New()
		p.panel.OnPlaceSelected = p.markMentions
		p.panel.OnMentionSelected = p.showMention
		p.panel.OnNotAPlace = p.onNotAPlace
		p.holder.Objects = []fyne.CanvasObject{p.panel}
		p.holder.Refresh()
	}
	if !p.stale {
		return
	}
	p.stale = false
	p.extract(p.doc)
}

// extract finds the places of doc off the UI goroutine; a result for an
// article the user has since left is dropped.
func (p *placesPane) extract(doc *reader.Document) {
	p.async(func() {
		g, err := places.Load()
		var found []places.Place
		if err == nil {
			found = g.Extract(doc.Text)
		}
		fyne.Do(func() {
			if p.doc != doc {
				return
			}
			if err != nil {
				p.onFail(err)
				return
			}
			p.g, p.raw = g, found
			p.fill()
		})
	})
}

// correct shows the open article's places as fixes corrects them; until
// they have been extracted, the fixes wait for them.
func (p *placesPane) correct(fixes places.Corrections) {
	p.fixes = fixes
	if p.raw != nil {
		p.fill()
	}
}

func (p *placesPane) fill() {
	found := places.Apply(p.fixes, p.doc.Text, p.raw)
	p.found = make(map[string]places.Place, len(found))
	rows := make([]placespanel.PlaceRow, 0, len(found))
	for _, pl := range found {
		id := pl.Key()
		p.found[id] = pl
		row := placespanel.PlaceRow{ID: id, Name: pl.Name, Kind: mapKind(pl.Kind), CountryCode: pl.CountryCode,
			Lat: pl.Lat, Lon: pl.Lon, Mentions: len(pl.Mentions)}
		if pl.Kind != places.KindCountry {
			row.Country = placeWhere(p.g, pl)
		}
		rows = append(rows, row)
	}
	prev := p.panel.Selected()
	p.panel.SetPlaces(rows)
	// A place corrected away takes its marks in the text with it.
	if id := p.panel.Selected(); id != "" {
		p.markMentions(id)
	} else if prev != "" {
		p.view.SetMarks(nil)
	}
	p.selectPending()
}

// placeAt is the key of the place found at sel, or "".
func (p *placesPane) placeAt(sel reader.Range) string {
	for key, pl := range p.found {
		for _, m := range pl.Mentions {
			if m.Start == sel.Start && m.End == sel.End {
				return key
			}
		}
	}
	return ""
}

// reveal shows the mentions of the place with this key (in the open
// article): marks them, scrolls to the first and flashes it, and selects the
// place in the panel as soon as the panel lists it.
func (p *placesPane) reveal(key string, mentions []places.Mention) {
	if len(mentions) == 0 {
		return
	}
	p.mark(mentions)
	first := reader.Range{Start: mentions[0].Start, End: mentions[0].End}
	p.view.Reveal(first)
	p.view.Flash(first)
	p.pending = key
	p.selectPending()
}

// choose selects the place with this key in the panel, as soon as the
// panel lists it, and marks its mentions, leaving the text where it is:
// the reader has just marked a name as this place.
func (p *placesPane) choose(key string) {
	p.pending = key
	p.selectPending()
}

func (p *placesPane) selectPending() {
	if _, ok := p.found[p.pending]; ok && p.panel != nil {
		p.panel.ShowMention(p.pending, 0)
		p.markMentions(p.pending)
		p.pending = ""
	}
}

func mapKind(k places.Kind) placemap.Kind {
	switch k {
	case places.KindCity:
		return placemap.KindPoint
	case places.KindCountry:
		return placemap.KindCountry
	}
	return placemap.KindArea
}

// markMentions underlines every mention of the chosen place in the text.
func (p *placesPane) markMentions(id string) { p.mark(p.found[id].Mentions) }

func (p *placesPane) mark(mentions []places.Mention) {
	marks := make([]docview.Mark, len(mentions))
	for i, m := range mentions {
		marks[i] = docview.Mark{Range: reader.Range{Start: m.Start, End: m.End}, Style: docview.MarkPlace}
	}
	p.view.SetMarks(marks)
}

// showMention scrolls the text to one mention and flashes it.
func (p *placesPane) showMention(id string, i int) {
	pl, ok := p.found[id]
	if !ok || i < 0 || i >= len(pl.Mentions) {
		return
	}
	m := pl.Mentions[i]
	r := reader.Range{Start: m.Start, End: m.End}
	p.view.Reveal(r)
	p.view.Flash(r)
}
