package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/search"
)

// noteOnGao stores a highlight of "Gao" with a note no article contains.
func noteOnGao(t *testing.T, db Store, note string) reader.Annotation {
	t.Helper()
	art, _ := articles.ByID("gao-timbuktu")
	a, err := reader.NewAnnotation(art.ID, art.Document(), reader.Range{Start: 0, End: 3}, reader.Highlighting, reader.Green, time.Now())
	if err == nil {
		err = a.SetNote(note, time.Now())
	}
	if err == nil {
		err = db.PutAnnotation(a)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// searchFor opens the search view with Ctrl+Shift+F and types q.
func searchFor(t *testing.T, r *Reader, q string) fyne.CanvasObject {
	t.Helper()
	r.win.Canvas().(fyne.Shortcutable).TypedShortcut(bind(fyne.KeyF, primary|fyne.KeyModifierShift))
	dlg := r.win.Canvas().Overlays().Top()
	entries := find(dlg, func(*searchEntry) bool { return true })
	if len(entries) != 1 {
		t.Fatalf("search view has %d entries", len(entries))
	}
	entries[0].SetText("")
	test.Type(entries[0], q)
	return dlg
}

// highlighted is the bold text of a row's snippets: the matched words.
func highlighted(o fyne.CanvasObject) []string {
	var out []string
	for _, rt := range find(o, func(*widget.RichText) bool { return true }) {
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
				out = append(out, strings.TrimPrefix(ts.Text, zeroWidthSpace))
			}
		}
	}
	return out
}

func TestSearchViewOpensTheArticleAtTheMatch(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	dlg := searchFor(t, r, "askia mohammed")
	rows := find(dlg, func(*noteRow) bool { return true })
	if len(rows) == 0 {
		t.Fatal("no results")
	}
	if hl := highlighted(rows[0]); !slices.Contains(hl, "Askia") || !slices.Contains(hl, "Mohammed") {
		t.Errorf("first row highlights %q", hl)
	}
	if !overlayMentions(r.Window(), "Gao and Timbuktu") {
		t.Error("the result does not name its article")
	}
	test.Tap(rows[0])
	if r.Current() != "gao-timbuktu" || r.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("opened %q, overlay %v", r.Current(), r.win.Canvas().Overlays().Top())
	}
	text := r.view.Document().Text
	at := len([]rune(text[:strings.Index(text, "Askia Mohammed")]))
	if top := r.view.TopOffset(); top > at || at-top > 2000 {
		t.Errorf("view starts at %d; the match is at %d", top, at)
	}

	// Enter opens the best match; the query is kept for next time.
	r.Open(articles.DefaultID)
	dlg = searchFor(t, r, "tombouctou")
	entry := find(dlg, func(*searchEntry) bool { return true })[0]
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.Current() != "gao-timbuktu" {
		t.Errorf("Enter opened %q", r.Current())
	}
	r.ShowSearch()
	entry = find(r.win.Canvas().Overlays().Top(), func(*searchEntry) bool { return true })[0]
	if entry.Text != "tombouctou" {
		t.Errorf("reopened with %q", entry.Text)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := r.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left %T open", top)
	}
}

func TestSearchViewFindsNotesAndFollowsEdits(t *testing.T) {
	db := openLibrary(t)
	noteOnGao(t, db, "Ask about the old caravanserai")
	r := newTestReader(t, db)
	dlg := searchFor(t, r, "caravan")
	rows := find(dlg, func(*noteRow) bool { return true })
	if len(rows) != 1 || !slices.Contains(highlighted(rows[0]), "caravanserai") {
		t.Fatalf("%d rows for a note", len(rows))
	}
	test.Tap(rows[0])
	if r.Current() != "gao-timbuktu" {
		t.Fatalf("opened %q", r.Current())
	}

	// A note made now is found; deleted, it is not.
	rng := highlight(t, r, "Djinguereber", '1')
	i := slices.IndexFunc(r.notes.placed, func(n placedNote) bool { return n.At == rng })
	p := r.notes.placed[i]
	if err := p.SetNote("a mosque of earth: ask the imam", time.Now()); err != nil {
		t.Fatal(err)
	}
	r.save(p)
	if got := r.search.index.Search("imam ", 5); len(got) != 1 || len(got[0].Notes) != 1 {
		t.Errorf("new note: %+v", got)
	}
	r.deleteNote(p.ID)
	if got := r.search.index.Search("imam ", 5); len(got) != 0 {
		t.Errorf("deleted note still found: %+v", got)
	}
	r.undoDelete()
	if got := r.search.index.Search("imam ", 5); len(got) != 1 {
		t.Errorf("restored note not found: %+v", got)
	}
	dlg = searchFor(t, r, "zzqqxx")
	if !overlayMentions(r.Window(), "No matches") || len(find(dlg, func(*noteRow) bool { return true })) != 0 {
		t.Error("a query with no match lists something")
	}
}

