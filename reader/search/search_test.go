package search

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sahelreader/reader"
)

var when = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func article(id, title, body string) reader.Article {
	return reader.Article{ID: id, Title: title, Body: body, Published: when}
}

func library() []reader.Article {
	return []reader.Article{
		article("menaka", "Ménaka in the east", "The town of MÉNAKA lies east of Gao. Peacekeepers left in 2023."),
		article("un", "The United Nations", "The United Nations Security Council ended the mission. Nations united rarely."),
		article("gao", "Gao and Timbuktu", "Timbuktu is on the Niger. The tomb of Askia stands in Gao.\n\nMe\u0301naka is further east."),
		article("mopti", "Mopti", "Mopti sits where the Bani meets the Niger. Gao, gao and gao again."),
	}
}

func note(t *testing.T, articleID, text string, r reader.Range, tags ...string) reader.Annotation {
	t.Helper()
	var art reader.Article
	for _, a := range library() {
		if a.ID == articleID {
			art = a
		}
	}
	a, err := reader.NewAnnotation(articleID, art.Document(), r, reader.Highlighting, reader.Yellow, when)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetNote(text, when); err != nil {
		t.Fatal(err)
	}
	if err := a.SetTags(tags, when); err != nil {
		t.Fatal(err)
	}
	return a
}

func ids(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ArticleID)
	}
	return out
}

// matchedText is what each match's range covers in its article.
func matchedText(t *testing.T, x *Index, r Result) []string {
	t.Helper()
	var doc *reader.Document
	for _, a := range library() {
		if a.ID == r.ArticleID {
			doc = a.Document()
		}
	}
	var out []string
	for _, m := range r.Matches {
		out = append(out, doc.Slice(m.Range))
		// the snippet highlights the same text
		found := false
		for _, s := range m.Snippet.Spans {
			if string([]rune(m.Snippet.Text)[s.Start:s.End]) == doc.Slice(m.Range) {
				found = true
			}
		}
		if !found {
			t.Errorf("snippet %q does not highlight %q", m.Snippet.Text, doc.Slice(m.Range))
		}
	}
	return out
}

func TestCaseAndDiacriticsFold(t *testing.T) {
	x := Build(library(), nil)
	for _, q := range []string{"menaka ", "MENAKA ", "Ménaka ", "méNÂka "} {
		got := x.Search(q, 10)
		if !slices.Equal(ids(got), []string{"menaka", "gao"}) {
			t.Errorf("%q found %v", q, ids(got))
		}
	}
	got := x.Search("menaka ", 10)
	if m := matchedText(t, x, got[0]); !slices.Equal(m, []string{"MÉNAKA"}) {
		t.Errorf("matches in menaka: %q", m)
	}
	// a decomposed é: the match covers the letter and its combining accent
	if m := matchedText(t, x, got[1]); !slices.Equal(m, []string{"Me\u0301naka"}) {
		t.Errorf("matches in gao: %q", m)
	}
}

func TestPhrases(t *testing.T) {
	x := Build(library(), nil)
	got := x.Search(`"united nations" `, 10)
	if !slices.Equal(ids(got), []string{"un"}) {
		t.Fatalf("found %v", ids(got))
	}
	// the title's phrase and the text's; "Nations united" is not the phrase
	if got[0].Count != 2 {
		t.Errorf("count = %d, want 2", got[0].Count)
	}
	if m := matchedText(t, x, got[0]); !slices.Equal(m, []string{"United Nations"}) {
		t.Errorf("matches %q", m)
	}
	if got := x.Search(`"nations security council" `, 10); !slices.Equal(ids(got), []string{"un"}) {
		t.Errorf("three-word phrase found %v", ids(got))
	}
	if got := x.Search(`"united security" `, 10); len(got) != 0 {
		t.Errorf("words apart matched as a phrase: %v", ids(got))
	}
	// every word and phrase must match
	if got := x.Search(`"the niger" askia `, 10); !slices.Equal(ids(got), []string{"gao"}) {
		t.Errorf("phrase and word found %v", ids(got))
	}
}

