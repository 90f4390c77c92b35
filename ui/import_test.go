package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
	"sahelreader/storage"
)

// articleFolder writes a folder of files to import: two articles and one
// binary file.
func articleFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "clippings")
	files := map[string]string{
		"rain.md":       "# Rain in Gao\n\nThe rain came to Gao late that year.",
		"sub/page.html": "<h1>Ségou</h1><script>alert(1)</script><p>On the Niger.</p>",
		"sub/photo.md":  "\x89PNG\x00\x00",
	}
	readertest.WriteFiles(t, dir, files)
	return dir
}

func TestImportAddsArticlesToTheLibrary(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	dir := articleFolder(t)
	r.importPaths([]string{dir})

	for _, want := range []string{"2 added, 0 duplicates, 1 failed", "clippings/rain.md  →  Rain in Gao",
		"clippings/sub/photo.md: binary data"} {
		if !overlayMentions(r.Window(), want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	i, ok := r.library.row("my-rain-in-gao")
	if !ok {
		t.Fatal("the imported article is not in the library list")
	}
	r.library.list.Select(i)
	if r.Current() != "my-rain-in-gao" || !strings.HasPrefix(r.view.Document().Text, "Rain in Gao\nThe rain came") {
		t.Errorf("opened %q: %q", r.Current(), r.view.Document().Text)
	}
	if r.mine.button.Disabled() || r.mine.edit.Disabled {
		t.Error("an imported article cannot be edited")
	}
	r.Open(articles.DefaultID)
	if !r.mine.button.Disabled() || !r.mine.del.Disabled {
		t.Error("a bundled article can be edited")
	}

	// Dropped again: duplicates; and the articles are there after a restart.
	r.dropped(fyne.NewPos(10, 10), []fyne.URI{fstorage.NewFileURI(filepath.Join(dir, "rain.md"))})
	if !overlayMentions(r.Window(), "already there as “Rain in Gao”") {
		t.Error("the report does not name the duplicate")
	}
	list, err := articles.Library(db)
	if err != nil {
		t.Fatal(err)
	}
	r2 := New(r.app, db, list, articles.DefaultID, testVersion)
	t.Cleanup(r2.Window().Close)
	if _, ok := r2.library.index("my-segou"); !ok {
		t.Error("imported article missing after a restart")
	}
}

// tapOnStore is a library that runs onAdd before storing each article.
type tapOnStore struct {
	*storage.DB
	onAdd func()
}

func (s tapOnStore) AddImported(a reader.Article, hash string) (reader.Article, bool, error) {
	s.onAdd()
	return s.DB.AddImported(a, hash)
}

func TestImportCanBeCancelled(t *testing.T) {
	db := openLibrary(t)
	var r *Reader
	store := tapOnStore{DB: db, onAdd: func() {
		// The user presses Cancel while the first file is being stored.
		tapButton(t, r.Window().Canvas().Overlays().Top(), "Cancel")
	}}
	r = newTestReader(t, store)
	r.importPaths([]string{articleFolder(t)})
	if !overlayMentions(r.Window(), "1 added, 0 duplicates, 0 failed, 2 not imported (cancelled)") {
		t.Error("the report does not say the import was cancelled")
	}
	if list, _ := db.ImportedArticles(); len(list) != 1 {
		t.Errorf("%d articles stored, want the 1 before Cancel", len(list))
	}
}

// tapButton taps the button labelled text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(found)
}

func TestEditImportedArticle(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.importPaths([]string{articleFolder(t)})
	r.Open("my-rain-in-gao")
	a := mustNote(t, r, reader.Range{Start: 16, End: 20}) // "rain" of the body
	r.editArticleDetails(r.Current())
	if !overlayMentions(r.Window(), "Delete this article") && r.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no details form")
	}
	if err := r.saveArticleDetails("my-rain-in-gao", "Late rain", "My notebook", "weather, Gao"); err != nil {
		t.Fatal(err)
	}
	i, _ := r.library.index("my-rain-in-gao")
	got := r.library.articles[i]
	if got.Title != "Late rain" || got.Source != "My notebook" || strings.Join(got.Tags, "|") != "weather|Gao" {
		t.Errorf("library row: %+v", got)
	}
	if !strings.HasPrefix(r.view.Document().Text, "Late rain\n") {
		t.Errorf("the view shows %q", r.view.Document().Text)
	}
	// The title moved the text: the highlight is found again by its quote.
	if p, ok := r.notes.find(a.ID); !ok || r.view.Document().Text[p.At.Start:p.At.End] != "rain" {
		t.Errorf("highlight after the title changed: %+v %v", p, ok)
	}
	if err := r.saveArticleDetails("my-rain-in-gao", " ", "", ""); err == nil {
		t.Error("an empty title was saved")
	}
}

