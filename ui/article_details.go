package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/importer"
	"sahelreader/reader/search"
)

// articleActions edit and delete the open article when it is one the
// user imported; bundled articles are part of the app and stay as they are.
type articleActions struct {
	menu      *fyne.Menu
	edit, del *fyne.MenuItem
	button    *widget.Button // in the toolbar
	importing bool           // an import runs; a second waits for it (import.go)
}

func newArticleActions(r *Reader) *articleActions {
	m := &articleActions{
		edit: fyne.NewMenuItem("Edit details…", func() { r.editArticleDetails(r.current) }),
		del:  fyne.NewMenuItem("Delete…", func() { r.confirmDeleteArticle(r.current) }),
	}
	m.menu = fyne.NewMenu("Article", m.edit, m.del)
	m.button = toolButton("Details", theme.DocumentCreateIcon(), func() { r.editArticleDetails(r.current) })
	return m
}

// update enables the actions for imported articles only.
func (m *articleActions) update(id string) {
	mine := isImported(id)
	m.edit.Disabled, m.del.Disabled = !mine, !mine
	m.menu.Refresh()
	if mine {
		m.button.Enable()
	} else {
		m.button.Disable()
	}
}

func isImported(id string) bool { return strings.HasPrefix(id, importer.IDPrefix) }

// showArticleMenu is a library row's context menu (articleMenu) at at.
func (r *Reader) showArticleMenu(id string, at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(r.articleMenu(id), r.win.Canvas(), at)
}

// articleMenu opens the article, and edits or deletes it if imported.
func (r *Reader) articleMenu(id string) *fyne.Menu {
	edit := fyne.NewMenuItem("Edit details…", func() { r.editArticleDetails(id) })
	del := fyne.NewMenuItem("Delete…", func() { r.confirmDeleteArticle(id) })
	edit.Disabled, del.Disabled = !isImported(id), !isImported(id)
	return fyne.NewMenu("", fyne.NewMenuItem("Open", func() { r.Open(id) }), fyne.NewMenuItemSeparator(), edit, del)
}

// rowMenuArea covers a library row to take its right-clicks. Fyne gives a
// click to the topmost object that takes any kind of tap, so the area
// takes left clicks too and selects its row, as the list itself would.
type rowMenuArea struct {
	widget.BaseWidget
	open func(at fyne.Position)
	tap  func()
}

func newRowMenuArea() *rowMenuArea {
	a := &rowMenuArea{}
	a.ExtendBaseWidget(a)
	return a
}

// TappedSecondary is fyne.SecondaryTappable.
func (a *rowMenuArea) TappedSecondary(ev *fyne.PointEvent) {
	if a.open != nil {
		a.open(ev.AbsolutePosition)
	}
}

// Tapped is fyne.Tappable.
func (a *rowMenuArea) Tapped(*fyne.PointEvent) {
	if a.tap != nil {
		a.tap()
	}
}

// CreateRenderer is fyne.Widget: the area draws nothing.
func (a *rowMenuArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// editArticleDetails shows a form for an imported article's title, source
// and tags, with a way to delete it.
func (r *Reader) editArticleDetails(id string) {
	i, ok := r.library.index(id)
	if !ok || !isImported(id) {
		return
	}
	a := r.library.articles[i]
	title, source, tags := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(a.Title)
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("an article needs a title")
		}
		return nil
	}
	source.SetText(a.Source)
	tags.SetText(strings.Join(a.Tags, ", "))
	tags.SetPlaceHolder("mali, rain, to read")
	tags.Validator = func(s string) error { _, err := reader.CleanTags(splitTags(s)); return err }
	var form dialog.Dialog
	del := widget.NewButtonWithIcon("Delete this article…", theme.DeleteIcon(), func() {
		form.Hide()
		r.confirmDeleteArticle(id)
	})
	del.Importance = widget.DangerImportance
	form = dialog.NewForm("Article details", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Source", source),
		{Text: "Tags", Widget: tags, HintText: "separated by commas"},
		widget.NewFormItem("", container.NewHBox(del)),
	}, func(save bool) {
		if save {
			if err := r.saveArticleDetails(id, title.Text, source.Text, tags.Text); err != nil {
				r.showError("Could not save the article's details", err)
			}
		}
	}, r.win)
	form.Resize(fyne.NewSize(520, form.MinSize().Height))
	form.Show()
	r.win.Canvas().Focus(title)
}

// saveArticleDetails stores new details of an imported article and shows
// them; a new title is the first line of the text, so the article is
// shown again and its annotations placed anew.
func (r *Reader) saveArticleDetails(id, title, source, tags string) error {
	clean, err := reader.CleanTags(splitTags(tags))
	if err != nil {
		return err
	}
	a, err := r.store.UpdateImported(id, title, source, clean)
	if err != nil {
		return err
	}
	list := slices.Clone(r.library.articles)
	if i := slices.IndexFunc(list, func(o reader.Article) bool { return o.ID == id }); i >= 0 {
		list[i] = a
	}
	r.setLibrary(list)
	r.updateSearch(func(x *search.Index) { x.PutArticle(a) })
	if r.current == id {
		r.load(id, nil) // the new title heads the text
	}
	return nil
}

// confirmDeleteArticle asks before deleting an imported article, saying
// how many annotations go with it.
func (r *Reader) confirmDeleteArticle(id string) {
	i, ok := r.library.index(id)
	if !ok || !isImported(id) {
		return
	}
	anns, bad, err := r.store.Annotations(id)
	if err != nil {
		r.showError("Could not count the article's annotations", err)
		return
	}
	n := len(anns) + len(bad)
	what := "It has no highlights, notes or bookmarks."
	if n > 0 {
		what = fmt.Sprintf("Its %s (highlights, notes and bookmarks) will be deleted with it.", plural(n, "annotation", "annotations"))
	}
	msg := fmt.Sprintf("Delete “%s” from your library?\n%s\nThis cannot be undone; the file you imported it from is not touched.", r.library.articles[i].Title, what)
	d := dialog.NewConfirm("Delete article", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := r.deleteArticle(id); err != nil {
			r.showError("Could not delete the article", err)
		}
	}, r.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// deleteArticle deletes an imported article and its annotations; if it was
// open, the reader turns to the default article (or the first one).
func (r *Reader) deleteArticle(id string) error {
	if _, err := r.store.DeleteImported(id); err != nil {
		return err
	}
	// Its article is gone: undo would bring back a note or a correction of nothing.
	if r.deleted != nil && r.deleted.ArticleID == id {
		r.deleted = nil
		r.undoBar.hide()
	}
	if r.placesUndo != nil && r.placesUndo.article == id {
		r.placesUndo = nil
		r.undoBar.hide()
	}
	r.setLibrary(slices.DeleteFunc(slices.Clone(r.library.articles), func(a reader.Article) bool { return a.ID == id }))
	r.updateSearch(func(x *search.Index) { x.RemoveArticle(id) })
	if r.current == id {
		r.current = ""
		next := articles.DefaultID
		if _, ok := r.library.index(next); !ok && len(r.library.articles) > 0 {
			next = r.library.articles[0].ID
		}
		r.Open(next)
	}
	return nil
}