// TestEditsWhileTheIndexBuildsAreKept: an edit made before the index is
// ready waits and is applied to it, even if the build read the library
// before the edit.
func TestEditsWhileTheIndexBuildsAreKept(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.search.index = nil
	art, _ := articles.ByID("bamako")
	late, err := reader.NewAnnotation(art.ID, art.Document(), reader.Range{Start: 0, End: 6}, reader.Highlighting, reader.Blue, time.Now())
	if err == nil {
		err = late.SetNote("written while indexing", time.Now())
	}
	if err != nil {
		t.Fatal(err)
	}
	r.updateSearch(func(x *search.Index) { x.PutAnnotation(late) }) // not in the store the build reads
	r.ShowSearch()
	if !overlayMentions(r.Window(), "Preparing the search index") {
		t.Error("the view does not say the index is not ready")
	}
	r.buildSearchIndex()
	if got := r.search.index.Search("indexing ", 5); len(got) != 1 {
		t.Errorf("the edit made during the build was lost: %+v", got)
	}
	if overlayMentions(r.Window(), "Preparing the search index") {
		t.Error("the open view was not refreshed when the index became ready")
	}
}

func TestExportDialog(t *testing.T) {
	db := openLibrary(t)
	noteOnGao(t, db, "exported note")
	r := newTestReader(t, db)
	r.ShowExport()
	if !overlayMentions(r.Window(), "Asked when you export") {
		t.Error("the export dialog is not shown")
	}

	dir := t.TempDir()
	for _, tt := range []struct {
		format   string
		onlyOpen bool
		want     string
	}{
		{"md", false, "gao-timbuktu.md"},
		{"w3c", true, "minusma-withdrawal-annotations.json"},
		{"geojson", false, "places.geojson"},
	} {
		n, err := r.exportTo(tt.format, tt.onlyOpen, dir)
		if err != nil || n != 1 {
			t.Errorf("%s: %d files, %v", tt.format, n, err)
		}
		data, err := os.ReadFile(filepath.Join(dir, tt.want))
		if err != nil || len(data) == 0 {
			t.Errorf("%s: %v", tt.want, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "gao-timbuktu.md")); !strings.Contains(string(data), "exported note") {
		t.Errorf("gao-timbuktu.md:\n%s", data)
	}
	if _, err := r.exportTo("pdf", false, dir); err == nil {
		t.Error("an unknown format exported")
	}
	if _, err := r.exportTo("md", false, filepath.Join(dir, "gao-timbuktu.md")); err == nil {
		t.Error("exporting into a file, not a folder, succeeded")
	}
}

func TestSearchViewFindsArticleTags(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	dlg := searchFor(t, r, "heritage ")
	var tagged *noteRow
	for _, row := range find(dlg, func(*noteRow) bool { return true }) {
		if slices.Contains(highlighted(row), "heritage") {
			for _, rt := range find(row, func(*widget.RichText) bool { return true }) {
				if rt.String() == "Tagged" {
					tagged = row
				}
			}
		}
	}
	if tagged == nil {
		t.Fatal("no Tagged row for the Gao article's tag")
	}
	r.Open("bamako")
	test.Tap(tagged)
	if r.Current() != "gao-timbuktu" {
		t.Errorf("the tags row opened %q", r.Current())
	}
}

// TestSnippetText: the segments, zero-width spaces aside, spell the
// snippet, one word per plain segment and the match bold.
func TestSnippetText(t *testing.T) {
	rt := snippetText(search.Snippet{Text: "…the Tomb of Askia, built", Spans: []reader.Range{{Start: 13, End: 18}}})
	var words []string
	for _, seg := range rt.Segments {
		words = append(words, strings.TrimPrefix(seg.(*widget.TextSegment).Text, zeroWidthSpace))
	}
	if want := []string{"…the ", "Tomb ", "of ", "Askia", ", ", "built"}; !slices.Equal(words, want) {
		t.Errorf("segments %q, want %q", words, want)
	}
	if hl := highlighted(rt); !slices.Equal(hl, []string{"Askia"}) {
		t.Errorf("bold %q", hl)
	}
}

func TestSearchViewArrowKeys(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	dlg := searchFor(t, r, "heritage ")
	entry := find(dlg, func(*searchEntry) bool { return true })[0]
	rows := find(dlg, func(*noteRow) bool { return true })
	if len(rows) < 6 {
		t.Fatalf("%d rows", len(rows))
	}
	key := func(k fyne.KeyName, times int) {
		for range times {
			entry.TypedKey(&fyne.KeyEvent{Name: k})
		}
	}
	key(fyne.KeyUp, 1) // the first row: there is nothing above it
	if !rows[0].selected {
		t.Error("Up did not choose the first row")
	}
	key(fyne.KeyDown, 1)
	if rows[0].selected || !rows[1].selected {
		t.Errorf("after Up, Down: selected %v %v", rows[0].selected, rows[1].selected)
	}
	// Gao and Timbuktu: three matches and its tags; then Mopti's first match.
	key(fyne.KeyDown, 3)
	if !rows[4].selected || rows[1].selected {
		t.Fatal("Down did not move to the fifth row")
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.Current() != "mopti-central-mali" || r.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter on the fifth row opened %q", r.Current())
	}
}