func TestPrefixWhileTyping(t *testing.T) {
	x := Build(library(), nil)
	for q, want := range map[string][]string{
		"timb":             {"gao"},
		"timb ":            nil, // a finished word is a whole word
		"niger tom":        {"gao"},
		`"the tomb of as`:  {"gao"},
		`"the tomb of as"`: nil,
		"peacek":           {"menaka"},
		"":                 nil,
		"  ":               nil,
		`"`:                nil,
		"--":               nil,
	} {
		if got := ids(x.Search(q, 10)); !slices.Equal(got, want) {
			t.Errorf("%q found %v, want %v", q, got, want)
		}
	}
	got := x.Search("timb", 10)
	if m := matchedText(t, x, got[0]); !slices.Equal(m, []string{"Timbuktu"}) {
		t.Errorf("prefix matched %q", m)
	}
}

func TestRankingWeighsTitles(t *testing.T) {
	x := Build(library(), nil)
	// Gao has "gao" in its title and once in its text; Mopti three times in
	// its text, which would win if titles weighed as much as text.
	got := x.Search("gao ", 10)
	if len(got) < 3 || got[0].ArticleID != "gao" {
		t.Fatalf("order %v", ids(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("not sorted by score: %v", got)
		}
	}
	if got := x.Search("gao ", 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d results", len(got))
	}
	// title matches make snippets only when the text has none
	for _, m := range got[0].Matches {
		if m.Start == 0 {
			t.Errorf("a title match among the text's: %+v", m)
		}
	}
}

func TestNotesAndTags(t *testing.T) {
	ann := note(t, "mopti", "Where the rivers meet: ask about the ferry", reader.Range{Start: 6, End: 11}, "Rivers", "to check")
	x := Build(library(), []reader.Annotation{ann})
	got := x.Search("ferry", 10)
	if len(got) != 1 || got[0].ArticleID != "mopti" || got[0].Title != "Mopti" || len(got[0].Notes) != 1 {
		t.Fatalf("got %+v", got)
	}
	n := got[0].Notes[0]
	if n.Annotation.ID != ann.ID || n.Annotation.Target.Position != ann.Target.Position {
		t.Errorf("note hit %+v", n.Annotation)
	}
	sn := []rune(n.Snippet.Text)
	if len(n.Snippet.Spans) != 1 || string(sn[n.Snippet.Spans[0].Start:n.Snippet.Spans[0].End]) != "ferry" {
		t.Errorf("note snippet %q spans %v", n.Snippet.Text, n.Snippet.Spans)
	}
	if len(got[0].Matches) != 0 {
		t.Errorf("the article's text has no ferry, got %v", got[0].Matches)
	}
	// tags; the note and the text together meet every clause of no document
	if got := x.Search("#rivers", 10); len(got) != 1 || len(got[0].Notes) != 1 {
		t.Errorf("tag search: %+v", got)
	}
	if got := x.Search(`"to check"`, 10); len(got) != 1 {
		t.Errorf("tag phrase: %+v", got)
	}
	// a word in both the article and a note: one result with both
	ann2 := note(t, "mopti", "The Bani floods in September", reader.Range{Start: 6, End: 11})
	x.PutAnnotation(ann2)
	got = x.Search("bani", 10)
	if len(got) != 1 || len(got[0].Matches) != 1 || len(got[0].Notes) != 1 {
		t.Errorf("bani: %+v", got)
	}

	// edit, then delete
	if err := ann.SetNote("ask about the pirogue", when); err != nil {
		t.Fatal(err)
	}
	x.PutAnnotation(ann)
	if got := x.Search("ferry", 10); len(got) != 0 {
		t.Errorf("the old note is still found: %+v", got)
	}
	if got := x.Search("pirogue", 10); len(got) != 1 {
		t.Errorf("the edited note is not found: %+v", got)
	}
	x.RemoveAnnotation(ann.ID)
	if got := x.Search("pirogue", 10); len(got) != 0 {
		t.Errorf("a deleted note is found: %+v", got)
	}
	// a note and its tags emptied: gone from the index
	if err := ann2.SetNote("", when); err != nil {
		t.Fatal(err)
	}
	x.PutAnnotation(ann2)
	if got := x.Search("september", 10); len(got) != 0 {
		t.Errorf("an emptied note is found: %+v", got)
	}
}

func TestPutAndRemoveArticles(t *testing.T) {
	x := Build(library(), nil)
	ann := note(t, "mopti", "ferry", reader.Range{Start: 6, End: 11})
	x.PutAnnotation(ann)
	before := x.Len()

	edited := article("mopti", "Mopti, Venice of Mali", "Mopti sits on the Bani.")
	x.PutArticle(edited)
	if x.Len() != before {
		t.Errorf("replacing an article changed the count: %d -> %d", before, x.Len())
	}
	if got := x.Search("venice", 10); !slices.Equal(ids(got), []string{"mopti"}) || got[0].Title != edited.Title {
		t.Errorf("edited title: %+v", got)
	}
	if got := x.Search("meets", 10); len(got) != 0 {
		t.Errorf("old text still found: %v", ids(got))
	}
	x.PutArticle(article("kidal", "Kidal", "Kidal is in the north."))
	if got := x.Search("kidal", 10); !slices.Equal(ids(got), []string{"kidal"}) {
		t.Errorf("new article: %v", ids(got))
	}
	x.RemoveArticle("mopti")
	for _, q := range []string{"venice", "ferry"} {
		if got := x.Search(q, 10); len(got) != 0 {
			t.Errorf("%q found in a deleted article or its notes: %v", q, ids(got))
		}
	}
	if x.Len() != before-1 { // +kidal, -mopti, -its note
		t.Errorf("count after remove = %d, want %d", x.Len(), before-1)
	}
	x.RemoveArticle("no-such-article")
	x.RemoveAnnotation("no-such-note")
}

// TestManyEditsCompact edits one article far more times than the index
// keeps dead documents, then checks that searches still see only the last
// version and that the index did not grow with every edit.
func TestManyEditsCompact(t *testing.T) {
	x := Build(library(), nil)
	for i := range 2000 {
		x.PutArticle(article("mopti", "Mopti", strings.Repeat("version ", i%5+1)+"final"))
	}
	if got := x.Search("version final", 10); !slices.Equal(ids(got), []string{"mopti"}) || got[0].Count != 1 {
		t.Errorf("after edits: %+v", got)
	}
	if got := x.Search("bani", 10); len(got) != 0 {
		t.Errorf("first version still found: %v", ids(got))
	}
	x.mu.Lock()
	docs := len(x.docs)
	x.mu.Unlock()
	if docs > 600 {
		t.Errorf("%d document slots for %d live documents: no compaction", docs, x.Len())
	}
}

func TestSnippetsCutAtWordsAndShowContext(t *testing.T) {
	body := strings.Repeat("alpha beta gamma delta ", 20) + "the needle is here " + strings.Repeat("epsilon zeta eta theta ", 20)
	x := Build([]reader.Article{article("long", "Long", body)}, nil)
	got := x.Search("needle", 10)
	if len(got) != 1 || len(got[0].Matches) != 1 {
		t.Fatalf("got %+v", got)
	}
	s := got[0].Matches[0].Snippet
	if !strings.HasPrefix(s.Text, "…") || !strings.HasSuffix(s.Text, "…") {
		t.Errorf("snippet %q should be cut at both ends", s.Text)
	}
	for _, w := range strings.Fields(strings.Trim(s.Text, "…")) {
		if !slices.Contains([]string{"alpha", "beta", "gamma", "delta", "the", "needle", "is", "here", "epsilon", "zeta", "eta", "theta"}, w) {
			t.Errorf("snippet %q cuts a word: %q", s.Text, w)
		}
	}
	if n := len([]rune(s.Text)); n > contextBefore+contextAfter+len("needle")+2 {
		t.Errorf("snippet of %d runes", n)
	}
	// many matches give at most MaxMatches snippets, Count says how many
	x.PutArticle(article("many", "Many", strings.Repeat("needle "+strings.Repeat("hay ", 40), 10)))
	got = x.Search("needle", 10)
	for _, r := range got {
		if r.ArticleID == "many" && (len(r.Matches) != MaxMatches || r.Count != 10) {
			t.Errorf("many: %d snippets, count %d", len(r.Matches), r.Count)
		}
	}
}

func TestTokenize(t *testing.T) {
	type tok struct {
		term       string
		start, end int
	}
	var got []tok
	tokenize("L'ONU à Kidal, 2023—Ségou!", func(term []byte, s, e, _ int) bool {
		got = append(got, tok{string(term), s, e})
		return true
	})
	want := []tok{{"l", 0, 1}, {"onu", 2, 5}, {"a", 6, 7}, {"kidal", 8, 13}, {"2023", 15, 19}, {"segou", 20, 25}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, s := range []string{"Ménaka", "İstanbul", "STRAßE", "Ǆemal", "ﬁne"} {
		if j := strings.Join(terms(s), ""); j != strings.ReplaceAll(reader.Fold(s), " ", "") {
			t.Errorf("terms(%q) = %q, reader.Fold gives %q", s, j, reader.Fold(s))
		}
	}
}

func TestArticleTags(t *testing.T) {
	mopti := article("mopti", "Mopti", "Mopti sits where the Bani meets the Niger.")
	mopti.Tags = []string{"Inner delta", "rivers"}
	x := Build(append(library()[:3], mopti), nil)
	got := x.Search(`"inner delta"`, 10)
	if len(got) != 1 || got[0].ArticleID != "mopti" || got[0].Tags == nil || len(got[0].Matches) != 0 {
		t.Fatalf("tag search: %+v", got)
	}
	if s := got[0].Tags; s.Text != "#Inner delta #rivers" || len(s.Spans) != 1 || string([]rune(s.Text)[s.Spans[0].Start:s.Spans[0].End]) != "Inner delta" {
		t.Errorf("tags snippet %+v", s)
	}
	// an edit that drops the tags drops them from the index
	mopti.Tags = nil
	x.PutArticle(mopti)
	if got := x.Search("rivers", 10); len(got) != 0 {
		t.Errorf("dropped tags still found: %v", ids(got))
	}
	mopti.Tags = []string{"rivers"}
	x.PutArticle(mopti)
	x.RemoveArticle("mopti")
	if got := x.Search("rivers", 10); len(got) != 0 {
		t.Errorf("a deleted article's tags are found: %v", ids(got))
	}
}

// TestConcurrentUse searches while notes are written, as the window does
// (searches off the UI goroutine, edits on it); run with -race.
func TestConcurrentUse(t *testing.T) {
	x := Build(library(), nil)
	notes := make([]reader.Annotation, 200)
	for i := range notes {
		notes[i] = note(t, "mopti", "ferry "+strings.Repeat("x", i%7), reader.Range{Start: 6, End: 11})
	}
	done := make(chan bool)
	go func() {
		for _, n := range notes {
			x.PutAnnotation(n)
		}
		close(done)
	}()
	for {
		select {
		case <-done:
			if got := x.Search("ferry", 5); len(got) != 1 || len(got[0].Notes) != MaxNotes {
				t.Errorf("after the writes: %+v", got)
			}
			return
		default:
			x.Search("ferry gao", 5)
		}
	}
}
