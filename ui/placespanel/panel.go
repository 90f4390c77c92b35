// Package placespanel is the Places panel beside an article: the map above
// the list of the places the article mentions, most mentioned first, and a
// bar to step through the selected place's mentions.
//
// It knows places only as PlaceRows, not reader/places values: the window
// owns the article, the mentions' ranges and the country names, and tests
// build rows by hand.
package placespanel

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/ui/placemap"
)

// Panel is the Places panel.
type Panel struct {
	widget.BaseWidget

	// OnPlaceSelected is called when the user selects a place, in the list
	// or on the map; OnMentionSelected(id, 0) follows it, so the window
	// marks every mention of the place and then scrolls to the first.
	OnPlaceSelected func(id string)
	// OnMentionSelected is called with the mention (0 the first in the
	// text) the user stepped to, for the window to scroll to and mark.
	OnMentionSelected func(placeID string, mention int)
	// OnNotAPlace is called when the user says the selected place is not a
	// place in this article; the button shows only when it is set.
	OnNotAPlace func(id string)

	rows     []PlaceRow // sorted
	selected int        // index into rows, -1 for none
	mention  int
	quiet    bool // selecting without callbacks (ShowMention)

	places     *placemap.Map
	list       *widget.List
	empty      *widget.Label
	name       *widget.Label
	count      *widget.Label
	prev, next *widget.Button
	notPlace   *widget.Button
	bar        *fyne.Container // the name, the count and the buttons
	lower      *fyne.Container // the bar above the list
	content    fyne.CanvasObject
}

// New returns an empty panel.
func New() *Panel {
	p := &Panel{selected: -1, places: placemap.New()}
	p.ExtendBaseWidget(p)
	p.places.OnPlaceTapped = p.Select
	p.list = widget.NewList(func() int { return len(p.rows) }, newRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { updateRow(p.rows[i], o) })
	p.list.OnSelected = p.selectRow
	p.empty = widget.NewLabel("No places found in this article.")
	p.empty.Importance = widget.LowImportance
	p.empty.Alignment = fyne.TextAlignCenter
	p.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.name.Truncation = fyne.TextTruncateEllipsis
	p.count = widget.NewLabel("")
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), p.Prev)
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), p.Next)
	p.notPlace = widget.NewButtonWithIcon("Not a place", theme.ContentRemoveIcon(), func() {
		if id := p.Selected(); id != "" && p.OnNotAPlace != nil {
			p.OnNotAPlace(id)
		}
	})
	p.notPlace.Importance = widget.LowImportance
	p.bar = container.NewBorder(nil, nil, nil, container.NewHBox(p.count, p.prev, p.next, p.notPlace), p.name)
	p.lower = container.NewBorder(p.bar, nil, nil, nil, container.NewStack(p.list, p.empty))
	split := container.NewVSplit(p.places, p.lower)
	split.Offset = 0.5
	p.content = split
	p.empty.Hide() // until SetPlaces says there are none
	p.updateBar()
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// SetPlaces shows these places instead of the previous ones; a place with
// the same ID stays selected, without callbacks.
func (p *Panel) SetPlaces(rows []PlaceRow) {
	id := p.Selected()
	p.rows = sorted(rows)
	p.places.SetPlaces(markers(p.rows))
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	// With no place to choose, the note says so and the bar, which would
	// ask to choose one, goes.
	p.empty.Hidden, p.bar.Hidden = len(p.rows) > 0, len(p.rows) == 0
	p.lower.Refresh()
	if i := p.index(id); i >= 0 {
		p.ShowMention(id, min(p.mention, p.rows[i].Mentions-1))
		return
	}
	p.updateBar()
}

// Clear empties the panel while another article's places are looked for:
// the note that there are none would come too soon.
func (p *Panel) Clear() {
	p.SetPlaces(nil)
	p.empty.Hide()
}

// Select selects the place with this ID as a click on its row does.
func (p *Panel) Select(id string) {
	if i := p.index(id); i >= 0 {
		p.list.Select(i)
	}
}

// Selected is the selected place's ID, or "".
func (p *Panel) Selected() string {
	if p.selected < 0 {
		return ""
	}
	return p.rows[p.selected].ID
}

// ShowMention selects a place and one of its mentions without calling back:
// for the window to follow the user's click on a mention in the text.
func (p *Panel) ShowMention(id string, mention int) {
	i := p.index(id)
	if i < 0 {
		return
	}
	p.quiet = true
	p.list.Select(i)
	p.quiet = false
	p.mention = max(0, min(mention, p.rows[i].Mentions-1))
	p.updateBar()
}

// Next steps to the selected place's next mention, from the last back to
// the first.
func (p *Panel) Next() { p.step(1) }

// Prev steps to the previous mention, from the first round to the last.
func (p *Panel) Prev() { p.step(-1) }

func (p *Panel) step(d int) {
	if p.selected < 0 || p.rows[p.selected].Mentions == 0 {
		return
	}
	n := p.rows[p.selected].Mentions
	p.mention = ((p.mention+d)%n + n) % n
	p.updateBar()
	if p.OnMentionSelected != nil {
		p.OnMentionSelected(p.rows[p.selected].ID, p.mention)
	}
}

// selectRow follows the list's selection, from a click or from Select.
func (p *Panel) selectRow(i widget.ListItemID) {
	p.selected, p.mention = i, 0
	id := p.rows[i].ID
	p.places.Select(id)
	p.updateBar()
	if p.quiet {
		return
	}
	if p.OnPlaceSelected != nil {
		p.OnPlaceSelected(id)
	}
	if p.OnMentionSelected != nil {
		p.OnMentionSelected(id, 0)
	}
}

// updateBar shows the selected place and mention, and enables the steps
// when there is somewhere to step to.
func (p *Panel) updateBar() {
	if p.selected < 0 {
		p.name.Importance, p.name.TextStyle.Bold = widget.LowImportance, false
		p.name.SetText("Select a place")
		p.count.SetText("")
		p.prev.Disable()
		p.next.Disable()
		p.showNotAPlace(false)
		return
	}
	p.showNotAPlace(p.OnNotAPlace != nil)
	r := p.rows[p.selected]
	p.name.Importance, p.name.TextStyle.Bold = widget.MediumImportance, true
	p.name.SetText(r.Name)
	p.count.SetText(fmt.Sprintf("%d of %d", p.mention+1, r.Mentions))
	if r.Mentions > 1 {
		p.prev.Enable()
		p.next.Enable()
	} else {
		p.prev.Disable()
		p.next.Disable()
	}
}

// showNotAPlace shows or hides the "Not a place" button through Show and
// Hide, not Hidden: a button builds its icon only when it refreshes while
// visible. The bar then lays out again to make room for it.
func (p *Panel) showNotAPlace(show bool) {
	if show == p.notPlace.Visible() {
		return
	}
	if show {
		p.notPlace.Show()
	} else {
		p.notPlace.Hide()
	}
	p.bar.Refresh()
}

func (p *Panel) index(id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(p.rows, func(r PlaceRow) bool { return r.ID == id })
}
