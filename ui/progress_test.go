package ui

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// recordingWrites is a position store that counts writes and can fail.
type recordingWrites struct {
	mu     sync.Mutex
	writes []reader.ReadingState
	err    error
}

func (w *recordingWrites) write(_ string, s reader.ReadingState) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.writes = append(w.writes, s)
	return nil
}

func TestPositionSaverCoalescesAndRetries(t *testing.T) {
	w := &recordingWrites{}
	var errs []error
	var timers []func()
	p := newPositionSaver(w.write, func(err error) { errs = append(errs, err) })
	p.schedule = func(f func()) { timers = append(timers, f) }
	fire := func() {
		fs := timers
		timers = nil
		for _, f := range fs {
			f()
		}
	}

	for top := 1; top <= 50; top++ { // fifty scroll events within one delay
		p.set("gao", reader.ReadingState{Top: top})
	}
	if len(timers) != 1 || len(w.writes) != 0 {
		t.Fatalf("%d timers and %d writes before the delay", len(timers), len(w.writes))
	}
	fire()
	if len(w.writes) != 1 || w.writes[0].Top != 50 {
		t.Fatalf("after the delay: %+v, want one write of the last position", w.writes)
	}
	if err := p.flush(); err != nil || len(w.writes) != 1 {
		t.Errorf("a flush with nothing new wrote again: %v %d", err, len(w.writes))
	}

	// A failing disk: the position stays pending, the user hears once.
	w.err = errors.New("disk full")
	p.set("gao", reader.ReadingState{Top: 60})
	fire()
	p.set("gao", reader.ReadingState{Top: 70})
	fire()
	if len(errs) != 1 {
		t.Errorf("%d errors reported for one run of failures", len(errs))
	}
	w.err = nil
	if err := p.flush(); err != nil || w.writes[len(w.writes)-1].Top != 70 {
		t.Errorf("the flush after the disk recovered wrote %+v (%v)", w.writes, err)
	}

	// Another article's pending position is written before it is replaced.
	p.set("gao", reader.ReadingState{Top: 80})
	p.set("bamako", reader.ReadingState{Top: 5})
	if last := w.writes[len(w.writes)-1]; last.Top != 80 {
		t.Errorf("switching articles lost gao's position: %+v", w.writes)
	}
}

// scrollPages pages down n times as a reader's Page Down key does.
func scrollPages(r *Reader, n int) {
	for range n {
		r.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	}
}

func TestReopeningAnArticleReturnsToItsPosition(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.Open("minusma-mission") // long enough to scroll
	scrollPages(r, 3)
	top := r.view.TopOffset()
	if top == 0 {
		t.Fatal("Page Down did not scroll")
	}
	r.Open("bamako") // writes minusma-mission's position at once
	s, err := db.ReadingState("minusma-mission")
	if err != nil || s.Top != top || s.LastRead.IsZero() || s.Furthest < top || s.Length != r.library.articles[mustIndex(t, r, "minusma-mission")].Document().Len() {
		t.Fatalf("stored %+v (%v), want top %d", s, err, top)
	}
	r.Open("minusma-mission")
	if got := r.view.TopOffset(); got != top {
		t.Errorf("reopened at %d, want %d", got, top)
	}

	// After a restart too: the app flushes when it quits.
	scrollPages(r, 1)
	top = r.view.TopOffset()
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}
	r2 := newTestReader(t, db)
	if r2.Current() != "minusma-mission" || r2.view.TopOffset() != top {
		t.Errorf("after a restart: %s at %d, want minusma-mission at %d", r2.Current(), r2.view.TopOffset(), top)
	}
	if st := r2.library.state("minusma-mission"); st.Progress() <= 0 || st.Finished() {
		t.Errorf("progress after three pages: %v", st.Progress())
	}
}

func mustIndex(t *testing.T, r *Reader, id string) int {
	t.Helper()
	i, ok := r.library.index(id)
	if !ok {
		t.Fatalf("no article %s", id)
	}
	return i
}

func TestReadingToTheEndFinishesTheArticle(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.ReadingState(articles.DefaultID); !s.Finished() {
		t.Errorf("after End: %+v", s)
	}
	i, _ := r.library.row(articles.DefaultID)
	if e := r.library.rows[i]; !e.State.Finished() {
		t.Errorf("the library row shows %+v", e.State)
	}
}

// failingReading is a library whose disk refuses reading positions and stars.
type failingReading struct{ Store }

func (failingReading) SetSaved(string, bool) error { return errors.New("disk full") }

func TestSavedStarIsStoredBeforeItShows(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.ToggleSaved()
	if s, _ := db.ReadingState(articles.DefaultID); !s.Saved || r.savedButton.Icon != starIcon {
		t.Fatalf("after the star: stored %+v, icon %v", s, r.savedButton.Icon.Name())
	}
	r.ToggleSaved()
	if s, _ := db.ReadingState(articles.DefaultID); s.Saved || r.savedButton.Icon != starOutlineIcon {
		t.Errorf("after unstarring: stored %+v", s)
	}

	f := newTestReader(t, failingReading{db})
	f.ToggleSaved()
	if !overlayMentions(f.Window(), "disk full") || f.library.state(articles.DefaultID).Saved || f.savedButton.Icon != starOutlineIcon {
		t.Error("a star that could not be saved shows as saved, or no error")
	}
}

