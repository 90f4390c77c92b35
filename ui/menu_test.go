package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFileMenu(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	var labels []string
	for _, item := range r.mainMenu().Items[0].Items {
		labels = append(labels, item.Label)
	}
	if got := strings.Join(labels, "|"); got != "Import files…|Import a folder…||Search the library…|Export…||Back up…|Restore…" {
		t.Errorf("File menu %q", got)
	}
}

func TestBackUpThenRestoreFromTheWindow(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	kept := highlight(t, r, "United Nations", '1')
	backup := filepath.Join(t.TempDir(), "library.db")
	r.backupTo(backup)
	if !overlayMentions(r.Window(), "1 annotation") {
		t.Error("no dialog saying what was backed up")
	}
	r.win.Canvas().Overlays().Top().Hide()
	later := highlight(t, r, "Bamako", '3') // after the backup

	r.confirmRestore(backup)
	if !overlayMentions(r.Window(), "kept beside") {
		t.Fatal("no confirmation naming what happens to the current library")
	}
	yes := find(r.win.Canvas().Overlays().Top(), func(b *widget.Button) bool { return b.Text == "Yes" })
	test.Tap(yes[0])
	if !overlayMentions(r.Window(), "was kept at") {
		t.Error("no dialog saying where the replaced library was kept")
	}
	if len(painted(t, r, later)) != 0 {
		t.Error("the highlight made after the backup is still shown")
	}
	if len(painted(t, r, kept)) != 1 {
		t.Error("the highlight from the backup is not shown")
	}
	if anns, _, _ := db.Annotations(r.Current()); len(anns) != 1 {
		t.Errorf("the reopened library holds %d annotations, want 1", len(anns))
	}
	highlight(t, r, "Bamako", '4') // the reopened library takes writes
	if anns, _, _ := db.Annotations(r.Current()); len(anns) != 2 {
		t.Errorf("after a new highlight the library holds %d annotations, want 2", len(anns))
	}
	matches, _ := filepath.Glob(db.Path() + ".before-restore-*")
	if len(matches) != 1 {
		t.Errorf("replaced libraries kept: %v", matches)
	}
}

func TestBadBackupIsRefusedInTheWindow(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	highlight(t, r, "United Nations", '1')
	bad := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(bad, []byte("just some notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r.confirmRestore(bad)
	if !overlayMentions(r.Window(), "nothing was changed") {
		t.Error("no error saying nothing was changed")
	}
	if anns, _, _ := db.Annotations(r.Current()); len(anns) != 1 {
		t.Errorf("the library holds %d annotations after a refused restore, want 1", len(anns))
	}

	// A failed backup leaves no empty file where the save dialog made one.
	into := filepath.Join(t.TempDir(), "gone", "b.db")
	r.backupTo(into)
	if _, err := os.Stat(into); !os.IsNotExist(err) {
		t.Errorf("a failed backup left %s: %v", into, err)
	}
	same := db.Path()
	r.backupTo(same)
	if anns, _, _ := db.Annotations(r.Current()); len(anns) != 1 {
		t.Error("a backup over the library itself harmed it")
	}
}

// TestRestoreShowsTheBackupsArticles: the library list and the search
// index follow the restored file, not the one it replaced.
func TestRestoreShowsTheBackupsArticles(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	backup := filepath.Join(t.TempDir(), "library.db")
	r.backupTo(backup) // before the import: no article of the user's
	r.win.Canvas().Overlays().Top().Hide()
	r.importPaths([]string{articleFolder(t)})
	r.win.Canvas().Overlays().Top().Hide()
	if _, ok := r.library.index("my-rain-in-gao"); !ok {
		t.Fatal("the imported article is not listed")
	}
	if !findsArticle(r, "rain", "my-rain-in-gao") {
		t.Fatal("search does not find the imported article")
	}

	r.restoreFrom(backup)
	if _, ok := r.library.index("my-rain-in-gao"); ok {
		t.Error("after the restore the library still lists the article imported after the backup")
	}
	if r.search.index == nil {
		t.Fatal("no search index after the restore")
	}
	if findsArticle(r, "rain", "my-rain-in-gao") {
		t.Error("the search index still finds the article imported after the backup")
	}
}

func findsArticle(r *Reader, query, id string) bool {
	for _, res := range r.search.index.Search(query, 10) {
		if res.ArticleID == id {
			return true
		}
	}
	return false
}

// TestViewMenuReachesWhatTheToolbarDoes checks that every View item runs:
// at the narrowest width the toolbar's buttons are icons, and the menu is
// where their names are.
func TestViewMenuReachesWhatTheToolbarDoes(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	view := r.mainMenu().Items[2]
	if view.Label != "View" {
		t.Fatalf("third menu %q, want View", view.Label)
	}
	library := r.cols.wantLibrary
	for _, item := range view.Items {
		if item.IsSeparator {
			continue
		}
		item.Action()
		switch item.Label {
		case "Library":
			if r.cols.wantLibrary == library {
				t.Error("Library did not show or hide the library")
			}
		case "Notes and places":
			if !r.side.Visible() {
				t.Error("Notes and places did not show the panel")
			}
		case "Keyboard shortcuts":
			if r.sheet == nil {
				t.Error("Keyboard shortcuts did not open the sheet")
			}
			r.escape()
		default:
			if r.win.Canvas().Overlays().Top() == nil {
				t.Errorf("%s opened nothing", item.Label)
			}
			r.win.Canvas().Overlays().Top().Hide()
		}
	}
}
