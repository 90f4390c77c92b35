package anchor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"sahelreader/articles"
	"sahelreader/reader"
)

func articleText(t testing.TB, id string) string {
	t.Helper()
	a, ok := articles.ByID(id)
	if !ok {
		t.Fatalf("no article %q", id)
	}
	return a.Document().Text
}

// runeIndex is the rune offset of the nth (0-based) occurrence of sub in s.
func runeIndex(t testing.TB, s, sub string, nth int) int {
	t.Helper()
	from := 0
	for range nth {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			t.Fatalf("%q occurs fewer than %d times", sub, nth+1)
		}
		from += i + len(sub)
	}
	i := strings.Index(s[from:], sub)
	if i < 0 {
		t.Fatalf("%q occurs fewer than %d times", sub, nth+1)
	}
	return utf8.RuneCountInString(s[:from+i])
}

// within is the range of the first quote in text from the nth occurrence of at on.
func within(t testing.TB, text, at, quote string, nth int) reader.Range {
	t.Helper()
	from := runeIndex(t, text, at, nth)
	start := from + runeIndex(t, string([]rune(text)[from:]), quote, 0)
	return reader.Range{Start: start, End: start + utf8.RuneCountInString(quote)}
}

const (
	salt      = "slabs of salt from Saharan mines were traded there for gold"
	saltAt    = "river: " + salt + ", grain"
	saltPara  = "Timbuktu began as a seasonal camp"
	musaSent  = "The ruler Mansa Musa, famous for his pilgrimage to Mecca in the 1320s, is credited with ordering the Djinguereber mosque, built in earth and timber around 1327. "
	title     = "Gao and Timbuktu: the cities of the Niger bend"
	inserted  = "An added first paragraph, so that everything after it moves.\n"
	longStart = "Timbuktu began as a seasonal camp of Tuareg herders"
)

// paragraph returns the paragraph of text starting with start, without its "\n".
func paragraph(t testing.TB, text, start string) string {
	t.Helper()
	i := strings.Index(text, start)
	if i < 0 {
		t.Fatalf("no paragraph starts with %q", start)
	}
	p, _, _ := strings.Cut(text[i:], "\n")
	return p
}

func afterTitle(text, add string) string {
	return strings.Replace(text, title+"\n", title+"\n"+add, 1)
}