func TestLibrarySortsFiltersAndKeepsTheSelection(t *testing.T) {
	db := openLibrary(t)
	if err := db.SetSaved("bamako", true); err != nil {
		t.Fatal(err)
	}
	r := newTestReader(t, db)
	l := r.library
	selected := -1 // the row the list selects last
	open := l.list.OnSelected
	l.list.OnSelected = func(i int) { selected = i; open(i) }
	l.list.OnUnselected = func(int) { selected = -1 }
	l.show.SetSelected(filterLabels[reader.ShowSaved])
	if len(l.rows) != 1 || l.rows[0].Article.ID != "bamako" {
		t.Fatalf("saved filter shows %d rows", len(l.rows))
	}
	if _, ok := l.row(r.Current()); ok || selected != -1 {
		t.Error("the open article is listed under Saved, or a row is selected")
	}
	l.show.SetSelected(filterLabels[reader.ShowAll])
	l.sort.SetSelected(sortLabels[reader.SortTitle])
	for i := 1; i < len(l.rows); i++ {
		if reader.Fold(l.rows[i-1].Article.Title) > reader.Fold(l.rows[i].Article.Title) {
			t.Errorf("not by title: %q before %q", l.rows[i-1].Article.Title, l.rows[i].Article.Title)
		}
	}
	if i, ok := l.row(r.Current()); !ok || selected != i {
		t.Error("the open article is not selected after sorting")
	}
	// Articles added while the app runs (an import) keep the selection.
	more := append(bundled(t), reader.Article{ID: "aaa-import", Title: "A first title", Body: "Text."})
	l.setArticles(more)
	if i, ok := l.row(r.Current()); len(l.rows) != len(more) || !ok || selected != i || l.rows[0].Article.ID != "aaa-import" {
		t.Errorf("after setArticles: %d rows, open one selected %v", len(l.rows), ok)
	}
}

func TestProgressLabel(t *testing.T) {
	now := time.Now()
	for s, want := range map[reader.ReadingState]string{
		{}: "",
		{Furthest: 425, Length: 1000, LastRead: now}:  "42 %",
		{Furthest: 0, Length: 1000, LastRead: now}:    "0 %",
		{Furthest: 1000, Length: 1000, LastRead: now}: "finished",
	} {
		if got := progressLabel(s); got != want {
			t.Errorf("progressLabel(%+v) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkLibraryList is what the library list adds to start-up with n
// articles read from the library: building the list model, sorting it by
// the default order and creating the list widget (which builds only the
// rows on screen). Reading the states from the file is
// storage.BenchmarkLibraryModel.
func BenchmarkLibraryList(b *testing.B) {
	test.NewTempApp(b)
	for _, n := range []int{100, 1_000, 10_000} {
		arts, states := readertest.Library(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				l := newLibraryList(arts, states, func(string) {})
				l.mark(arts[n/2].ID)
			}
		})
	}
}

// unreadableStates is a library one of whose reading records cannot be read.
type unreadableStates struct{ Store }

func (s unreadableStates) ReadingStates() (map[string]reader.ReadingState, []error, error) {
	states, _, err := s.Store.ReadingStates()
	return states, []error{errors.New(`the reading position of article "bamako" cannot be read`)}, err
}

func TestUnreadableReadingRecordsAreReportedNotBlocking(t *testing.T) {
	db := openLibrary(t)
	if err := db.SetSaved("gao-timbuktu", true); err != nil {
		t.Fatal(err)
	}
	r := newTestReader(t, unreadableStates{db})
	if !overlayMentions(r.Window(), `"bamako" cannot be read`) {
		t.Error("no word of the unreadable record")
	}
	if len(r.library.rows) != len(bundled(t)) || !r.library.state("gao-timbuktu").Saved || r.Current() != articles.DefaultID {
		t.Error("the library did not start with the readable states")
	}
}

// TestLibraryRowFollowsProgress: the open article's row shows how far it
// was read as that changes, though moves that leave the share read as it
// was (and only the time of reading changes) do not refill the rows.
func TestLibraryRowFollowsProgress(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	shownLabel := func() string {
		label := "(no row)"
		title := r.library.articles[mustIndex(t, r, articles.DefaultID)].Title
		walk(r.library.list, func(o fyne.CanvasObject) {
			if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 7 {
				if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == title {
					label = c.Objects[5].(*canvas.Text).Text
				}
			}
		})
		return label
	}
	if got, want := shownLabel(), progressLabel(r.library.state(articles.DefaultID)); got != want {
		t.Errorf("on opening, the row shows %q, want %q", got, want)
	}
	before := r.library.state(articles.DefaultID)
	time.Sleep(time.Millisecond)
	r.recordPosition(before, r.view.Shown()) // the same text on screen, a later time
	if after := r.library.state(articles.DefaultID); !after.LastRead.After(before.LastRead) {
		t.Errorf("the time of reading was not kept: %v, then %v", before.LastRead, after.LastRead)
	}
	r.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if got := shownLabel(); got != "finished" {
		t.Errorf("after End, the row shows %q", got)
	}
}
