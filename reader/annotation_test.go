package reader

import (
	"strings"
	"testing"
	"time"
)

var (
	t0 = time.Date(2025, 3, 4, 5, 6, 7, 890, time.UTC)
	t1 = t0.Add(time.Hour)
)

func newTestAnnotation(t *testing.T) (Annotation, *Document) {
	t.Helper()
	doc := Parse("# Gao\n\nThe river at Gao runs north.")
	a, err := NewAnnotation("gao", doc, Range{8, 13}, Highlighting, Yellow, t0.In(time.FixedZone("WAT", 3600)))
	if err != nil {
		t.Fatal(err)
	}
	return a, doc
}

func TestNewSelectorFillsBothSelectors(t *testing.T) {
	text := strings.Repeat("a", 40) + "Ménaka" + strings.Repeat("z", 40)
	doc := Parse(text)
	tests := []struct {
		name string
		r    Range
		want TextQuote
	}{
		{"middle", Range{40, 46}, TextQuote{"Ménaka", strings.Repeat("a", 32), strings.Repeat("z", 32)}},
		{"text start", Range{0, 3}, TextQuote{"aaa", "", strings.Repeat("a", 32)}},
		{"text end", Range{84, 86}, TextQuote{"zz", strings.Repeat("z", 32), ""}},
		{"one character after a multi-byte one", Range{45, 46}, TextQuote{"a", strings.Repeat("a", 27) + "Ménak", strings.Repeat("z", 32)}},
		{"whole text", Range{0, 86}, TextQuote{text, "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSelector(doc, tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if s.Position != tt.r || s.Quote != tt.want || s.TextHash != TextHash(text) {
				t.Errorf("got %+v", s)
			}
			if err := s.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
	for _, r := range []Range{{-1, 2}, {3, 3}, {5, 2}, {80, 87}} {
		if _, err := NewSelector(doc, r); err == nil {
			t.Errorf("NewSelector(%v) accepted", r)
		}
	}
}

func TestNewAnnotation(t *testing.T) {
	a, doc := newTestAnnotation(t)
	if a.ID == "" || a.ID[14] != '4' || a.ArticleID != "gao" || a.Motivation != Highlighting || a.Color != Yellow {
		t.Errorf("got %+v", a)
	}
	if !a.Created.Equal(t0) || a.Created.Location() != time.UTC || a.Modified != a.Created {
		t.Errorf("times %v %v, want %v in UTC", a.Created, a.Modified, t0)
	}
	if a.Target.Quote.Exact != "river" || a.Note != "" || a.Tags != nil {
		t.Errorf("got %+v", a)
	}
	if b, _ := NewAnnotation("gao", doc, Range{8, 13}, Highlighting, Yellow, t0); b.ID == a.ID {
		t.Error("two annotations share an id")
	}
	bookmark, err := NewAnnotation("gao", doc, Range{8, 13}, Bookmarking, "", t0)
	if err != nil || bookmark.Color != "" {
		t.Errorf("colourless bookmark: %v", err)
	}
	if _, err := NewAnnotation("gao", doc, Range{8, 13}, Highlighting, "", t0); err == nil {
		t.Error("a highlight without colour was accepted")
	}
}

func TestEditsValidateAndTouchModified(t *testing.T) {
	a, doc := newTestAnnotation(t)
	if err := a.SetNote("**Gao** is on the *Niger*.", t1); err != nil || a.Note == "" || !a.Modified.Equal(t1) {
		t.Errorf("SetNote: %v, %+v", err, a)
	}
	if err := a.SetTags([]string{" river ", "Niger", "RIVER", "", "niger  delta"}, t1); err != nil {
		t.Fatal(err)
	}
	if want := []string{"river", "Niger", "niger delta"}; strings.Join(a.Tags, "|") != strings.Join(want, "|") {
		t.Errorf("tags %q, want %q", a.Tags, want)
	}
	if err := a.SetColor(Purple, t1); err != nil || a.Color != Purple {
		t.Errorf("SetColor: %v", err)
	}
	if err := a.Reattach(doc, Range{0, 3}, t1); err != nil || a.Target.Quote.Exact != "Gao" {
		t.Errorf("Reattach: %v %+v", err, a.Target)
	}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
	a.SetNote("clock set back", t0.Add(-time.Hour))
	if !a.Modified.Equal(a.Created) {
		t.Errorf("Modified %v went before Created %v", a.Modified, a.Created)
	}
}

func TestBadEditsChangeNothing(t *testing.T) {
	a, doc := newTestAnnotation(t)
	before := a
	tests := []struct {
		name, mention string
		edit          func() error
	}{
		{"note over 100 KB", "at most 100 KB", func() error { return a.SetNote(strings.Repeat("x", MaxNoteBytes+1), t1) }},
		{"note not UTF-8", "UTF-8", func() error { return a.SetNote("caf\xe9", t1) }},
		{"tag with a tab", "control character", func() error { return a.SetTags([]string{"ok", "a\tb"}, t1) }},
		{"tag with a line break", "control character", func() error { return a.SetTags([]string{"a\nb"}, t1) }},
		{"tag with NUL", "control character", func() error { return a.SetTags([]string{"a\x00"}, t1) }},
		{"tag too long", "at most 100", func() error { return a.SetTags([]string{strings.Repeat("é", MaxTagRunes+1)}, t1) }},
		{"unknown colour", "not one of", func() error { return a.SetColor("orange", t1) }},
		{"highlight loses colour", "not one of", func() error { return a.SetColor("", t1) }},
		{"empty range", "empty", func() error { return a.Reattach(doc, Range{2, 2}, t1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.edit()
			if err == nil || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %v, want one mentioning %q", err, tt.mention)
			}
			if a.Note != before.Note || a.Tags != nil || a.Color != before.Color || a.Target != before.Target || a.Modified != before.Modified {
				t.Errorf("annotation changed: %+v", a)
			}
		})
	}
	if err := a.SetNote(strings.Repeat("x", MaxNoteBytes), t1); err != nil {
		t.Errorf("a note of exactly 100 KB: %v", err)
	}
	if err := a.SetTags([]string{strings.Repeat("é", MaxTagRunes)}, t1); err != nil {
		t.Errorf("a tag of exactly %d characters: %v", MaxTagRunes, err)
	}
}

func TestValidateRefusesBrokenRecords(t *testing.T) {
	good, _ := newTestAnnotation(t)
	tests := []struct {
		name  string
		spoil func(a *Annotation)
	}{
		{"id not a UUID", func(a *Annotation) { a.ID = "gao-1" }},
		{"id in upper case", func(a *Annotation) { a.ID = strings.ToUpper(a.ID) }},
		{"id as URN", func(a *Annotation) { a.ID = "urn:uuid:" + a.ID }},
		{"no article", func(a *Annotation) { a.ArticleID = "" }},
		{"article with NUL", func(a *Annotation) { a.ArticleID = "gao\x00x" }},
		{"unknown motivation", func(a *Annotation) { a.Motivation = "liking" }},
		{"unclean tags", func(a *Annotation) { a.Tags = []string{"a", "A"} }},
		{"untrimmed tag", func(a *Annotation) { a.Tags = []string{" a"} }},
		{"zero created", func(a *Annotation) { a.Created = time.Time{} }},
		{"local time", func(a *Annotation) { a.Modified = a.Modified.Local().In(time.FixedZone("X", 60)) }},
		{"modified before created", func(a *Annotation) { a.Modified = a.Created.Add(-time.Second) }},
		{"quote length differs from position", func(a *Annotation) { a.Target.Position.End++ }},
		{"empty position", func(a *Annotation) { a.Target.Position = Range{3, 3} }},
		{"prefix longer than text before", func(a *Annotation) { a.Target.Quote.Prefix = "xGao\nThe " }},
		{"suffix too long", func(a *Annotation) { a.Target.Quote.Suffix = strings.Repeat("s", ContextLen+1) }},
		{"bad text hash", func(a *Annotation) { a.Target.TextHash = "ABC" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := good
			tt.spoil(&a)
			if err := a.Validate(); err == nil {
				t.Errorf("Validate accepted %+v", a)
			}
		})
	}
	noHash := good
	noHash.Target.TextHash = ""
	if err := noHash.Validate(); err != nil {
		t.Errorf("unknown text hash refused: %v", err)
	}
}
