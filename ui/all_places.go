package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/places"
)

// libraryPlace is one place in the library-wide view, with the articles
// that mention it.
type libraryPlace struct {
	places.Gathered
	country string // the country's name, "" for countries and places without one
}

// libraryPlaces finds the places of every article, as corrected, and
// groups them by place. It is pure, so it runs off the UI goroutine.
func libraryPlaces(g *places.Gazetteer, arts []reader.Article, fixes map[string]places.Corrections) []libraryPlace {
	found := make([][]places.Place, len(arts))
	for i, a := range arts {
		text := a.Document().Text
		found[i] = places.Apply(fixes[a.ID], text, g.Extract(text))
	}
	var out []libraryPlace
	for _, gp := range places.Gather(found) {
		lp := libraryPlace{Gathered: gp}
		if gp.Place.Kind != places.KindCountry {
			lp.country = placeWhere(g, gp.Place)
		}
		out = append(out, lp)
	}
	return out
}

// showAllPlaces lists every place the library mentions with the articles
// that mention it; a click opens the article at the place's first mention.
// The places are found off the UI goroutine; the dialog says so meanwhile.
func (r *Reader) showAllPlaces() {
	fixes, bad, err := r.store.AllPlaceCorrections()
	if err != nil {
		r.showError("Could not read your corrections of places", err)
	}
	arts := r.library.articles
	count := widget.NewLabelWithStyle("Looking for places in "+plural(len(arts), "article…", "articles…"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filter := widget.NewEntry()
	filter.SetPlaceHolder("Filter by place or country")
	filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	list := container.NewVBox()
	top := container.NewVBox(container.NewBorder(nil, nil, count, nil, filter))
	if len(bad) > 0 {
		top.Add(quiet(plural(len(bad), "article's corrections", "articles' corrections") +
			" could not be read; their places are shown as found."))
	}
	d := dialog.NewCustom("All places", "Close", container.NewBorder(top, nil, nil, nil, container.NewVScroll(list)), r.win)
	open := func(article string, lp libraryPlace, mentions []places.Mention) {
		d.Hide()
		r.openThen(article, func() {
			r.places.reveal(lp.Place.Key(), mentions)
			r.focusText()
		})
	}
	var all []libraryPlace
	fill := func() {
		q := reader.Fold(strings.TrimSpace(filter.Text))
		list.Objects = nil
		shown := 0
		for _, lp := range all {
			if q != "" && !strings.Contains(reader.Fold(placeSearchText(lp)), q) {
				continue
			}
			if shown > 0 {
				list.Add(widget.NewSeparator())
			}
			shown++
			list.Add(placeHeading(lp))
			for _, in := range lp.Texts {
				a := arts[in.Text]
				b := widget.NewButton(fmt.Sprintf("%s — %s", a.Title, plural(len(in.Mentions), "mention", "mentions")),
					func() { open(a.ID, lp, in.Mentions) })
				b.Alignment = widget.ButtonAlignLeading
				b.Importance = widget.LowImportance
				list.Add(container.NewBorder(nil, nil, indent(), nil, b))
			}
		}
		switch {
		case len(all) == 0:
			count.SetText("No places found")
		case shown == len(all):
			count.SetText(fmt.Sprintf("%s in %s", plural(len(all), "place", "places"), plural(len(arts), "article", "articles")))
		default:
			count.SetText(fmt.Sprintf("%d of %d places", shown, len(all)))
		}
		list.Refresh()
	}
	filter.OnChanged = func(string) { fill() }
	inBackground(func() {
		g, err := places.Load()
		var found []libraryPlace
		if err == nil {
			found = libraryPlaces(g, arts, fixes)
		}
		fyne.Do(func() {
			if err != nil {
				d.Hide()
				r.showError("Could not look for places", err)
				return
			}
			all = found
			fill()
		})
	})
	size := r.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(680, size.Width*0.9), size.Height*0.85))
	d.Show()
	r.win.Canvas().Focus(filter)
}

// placeHeading is a place's line: its name, then where it is and how often
// the library mentions it.
func placeHeading(lp libraryPlace) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(lp.Place.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := lp.Place.Kind.String()
	if lp.country != "" {
		what = lp.country
	}
	detail := fmt.Sprintf("%s · %s in %s", what, plural(lp.Mentions, "mention", "mentions"),
		plural(len(lp.Texts), "article", "articles"))
	name.Importance = widget.HighImportance
	l := widget.NewLabel(detail)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, name, nil, l)
}

// placeSearchText is what the filter looks in: the place and its country.
func placeSearchText(lp libraryPlace) string { return lp.Place.Name + "\n" + lp.country }

// indent sets an article's row in under its place.
func indent() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(2*theme.Padding()+theme.IconInlineSize(), 0))
	return r
}
