package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

func openLibrary(t testing.TB) *storage.DB {
	t.Helper()
	db, _, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func bundled(t testing.TB) []reader.Article {
	t.Helper()
	all, err := articles.All()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// testVersion is what main would pass from FyneApp.toml; not the release,
// so About must show what it is given.
const testVersion = "9.8.7"

func newTestReader(t *testing.T, store Store) *Reader {
	t.Helper()
	a := test.NewTempApp(t)
	r := New(a, store, bundled(t), articles.DefaultID, testVersion)
	r.Window().Resize(fyne.NewSize(1000, 700))
	r.Window().Show()
	t.Cleanup(r.Window().Close)
	return r
}

func TestFirstStartOpensDefaultArticleAndRemembersIt(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	if r.Current() != articles.DefaultID {
		t.Fatalf("opened %q on first start", r.Current())
	}
	if !strings.Contains(r.view.Document().Text, "lowered the UN flag at its headquarters in the capital Bamako") {
		t.Error("the view does not show the MINUSMA article")
	}
	if last, _ := db.LastArticle(); last != articles.DefaultID {
		t.Errorf("stored last article = %q", last)
	}
}

func TestReopensLastArticle(t *testing.T) {
	db := openLibrary(t)
	if err := db.SetLastArticle("bamako"); err != nil {
		t.Fatal(err)
	}
	if r := newTestReader(t, db); r.Current() != "bamako" {
		t.Errorf("opened %q, want the last one read", r.Current())
	}
	if err := db.SetLastArticle("removed-article"); err != nil {
		t.Fatal(err)
	}
	if r := newTestReader(t, db); r.Current() != articles.DefaultID {
		t.Errorf("a vanished last article opened %q, want the default", r.Current())
	}
}

func TestClickingALibraryRowOpensIt(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	i, _ := r.library.row("gao-timbuktu")
	r.library.list.Select(i) // what a click on the row does
	if r.Current() != "gao-timbuktu" || !strings.HasPrefix(r.view.Document().Text, "Gao and Timbuktu") {
		t.Fatalf("current = %q", r.Current())
	}
	if last, _ := db.LastArticle(); last != "gao-timbuktu" {
		t.Errorf("stored last article = %q", last)
	}
}

func TestLibraryRowShowsDateSourceAndReadingTime(t *testing.T) {
	seed, _ := articles.ByID(articles.DefaultID)
	if got, want := articleLine(seed), "11 Dec 2023 · AFP report · 2 min read"; got != want {
		t.Errorf("row line = %q, want %q", got, want)
	}
}

// failingStore is a library whose disk refuses to remember the article.
type failingStore struct{ *storage.DB }

func (failingStore) LastArticle() (string, error) { return "", nil }
func (failingStore) SetLastArticle(string) error  { return errors.New("disk full") }

func TestSaveFailureIsShown(t *testing.T) {
	r := newTestReader(t, failingStore{openLibrary(t)})
	if !overlayMentions(r.Window(), "disk full") {
		t.Error("no error dialog for a failed save")
	}
}

func TestLinkPolicy(t *testing.T) {
	tests := []struct {
		address string
		ok      bool
	}{
		{"https://peacekeeping.un.org/en/mission/minusma", true},
		{"HTTP://example.org", true},
		{"mailto:editor@example.org", true},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"ftp://example.org/x", false},
		{"/relative/path", false},
		{"https://", false},
		{"http://[::1", false},
	}
	for _, tt := range tests {
		if _, err := checkLink(tt.address); (err == nil) != tt.ok {
			t.Errorf("checkLink(%q) error = %v, want ok=%v", tt.address, err, tt.ok)
		}
	}
}

// TestDialogsSayWhatHappened checks that each event the user must hear of
// puts a dialog in front of the window that names the essential detail.
func TestDialogsSayWhatHappened(t *testing.T) {
	tests := []struct {
		name   string
		action func(r *Reader)
		want   string
	}{
		{"damaged library names where it was kept",
			func(r *Reader) { r.NotifyMovedAside("/data/sahelreader.db.corrupt-20261127-120000") },
			"sahelreader.db.corrupt-20261127-120000"},
		{"refused link explains why",
			func(r *Reader) { r.confirmLink("javascript:alert(1)") },
			"only web (http, https) and e-mail (mailto) links"},
		{"accepted link shows its address before opening",
			func(r *Reader) { r.confirmLink("https://example.org/report") },
			"https://example.org/report"},
		{"About names the version it was given",
			func(r *Reader) { r.showAbout() },
			"Sahel Reader " + testVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, openLibrary(t))
			tt.action(r)
			if !overlayMentions(r.Window(), tt.want) {
				t.Errorf("no dialog mentioning %q", tt.want)
			}
		})
	}
}

// overlayMentions reports whether a dialog on top of w shows text containing s.
func overlayMentions(w fyne.Window, s string) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	found := false
	test.WidgetRenderer(top.(fyne.Widget))
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, s) {
			found = true
		}
	})
	return found
}

func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, visit)
		}
	}
}

// TestStartupDialogIsReadable checks that a message shown before the window
// has a size (as main does right after New, before the driver shows the
// window) is as wide as it would be in the window shown, not a column a few
// letters wide.
func TestStartupDialogIsReadable(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("the article"))
	w.Resize(fyne.NewSize(0, 0)) // as a desktop window is before it shows
	(&Reader{win: w}).NotifyRestoredParts([]string{"reading"})
	w.Resize(fyne.NewSize(1000, 700))
	var label *widget.Label
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "lacked some of its parts (reading)") {
			label = l
		}
	})
	if label == nil {
		t.Fatal("no dialog tells that the file lacked a part")
	}
	if width := label.Size().Width; width < textDialogWidth/2 {
		t.Errorf("the message is %.0f px wide, want about %d", width, textDialogWidth)
	}
}

func TestReadingTime(t *testing.T) {
	for minutes, want := range map[int]string{0: "0 min", 7: "7 min", 59: "59 min", 60: "1 h", 80: "1 h 20 min", 599: "9 h 59 min", 600: "10 h", 13725: "228 h"} {
		if got := readingTime(minutes); got != want {
			t.Errorf("readingTime(%d) = %q, want %q", minutes, got, want)
		}
	}
}
