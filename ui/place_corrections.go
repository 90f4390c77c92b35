package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/places"
)

// The reader's corrections of the places found in an article: "Mark as
// place" on a selection and "Not a place" in the Places panel. Each is
// stored at once, shown, and can be undone from the bar or with Ctrl+Z.

// placesUndo is an article's corrections before the last change, and the
// place then selected, which undoing selects again.
type placesUndo struct {
	article  string
	before   places.Corrections
	selected string
}

// placeIcon is a map pin: "Mark as place" and "All places".
var placeIcon = theme.NewThemedResource(fyne.NewStaticResource("place.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill="#000" d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>`)))

// placeCorrections reads an article's corrections; when they cannot be
// read the user is told and the places show as found.
func (r *Reader) placeCorrections(id string) places.Corrections {
	c, err := r.store.PlaceCorrections(id)
	if err != nil {
		r.showError("Could not read your corrections of this article's places; they are shown as found", err)
	}
	return c
}

// correctPlaces stores fixes as the open article's corrections, shows them
// and offers to undo; what says what changed.
func (r *Reader) correctPlaces(fixes places.Corrections, what string) {
	before, selected := r.places.fixes, ""
	if r.places.panel != nil {
		selected = r.places.panel.Selected()
	}
	if err := r.store.SetPlaceCorrections(r.current, fixes); err != nil {
		r.showError("Could not save the correction; nothing was changed", err)
		return
	}
	r.places.correct(fixes)
	r.placesUndo = &placesUndo{r.current, before, selected}
	r.deleted = nil // the bar and Ctrl+Z now undo this
	r.undoBar.show(what, "Undo", r.undo, undoTimeout)
}

// undo takes back the last place correction or annotation deleted: Ctrl+Z
// and the bar's Undo.
func (r *Reader) undo() {
	u := r.placesUndo
	if u == nil {
		r.undoDelete()
		return
	}
	if err := r.store.SetPlaceCorrections(u.article, u.before); err != nil {
		r.showError("Could not undo the correction", err)
		return
	}
	r.placesUndo = nil
	r.undoBar.hide()
	if u.article == r.current {
		r.places.correct(u.before)
		if u.selected != "" {
			r.places.choose(u.selected)
		}
	}
	r.focusText()
}

// notAPlace is the Places panel's "Not a place" on the place with this key.
func (r *Reader) notAPlace(key string) {
	pl, ok := r.places.found[key]
	if !ok {
		return
	}
	r.correctPlaces(r.places.fixes.NotAPlace(key), fmt.Sprintf("%s is no longer listed as a place here", pl.Name))
}

// markAsPlace asks which place the selection names and marks it so. The
// gazetteer is loaded off the UI goroutine the first time.
func (r *Reader) markAsPlace() {
	sel := trimToWord(r.view.Document(), r.view.Selection())
	if sel.Len() == 0 {
		return
	}
	article := r.current
	inBackground(func() {
		g, err := places.Load()
		fyne.Do(func() {
			if err != nil {
				r.showError("Could not load the gazetteer", err)
			} else if r.current == article {
				r.choosePlace(g, sel)
			}
		})
	})
}

// trimToWord drops spaces and punctuation at either end of sel: a
// double-click or a drag often takes a comma or a space with the name.
func trimToWord(doc *reader.Document, sel reader.Range) reader.Range {
	runes := []rune(doc.Slice(sel))
	start, end := 0, len(runes)
	keep := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
	for start < end && !keep(runes[start]) {
		start++
	}
	for end > start && !keep(runes[end-1]) {
		end--
	}
	return reader.Range{Start: sel.Start + start, End: sel.Start + end}
}

// choosePlace is the "Mark as place" dialog: the gazetteer's places of the
// selected name (or of another spelling the user types), with what tells
// them apart; choosing one marks every occurrence of the name.
func (r *Reader) choosePlace(g *places.Gazetteer, sel reader.Range) {
	text := r.view.Document().Slice(sel)
	current := r.places.placeAt(sel) // what the text is read as now, chosen first
	var cands []places.Place
	var chosen = -1
	list := widget.NewList(func() int { return len(cands) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, name, nil, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[1].(*widget.Label).SetText(cands[i].Name)
			c.Objects[0].(*widget.Label).SetText(candidateDetail(g, cands[i]))
		})
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	var d *dialog.ConfirmDialog
	lookUp := func(name string) {
		cands, chosen = g.Candidates(name), -1
		list.UnselectAll()
		list.Refresh()
		switch len(cands) {
		case 0:
			status.SetText(fmt.Sprintf("The gazetteer has no place called “%s”. Try another spelling.", strings.TrimSpace(name)))
		case 1:
			status.SetText("1 place of this name:")
		default:
			status.SetText(fmt.Sprintf("%d places of this name; choose the one meant:", len(cands)))
		}
		if len(cands) > 0 {
			list.Select(max(0, slices.IndexFunc(cands, func(c places.Place) bool { return c.Key() == current })))
		}
	}
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	name := widget.NewEntry()
	name.SetText(text)
	name.OnChanged = lookUp
	intro := widget.NewLabel(fmt.Sprintf("Mark “%s” and its other occurrences in this article as:", text))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro, widget.NewForm(widget.NewFormItem("Look up", name)), status)
	content := container.NewBorder(top, nil, nil, nil, list)
	d = dialog.NewCustomConfirm("Mark as place", "Mark", "Cancel", content, func(ok bool) {
		if !ok || chosen < 0 || chosen >= len(cands) {
			r.focusText()
			return
		}
		p := cands[chosen]
		r.correctPlaces(r.places.fixes.Mark(places.Marked{Start: sel.Start, End: sel.End, Text: text, Place: p}),
			fmt.Sprintf("“%s” marked as %s (%s)", text, p.Name, candidateDetail(g, p)))
		r.view.ClearSelection()
		r.showPlacesTab()
		r.places.choose(p.Key())
		r.focusText()
	}, r.win)
	lookUp(text)
	d.Resize(fyne.NewSize(520, 440))
	d.Show()
	r.win.Canvas().Focus(name)
}

// candidateDetail tells places of one name apart: country, kind, people.
func candidateDetail(g *places.Gazetteer, p places.Place) string {
	parts := []string{}
	if p.Kind != places.KindCountry {
		if w := placeWhere(g, p); w != "" {
			parts = append(parts, w)
		}
	}
	parts = append(parts, p.Kind.String())
	if p.Population > 0 {
		parts = append(parts, thousands(p.Population)+" people")
	}
	return strings.Join(parts, " · ")
}

// thousands writes n with commas: 1,234,567.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// showPlacesTab brings up the Places panel, where a correction shows.
func (r *Reader) showPlacesTab() {
	r.setPanelShown(true)
	for _, t := range r.side.Items {
		if t.Content == r.places.holder {
			r.side.Select(t)
		}
	}
}

// placeWhere says where a place lies: "Kentucky, United States" for a town
// the gazetteer files under a region, else its country's name. A region
// named like the town (Mopti in Mopti, Moscow in Moscow) says nothing new.
func placeWhere(g *places.Gazetteer, p places.Place) string {
	country := g.CountryName(p.CountryCode)
	switch {
	case p.Region == "" || p.Region == p.Name:
		return country
	case country == "":
		return p.Region
	}
	return p.Region + ", " + country
}
