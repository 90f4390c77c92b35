package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/ui/docview"
)

// popoverWidth is the width of the note editors: a note of a few lines
// reads there without wrapping every other word.
const popoverWidth = 380

// highlightTapped is the view's OnHighlightTapped: one highlight opens its
// editor; where several overlap, a menu asks which one first, so none is
// out of reach.
func (r *Reader) highlightTapped(ids []string, at fyne.Position) {
	if len(ids) == 1 {
		r.editNote(ids[0], r.lineAround(ids[0], at))
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", r.highlightItems(ids, at, "")...), r.win.Canvas(), r.inCanvas(at))
}

// highlightItems is one menu item per highlight, with its colour and the
// start of its text, each opening its editor; verb starts each label.
func (r *Reader) highlightItems(ids []string, at fyne.Position, verb string) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, id := range ids {
		p, ok := r.notes.find(id)
		if !ok {
			continue
		}
		name := colorName(p.Color)
		if verb != "" {
			name = verb + strings.ToLower(name)
		}
		item := fyne.NewMenuItem(name+": "+quoted(p.Target.Quote.Exact, 40), func() {
			r.editNote(id, r.lineAround(id, at))
		})
		item.Icon = swatchIcon(p.Color, false)
		items = append(items, item)
	}
	return items
}

// lineAround is the line of highlight id that holds at (in the view), in
// canvas coordinates: the editor opens just below it.
func (r *Reader) lineAround(id string, at fyne.Position) docview.Rect {
	p, _ := r.notes.find(id)
	rects := r.view.RangeRects(p.At)
	i := slices.IndexFunc(rects, func(rc docview.Rect) bool {
		return at.Y >= rc.Pos.Y && at.Y < rc.Pos.Y+rc.Size.Height
	})
	if i < 0 {
		return docview.Rect{Pos: r.inCanvas(at)}
	}
	return docview.Rect{Pos: r.inCanvas(fyne.NewPos(at.X-popoverWidth/4, rects[i].Pos.Y)), Size: rects[i].Size}
}

// editNote opens the editor of an annotation of the open article beside
// around: colour (applied at once), note, tags, dates and Delete. Done, a
// click outside or Esc saves the note and tags; if they cannot be saved
// the editor stays open and says why.
func (r *Reader) editNote(id string, around docview.Rect) {
	p, ok := r.notes.find(id)
	if !ok {
		return
	}
	f := newAnnotationForm(p.Annotation)
	f.onColor = func(c reader.Color) {
		cur, ok := r.notes.find(id)
		if !ok || cur.Color == c {
			return
		}
		if err := cur.SetColor(c, time.Now()); err != nil {
			f.say(err)
			return
		}
		r.save(cur)
	}
	save := func() bool {
		cur, ok := r.notes.find(id)
		if !ok {
			return true // deleted meanwhile: nothing to save it to
		}
		changed, err := f.apply(&cur.Annotation, time.Now())
		if err != nil {
			return false
		}
		return !changed || r.save(cur)
	}
	var pop *popover
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		pop.close()
		r.deleteNote(id)
	})
	del.Importance = widget.DangerImportance
	done := widget.NewButton("Done", func() {
		if save() {
			pop.close()
			r.focusText()
		}
	})
	done.Importance = widget.HighImportance
	body := container.NewVBox(
		f.widget(p.Target.Quote.Exact),
		datesLine(p.Annotation),
		container.NewHBox(del, layout.NewSpacer(), done),
	)
	pop = newPopover(r.win.Canvas(), body, popoverWidth, around, save)
	f.relayout = pop.Refresh
	r.showPopover(pop)
}

// writeNote opens the note editor for the selection; saving it makes a
// highlight (of the colour used last) with the note. Cancel, or leaving it
// with nothing written, makes nothing.
func (r *Reader) writeNote() {
	sel := r.view.Selection()
	if sel.Len() == 0 {
		return
	}
	doc, article := r.view.Document(), r.current
	f := newAnnotationForm(reader.Annotation{Color: r.lastColor})
	save := func() bool {
		now := time.Now()
		a, err := reader.NewAnnotation(article, doc, sel, reader.Highlighting, f.color, now)
		if err == nil {
			_, err = f.apply(&a, now)
		}
		if err != nil {
			f.say(err)
			return false
		}
		if !r.save(placedNote{a, sel}) {
			return false
		}
		r.lastColor = a.Color
		r.view.ClearSelection()
		return true
	}
	var pop *popover
	cancel := widget.NewButton("Cancel", func() {
		pop.close()
		r.focusText()
	})
	saveButton := widget.NewButton("Save", func() {
		if save() {
			pop.close()
			r.focusText()
		}
	})
	saveButton.Importance = widget.HighImportance
	body := container.NewVBox(
		f.widget(doc.Slice(sel)),
		container.NewHBox(layout.NewSpacer(), cancel, saveButton),
	)
	pop = newPopover(r.win.Canvas(), body, popoverWidth, r.selectionRect(), func() bool {
		if strings.TrimSpace(f.note.Text) == "" && strings.TrimSpace(f.tags.Text) == "" {
			return true // nothing written: nothing to keep
		}
		return save()
	})
	f.relayout = pop.Refresh
	r.showPopover(pop)
	r.win.Canvas().Focus(f.note)
}

// showPopover shows pop as the one popover of the window.
func (r *Reader) showPopover(pop *popover) {
	if r.popover != nil {
		r.popover.close()
	}
	r.popover = pop
	pop.onClosed = r.placeToolbar
	pop.show()
	r.placeToolbar() // hidden under an editor: it would offer to act on what the editor is about
}

// datesLine is when an annotation was made and last changed, in local time.
func datesLine(a reader.Annotation) fyne.CanvasObject {
	const format = "2 Jan 2006, 15:04"
	s := "Created " + a.Created.Local().Format(format)
	if !a.Modified.Equal(a.Created) {
		s += " · Edited " + a.Modified.Local().Format(format)
	}
	return quiet(s)
}
