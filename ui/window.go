// Package ui is Sahel Reader's window: the library on the left, the article
// in the middle, its annotations on the right, dialogs for links and
// library-file problems. It takes a fyne.App so tests run it on Fyne's
// headless test driver.
package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/places"
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

	// Reading settings and the window's size (reading.go). Settings are
	// stored as the user changes them; the window state when the app quits
	// or leaves the foreground.
	ReadingSettings() (storage.ReadingSettings, error)
	SetReadingSettings(storage.ReadingSettings) error
	WindowState() (storage.WindowState, error)
	SetWindowState(storage.WindowState) error

	// Reading positions and the saved star (reading.go). ReadingStates
	// skips records it cannot read and lists them in its second result.
	ReadingStates() (map[string]reader.ReadingState, []error, error)
	SetReadingPosition(articleID string, s reader.ReadingState) error
	SetSaved(articleID string, saved bool) error

	// Place corrections (place_corrections.go) and backups (menu.go).
	// SetPlaceCorrections with what PlaceCorrections returned undoes a change;
	// Restore reopens the library on the backup and returns where the
	// library it replaced was kept.
	PlaceCorrections(articleID string) (places.Corrections, error)
	SetPlaceCorrections(articleID string, c places.Corrections) error
	AllPlaceCorrections() (map[string]places.Corrections, []error, error)
	Backup(dest string) (storage.BackupInfo, error)
	Restore(src string, now time.Time) (kept string, err error)

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
	notes       articleNotes       // the open article's annotations
	deleted     *reader.Annotation // the last delete, for undo
	popover     *popover           // the editor open, if any
	lastColor   reader.Color       // what N's note gets

	reading       storage.ReadingSettings // as checked and applied
	readingPanel  *readingPanel           // the "Aa" popover's content, made when first opened
	readingButton *widget.Button
	savedWindow   storage.WindowState // as last stored, so an unchanged window is not written
	find          *findBar
	sheet         *dialog.CustomDialog // the shortcuts sheet while it shows
	relayoutText  func()               // lays out the text's column when a bar above it shows or hides

	marks       articleNotes // the open article's bookmarks
	positions   *positionSaver
	savedButton *widget.Button // the open article's star
	placesUndo  *placesUndo    // the last place correction, for undo

	mine   *articleActions // import, edit and delete the user's own articles
	search librarySearch   // the library's search index and its view

	opening *opener // a large article being opened (opening.go)
}

