package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// Icons of the reading features, themed so they follow light and dark.
var (
	bookmarkSVG = fyne.NewStaticResource("bookmark.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path fill="#000" d="M6 2h12a1 1 0 0 1 1 1v19l-7-5-7 5V3a1 1 0 0 1 1-1z"/></svg>`))
	// bookmarkIcon marks a bookmark in lists, in the primary colour like
	// the ribbons in the text's margin; the toolbar's is plain like its others.
	bookmarkIcon        = theme.NewPrimaryThemedResource(bookmarkSVG)
	bookmarkToolbarIcon = theme.NewThemedResource(bookmarkSVG)
	bookmarkAddIcon     = theme.NewThemedResource(fyne.NewStaticResource("bookmark-add.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path fill="#000" d="M6 2h7v2H7v14.1l5-3.6 5 3.6V11h2v11l-7-5-7 5V3a1 1 0 0 1 1-1zm12 0h2v3h3v2h-3v3h-2V7h-3V5h3z"/></svg>`)))
	starIcon = theme.NewPrimaryThemedResource(fyne.NewStaticResource("star.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path fill="#000" d="M12 2l3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2 1.2-6.8-5-4.9 6.9-1z"/></svg>`)))
	starOutlineIcon = theme.NewThemedResource(fyne.NewStaticResource("star-outline.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
			`<path fill="#000" fill-rule="evenodd" d="M12 2l3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2 1.2-6.8-5-4.9 6.9-1z`+
			`M12 6.5l-1.8 3.7-4.1.6 3 2.9-.7 4 3.6-1.9 3.6 1.9-.7-4 3-2.9-4.1-.6z"/></svg>`)))
)

// AddBookmark bookmarks where the reader is (Ctrl+D): the selection's start
// if there is one, else the top of the view. The bookmark is on disk before
// its ribbon shows; then a prompt offers to give it a label. Where a
// bookmark is already, the prompt offers to rename it.
func (r *Reader) AddBookmark() {
	doc := r.view.Document()
	at := r.view.TopOffset()
	if sel := r.view.Selection(); sel.Len() > 0 {
		at = sel.Start
	}
	rng, ok := reader.BookmarkRange(doc, at)
	if !ok {
		return
	}
	for _, p := range r.marks.placed {
		if p.At.Start == rng.Start { // one there already: offer its label, not a twin
			r.askLabel("Bookmarked already", p.Annotation, nil)
			return
		}
	}
	a, err := reader.NewAnnotation(r.current, doc, rng, reader.Bookmarking, "", time.Now())
	if err != nil {
		r.showError("Could not make the bookmark", err)
		return
	}
	if r.save(placedNote{a, rng}) {
		r.askLabel("Bookmark added", a, nil)
	}
}

// showBookmarks lists every bookmark of the library (Ctrl+Shift+B).
func (r *Reader) showBookmarks() { r.showLibraryNotes(allBookmarks) }

// askLabel offers to label bookmark a; Enter saves the label, and then
// done, if set, runs; Esc leaves the label as it was.
func (r *Reader) askLabel(title string, a reader.Annotation, done func()) {
	entry := &labelEntry{}
	entry.ExtendBaseWidget(entry)
	entry.SetText(a.Note)
	entry.SetPlaceHolder("Label (optional)")
	d := dialog.NewForm(title, "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("Label", entry)}, func(ok bool) {
		if ok {
			r.renameBookmark(a, entry.Text)
			if done != nil {
				done()
			}
		}
		r.focusText()
	}, r.win)
	entry.OnSubmitted = func(string) { d.Submit() }
	entry.onEscape = func() { d.Hide(); r.focusText() }
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	r.win.Canvas().Focus(entry)
}

// bookmarkTapped offers, at the ribbon clicked, what can be done with the
// bookmarks there.
func (r *Reader) bookmarkTapped(offset int, at fyne.Position) {
	if m := r.bookmarkMenu(offset); len(m.Items) > 0 {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(at)
		widget.ShowPopUpMenuAtPosition(m, r.win.Canvas(), pos)
	}
}

// bookmarkMenu renames or deletes the open article's bookmarks at offset.
func (r *Reader) bookmarkMenu(offset int) *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range r.marks.placed {
		if p.At.Start != offset {
			continue
		}
		a := p.Annotation
		name := "bookmark"
		if a.Note != "" {
			name = "“" + shorten(a.Note, 40) + "”"
		}
		items = append(items,
			fyne.NewMenuItem("Rename "+name+"…", func() { r.askLabel("Rename bookmark", a, nil) }),
			fyne.NewMenuItem("Delete "+name, func() { r.deleteNote(a.ID) }))
	}
	return fyne.NewMenu("", items...)
}

// renameBookmark stores label as a's label, then shows it.
func (r *Reader) renameBookmark(a reader.Annotation, label string) {
	if label == a.Note {
		return
	}
	if err := a.SetNote(label, time.Now()); err != nil {
		r.showError("Could not rename the bookmark", err)
		return
	}
	if err := r.store.PutAnnotation(a); err != nil {
		r.showError("Could not rename the bookmark; nothing was changed", err)
		return
	}
	if p, ok := r.marks.find(a.ID); ok && a.ArticleID == r.current {
		p.Annotation = a
		r.marks.add(p)
		r.showNotes()
	}
}

// bookmarkActions are a bookmark row's Rename and Delete buttons; changed
// runs after either.
func (r *Reader) bookmarkActions(a reader.Annotation, changed func()) fyne.CanvasObject {
	rename := widget.NewButtonWithIcon("Rename", theme.DocumentCreateIcon(), func() { r.askLabel("Rename bookmark", a, changed) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		r.deleteAnnotation(a.ArticleID, a.ID)
		changed()
	})
	rename.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewHBox(rename, del)
}

// labelEntry is the label field: Esc closes its dialog, as it would a menu.
type labelEntry struct {
	widget.Entry
	onEscape func()
}

// TypedKey closes the dialog on Esc and types the rest.
func (e *labelEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}
