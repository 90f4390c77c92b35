package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// foldedCount is how often query occurs in the open article, counted apart
// from the find code: by Fold on the whole text.
func foldedCount(r *Reader, query string) int {
	return strings.Count(reader.Fold(r.view.Document().Text), reader.Fold(query))
}

func TestFindMarksCountsAndSteps(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.Open("gao-timbuktu")
	want := foldedCount(r, "menaka")
	if want < 2 {
		t.Fatalf("the Gao article mentions Ménaka %d times; the test needs 2 or more", want)
	}
	pressShortcut(r, primaryKey(fyne.KeyF))
	if !r.find.isOpen() || r.win.Canvas().Focused() != r.find.entry {
		t.Fatal("Ctrl+F did not open the find bar with the keyboard in it")
	}
	test.Type(r.find.entry, "Menaka")
	if len(r.find.matches) != want {
		t.Fatalf("%d matches of \"Menaka\", want %d (\"Ménaka\" and \"menaka\" too)", len(r.find.matches), want)
	}
	for _, m := range r.find.matches {
		if got := reader.Fold(r.view.Document().Slice(m)); got != "menaka" {
			t.Errorf("match %v is %q", m, got)
		}
	}
	count := func() string { return r.find.count.Text }
	if c := count(); c != fmt.Sprintf("1 of %d", want) {
		t.Errorf("count %q, want \"1 of %d\"", c, want)
	}
	if title := r.win.Title(); !strings.Contains(title, fmt.Sprintf("1 of %d", want)) {
		t.Errorf("window title %q does not say where find is", title)
	}
	first := r.find.matches[0]
	pressKey(r, fyne.KeyReturn)
	if c := count(); c != fmt.Sprintf("2 of %d", want) {
		t.Errorf("Enter: count %q, want 2 of %d", c, want)
	}
	// The current match is in view.
	top := r.view.TopOffset()
	if cur := r.find.matches[r.find.current]; cur.Start < top {
		t.Errorf("the current match at %d is above the view's top %d", cur.Start, top)
	}
	r.find.entry.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	pressKey(r, fyne.KeyReturn)
	pressKey(r, fyne.KeyReturn)
	r.find.entry.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
	if c := count(); c != fmt.Sprintf("%d of %d", want, want) {
		t.Errorf("Shift+Enter twice from 2: count %q, want the last, %d of %d", c, want, want)
	}
	pressKey(r, fyne.KeyReturn)
	if r.find.matches[r.find.current] != first {
		t.Error("Enter on the last match does not go round to the first")
	}

	pressKey(r, fyne.KeyEscape)
	if r.find.isOpen() || r.find.matches != nil {
		t.Error("Esc left the find bar open or its marks painted")
	}
	if r.win.Canvas().Focused() != r.view {
		t.Errorf("after Esc the keyboard is in %T, want the text", r.win.Canvas().Focused())
	}
	if r.win.Title() != Title {
		t.Errorf("title %q after find closed", r.win.Title())
	}
}

func TestFindSaysNoMatchesAndFollowsTheArticle(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.find.open()
	test.Type(r.find.entry, "Tombouctou-sur-Seine")
	if r.find.count.Text != "No matches" || r.find.prev.Disabled() == false {
		t.Errorf("count %q, previous enabled: %v", r.find.count.Text, !r.find.prev.Disabled())
	}
	r.find.entry.SetText("Gao")
	before := len(r.find.matches)
	r.Open("gao-timbuktu")
	if n := foldedCount(r, "Gao"); len(r.find.matches) != n || n == before {
		t.Errorf("after opening the Gao article: %d matches, want %d (were %d)", len(r.find.matches), n, before)
	}
}

// TestFindDropsStaleResults: typing runs searches in the background; a
// result that comes back after a newer query's is not shown.
func TestFindDropsStaleResults(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	var pending []func()
	r.find.async = func(f func()) { pending = append(pending, f) }
	r.find.open()
	r.find.entry.SetText("Mali")
	r.find.entry.SetText("Bamako")
	if len(pending) != 2 {
		t.Fatalf("%d searches started, want 2", len(pending))
	}
	pending[1]()
	pending[0]() // the older one, late
	if n := foldedCount(r, "Bamako"); len(r.find.matches) != n {
		t.Errorf("%d matches shown, want the %d of the newer query", len(r.find.matches), n)
	}
}

// TestLongArticleFindIsCappedAndCounted: a one-letter query in a long
// article marks at most maxFindMatches and says there are more.
func TestLongArticleFindIsCappedAndCounted(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	doc := reader.Parse(strings.Repeat("a banana ", 3000))
	r.view.SetDocument(doc)
	r.find.open()
	test.Type(r.find.entry, "a")
	if len(r.find.matches) != maxFindMatches || !strings.HasSuffix(r.find.count.Text, fmt.Sprintf("of %d+", maxFindMatches)) {
		t.Errorf("%d matches, count %q", len(r.find.matches), r.find.count.Text)
	}
}

// BenchmarkFindInArticle is what a user waits for on the first key typed in
// the find bar of a long article: folding the text, searching, marking the
// matches and scrolling to the first, on the UI goroutine as the test
// driver runs it. The queries are place names with accents, typed without.
func BenchmarkFindInArticle(b *testing.B) {
	for _, words := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			r := New(test.NewTempApp(b), openLibrary(b), bundled(b), articles.DefaultID, testVersion)
			b.Cleanup(r.Window().Close)
			r.Window().Resize(fyne.NewSize(1000, 700))
			r.view.SetDocument(reader.Parse(readertest.Markdown(words)))
			r.view.Lines()
			r.find.open()
			queries := []string{"Menaka", "Sevare"}
			for i := 0; b.Loop(); i++ {
				r.find.doc = nil // a new article: the index is built again
				r.find.entry.SetText(queries[i%2])
			}
			b.ReportMetric(float64(len(r.find.matches)), "matches")
		})
	}
}
