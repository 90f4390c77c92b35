package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// largeReader is a window whose library holds two articles large enough
// to open in the background ("big" and "huge"); the background work waits
// in the returned queue until the test runs it.
func largeReader(t *testing.T) (*Reader, *[]func()) {
	t.Helper()
	var queue []func()
	body := readertest.Markdown(60_000) // about 350 KB
	if len(body) < openInBackground {
		t.Fatalf("the body is %d bytes, under %d", len(body), openInBackground)
	}
	list := append(bundled(t),
		reader.Article{ID: "big", Title: "Big", Body: body},
		reader.Article{ID: "huge", Title: "Huge", Body: body + "\n\nThe end."})
	r := New(test.NewTempApp(t), openLibrary(t), list, articles.DefaultID, testVersion)
	r.Window().Resize(fyne.NewSize(1000, 700))
	r.Window().Show()
	t.Cleanup(r.Window().Close)
	r.opening.async = func(f func()) { queue = append(queue, f) }
	return r, &queue
}

func runQueued(queue *[]func()) {
	for len(*queue) > 0 {
		f := (*queue)[0]
		*queue = (*queue)[1:]
		f()
	}
}

func TestLargeArticleOpensInTheBackground(t *testing.T) {
	r, queue := largeReader(t)
	before := r.view.Document()
	r.Open("big")
	if r.Current() != articles.DefaultID || r.view.Document() != before {
		t.Fatalf("while opening, the window shows %q: want the article before, still readable", r.Current())
	}
	if !r.opening.box.Visible() || r.opening.label.Text != "Opening “Big”…" {
		t.Errorf("opening bar visible %v, saying %q", r.opening.box.Visible(), r.opening.label.Text)
	}
	runQueued(queue)
	if r.Current() != "big" || !strings.HasPrefix(r.view.Document().Text, "Big\n") {
		t.Errorf("after opening, current = %q", r.Current())
	}
	if r.opening.box.Visible() {
		t.Error("the opening bar still shows")
	}
	if last, _ := r.store.LastArticle(); last != "big" {
		t.Errorf("last article = %q, want big", last)
	}
}

// Only the last article asked for is shown: opening another, or going back
// to the one on screen, drops a large one still being made.
func TestStaleOpeningIsDropped(t *testing.T) {
	for _, tt := range []struct {
		name, then, want string
	}{
		{"a small article", "bamako", "bamako"},
		{"the article on screen", articles.DefaultID, articles.DefaultID},
		{"another large article", "huge", "huge"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, queue := largeReader(t)
			r.Open("big")
			r.Open(tt.then)
			runQueued(queue)
			if r.Current() != tt.want {
				t.Errorf("current = %q, want %q", r.Current(), tt.want)
			}
			if r.opening.box.Visible() {
				t.Error("the opening bar still shows")
			}
		})
	}
}

// After a restore or a delete the article on screen is gone: while a large
// one opens, the view is empty and bookmarking or selecting does nothing.
func TestOpeningAfterTheArticleOnScreenIsGone(t *testing.T) {
	r, queue := largeReader(t)
	r.current = "" // as a restore leaves it
	r.Open("big")
	if got := r.view.Document(); got == nil || got.Text != "" {
		t.Fatalf("while opening, the view shows %v", got)
	}
	r.AddBookmark()
	r.view.SelectAll()
	if r.typedRune('1') {
		t.Error("a highlight was made in the empty view")
	}
	runQueued(queue)
	if anns, _, _ := r.store.AllAnnotations(); r.Current() != "big" || len(anns) != 0 {
		t.Errorf("current %q, annotations %v", r.Current(), anns)
	}
}

// A search result or a note in a large article goes to its place once the
// article is on screen.
func TestOpenAtWaitsForALargeArticle(t *testing.T) {
	r, queue := largeReader(t)
	doc := articlesDocument(t, r, "big")
	at := reader.Range{Start: doc.Len() - 200, End: doc.Len() - 190}
	r.openAt("big", at)
	if r.Current() == "big" {
		t.Fatal("opened at once")
	}
	runQueued(queue)
	if top := r.view.TopOffset(); r.Current() != "big" || top < at.Start-5000 || top > at.Start {
		t.Errorf("current %q, top at %d: want big near %d", r.Current(), top, at.Start)
	}
}

func articlesDocument(t *testing.T, r *Reader, id string) *reader.Document {
	t.Helper()
	i, ok := r.library.index(id)
	if !ok {
		t.Fatalf("%s not in the library", id)
	}
	return r.library.articles[i].Document()
}