// TestReanchorAfterEdits edits the Gao and Timbuktu article in the ways the
// issue lists and checks where each highlight lands and how it was found.
func TestReanchorAfterEdits(t *testing.T) {
	text := articleText(t, "gao-timbuktu")
	long := paragraph(t, text, longStart)
	tests := []struct {
		name       string
		at, quote  string // the highlight: the first quote from the first occurrence of at on
		edit       func(string) string
		method     Method
		wantAt     string // where it must land: the first want from the wantNth occurrence of wantAt on
		want       string
		wantNth    int
		keepNoHash bool // drop the text hash, as for an imported annotation
	}{
		{name: "unchanged text", at: saltAt, quote: salt,
			edit: func(s string) string { return s }, method: Position, wantAt: saltAt, want: salt},
		{name: "unchanged text, no hash", at: saltAt, quote: salt, keepNoHash: true,
			edit: func(s string) string { return s }, method: Position, wantAt: saltAt, want: salt},
		{name: "text inserted before", at: saltAt, quote: salt,
			edit: func(s string) string { return afterTitle(s, inserted) }, method: Quote, wantAt: saltAt, want: salt},
		{name: "text deleted before", at: saltAt, quote: salt,
			edit:   func(s string) string { return strings.Replace(s, "Where the Niger reaches", "Where it reaches", 1) },
			method: Quote, wantAt: saltAt, want: salt},
		{name: "a word changed inside", at: saltAt, quote: salt,
			edit:   func(s string) string { return strings.Replace(s, "Saharan mines", "Sahara's mines", 1) },
			method: Fuzzy, wantAt: "river: slabs", want: "slabs of salt from Sahara's mines were traded there for gold"},
		{name: "a word changed inside and text inserted before", at: saltAt, quote: salt,
			edit: func(s string) string {
				return afterTitle(strings.Replace(s, "were traded", "was traded", 1), inserted)
			},
			method: Fuzzy, wantAt: "river: slabs", want: "slabs of salt from Saharan mines was traded there for gold"},
		{name: "passage deleted", at: saltAt, quote: salt,
			edit:   func(s string) string { return strings.Replace(s, paragraph(t, s, saltPara), "Timbuktu is old.", 1) },
			method: Orphan},
		{name: "passage duplicated elsewhere, nearer the old place", at: saltAt, quote: salt,
			edit: func(s string) string {
				return strings.Replace(s, saltPara, "Caravans: "+salt+" in every age.\n"+saltPara, 1)
			},
			method: Quote, wantAt: saltAt, want: salt},
		{name: "paragraph duplicated, same context: the nearer copy", at: saltAt, quote: salt,
			edit: func(s string) string {
				p := paragraph(t, s, saltPara)
				return afterTitle(strings.Replace(s, p, p+"\n"+p, 1), inserted)
			},
			method: Quote, wantAt: saltAt, want: salt, wantNth: 0},
		{name: "at text start", at: title, quote: "Gao and Timbuktu",
			edit:   func(s string) string { return "Updated: " + s },
			method: Quote, wantAt: title, want: "Gao and Timbuktu"},
		{name: "at text end", at: "(Africanews)", quote: "(Africanews)",
			edit:   func(s string) string { return afterTitle(s, inserted) + "\nA new last line." },
			method: Quote, wantAt: "(Africanews)", want: "(Africanews)"},
		{name: "at text end, text shortened before", at: "(Africanews)", quote: "Africanews)",
			edit: func(s string) string {
				return strings.Replace(s, paragraph(t, s, saltPara)+"\n", "", 1)
			},
			method: Quote, wantAt: "(Africanews)", want: "Africanews)"},
		{name: "single character", at: "Mansa Musa", quote: "M",
			edit:   func(s string) string { return afterTitle(s, inserted) },
			method: Quote, wantAt: "Mansa Musa", want: "M"},
		{name: "single character in a changed word", at: "Mansa Musa", quote: "s",
			edit: func(s string) string {
				return afterTitle(strings.Replace(s, "Mansa Musa", "Mansa Moussa", 1), inserted)
			},
			method: Quote, wantAt: "Mansa Moussa", want: "s"},
		{name: "white space changed inside", at: saltAt, quote: salt,
			edit:   func(s string) string { return strings.Replace(s, "slabs of salt", "slabs  of\nsalt", 1) },
			method: Fuzzy, wantAt: "river: slabs", want: "slabs  of\nsalt from Saharan mines were traded there for gold"},
		{name: "white space changed around", at: saltAt, quote: salt,
			edit: func(s string) string {
				return afterTitle(strings.Replace(s, "river: slabs", "river:\n slabs", 1), inserted)
			},
			method: Quote, wantAt: "river:\n slabs", want: salt},
		{name: "long highlight, a word changed", at: long, quote: long,
			edit:   func(s string) string { return strings.Replace(s, "twelfth century", "eleventh century", 1) },
			method: Fuzzy, wantAt: longStart, want: strings.Replace(long, "twelfth", "eleventh", 1)},
		{name: "long highlight, a sentence rewritten inside", at: long, quote: long,
			edit: func(s string) string {
				return afterTitle(strings.Replace(s, musaSent, "Later rulers built mosques in earth and timber, and the town grew rich on trade. ", 1), inserted)
			},
			method: Fuzzy, wantAt: longStart,
			want: strings.Replace(long, musaSent, "Later rulers built mosques in earth and timber, and the town grew rich on trade. ", 1)},
		{name: "long highlight deleted", at: long, quote: long,
			edit:   func(s string) string { return strings.Replace(s, long, "Timbuktu is old.", 1) },
			method: Orphan},
		{name: "short word whose sentence was deleted", at: "ordering the Djinguereber mosque", quote: "Djinguereber",
			edit:   func(s string) string { return strings.Replace(s, musaSent, "", 1) },
			method: Orphan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := reader.NewSelector(&reader.Document{Text: text}, within(t, text, tt.at, tt.quote, 0))
			if err != nil {
				t.Fatal(err)
			}
			if tt.keepNoHash {
				sel.TextHash = ""
			}
			edited := tt.edit(text)
			if edited == text && tt.method != Position {
				t.Fatal("the edit changed nothing")
			}

			got := New(&reader.Document{Text: edited}).Anchor(sel)

			var want Anchor
			if tt.method != Orphan {
				want = Anchor{within(t, edited, tt.wantAt, tt.want, tt.wantNth), tt.method}
			}
			if got != want {
				doc := &reader.Document{Text: edited}
				t.Errorf("got %v %v %q, want %v %v %q", got.Method, got.Range, doc.Slice(got.Range), want.Method, want.Range, doc.Slice(want.Range))
			}
		})
	}
}

