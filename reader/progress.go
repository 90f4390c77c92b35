package reader

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// ReadingState is what the reader remembers of one article between runs:
// where the view was, how far the reader got, when, and whether they saved
// the article. The zero value is an article never opened and not saved.
type ReadingState struct {
	// Top is the rune offset of the text at the top of the view, where the
	// article opens again.
	Top int
	// Furthest is the furthest rune offset that has been on screen (the
	// bottom of the view), and Length the text's length in runes when it
	// was recorded: their ratio is the progress, even after the text changed.
	Furthest, Length int
	// LastRead is when the article was last open; zero if never.
	LastRead time.Time
	// Saved is the article-level star.
	Saved bool
}

// Opened reports whether the article was ever open in the reader.
func (s ReadingState) Opened() bool { return !s.LastRead.IsZero() }

// Progress is the share of the text read, 0 to 1.
func (s ReadingState) Progress() float64 {
	if s.Length <= 0 {
		return 0
	}
	return min(1, max(0, float64(s.Furthest)/float64(s.Length)))
}

// Finished reports whether the end of the text has been on screen.
func (s ReadingState) Finished() bool { return s.Length > 0 && s.Furthest >= s.Length }

// LibrarySort orders the library list.
type LibrarySort int

const (
	SortRecent   LibrarySort = iota // last read first; never-read ones after, newest published first
	SortTitle                       // by title, folded (case and accents ignored)
	SortDate                        // newest published first
	SortProgress                    // furthest read first; finished ones first of all
)

// LibrarySortName is an order and its name, which the library file keeps.
type LibrarySortName struct {
	Sort LibrarySort
	Name string
}

// LibrarySorts names the orders in the order a menu lists them.
var LibrarySorts = []LibrarySortName{{SortRecent, "Recent"}, {SortTitle, "Title"}, {SortDate, "Date"}, {SortProgress, "Progress"}}

// LibraryFilter chooses which articles the library list shows.
type LibraryFilter int

const (
	ShowAll        LibraryFilter = iota
	ShowUnread                   // never opened
	ShowInProgress               // opened, not finished
	ShowFinished
	ShowSaved
)

// LibraryFilterName is a filter and its name, which the library file keeps.
type LibraryFilterName struct {
	Filter LibraryFilter
	Name   string
}

// LibraryFilters names the filters in the order a menu lists them.
var LibraryFilters = []LibraryFilterName{{ShowAll, "All"}, {ShowUnread, "Unread"}, {ShowInProgress, "In progress"}, {ShowFinished, "Finished"}, {ShowSaved, "Saved"}}

// Keep reports whether an article in state s passes filter f.
func (f LibraryFilter) Keep(s ReadingState) bool {
	switch f {
	case ShowUnread:
		return !s.Opened()
	case ShowInProgress:
		return s.Opened() && !s.Finished()
	case ShowFinished:
		return s.Finished()
	case ShowSaved:
		return s.Saved
	}
	return true
}

// LibraryEntry is one row of the library list.
type LibraryEntry struct {
	Article *Article
	State   ReadingState
}

// LibraryRows is the library list's model: the articles that pass filter,
// each with its state (the zero state when states has none), in the order
// sort gives. Ties fall back to the articles' order in arts, so the list
// never shuffles. arts is not changed.
func LibraryRows(arts []Article, states map[string]ReadingState, filter LibraryFilter, sort LibrarySort) []LibraryEntry {
	rows := make([]LibraryEntry, 0, len(arts))
	for i := range arts {
		s := states[arts[i].ID]
		if filter.Keep(s) {
			rows = append(rows, LibraryEntry{&arts[i], s})
		}
	}
	var by func(a, b LibraryEntry) int
	switch sort {
	case SortRecent:
		by = func(a, b LibraryEntry) int {
			return cmp.Or(b.State.LastRead.Compare(a.State.LastRead), b.Article.Published.Compare(a.Article.Published))
		}
	case SortTitle:
		// Fold each title once, not once per comparison.
		type titled struct {
			key string
			e   LibraryEntry
		}
		keyed := make([]titled, len(rows))
		for i, r := range rows {
			keyed[i] = titled{Fold(r.Article.Title), r}
		}
		slices.SortStableFunc(keyed, func(a, b titled) int { return strings.Compare(a.key, b.key) })
		for i := range keyed {
			rows[i] = keyed[i].e
		}
	case SortDate:
		by = func(a, b LibraryEntry) int { return b.Article.Published.Compare(a.Article.Published) }
	case SortProgress:
		by = func(a, b LibraryEntry) int {
			return cmp.Or(cmp.Compare(b.State.Progress(), a.State.Progress()), b.State.LastRead.Compare(a.State.LastRead))
		}
	}
	if by != nil {
		slices.SortStableFunc(rows, by)
	}
	return rows
}
