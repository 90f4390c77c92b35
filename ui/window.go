// Package ui is Sahel Reader's window: the library on the left, the article
// in the middle, its annotations on the right, dialogs for links and
// library-file problems. It takes a fyne.App so tests run it on Fyne's
// headless test driver.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/storage"
	"sahelreader/ui/docview"
)

// Title is the main window's title; scripts find the window by it.
const Title = "Sahel Reader"

// Store keeps what the window must remember between runs. Its writes
// return once they are on disk.
type Store interface {
	LastArticle() (string, error)
	SetLastArticle(id string) error

	PutAnnotation(a reader.Annotation) error
	// DeleteAnnotation returns the record as it was, for undo.
	DeleteAnnotation(articleID, id string) (reader.Annotation, error)
	// Annotations and AllAnnotations skip records they cannot read and
	// list them in their second result.
	Annotations(articleID string) ([]reader.Annotation, []storage.DecodeError, error)
	AllAnnotations() ([]reader.Annotation, []storage.DecodeError, error)

	// Imported articles (import.go, article_details.go). ImportedArticles
	// may return the readable ones with an error naming the others;
	// DeleteImported deletes the article's annotations with it.
	ImportedArticles() ([]reader.Article, error)
	AddImported(a reader.Article, hash string) (stored reader.Article, duplicate bool, err error)
	UpdateImported(id, title, source string, tags []string) (reader.Article, error)
	DeleteImported(id string) (annotations int, err error)
}

// Reader is the main window.
type Reader struct {
	win     fyne.Window
	app     fyne.App
	store   Store
	library *libraryList
	view    *docview.View
	cols    *columns
	current string // id of the open article
	version string // shown in About

	side        *container.AppTabs // the article's panels on the right
	panel       *annotationsPanel
	places      *placesPane
	panelButton *widget.Button
	float       *fyne.Container // over the text: the selection toolbar and the undo bar
	notice      *messageBar     // above the text: records that could not be read
	undoBar     *messageBar
	notes       articleNotes // the open article's annotations
	deleted     *deletedNote // the last delete, for undo
	popover     *popover     // the editor open, if any
	lastColor   reader.Color // what N's note gets

	mine *articleActions // import, edit and delete the user's own articles
}

// New builds the main window over the library's articles and opens the
// article read last, or defaultID on first start; About shows version.
func New(a fyne.App, store Store, articles []reader.Article, defaultID, version string) *Reader {
	r := &Reader{app: a, store: store, win: a.NewWindow(Title), version: version, lastColor: reader.Yellow}
	r.view = docview.New()
	r.view.OnLinkTapped = r.confirmLink
	r.view.OnTypedRune = r.typedRune
	r.view.OnHighlightTapped = r.highlightTapped
	r.view.OnSecondaryTapped = r.showContextMenu
	r.view.OnSelectionChanged = func(reader.Range) {
		r.placeToolbar()
		r.panel.selectionChanged()
	}
	r.view.OnScrolled = func(int) { r.placeToolbar() }
	r.library = newLibraryList(articles, func(id string) { r.Open(id) })
	r.panel = newAnnotationsPanel(r)
	// Tabs, so that more panels of the article (places) join as tabs.
	placesTab := container.NewTabItem("Places", nil)
	r.places = newPlacesPane(r.view, func(err error) { r.showError("Could not look for places", err) },
		func() bool { return r.side.Visible() && r.side.Selected() == placesTab })
	placesTab.Content = r.places.holder
	r.side = container.NewAppTabs(container.NewTabItem("Annotations", r.panel.content), placesTab)
	r.side.OnSelected = func(*container.TabItem) { r.places.shown() }

	r.notice, r.undoBar = newMessageBar(), newMessageBar()
	r.float = container.New(floatLayout{r}, r.newSelectionToolbar(), r.undoBar.box)
	text := container.NewBorder(r.notice.box, nil, nil, nil, container.NewStack(r.view, r.float))
	r.notice.relayout = text.Refresh
	r.undoBar.relayout = r.float.Refresh
	r.cols = newColumns(r.library.widget(), text, r.side)
	r.cols.onFold = r.showPanelState
	r.mainMenu()
	r.win.SetOnDropped(r.dropped)
	r.win.SetContent(container.NewBorder(r.toolbar(), nil, nil, nil, r.cols.body))
	r.win.Resize(fyne.NewSize(1180, 780))
	r.addShortcuts()

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
	// An open editor saves into the article it is about; one that cannot
	// (a note too long) is closed: it would save into the next article.
	r.closePopover()
	if r.popover != nil {
		r.popover.close()
	}
	a := r.library.articles[i]
	r.current = id
	doc := a.Document()
	r.view.SetDocument(doc)
	r.loadNotes()
	r.places.show(doc)
	r.win.Canvas().Focus(r.view)
	r.library.mark(i)
	r.mine.update(id)
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
	all := widget.NewButtonWithIcon("All annotations", theme.ListIcon(), r.showAllAnnotations)
	all.Importance = widget.LowImportance
	r.panelButton = widget.NewButtonWithIcon("Notes & places", panelIcon, r.TogglePanel)
	r.panelButton.Importance = widget.LowImportance
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.MenuIcon(), r.ToggleLibrary),
		widget.NewToolbarSpacer(),
		toolbarObject{r.mine.button},
		toolbarObject{all},
		toolbarObject{r.panelButton},
		widget.NewToolbarAction(theme.InfoIcon(), r.showAbout),
	)
}

// toolbarObject puts a widget, such as a button with a label, in a toolbar.
type toolbarObject struct{ fyne.CanvasObject }

// ToolbarObject is part of widget.ToolbarItem.
func (t toolbarObject) ToolbarObject() fyne.CanvasObject { return t.CanvasObject }

// panelIcon is a window with a column on the right: the panels' toggle.
var panelIcon = theme.NewThemedResource(fyne.NewStaticResource("panel-right.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill="#000" d="M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v12h10V6H4zm12 0v12h4V6h-4z"/></svg>`)))

// ToggleLibrary hides or shows the library so the text can have more of
// the window.
func (r *Reader) ToggleLibrary() { r.cols.toggleLibrary() }

// TogglePanel hides or shows the article's panels on the right (Ctrl+Shift+A).
func (r *Reader) TogglePanel() { r.setPanelShown(!r.side.Visible()) }

func (r *Reader) setPanelShown(show bool) { r.cols.setPanel(show) }

// showPanelState brings the panel up to date when it shows, and shows its
// toggle pressed while it does.
func (r *Reader) showPanelState() {
	r.panelButton.Importance = widget.LowImportance
	if r.side.Visible() {
		r.panel.shown()
		r.places.shown()
		r.panelButton.Importance = widget.MediumImportance
	}
	r.panelButton.Refresh()
}

// addShortcuts binds the window's own keys. The canvas gets them when the
// text has the focus too: the view passes on shortcuts it does not use.
func (r *Reader) addShortcuts() {
	c := r.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		func(fyne.Shortcut) { r.TogglePanel() })
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { r.undoDelete() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			r.closePopover()
		}
	})
}

// closePopover dismisses the open editor as a click outside it would.
func (r *Reader) closePopover() {
	if r.popover != nil && r.popover.open() {
		r.popover.dismiss()
	}
}

// showInfo shows a text that may be long, wrapped and scrolling.
func (r *Reader) showInfo(title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Close", container.NewVScroll(l), r.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

func (r *Reader) showError(what string, err error) {
	dialog.ShowError(fmt.Errorf("%s: %w", what, err), r.win)
}
