package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// articleGroup is one article's annotations in the library-wide view.
type articleGroup struct {
	id, title string
	notes     articleNotes
}

// libraryNotes says what a library-wide list shows: highlights and notes,
// or bookmarks, and in which words.
type libraryNotes struct {
	bookmarks                bool
	title, filterHint, empty string
	one, many                string
}

var (
	allAnnotations = libraryNotes{false, "All annotations", "Filter by passage, note or tag", "No annotations yet", "annotation", "annotations"}
	allBookmarks   = libraryNotes{true, "Bookmarks", "Filter by label or text", "No bookmarks yet: Ctrl+D bookmarks where you are", "bookmark", "bookmarks"}
)

// showAllAnnotations lists every highlight and note of the library.
func (r *Reader) showAllAnnotations() { r.showLibraryNotes(allAnnotations) }

// showLibraryNotes lists every annotation of one kind in the library,
// grouped by article in library order, each in reading order; a click opens
// the article at the passage. Bookmark rows can be renamed and deleted there.
func (r *Reader) showLibraryNotes(kind libraryNotes) {
	groups, unreadable, err := r.annotationGroups(kind.bookmarks)
	if err != nil {
		r.showError("Could not read the annotations", err)
		return
	}
	var d dialog.Dialog
	open := func(article, id string) {
		if _, ok := r.library.index(article); !ok {
			return // its article is gone: nothing to open
		}
		d.Hide()
		r.openNote(article, id)
	}
	list := container.NewVBox()
	count := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filter := widget.NewEntry()
	filter.SetPlaceHolder(kind.filterHint)
	filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	var fill func()
	// changed reads the list again after a bookmark was renamed or deleted.
	changed := func() {
		if groups, _, err = r.annotationGroups(kind.bookmarks); err != nil {
			r.showError("Could not read the annotations", err)
		}
		fill()
	}
	fill = func() {
		q := reader.Fold(strings.TrimSpace(filter.Text))
		list.Objects = nil
		shown, total := 0, 0
		for _, g := range groups {
			var rows []fyne.CanvasObject
			for _, n := range g.notes.all() {
				total++
				if q != "" && !strings.Contains(reader.Fold(n.Target.Quote.Exact+"\n"+n.Note+"\n"+strings.Join(n.Tags, "\n")), q) {
					continue
				}
				var extra []fyne.CanvasObject
				if n.At.Len() == 0 {
					extra = append(extra, quiet("Unplaced: not found in the article's current text"))
				}
				if kind.bookmarks {
					extra = append(extra, r.bookmarkActions(n.Annotation, changed))
				}
				rows = append(rows, newNoteRow(n.Annotation, func() { open(g.id, n.ID) }, extra...))
			}
			if len(rows) == 0 {
				continue
			}
			shown += len(rows)
			heading := widget.NewLabelWithStyle(g.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			heading.Wrapping = fyne.TextWrapWord
			list.Add(heading)
			for _, row := range rows {
				list.Add(row)
			}
		}
		switch {
		case total == 0:
			count.SetText(kind.empty)
		case shown == total:
			count.SetText(fmt.Sprintf("%s in %s", plural(total, kind.one, kind.many), plural(len(groups), "article", "articles")))
		default:
			count.SetText(fmt.Sprintf("%d of %d", shown, total))
		}
		list.Refresh()
	}
	filter.OnChanged = func(string) { fill() }
	fill()
	top := container.NewVBox(container.NewBorder(nil, nil, count, nil, filter))
	if unreadable > 0 {
		top.Add(quiet(plural(unreadable, "record", "records") + " could not be read and were skipped; they are left untouched in the library file."))
	}
	d = dialog.NewCustom(kind.title, "Close", container.NewBorder(top, nil, nil, nil, container.NewVScroll(list)), r.win)
	size := r.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width*0.9), size.Height*0.85))
	d.Show()
	r.win.Canvas().Focus(filter)
}

// annotationGroups reads every annotation and places each article's in its
// text, articles in library order; annotations of an article no longer in
// the library come last, unplaced. The groups hold the bookmarks, or the
// highlights and notes.
func (r *Reader) annotationGroups(bookmarks bool) (groups []articleGroup, unreadable int, err error) {
	anns, bad, err := r.store.AllAnnotations()
	if err != nil {
		return nil, 0, err
	}
	byArticle := map[string][]reader.Annotation{}
	for _, a := range anns {
		byArticle[a.ArticleID] = append(byArticle[a.ArticleID], a)
	}
	pick := func(doc *reader.Document, anns []reader.Annotation) articleNotes {
		notes, marks := placeNotes(doc, anns)
		if bookmarks {
			return marks
		}
		return notes
	}
	for _, a := range r.library.articles {
		if list, ok := byArticle[a.ID]; ok {
			groups = append(groups, articleGroup{a.ID, a.Title, pick(a.Document(), list)})
			delete(byArticle, a.ID)
		}
	}
	var gone []string
	for id := range byArticle {
		gone = append(gone, id)
	}
	slices.Sort(gone)
	for _, id := range gone {
		groups = append(groups, articleGroup{id, id + " (no longer in the library)", pick(reader.Parse(""), byArticle[id])})
	}
	// Drop articles left with nothing of the kind.
	groups = slices.DeleteFunc(groups, func(g articleGroup) bool { return g.notes.count() == 0 })
	return groups, len(bad), nil
}
