package ui

import (
	"bytes"
	"errors"
	"image/color"
	"log"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
	"sahelreader/ui/docview"
)

// primaryKey is key with Ctrl (Cmd on macOS), as the desktop driver sends it.
func primaryKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// pressShortcut sends s as the desktop driver does: to the focused widget
// when it takes shortcuts, else to the canvas.
func pressShortcut(r *Reader, s fyne.Shortcut) {
	c := r.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// pressKey sends a key as the desktop driver does: to the focused widget,
// else to the canvas's OnTypedKey.
func pressKey(r *Reader, k fyne.KeyName) {
	c := r.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: k})
}

func storedReading(t *testing.T, db *storage.DB) storage.ReadingSettings {
	t.Helper()
	s, err := db.ReadingSettings()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTextSizeKeysAreStoredAndSurviveARestart(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	if r.view.TextSize != docview.DefaultTextSize {
		t.Fatalf("first start: text size %v", r.view.TextSize)
	}
	for _, step := range []struct {
		key  fyne.KeyName
		want float32
	}{{fyne.KeyEqual, 18}, {fyne.KeyEqual, 20}, {fyne.KeyMinus, 18}, {fyne.Key0, 16}, {fyne.KeyEqual, 18}} {
		pressShortcut(r, primaryKey(step.key))
		if r.view.TextSize != step.want {
			t.Fatalf("after Ctrl+%s: text size %v, want %v", step.key, r.view.TextSize, step.want)
		}
		if got := storedReading(t, db).TextSize; got != step.want {
			t.Fatalf("after Ctrl+%s: stored %v, want %v", step.key, got, step.want)
		}
	}
	for range textSizes {
		pressShortcut(r, primaryKey(fyne.KeyEqual))
	}
	if max := textSizes[len(textSizes)-1]; r.view.TextSize != max {
		t.Errorf("many Ctrl+= stop at %v, got %v", max, r.view.TextSize)
	}
	pressShortcut(r, primaryKey(fyne.Key0))
	pressShortcut(r, primaryKey(fyne.KeyEqual))
	if again := newTestReader(t, db); again.view.TextSize != 18 {
		t.Errorf("after a restart the text size is %v, want 18", again.view.TextSize)
	}
}

// TestTextSizeKeysWorkFromTheFindField: the find field passes the
// window's shortcuts on, as the text does.
func TestTextSizeKeysWorkFromTheFindField(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	pressShortcut(r, primaryKey(fyne.KeyF))
	if r.win.Canvas().Focused() != r.find.entry {
		t.Fatalf("Ctrl+F put the keyboard in %T", r.win.Canvas().Focused())
	}
	pressShortcut(r, primaryKey(fyne.KeyEqual))
	if r.view.TextSize != 18 {
		t.Errorf("Ctrl+= in the find field: text size %v, want 18", r.view.TextSize)
	}
}

func TestOutOfRangeSettingsFallBackWithALogLine(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	for _, bad := range []storage.ReadingSettings{
		{TextSize: 0, Column: "medium", Spacing: "normal", Theme: "dark"},
		{TextSize: 500, Column: "huge", Spacing: "double", Theme: "neon"},
	} {
		logged.Reset()
		db := openLibrary(t)
		if err := db.SetReadingSettings(bad); err != nil {
			t.Fatal(err)
		}
		r := newTestReader(t, db)
		if r.view.TextSize != docview.DefaultTextSize {
			t.Errorf("%+v: text size %v, want the default", bad, r.view.TextSize)
		}
		if !strings.Contains(logged.String(), "text size") {
			t.Errorf("%+v: no log line about the text size in %q", bad, logged.String())
		}
		if bad.TextSize == 500 {
			want := defaultReading
			if r.reading != want {
				t.Errorf("%+v read as %+v, want the defaults", bad, r.reading)
			}
			for _, what := range []string{`"huge"`, `"double"`, `"neon"`} {
				if !strings.Contains(logged.String(), what) {
					t.Errorf("no log line names %s: %q", what, logged.String())
				}
			}
		}
		// What was stored stays until the user changes something.
		if got := storedReading(t, db); got != bad {
			t.Errorf("the stored settings became %+v", got)
		}
	}
}

// TestUnreadableSettingsStart: settings that are not JSON give the defaults.
func TestUnreadableSettingsStart(t *testing.T) {
	log.SetOutput(&bytes.Buffer{})
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	r := newTestReader(t, unreadableSettings{openLibrary(t)})
	if r.reading != defaultReading {
		t.Errorf("settings %+v, want the defaults", r.reading)
	}
}

type unreadableSettings struct{ *storage.DB }

func (unreadableSettings) ReadingSettings() (storage.ReadingSettings, error) {
	return storage.ReadingSettings{}, errors.New("setting \"reading\": invalid character")
}

func (unreadableSettings) WindowState() (storage.WindowState, error) {
	return storage.WindowState{}, errors.New("setting \"window\": invalid character")
}

// refusingSettings is a library that cannot store settings.
type refusingSettings struct{ *storage.DB }

func (refusingSettings) SetReadingSettings(storage.ReadingSettings) error {
	return errors.New("disk full")
}

func TestSettingsThatCannotBeSavedStillApplyAndSaySo(t *testing.T) {
	r := newTestReader(t, refusingSettings{openLibrary(t)})
	pressShortcut(r, primaryKey(fyne.KeyEqual))
	if r.view.TextSize != 18 {
		t.Errorf("text size %v, want 18 for this session", r.view.TextSize)
	}
	if !overlayMentions(r.Window(), "disk full") {
		t.Error("no dialog says the settings were not saved")
	}
}

// textColors are the colours the view paints its words in.
func textColors(v *docview.View) map[color.Color]bool {
	colors := map[color.Color]bool{}
	for _, o := range test.WidgetRenderer(v).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && strings.TrimSpace(t.Text) != "" {
			colors[t.Color] = true
		}
	}
	return colors
}