// TestAnchorTakesItsOwnPositionFirst: the same quote elsewhere never wins
// over the stored position while the text there is unchanged.
func TestAnchorTakesItsOwnPositionFirst(t *testing.T) {
	text := "Gao. Gao. Gao."
	doc := &reader.Document{Text: text}
	sel, _ := reader.NewSelector(doc, reader.Range{Start: 5, End: 8})
	edited := &reader.Document{Text: "Gao. Gao. Gao. Gao."}
	if got := New(edited).Anchor(sel); got != (Anchor{sel.Position, Position}) {
		t.Errorf("got %+v", got)
	}
}

func TestAnchorSurvivesOddSelectors(t *testing.T) {
	doc := &reader.Document{Text: "short"}
	a := New(doc)
	for _, s := range []reader.Selector{
		{},
		{Position: reader.Range{Start: 3, End: 900}, Quote: reader.TextQuote{Exact: "hort"}},
		{Position: reader.Range{Start: -4, End: -1}, Quote: reader.TextQuote{Exact: "sho"}},
		{Position: reader.Range{Start: 0, End: 5}, Quote: reader.TextQuote{Exact: "a much longer quote than the text"}},
		{Quote: reader.TextQuote{Exact: "h\xffo"}},
		{Quote: reader.TextQuote{Exact: "hort", Prefix: strings.Repeat("s", 100)}},
	} {
		a.Anchor(s) // must not panic
	}
	if got := a.Anchor(reader.Selector{Position: reader.Range{Start: 3, End: 900}, Quote: reader.TextQuote{Exact: "hort"}}); got.Method != Quote || got.Range != (reader.Range{Start: 1, End: 5}) {
		t.Errorf("position past the end: got %+v", got)
	}
}

// TestAgreementOfUnrelatedContext measures, over every pair of occurrences
// of the same 3-8 letter word in the bundled articles, how much a stored
// quote's context agrees with another occurrence's: minAgreement must sit
// above nearly all of them, and below an edit on one side of a highlight.
func TestAgreementOfUnrelatedContext(t *testing.T) {
	all, err := articles.All()
	if err != nil {
		t.Fatal(err)
	}
	var pairs, above int
	for _, art := range all {
		doc := art.Document()
		a := New(doc)
		for _, occ := range wordOccurrences(doc.Runes()) {
			for _, s := range occ {
				sel, _ := reader.NewSelector(doc, s)
				q := newQuery(sel)
				for _, o := range occ {
					if o == s || abs(o.Start-s.Start) < 2*reader.ContextLen {
						continue // overlapping context is the same text, not another place
					}
					pairs++
					if _, agreement := a.rate(q, match{start: o.Start, end: o.End}); agreement >= minAgreement {
						above++
					}
				}
			}
		}
	}
	t.Logf("%d of %d unrelated pairs reach %.2f", above, pairs, minAgreement)
	if pairs < 1000 || above*100 > pairs {
		t.Errorf("%d of %d unrelated pairs reach minAgreement", above, pairs)
	}

	// One side of a three-letter highlight replaced: still found.
	text := articleText(t, "gao-timbuktu")
	sel, _ := reader.NewSelector(&reader.Document{Text: text}, within(t, text, "Sidi Yahia mosque", "Sidi", 0))
	edited := strings.Replace(text, "and the Sidi Yahia", "while the Sidi Yahia", 1)
	if got := New(&reader.Document{Text: afterTitle(edited, inserted)}).Anchor(sel); got.Method != Quote {
		t.Errorf("after its prefix changed: %+v", got)
	}
}

// wordOccurrences groups the ranges of words of 3 to 8 letters that occur
// more than once.
func wordOccurrences(runes []rune) [][]reader.Range {
	byWord := map[string][]reader.Range{}
	start := -1
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && (runes[i] >= 'a' && runes[i] <= 'z' || runes[i] >= 'A' && runes[i] <= 'Z') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= 3 && i-start <= 8 {
			w := string(runes[start:i])
			byWord[w] = append(byWord[w], reader.Range{Start: start, End: i})
		}
		start = -1
	}
	var groups [][]reader.Range
	for _, occ := range byWord {
		if len(occ) > 1 {
			groups = append(groups, occ)
		}
	}
	return groups
}
