package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/ui/docview"
)

// allTags is the tag filter's "no filter" choice.
const allTags = "All tags"

// annotationsPanel lists the open article's annotations in reading order,
// with filters by colour, tag and text and a count, and below them the
// unplaced ones (not found in the current text) with what can be done
// with them.
type annotationsPanel struct {
	r       *Reader
	notes   *articleNotes
	colors  map[reader.Color]bool // the colours shown; all when none is chosen
	chips   []*widget.Button      // one per reader.Colors
	tag     *widget.Select
	text    *keyEntry // passes the window its shortcuts (Ctrl+F, F9...)
	count   *widget.Label
	list    *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject
	rows    map[string]cachedRow // built rows, reused while their annotation is unchanged
	attach  []*widget.Button     // the unplaced rows' "Attach to selection"
	stale   bool                 // notes changed while the panel was hidden
}

type cachedRow struct {
	modified time.Time
	row      fyne.CanvasObject
}

func newAnnotationsPanel(r *Reader) *annotationsPanel {
	p := &annotationsPanel{r: r, colors: map[reader.Color]bool{}, rows: map[string]cachedRow{}}
	for _, c := range reader.Colors {
		b := widget.NewButtonWithIcon("", swatchIcon(c, false), func() { p.toggleColor(c) })
		b.Importance = widget.LowImportance
		p.chips = append(p.chips, b)
	}
	p.tag = widget.NewSelect([]string{allTags}, func(string) { p.fill() })
	p.tag.SetSelected(allTags)
	p.text = newKeyEntry()
	p.text.SetPlaceHolder("Filter")
	p.text.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.text.OnChanged = func(string) { p.fill() }
	p.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	chips := make([]fyne.CanvasObject, len(p.chips))
	for i, b := range p.chips {
		chips[i] = b
	}
	filters := container.NewVBox(
		container.NewBorder(nil, nil, p.count, container.NewHBox(chips...)),
		container.NewGridWithColumns(2, p.tag, p.text),
		widget.NewSeparator(),
	)
	p.content = container.NewBorder(filters, nil, nil, nil, p.scroll)
	return p
}

// show lists notes, the open article's, keeping the filters.
func (p *annotationsPanel) show(notes *articleNotes) {
	p.notes = notes
	tags := []string{allTags}
	for _, n := range notes.all() {
		for _, t := range n.Tags {
			if !slices.ContainsFunc(tags[1:], func(s string) bool { return strings.EqualFold(s, t) }) {
				tags = append(tags, t)
			}
		}
	}
	slices.SortFunc(tags[1:], func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	p.tag.SetOptions(tags)
	if !slices.Contains(tags, p.tag.Selected) {
		p.tag.SetSelected(allTags) // its fill follows
		return
	}
	p.fill()
}

func (p *annotationsPanel) toggleColor(c reader.Color) {
	p.colors[c] = !p.colors[c]
	for i, b := range p.chips {
		b.SetIcon(swatchIcon(reader.Colors[i], p.colors[reader.Colors[i]]))
	}
	p.fill()
}

// fill lists the notes that pass the filters. A hidden panel waits until
// it shows (shown): building a thousand rows takes a quarter of a second.
func (p *annotationsPanel) fill() {
	if p.notes == nil {
		return
	}
	if !p.r.side.Visible() {
		p.stale = true
		return
	}
	p.stale = false
	var objs []fyne.CanvasObject
	shown := 0
	for _, n := range p.notes.placed {
		if p.passes(n.Annotation) {
			objs = append(objs, p.row(n, false))
			shown++
		}
	}
	p.attach = p.attach[:0]
	var unplaced []fyne.CanvasObject
	for _, n := range p.notes.orphans {
		if p.passes(n.Annotation) {
			unplaced = append(unplaced, p.row(n, true))
			shown++
		}
	}
	if len(unplaced) > 0 {
		heading := widget.NewLabelWithStyle(fmt.Sprintf("Unplaced (%d)", len(unplaced)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		objs = append(objs, widget.NewSeparator(), heading,
			quiet("Their passages are no longer in the text. Select where one belongs and attach it, or delete it."))
		objs = append(objs, unplaced...)
	}
	total := p.notes.count()
	switch {
	case total == 0:
		p.count.SetText("No annotations yet")
		objs = append(objs, quiet("Select a passage and press 1–5 to highlight it in a colour, or N to write a note."))
	case shown == total:
		p.count.SetText(plural(total, "annotation", "annotations"))
	default:
		p.count.SetText(fmt.Sprintf("%d of %d", shown, total))
	}
	p.list.Objects = objs
	p.list.Refresh()
	p.selectionChanged()
	p.dropStaleRows()
}

// passes reports whether a passes the colour, tag and text filters.
func (p *annotationsPanel) passes(a reader.Annotation) bool {
	anyColor := !slices.ContainsFunc(reader.Colors, func(c reader.Color) bool { return p.colors[c] })
	if !anyColor && !p.colors[a.Color] {
		return false
	}
	if t := p.tag.Selected; t != "" && t != allTags && !slices.ContainsFunc(a.Tags, func(s string) bool { return strings.EqualFold(s, t) }) {
		return false
	}
	q := reader.Fold(strings.TrimSpace(p.text.Text))
	return q == "" || strings.Contains(reader.Fold(a.Target.Quote.Exact+"\n"+a.Note+"\n"+strings.Join(a.Tags, "\n")), q)
}

// row is the list row of n, built again only when n changed.
func (p *annotationsPanel) row(n placedNote, unplaced bool) fyne.CanvasObject {
	if c, ok := p.rows[n.ID]; ok && c.modified.Equal(n.Modified) && !unplaced {
		return c.row
	}
	id := n.ID
	if !unplaced {
		row := newNoteRow(n.Annotation, func() { p.r.jumpTo(id) })
		p.rows[id] = cachedRow{n.Modified, row}
		return row
	}
	attach := widget.NewButtonWithIcon("Attach to selection", theme.ContentPasteIcon(), func() { p.r.reattach(id) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { p.r.deleteNote(id) })
	del.Importance = widget.DangerImportance
	p.attach = append(p.attach, attach)
	var row *noteRow
	row = newNoteRow(n.Annotation, func() {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(row)
		p.r.editNote(id, docview.Rect{Pos: at, Size: row.Size()})
	}, container.NewHBox(attach, del))
	return row
}

// shown fills the panel if notes changed while it was hidden.
func (p *annotationsPanel) shown() {
	if p.stale {
		p.fill()
	}
}

// dropStaleRows forgets the rows of notes that are gone.
func (p *annotationsPanel) dropStaleRows() {
	for id := range p.rows {
		if _, ok := p.notes.find(id); !ok {
			delete(p.rows, id)
		}
	}
}

// selectionChanged enables "Attach to selection" while there is one.
func (p *annotationsPanel) selectionChanged() {
	has := p.r.view.Selection().Len() > 0
	for _, b := range p.attach {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