// TestThemeSwitchRepaintsTheText: each theme chosen in the Aa panel is the
// app's theme, stored, and the text is painted in its ink at once.
func TestThemeSwitchRepaintsTheText(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.showReadingSettings()
	panel := topPopover(t, r)
	for _, name := range []string{themeSepia, themeDark, themeLight, themeSystem} {
		sws := find(panel.content, func(s *themeSwatch) bool { return s.name == name })
		if len(sws) != 1 {
			t.Fatalf("%d swatches %q", len(sws), name)
		}
		test.Tap(sws[0])
		th, ok := r.app.Settings().Theme().(*readerTheme)
		if !ok || th.name != name {
			t.Fatalf("after tapping %s the app's theme is %v", name, r.app.Settings().Theme())
		}
		ink := th.Color(theme.ColorNameForeground, r.app.Settings().ThemeVariant())
		if cs := textColors(r.view); !cs[ink] || len(cs) > 3 {
			t.Errorf("%s: the text is painted in %v, want its ink %v", name, cs, ink)
		}
		if got := storedReading(t, db).Theme; got != name {
			t.Errorf("stored theme %q, want %q", got, name)
		}
		if !sws[0].chosen {
			t.Errorf("the %s swatch is not shown chosen", name)
		}
	}
}

func TestReadingPanelSetsWidthAndSpacing(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.showReadingSettings()
	panel := topPopover(t, r).content
	test.Tap(button(t, panel, "Narrow"))
	test.Tap(button(t, panel, "Relaxed"))
	test.Tap(button(t, panel, "A+"))
	if r.view.MaxColumnWidth != columnWidths["narrow"] || r.view.LineSpacing != spacings["relaxed"] || r.view.TextSize != 18 {
		t.Errorf("view: column %v, spacing %v, size %v", r.view.MaxColumnWidth, r.view.LineSpacing, r.view.TextSize)
	}
	want := storage.ReadingSettings{TextSize: 18, Column: "narrow", Spacing: "relaxed", Theme: themeSystem}
	if got := storedReading(t, db); got != want {
		t.Errorf("stored %+v, want %+v", got, want)
	}
	pressKey(r, fyne.KeyEscape)
	if r.popover.open() {
		t.Error("Esc left the Aa panel open")
	}
	again := newTestReader(t, db)
	if again.view.MaxColumnWidth != columnWidths["narrow"] || again.view.LineSpacing != spacings["relaxed"] {
		t.Errorf("after a restart: column %v, spacing %v", again.view.MaxColumnWidth, again.view.LineSpacing)
	}
}