func TestDeleteImportedArticle(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.importPaths([]string{articleFolder(t)})
	r.Open("my-rain-in-gao")
	mustNote(t, r, reader.Range{Start: 16, End: 20})
	mustNote(t, r, reader.Range{Start: 21, End: 25})
	r.confirmDeleteArticle("my-rain-in-gao")
	if !overlayMentions(r.Window(), "Its 2 annotations (highlights, notes and bookmarks) will be deleted with it.") {
		t.Error("the confirmation does not count the annotations")
	}
	if err := r.deleteArticle("my-rain-in-gao"); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.library.index("my-rain-in-gao"); ok || r.Current() != articles.DefaultID {
		t.Errorf("still listed, or current is %q", r.Current())
	}
	if anns, bad, _ := db.Annotations("my-rain-in-gao"); len(anns)+len(bad) != 0 {
		t.Errorf("%d annotations left", len(anns)+len(bad))
	}
	if list, _ := db.ImportedArticles(); len(list) != 1 {
		t.Errorf("%d imported articles left, want 1", len(list))
	}
}

// mustNote highlights range rg of the open article's text, as selecting
// it and pressing 1 does.
func mustNote(t *testing.T, r *Reader, rg reader.Range) reader.Annotation {
	t.Helper()
	a, err := reader.NewAnnotation(r.Current(), r.view.Document(), rg, reader.Highlighting, reader.Yellow, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.store.PutAnnotation(a); err != nil {
		t.Fatal(err)
	}
	r.loadNotes()
	return a
}

func TestOneImportAtATime(t *testing.T) {
	db := openLibrary(t)
	var r *Reader
	dir := articleFolder(t)
	second := false
	store := tapOnStore{DB: db, onAdd: func() {
		if !second {
			second = true
			r.importPaths([]string{dir}) // dropped again while the first runs
			if !overlayMentions(r.Window(), "Wait for it to finish") {
				t.Error("a second import started while the first ran")
			}
		}
	}}
	r = newTestReader(t, store)
	r.importPaths([]string{dir})
	if list, _ := db.ImportedArticles(); len(list) != 2 {
		t.Errorf("%d articles stored, want 2", len(list))
	}
}

func TestLibraryRowContextMenu(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.importPaths([]string{articleFolder(t)})
	// A right-click on the first row asks for that article's menu.
	var asked string
	r.library.onMenu = func(id string, _ fyne.Position) { asked = id }
	var first *rowMenuArea
	walk(r.library.list, func(o fyne.CanvasObject) {
		if a, ok := o.(*rowMenuArea); ok && first == nil {
			first = a
		}
	})
	if first == nil {
		t.Fatal("no row takes right-clicks")
	}
	test.TapSecondary(first)
	if asked != r.library.rows[0].Article.ID {
		t.Errorf("menu asked for %q, want the first row's %q", asked, r.library.rows[0].Article.ID)
	}
	test.Tap(first) // a left click on the same spot opens the row
	if r.Current() != r.library.rows[0].Article.ID {
		t.Errorf("a click on the first row opened %q", r.Current())
	}
	// The menu offers editing and deleting for imported articles only.
	for _, tt := range []struct {
		id      string
		enabled bool
	}{{"my-rain-in-gao", true}, {"bamako", false}} {
		for _, item := range r.articleMenu(tt.id).Items {
			if (item.Label == "Edit details…" || item.Label == "Delete…") && item.Disabled == tt.enabled {
				t.Errorf("%s: %s enabled = %v, want %v", tt.id, item.Label, !item.Disabled, tt.enabled)
			}
		}
	}
	r.showArticleMenu("my-rain-in-gao", fyne.NewPos(20, 100))
	if r.win.Canvas().Overlays().Top() == nil {
		t.Error("no menu shown")
	}
}
