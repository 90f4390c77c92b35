package ui

import (
	"fmt"
	"strings"
	"time"

	"sahelreader/reader"
	"sahelreader/reader/search"
	"sahelreader/storage"
)

// undoTimeout is how long the "Annotation deleted — Undo" bar stays; Ctrl+Z
// undoes the last delete after that too.
const undoTimeout = 8 * time.Second

// loadNotes reads the open article's annotations and places them in its
// text. Records that cannot be read are named in a bar, not a dialog: the
// rest of the article's annotations are there and reading can go on.
func (r *Reader) loadNotes() {
	anns, bad, err := r.store.Annotations(r.current)
	if err != nil {
		r.showError("Could not read this article's annotations", err)
	}
	r.notes, r.marks = placeNotes(r.view.Document(), anns)
	r.showNotes()
	if len(bad) > 0 {
		r.reportUnreadable(bad)
	} else {
		r.notice.hide()
	}
}

// reportUnreadable tells the user that some records were skipped, and
// which, on request.
func (r *Reader) reportUnreadable(bad []storage.DecodeError) {
	what := "1 annotation record of this article could not be read and was skipped."
	if len(bad) > 1 {
		what = fmt.Sprintf("%d annotation records of this article could not be read and were skipped.", len(bad))
	}
	lines := make([]string, len(bad))
	for i, e := range bad {
		lines[i] = e.Error()
	}
	r.notice.show(what+" They are left untouched in the library file.", "Details", func() {
		r.showInfo("Unreadable annotation records", strings.Join(lines, "\n\n"))
	}, 0)
}

// showNotes paints the placed notes and bookmarks and lists the notes in the panel.
func (r *Reader) showNotes() {
	r.view.SetHighlights(r.notes.highlights())
	r.view.SetBookmarks(r.marks.offsets())
	r.panel.show(&r.notes)
}

// notesFor is the open article's list that holds annotations of motivation
// m: its bookmarks, or its highlights and notes.
func (r *Reader) notesFor(m reader.Motivation) *articleNotes {
	if m == reader.Bookmarking {
		return &r.marks
	}
	return &r.notes
}

// findNote finds an annotation of the open article, bookmark or not.
func (r *Reader) findNote(id string) (placedNote, bool) {
	if p, ok := r.notes.find(id); ok {
		return p, true
	}
	return r.marks.find(id)
}

// highlightSelection makes the selection a highlight of colour c.
func (r *Reader) highlightSelection(c reader.Color) {
	sel := r.view.Selection()
	if sel.Len() == 0 {
		return
	}
	a, err := reader.NewAnnotation(r.current, r.view.Document(), sel, reader.Highlighting, c, time.Now())
	if err != nil {
		r.showError("Could not make the highlight", err)
		return
	}
	if r.save(placedNote{a, sel}) {
		r.lastColor = c
		r.view.ClearSelection()
	}
	r.focusText()
}

// save stores p and only then shows it: the put returns once the record is
// on disk, so what the user sees highlighted survives a crash or a kill
// right after. If the put fails, nothing is shown as saved.
func (r *Reader) save(p placedNote) bool {
	if err := r.store.PutAnnotation(p.Annotation); err != nil {
		r.showError("Could not save the annotation; nothing was changed", err)
		return false
	}
	r.updateSearch(func(x *search.Index) { x.PutAnnotation(p.Annotation) })
	r.notesFor(p.Motivation).add(p)
	r.showNotes()
	return true
}

// deleteNote deletes an annotation of the open article and offers to undo it.
func (r *Reader) deleteNote(id string) { r.deleteAnnotation(r.current, id) }

// deleteAnnotation deletes an annotation of any article and offers to undo it.
func (r *Reader) deleteAnnotation(article, id string) {
	a, err := r.store.DeleteAnnotation(article, id)
	if err != nil {
		r.showError("Could not delete the annotation", err)
		return
	}
	r.updateSearch(func(x *search.Index) { x.RemoveAnnotation(id) })
	if article == r.current {
		r.notesFor(a.Motivation).remove(id)
		r.showNotes()
	}
	r.deleted = &a
	what := "Annotation deleted"
	if a.Motivation == reader.Bookmarking {
		what = "Bookmark deleted"
	}
	r.placesUndo = nil // the bar and Ctrl+Z now undo this
	r.undoBar.show(what, "Undo", r.undoDelete, undoTimeout)
	r.focusText()
}

// undoDelete puts back exactly the record the last delete removed.
func (r *Reader) undoDelete() {
	d := r.deleted
	if d == nil {
		return
	}
	if err := r.store.PutAnnotation(*d); err != nil {
		r.showError("Could not restore the annotation", err)
		return
	}
	r.updateSearch(func(x *search.Index) { x.PutAnnotation(*d) })
	r.deleted = nil
	r.undoBar.hide()
	if d.ArticleID == r.current {
		notes, marks := placeNotes(r.view.Document(), []reader.Annotation{*d})
		for _, p := range append(notes.all(), marks.all()...) {
			r.notesFor(p.Motivation).add(p)
		}
		r.showNotes()
	}
	r.focusText()
}

// reattach places an orphan on the current selection.
func (r *Reader) reattach(id string) {
	p, ok := r.findNote(id)
	sel := r.view.Selection()
	if !ok || sel.Len() == 0 {
		return
	}
	if err := p.Reattach(r.view.Document(), sel, time.Now()); err != nil {
		r.showError("Could not attach the annotation here", err)
		return
	}
	p.At = sel
	if r.save(p) {
		r.view.ClearSelection()
	}
	r.focusText()
}

// jumpTo scrolls the passage of a placed note into view and flashes it.
func (r *Reader) jumpTo(id string) {
	p, ok := r.findNote(id)
	if !ok || p.At.Len() == 0 {
		return
	}
	if p.Motivation == reader.Bookmarking {
		r.view.ScrollToOffset(p.At.Start) // a bookmark marks the top of the view
	} else {
		r.view.Reveal(p.At) // with the lines before it, for context
	}
	r.view.Flash(p.At)
	r.focusText()
}

// focusText gives the keyboard back to the text, where 1-5 and N work: a
// click on a panel row or a chip takes it away.
func (r *Reader) focusText() {
	r.win.Canvas().Focus(r.view)
}
