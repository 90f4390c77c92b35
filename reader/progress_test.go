package reader

import (
	"slices"
	"testing"
	"time"
)

func TestReadingStateProgress(t *testing.T) {
	tests := []struct {
		s        ReadingState
		progress float64
		finished bool
	}{
		{ReadingState{}, 0, false},
		{ReadingState{Furthest: 250, Length: 1000}, 0.25, false},
		{ReadingState{Furthest: 1000, Length: 1000}, 1, true},
		{ReadingState{Furthest: 1200, Length: 1000}, 1, true}, // the text got shorter
		{ReadingState{Furthest: 5, Length: 0}, 0, false},
	}
	for _, tt := range tests {
		if p, f := tt.s.Progress(), tt.s.Finished(); p != tt.progress || f != tt.finished {
			t.Errorf("%+v: progress %v finished %v, want %v %v", tt.s, p, f, tt.progress, tt.finished)
		}
	}
}

func TestLibraryRows(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	arts := []Article{
		{ID: "a", Title: "Zinder", Published: day(3)},
		{ID: "b", Title: "ménaka", Published: day(1)},
		{ID: "c", Title: "Mopti", Published: day(5)},
		{ID: "d", Title: "Bamako", Published: day(2)},
	}
	states := map[string]ReadingState{
		"a": {Furthest: 10, Length: 100, LastRead: day(20)},
		"b": {Furthest: 100, Length: 100, LastRead: day(21), Saved: true},
		"c": {Saved: true}, // starred, never opened
	}
	ids := func(rows []LibraryEntry) []string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Article.ID)
		}
		return s
	}
	tests := []struct {
		filter LibraryFilter
		sort   LibrarySort
		want   []string
	}{
		{ShowAll, SortRecent, []string{"b", "a", "c", "d"}},
		{ShowAll, SortTitle, []string{"d", "b", "c", "a"}}, // "ménaka" between Bamako and Mopti
		{ShowAll, SortDate, []string{"c", "a", "d", "b"}},
		{ShowAll, SortProgress, []string{"b", "a", "c", "d"}},
		{ShowUnread, SortTitle, []string{"d", "c"}},
		{ShowInProgress, SortTitle, []string{"a"}},
		{ShowFinished, SortTitle, []string{"b"}},
		{ShowSaved, SortDate, []string{"c", "b"}},
	}
	for _, tt := range tests {
		if got := ids(LibraryRows(arts, states, tt.filter, tt.sort)); !slices.Equal(got, tt.want) {
			t.Errorf("filter %d sort %d: %v, want %v", tt.filter, tt.sort, got, tt.want)
		}
	}
	if rows := LibraryRows(arts, states, ShowAll, SortTitle); rows[1].State != states["b"] || rows[0].State != (ReadingState{}) {
		t.Errorf("rows do not carry their states: %+v", rows)
	}
	if arts[0].ID != "a" {
		t.Error("LibraryRows reordered its input")
	}
}

func TestBookmarkRange(t *testing.T) {
	doc := Parse("# Gao\n\nThe river at Gao runs north past the old town and its port, where boats leave for Timbuktu.\n\n---\n\nEnd.")
	text := []rune(doc.Text)
	tests := []struct {
		offset int
		want   string
	}{
		{0, "Gao"},
		{3, "The river at Gao runs north past the old town"}, // from the separator to the next block, cut at a word
		{8, "river at Gao runs north past the old town and"},
		{len(text) - 2, "d."},
	}
	for _, tt := range tests {
		r, ok := BookmarkRange(doc, tt.offset)
		if got := string(text[r.Start:r.End]); !ok || got != tt.want {
			t.Errorf("BookmarkRange(%d) = %q %v, want %q", tt.offset, got, ok, tt.want)
		}
	}
	if _, ok := BookmarkRange(Parse(""), 0); ok {
		t.Error("an empty document has a bookmark range")
	}
}