// New builds the main window over the library's articles and opens the
// article read last, or defaultID on first start; About shows version.
func New(a fyne.App, store Store, articles []reader.Article, defaultID, version string) *Reader {
	r := &Reader{app: a, store: store, version: version, lastColor: reader.Yellow}
	r.view = docview.New()
	r.loadReading() // sets the theme, before the fonts load
	fontsLoaded := loadFonts()
	r.win = a.NewWindow(Title) // meanwhile: the desktop driver connects to the display
	r.view.OnLinkTapped = r.confirmLink
	r.view.OnTypedRune = r.typedRune
	r.view.OnHighlightTapped = r.highlightTapped
	r.view.OnSecondaryTapped = r.showContextMenu
	r.view.OnSelectionChanged = func(reader.Range) {
		r.placeToolbar()
		r.panel.selectionChanged()
	}
	r.view.OnScrolled = func(int) { r.placeToolbar() }
	r.view.OnShown = r.shown
	r.view.OnBookmarkTapped = r.bookmarkTapped
	r.positions = newPositionSaver(store.SetReadingPosition, r.reportPositionError)
	states, unreadable, err := store.ReadingStates()
	fontsLoaded.Wait() // before anything measures text, an error dialog too
	if err = errors.Join(append([]error{err}, unreadable...)...); err != nil {
		r.showError("Some reading positions could not be read", err)
	}
	r.library = newLibraryList(articles, states, func(id string) { r.Open(id) })
	r.panel = newAnnotationsPanel(r)
	// Tabs, so that more panels of the article (places) join as tabs.
	placesTab := container.NewTabItem("Places", nil)
	r.places = newPlacesPane(r.view, func(err error) { r.showError("Could not look for places", err) },
		func() bool { return r.side.Visible() && r.side.Selected() == placesTab })
	r.places.onNotAPlace = r.notAPlace
	placesTab.Content = r.places.holder
	r.side = container.NewAppTabs(container.NewTabItem("Annotations", r.panel.content), placesTab)
	r.side.OnSelected = func(*container.TabItem) { r.places.shown() }

	r.notice, r.undoBar = newMessageBar(), newMessageBar()
	r.find = newFindBar(r)
	r.opening = newOpener()
	r.float = container.New(floatLayout{r}, r.newSelectionToolbar(), r.undoBar.box)
	text := container.NewBorder(container.NewVBox(r.opening.box, r.notice.box, r.find.box), nil, nil, nil, container.NewStack(r.view, r.float))
	r.relayoutText = text.Refresh
	r.notice.relayout = text.Refresh
	r.opening.relayout = text.Refresh
	r.undoBar.relayout = r.float.Refresh
	r.cols = newColumns(r.library.widget(), text, r.side)
	r.cols.onFold = r.showPanelState
	size := r.restoreWindow()
	r.mine = newArticleActions(r)
	r.library.onMenu = r.showArticleMenu
	r.win.SetOnDropped(r.dropped)
	r.win.SetContent(container.NewBorder(r.toolbar(), nil, nil, nil, r.cols.body))
	r.win.SetMainMenu(r.mainMenu())
	r.win.Resize(size)
	r.addShortcuts()
	r.win.SetCloseIntercept(r.Quit)
	a.Lifecycle().SetOnExitedForeground(r.saveState)
	r.buildSearchIndex()

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

// loadFonts loads the fonts the first screen sets, on two goroutines while
// the caller's goes on until it Waits: loading one takes Fyne 15-50 ms cold
// (the theme's font, its emoji font and a system fallback, every style
// anew), and the window waits for the regular and the bold, Fyne's and the
// text view's own. The caller must not measure text before it Waits: Fyne's
// font faces are not safe for concurrent use.
func loadFonts() *sync.WaitGroup {
	var wg sync.WaitGroup
	size := theme.TextSize()
	wg.Go(func() { fyne.MeasureText("", size, fyne.TextStyle{}) })
	wg.Go(func() {
		fyne.MeasureText("", size, fyne.TextStyle{Bold: true})
		docview.LoadFonts()
	})
	return &wg
}

// Window is the main window, for ShowAndRun.
func (r *Reader) Window() fyne.Window { return r.win }

// Current is the id of the article on screen.
func (r *Reader) Current() string { return r.current }

// NotifyMovedAside tells the user that their library file could not be read
// and where it was kept, so nothing disappears without a word.
func (r *Reader) NotifyMovedAside(path string) {
	r.showSized(dialog.NewInformation("Your library file was damaged",
		fmt.Sprintf("Sahel Reader could not read its library file, so it started a new one.\n"+
			"The damaged file was kept, untouched, at:\n\n%s", path), r.win))
}

// NotifyRestoredParts tells the user that their library file lacked parts
// its version should have, and that they were started again, empty.
func (r *Reader) NotifyRestoredParts(parts []string) {
	r.showSized(dialog.NewInformation("Your library file was incomplete",
		fmt.Sprintf("The library file lacked some of its parts (%s), so they were started again, empty. "+
			"Whatever they held before is not in this file.", strings.Join(parts, ", ")), r.win))
}

// toolbar is the window's row of buttons (toolbar.go): the library and
// find in the article on the left; on the right the article's, the
// library's, then the window's. At narrow widths the labels go, least used
// first.
func (r *Reader) toolbar() fyne.CanvasObject {
	find := toolButton("Find", findInPageIcon, r.find.open)
	bookmarks := toolButton("Bookmarks", bookmarkToolbarIcon, r.showBookmarks)
	search := toolButton("Search", theme.SearchIcon(), r.ShowSearch)
	all := toolButton("All annotations", theme.ListIcon(), r.showAllAnnotations)
	allPlaces := toolButton("All places", placeIcon, r.showAllPlaces)
	r.panelButton = toolButton("Notes & places", panelIcon, r.TogglePanel)
	r.readingButton = toolButton("Aa", nil, r.showReadingSettings)
	r.savedButton = toolButton("", starOutlineIcon, r.ToggleSaved)
	return newToolbar([][]*widget.Button{
		{toolButton("", theme.MenuIcon(), r.ToggleLibrary), find},
		{r.readingButton, r.savedButton, toolButton("", bookmarkAddIcon, r.AddBookmark), bookmarks, r.mine.button},
		{search, all, allPlaces},
		{r.panelButton, toolButton("", theme.InfoIcon(), r.showAbout)},
	}, allPlaces, all, r.mine.button, bookmarks, r.panelButton, find, search)
}

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
	r.showSized(dialog.NewError(fmt.Errorf("%s: %w", what, err), r.win))
}

// showSized shows a text dialog. Fyne sizes one by the window's canvas,
// which has no size yet while New runs and main reports what it found on
// opening the library: such a dialog came out as a column a few letters
// wide, so it gets the width it would have in the window shown.
func (r *Reader) showSized(d dialog.Dialog) {
	if r.win.Canvas().Size().Width < textDialogWidth {
		d.Resize(fyne.NewSize(textDialogWidth, d.MinSize().Height))
	}
	d.Show()
}

// textDialogWidth is about what Fyne gives a dialog of a sentence or two
// in a window of the usual size.
const textDialogWidth = 480
