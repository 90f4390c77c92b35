package ui

import (
	"log"
	"slices"

	"fyne.io/fyne/v2"

	"sahelreader/storage"
	"sahelreader/ui/docview"
)

// Text sizes Ctrl+= and Ctrl+- step through; a stored size between
// minTextSize and maxTextSize is kept even off these steps.
var textSizes = []float32{12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 36}

const (
	minTextSize = 10
	maxTextSize = 40
)

// Column widths and line spacings by the names the settings store.
var (
	columnNames  = []string{"narrow", "medium", "wide"}
	columnWidths = map[string]float32{"narrow": 560, "medium": docview.DefaultMaxColumnWidth, "wide": 900}

	spacingNames = []string{"compact", "normal", "relaxed"}
	spacings     = map[string]float32{"compact": 1.3, "normal": docview.DefaultLineSpacing, "relaxed": 1.8}
)

// defaultReading is what a new library reads with.
var defaultReading = storage.ReadingSettings{
	TextSize: docview.DefaultTextSize, Column: "medium", Spacing: "normal", Theme: themeSystem,
}

// checkReading gives the defaults to a library that stored no settings, and
// falls back to the default, with a log line, for each value this version
// cannot show: a library from another version, or edited by hand, must not
// stop the app.
func checkReading(s storage.ReadingSettings) storage.ReadingSettings {
	d := defaultReading
	if s == (storage.ReadingSettings{}) {
		return d
	}
	if s.TextSize < minTextSize || s.TextSize > maxTextSize {
		log.Printf("sahelreader: stored text size %v is outside %v-%v; using %v", s.TextSize, minTextSize, maxTextSize, d.TextSize)
		s.TextSize = d.TextSize
	}
	pick := func(what string, v *string, names []string, def string) {
		if !slices.Contains(names, *v) {
			log.Printf("sahelreader: stored %s %q is not one of %q; using %q", what, *v, names, def)
			*v = def
		}
	}
	pick("column width", &s.Column, columnNames, d.Column)
	pick("line spacing", &s.Spacing, spacingNames, d.Spacing)
	pick("theme", &s.Theme, themeNames, d.Theme)
	return s
}

// loadReading reads the stored settings; unreadable ones give the defaults.
func (r *Reader) loadReading() {
	s, err := r.store.ReadingSettings()
	if err != nil {
		log.Printf("sahelreader: reading settings cannot be read, using the defaults: %v", err)
	}
	r.reading = checkReading(s)
	r.applyReading(true)
}

// applyReading sets the text as the settings say; the theme only when it
// changed, since a new theme repaints the whole window.
func (r *Reader) applyReading(themeChanged bool) {
	s := r.reading
	r.view.TextSize, r.view.MaxColumnWidth, r.view.LineSpacing = s.TextSize, columnWidths[s.Column], spacings[s.Spacing]
	if themeChanged {
		r.app.Settings().SetTheme(newReaderTheme(s.Theme))
	}
	r.view.Refresh()
	if r.readingPanel != nil {
		r.readingPanel.show(s)
	}
}

// setReading changes the settings, stores them at once and shows them. If
// the store refuses, the change still shows but the user is told it will
// not be remembered.
func (r *Reader) setReading(change func(*storage.ReadingSettings)) {
	next := r.reading
	change(&next)
	if next == r.reading {
		return
	}
	themeChanged := next.Theme != r.reading.Theme
	r.reading = next
	r.applyReading(themeChanged)
	if err := r.store.SetReadingSettings(next); err != nil {
		r.showError("Could not save the reading settings; they apply until you quit", err)
	}
}

// stepTextSize moves to the next text size up (dir 1) or down (-1).
func (r *Reader) stepTextSize(dir int) {
	r.setReading(func(s *storage.ReadingSettings) {
		if dir > 0 {
			if i := slices.IndexFunc(textSizes, func(z float32) bool { return z > s.TextSize }); i >= 0 {
				s.TextSize = textSizes[i]
			}
			return
		}
		for i := len(textSizes) - 1; i >= 0; i-- {
			if textSizes[i] < s.TextSize {
				s.TextSize = textSizes[i]
				return
			}
		}
	})
}

// resetTextSize goes back to the default text size (Ctrl+0).
func (r *Reader) resetTextSize() {
	r.setReading(func(s *storage.ReadingSettings) { s.TextSize = defaultReading.TextSize })
}

// Window size and side columns.

// Sizes a stored window state must fall within to be used; outside them
// (another screen, a damaged value) the defaults are used.
const (
	minWindowWidth, minWindowHeight = 480, 320
	maxWindowSide                   = 16384
	minSideWidth, maxSideWidth      = 120, 1200
)

// defaultWindowSize fits a laptop screen with the library beside the text.
var defaultWindowSize = fyne.NewSize(1180, 780)

// restoreWindow sets the columns as the user left them and returns the
// window's size. It runs before the columns are first laid out, which
// would take their widths as the user's.
func (r *Reader) restoreWindow() fyne.Size {
	w, err := r.store.WindowState()
	if err != nil {
		log.Printf("sahelreader: window size cannot be read, using the default: %v", err)
	}
	if inRange(w.LibraryWidth, minSideWidth, maxSideWidth) {
		r.cols.libraryWidth = w.LibraryWidth
	}
	if inRange(w.PanelWidth, minSideWidth, maxSideWidth) {
		r.cols.panelWidth = w.PanelWidth
	}
	r.cols.wantLibrary = !w.LibraryHidden
	r.library.choose(w.LibrarySort, w.LibraryFilter)
	r.savedWindow = w
	if inRange(w.Width, minWindowWidth, maxWindowSide) && inRange(w.Height, minWindowHeight, maxWindowSide) {
		return fyne.NewSize(w.Width, w.Height)
	}
	return defaultWindowSize
}

func inRange(v, lo, hi float32) bool { return v >= lo && v <= hi }

// windowState is the window as it is now.
func (r *Reader) windowState() storage.WindowState {
	size := r.win.Canvas().Size()
	lib, panel := r.cols.widths()
	order, filter := r.library.chosen()
	return storage.WindowState{Width: size.Width, Height: size.Height,
		LibraryWidth: lib, PanelWidth: panel, LibraryHidden: !r.cols.wantLibrary,
		LibrarySort: order, LibraryFilter: filter}
}

// saveState writes what the window keeps without a write per change: its
// size and columns, and the reading position waiting for its delay. It
// runs when the app quits, whichever way (Quit, the close button, SIGTERM
// through Fyne's own quit) and when the window leaves the foreground; it
// writes only what changed.
func (r *Reader) saveState() {
	if err := r.Flush(); err != nil {
		log.Printf("sahelreader: could not save the reading position: %v", err)
	}
	if w := r.windowState(); w != r.savedWindow && w.Width > 0 {
		if err := r.store.SetWindowState(w); err != nil {
			log.Printf("sahelreader: could not save the window size: %v", err)
			return
		}
		r.savedWindow = w
	}
}

// Quit closes an open editor as a click outside would (saving its note),
// saves the state kept by saveState and quits: the one way out of the app
// (Ctrl+Q, the window's close button).
func (r *Reader) Quit() {
	r.closePopover()
	r.saveState()
	r.app.Quit()
}
