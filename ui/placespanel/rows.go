package placespanel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/ui/placemap"
)

// PlaceRow is one place the article mentions.
type PlaceRow struct {
	ID          string // stable for the article: the callbacks name places by it
	Name        string
	Kind        placemap.Kind
	Country     string // the country's name, shown beside the place's; "" for none
	CountryCode string // ISO 3166-1 alpha-2; the map tints the country
	Lat, Lon    float64
	Mentions    int
}

// sorted is rows by mentions, most first, ties by name as a reader
// alphabetises them (Ménaka before Mopti).
func sorted(rows []PlaceRow) []PlaceRow {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b PlaceRow) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(reader.Fold(a.Name), reader.Fold(b.Name)), strings.Compare(a.Name, b.Name))
	})
	return out
}

func markers(rows []PlaceRow) []placemap.Marker {
	out := make([]placemap.Marker, len(rows))
	for i, r := range rows {
		out[i] = placemap.Marker{ID: r.ID, Name: r.Name, Kind: r.Kind, Country: r.CountryCode, Lat: r.Lat, Lon: r.Lon, Weight: r.Mentions}
	}
	return out
}

// detail is the quieter text after a place's name: its country, or what
// it is when that says more.
func detail(r PlaceRow) string {
	switch {
	case r.Kind == placemap.KindCountry:
		return "country"
	case r.Country == "" && r.Kind == placemap.KindArea:
		return "region"
	}
	return r.Country
}

// newRow is a list row template: the name, its detail in the placeholder
// colour, and the number of mentions at the end.
func newRow() fyne.CanvasObject {
	text := widget.NewRichText(
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true}},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}},
	)
	text.Truncation = fyne.TextTruncateEllipsis
	count := widget.NewLabel("")
	count.Alignment = fyne.TextAlignTrailing
	return container.NewBorder(nil, nil, nil, count, text)
}

func updateRow(r PlaceRow, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	text, count := c.Objects[0].(*widget.RichText), c.Objects[1].(*widget.Label)
	text.Segments[0].(*widget.TextSegment).Text = r.Name
	text.Segments[1].(*widget.TextSegment).Text = "  " + detail(r)
	text.Refresh()
	count.SetText(strconv.Itoa(r.Mentions))
}
