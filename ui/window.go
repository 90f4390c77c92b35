// Package ui is Sahel Reader's window: the library on the left, the article
// in the middle, dialogs for links and library-file problems. It takes a
// fyne.App so tests run it on Fyne's headless test driver.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/ui/docview"
)

// Title is the main window's title; scripts find the window by it.
const Title = "Sahel Reader"

// Store keeps what the window must remember between runs.
type Store interface {
	LastArticle() (string, error)
	SetLastArticle(id string) error
}

// Reader is the main window.
type Reader struct {
	win     fyne.Window
	app     fyne.App
	store   Store
	library *libraryList
	view    *docview.View
	split   *container.Split
	body    *fyne.Container // holds the split, or the view alone when the library is hidden
	current string          // id of the open article
	version string          // shown in About
}

// New builds the main window over the library's articles and opens the
// article read last, or defaultID on first start; About shows version.
func New(a fyne.App, store Store, articles []reader.Article, defaultID, version string) *Reader {
	r := &Reader{app: a, store: store, win: a.NewWindow(Title), version: version}
	r.view = docview.New()
	r.view.OnLinkTapped = r.confirmLink
	r.library = newLibraryList(articles, func(id string) { r.Open(id) })

	r.split = container.NewHSplit(r.library.widget(), r.view)
	r.split.Offset = 0.26
	r.body = container.NewStack(r.split)
	r.win.SetContent(container.NewBorder(r.toolbar(), nil, nil, nil, r.body))
	r.win.Resize(fyne.NewSize(1180, 780))

	id, err := store.LastArticle()
	if err != nil {
		r.showError("Could not read where you left off", err)
	}
	if _, ok := r.library.index(id); !ok {
		id = defaultID
	}
	r.Open(id)
	return r
}

// Window is the main window, for ShowAndRun.
func (r *Reader) Window() fyne.Window { return r.win }

// Current is the id of the article on screen.
func (r *Reader) Current() string { return r.current }

// Open shows the article with this id and remembers it for the next start.
func (r *Reader) Open(id string) {
	i, ok := r.library.index(id)
	if !ok || id == r.current {
		return
	}
	a := r.library.articles[i]
	r.current = id
	r.view.SetDocument(a.Document())
	r.library.mark(i)
	r.win.SetTitle(Title)
	if err := r.store.SetLastArticle(id); err != nil {
		r.showError("Could not save where you are", err)
	}
}

// NotifyMovedAside tells the user that their library file could not be read
// and where it was kept, so nothing disappears without a word.
func (r *Reader) NotifyMovedAside(path string) {
	dialog.ShowInformation("Your library file was damaged",
		fmt.Sprintf("Sahel Reader could not read its library file, so it started a new one.\n"+
			"The damaged file was kept, untouched, at:\n\n%s", path), r.win)
}

func (r *Reader) toolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.MenuIcon(), r.ToggleLibrary),
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.InfoIcon(), r.showAbout),
	)
}

// ToggleLibrary hides or shows the library so the text can have the whole
// window; the split keeps its position for when the library comes back.
func (r *Reader) ToggleLibrary() {
	if r.body.Objects[0] == r.split {
		r.split.Trailing = widget.NewLabel("") // the view cannot sit in two containers
		r.body.Objects[0] = r.view
	} else {
		r.split.Trailing = r.view
		r.body.Objects[0] = r.split
	}
	r.body.Refresh()
}

func (r *Reader) showError(what string, err error) {
	dialog.ShowError(fmt.Errorf("%s: %w", what, err), r.win)
}
