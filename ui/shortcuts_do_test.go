package ui

import (
	"testing"

	"sahelreader/reader"
	"sahelreader/storage"
)

// shortcutChecks say, for each bound row of the shortcuts table, what must
// be true after its keys: prepare (optional) runs first, then the keys,
// then did reports what is wrong, or "" if the row did what it says.
var shortcutChecks = map[string]struct {
	prepare func(t *testing.T, r *Reader)
	did     func(t *testing.T, r *Reader, db *storage.DB) string
}{
	"Larger text": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.reading.TextSize > defaultReading.TextSize, "the text is not larger")
	}},
	"Smaller text": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.reading.TextSize < defaultReading.TextSize, "the text is not smaller")
	}},
	"Text size back to normal": {
		prepare: func(_ *testing.T, r *Reader) { r.stepTextSize(3) },
		did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
			return want(r.reading.TextSize == defaultReading.TextSize, "the text size is not the default")
		}},
	"Find in the article": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.find.box.Visible(), "the find bar is not shown")
	}},
	"Undo deleting an annotation or bookmark, or a place correction": {
		prepare: func(t *testing.T, r *Reader) {
			highlight(t, r, "United Nations", '1')
			r.deleteNote(r.notes.all()[0].ID)
		},
		did: func(_ *testing.T, r *Reader, db *storage.DB) string {
			anns, _, _ := db.Annotations(r.current)
			return want(len(anns) == 1, "the deleted highlight is not back")
		}},
	"Bookmark this place (or rename the bookmark here)": {did: func(_ *testing.T, r *Reader, db *storage.DB) string {
		anns, _, _ := db.Annotations(r.current)
		return want(len(anns) == 1 && anns[0].Motivation == reader.Bookmarking, "no bookmark stored")
	}},
	"Every bookmark of the library":                                      {did: overlayShows("Bookmarks")},
	"Import files as articles (or drop files and folders on the window)": {did: overlayShows("Import a Markdown, text or HTML file")},
	"Search every article, note and tag":                                 {did: overlayShows("Search the library")},
	"Go to the library; ↑ ↓ and Enter open an article": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.win.Canvas().Focused() == r.library.list, "the keyboard is not in the library")
	}},
	"Show or hide the library": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(!r.cols.library.Visible(), "the library still shows")
	}},
	"Show or hide notes and places": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.side.Visible(), "the panels do not show")
	}},
	"Close a popup or editor, saving what was typed": {
		prepare: func(_ *testing.T, r *Reader) { r.showShortcuts() },
		did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
			return want(r.win.Canvas().Overlays().Top() == nil, "the sheet is still open")
		}},
	"This list of shortcuts": {did: func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(r.sheet != nil, "no shortcuts sheet")
	}},
	"Quit": {did: func(_ *testing.T, _ *Reader, db *storage.DB) string {
		w, err := db.WindowState()
		return want(err == nil && w.Width > 0, "the window's state was not saved on the way out")
	}},
}

func want(ok bool, otherwise string) string {
	if ok {
		return ""
	}
	return otherwise
}

func overlayShows(text string) func(*testing.T, *Reader, *storage.DB) string {
	return func(_ *testing.T, r *Reader, _ *storage.DB) string {
		return want(overlayMentions(r.Window(), text), "nothing in front mentions "+text)
	}
}

// TestEveryBoundShortcutDoesWhatTheSheetSays presses every key of every
// bound row of the table, each in a new window, and checks its effect; a
// row added without a check fails, so the sheet cannot promise what the
// keys do not do.
func TestEveryBoundShortcutDoesWhatTheSheetSays(t *testing.T) {
	for _, s := range shortcuts {
		if s.run == nil {
			continue
		}
		check, ok := shortcutChecks[s.does]
		if !ok {
			t.Errorf("no check for %q (%s)", s.does, s.keys)
			continue
		}
		var presses []func(*Reader)
		for _, b := range s.binds {
			presses = append(presses, func(r *Reader) { pressShortcut(r, b) })
		}
		if s.key != "" {
			presses = append(presses, func(r *Reader) { pressKey(r, s.key) })
		}
		for i, press := range presses {
			db := openLibrary(t)
			r := newTestReader(t, db)
			if check.prepare != nil {
				check.prepare(t, r)
			}
			press(r)
			if wrong := check.did(t, r, db); wrong != "" {
				t.Errorf("%s (binding %d of %q): %s", s.keys, i+1, s.does, wrong)
			}
		}
	}
}
