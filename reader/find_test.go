package reader_test

import (
	"fmt"
	"slices"
	"testing"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// quotes are what the ranges of FindAll cut out of text.
func quotes(text string, rs []reader.Range) []string {
	runes := []rune(text)
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(runes[r.Start:r.End])
	}
	return out
}

func TestFindAll(t *testing.T) {
	for _, c := range []struct {
		text, query string
		want        []string
	}{
		{"Ménaka and MENAKA and menaka", "Menaka", []string{"Ménaka", "MENAKA", "menaka"}},
		{"Ménaka", "ménaka", []string{"Ménaka"}},
		// Decomposed text: the accent is a rune of its own, and stays with
		// its letter when the match ends there.
		{"Me\u0301naka, Se\u0301", "se", []string{"Se\u0301"}},
		{"Me\u0301naka", "menaka", []string{"Me\u0301naka"}},
		// Runes after the match keep their offsets whatever folded before.
		{"Ségou, Sévaré, Gao", "gao", []string{"Gao"}},
		{"Côte d’Ivoire", "COTE D’", []string{"Côte d’"}},
		// One rune that folds to three: a match inside it takes all of it.
		{"서울 Gao", "gao", []string{"Gao"}},
		{"서울", "\u1109", []string{"서"}},
		{"aaaa", "aa", []string{"aa", "aa"}},
		{"Gao", "", nil},
		{"Gao", "\u0301", nil}, // folds to nothing
		{"Gao", "Timbuktu", nil},
	} {
		got := quotes(c.text, reader.NewFindIndex(c.text).FindAll(c.query, 0))
		if !slices.Equal(got, c.want) {
			t.Errorf("FindAll(%q) in %q = %q, want %q", c.query, c.text, got, c.want)
		}
	}
}

func TestFindAllLimit(t *testing.T) {
	x := reader.NewFindIndex("gao gao gao gao")
	if got := x.FindAll("gao", 2); len(got) != 2 || got[1] != (reader.Range{Start: 4, End: 7}) {
		t.Errorf("FindAll with limit 2 = %v", got)
	}
}

// TestFindAllAgreesWithFold checks every match against Fold on a long
// synthetic article, whose vocabulary has accented place names.
func TestFindAllAgreesWithFold(t *testing.T) {
	doc := reader.Parse(readertest.Markdown(5000))
	runes := []rune(doc.Text)
	for _, q := range []string{"Menaka", "SEVARE", "ségou", "the", "mali"} {
		found := reader.NewFindIndex(doc.Text).FindAll(q, 0)
		if len(found) == 0 {
			t.Fatalf("no %q in the synthetic article", q)
		}
		for _, r := range found {
			if got := reader.Fold(string(runes[r.Start:r.End])); got != reader.Fold(q) {
				t.Fatalf("match %v of %q is %q", r, q, got)
			}
		}
	}
}

// BenchmarkFind measures find in article as the user meets it: "first" folds
// the text and searches (the first key typed), "next" searches an index made
// already (every key after). The query is a place name with an accent.
func BenchmarkFind(b *testing.B) {
	for _, words := range []int{1_000, 10_000, 100_000} {
		doc := reader.Parse(readertest.Markdown(words))
		b.Run(fmt.Sprintf("first/words=%d", words), func(b *testing.B) {
			for b.Loop() {
				reader.NewFindIndex(doc.Text).FindAll("Ménaka", maxBenchMatches)
			}
		})
		x := reader.NewFindIndex(doc.Text)
		b.Run(fmt.Sprintf("next/words=%d", words), func(b *testing.B) {
			for b.Loop() {
				x.FindAll("menak", maxBenchMatches)
			}
		})
	}
}

// maxBenchMatches is the cap the window's find bar uses.
const maxBenchMatches = 10_000