// TestWindowStateIsRestoredAndSavedOnQuit: the window's size, the columns'
// widths and a hidden library come back; Ctrl+Q stores them as they are.
func TestWindowStateIsRestoredAndSavedOnQuit(t *testing.T) {
	db := openLibrary(t)
	stored := storage.WindowState{Width: 900, Height: 600, LibraryWidth: 280, PanelWidth: 300, LibraryHidden: true,
		LibrarySort: "Title", LibraryFilter: "In progress"}
	if err := db.SetWindowState(stored); err != nil {
		t.Fatal(err)
	}
	r := New(test.NewTempApp(t), db, bundled(t), articles.DefaultID, testVersion)
	r.Window().Show()
	t.Cleanup(r.Window().Close)
	if s := r.win.Canvas().Size(); s.Width != 900 || s.Height != 600 {
		t.Errorf("window %v, want 900x600", s)
	}
	if r.cols.library.Visible() || r.cols.libraryWidth != 280 || r.cols.panelWidth != 300 {
		t.Errorf("library shown %v, widths %v and %v", r.cols.library.Visible(), r.cols.libraryWidth, r.cols.panelWidth)
	}
	if r.library.order != reader.SortTitle || r.library.filter != reader.ShowInProgress {
		t.Errorf("library order %v and filter %v, want by title and in progress", r.library.order, r.library.filter)
	}
	r.library.sort.SetSelectedIndex(int(reader.SortDate)) // as a person picks "Date"
	pressKey(r, fyne.KeyF9)
	if !r.cols.library.Visible() {
		t.Error("F9 did not show the library")
	}
	r.Window().Resize(fyne.NewSize(1000, 700))
	pressShortcut(r, primaryKey(fyne.KeyQ))
	got, err := db.WindowState()
	want := storage.WindowState{Width: 1000, Height: 700, LibraryWidth: 280, PanelWidth: 300,
		LibrarySort: "Date", LibraryFilter: "In progress"}
	if err != nil || got != want {
		t.Errorf("after Ctrl+Q the stored window is %+v, %v; want %+v", got, err, want)
	}
}

// TestOutOfRangeWindowStateIsIgnored: a size from another screen or a
// damaged value leaves the defaults.
func TestOutOfRangeWindowStateIsIgnored(t *testing.T) {
	db := openLibrary(t)
	if err := db.SetWindowState(storage.WindowState{Width: 50, Height: 1e6, LibraryWidth: -4, PanelWidth: 99999,
		LibrarySort: "Shoe size", LibraryFilter: "Unknown"}); err != nil {
		t.Fatal(err)
	}
	r := New(test.NewTempApp(t), db, bundled(t), articles.DefaultID, testVersion)
	t.Cleanup(r.Window().Close)
	if s := r.win.Canvas().Size(); s.Width != 1180 || s.Height != 780 {
		t.Errorf("window %v, want the default 1180x780", s)
	}
	if r.cols.libraryWidth != defaultLibraryWidth || r.cols.panelWidth != defaultPanelWidth {
		t.Errorf("widths %v and %v, want the defaults", r.cols.libraryWidth, r.cols.panelWidth)
	}
	if r.library.order != reader.SortRecent || r.library.filter != reader.ShowAll {
		t.Errorf("library order %v and filter %v, want the defaults", r.library.order, r.library.filter)
	}
}
