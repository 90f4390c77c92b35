package docview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// testWords are the distinct words of a 20,000-word synthetic article and of
// the bundled articles, and words with accents, digits, punctuation,
// typographic quotes and dashes, other scripts, and code with spaces in it.
func testWords(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var words []string
	add := func(ws ...string) {
		for _, w := range ws {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	add(strings.Fields(reader.Parse(readertest.Markdown(20000)).Text)...)
	list, err := articles.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		add(strings.Fields(reader.Parse(a.Body).Text)...)
	}
	add(strings.Fields(`Ménaka Sévaré Ségou Tombouctou Tô Yé naïve œuvre Ærø office ﬁne AVAVA
		2023, 1,000.50 €12 ½ x² S/RES/2690 “quoted” ‘single’ l’armée «guillemets» — a—b 1–2 …
		(Gao) [Kidal] {x} e` + "\u0301" + ` Ελλάδα Москва Aβγ A1-β (ab)c ſ ﬀ ı
		soft` + "\u00ad" + `hyphen x) ΑΒ(ab) ((a)) 3.5% #1 مالي 2023مالي →✓`)...)
	add(`fmt.Println("a long line")`, "    return nil", " ", "a  b", "10\u00a0000")
	return words
}

// TestShapedWidthsEqualFyne compares the shaper with fyne.MeasureText, which
// is how Fyne measures and draws text: every word in every style, at each
// size in turn (all sizes for all words would take Fyne minutes under the
// race detector). The widths must be equal, not close: both add the same
// 26.6 fixed-point advances and convert them to float32 the same way.
func TestShapedWidthsEqualFyne(t *testing.T) {
	test.NewTempApp(t) // the default theme's fonts, as the app uses
	words := testWords(t)
	m := lockMeasurer()
	defer m.unlock()
	shaped, fallback := 0, 0
	sizes := []float32{12, 16, 21.5, 30}
	for i, w := range words {
		size := sizes[i%len(sizes)]
		for _, style := range measuredStyles {
			got, ok := m.shaper.advance(m.faceOf(style), size, w)
			if !ok {
				t.Logf("%q %+v: left to Fyne", w, style)
				fallback++
				continue
			}
			shaped++
			if want := fyne.MeasureText(w, size, style).Width; got != want {
				t.Errorf("%q %+v at %v: shaped %v wide, Fyne measures %v", w, style, size, got, want)
			}
		}
	}
	t.Logf("%d words: %d widths compared, %d left to Fyne", len(words), shaped, fallback)
	if fallback > shaped/100 {
		t.Errorf("%d of %d widths left to Fyne", fallback, shaped+fallback)
	}
}

// TestSingleRunsAsSegmenter checks the shaper's shortcut past the segmenter:
// it must split every word into the runs the segmenter finds.
func TestSingleRunsAsSegmenter(t *testing.T) {
	test.NewTempApp(t)
	m := lockMeasurer()
	defer m.unlock()
	f := m.faceOf(fyne.TextStyle{})
	var seg shaping.Segmenter
	runs := func(ins []shaping.Input) string {
		var sb strings.Builder
		for _, in := range ins {
			fmt.Fprintf(&sb, "[%d,%d) %v %v %p; ", in.RunStart, in.RunEnd, in.Direction, in.Script, in.Face)
		}
		return sb.String()
	}
	for _, w := range append(testWords(t), "", "مالي 12", "a\u0085b") {
		text := []rune(w)
		in := shaping.Input{Text: text, RunEnd: len(text), Direction: di.DirectionLTR, Face: f}
		if got, want := runs(m.shaper.runs(in)), runs(seg.Split(in, oneFace{f})); got != want {
			t.Errorf("%q: runs %s, the segmenter finds %s", w, got, want)
		}
	}
}

// TestFallsBackToFyne: text with a rune the theme's font lacks, or in a
// style whose font did not parse, is measured by Fyne, with its fallback fonts.
func TestFallsBackToFyne(t *testing.T) {
	test.NewTempApp(t)
	m := lockMeasurer()
	defer m.unlock()
	for _, style := range measuredStyles {
		for _, w := range []string{"東京", "Bamako😀", "Ménaka東"} {
			f := face{style: style, size: 16}
			if _, ok := m.shaper.advance(m.faceOf(style), f.size, w); ok {
				t.Errorf("%q %+v: shaped, though the font lacks a rune", w, style)
			}
			if got, want := m.width(&f, w), fyne.MeasureText(w, f.size, style).Width; got != want {
				t.Errorf("%q %+v: %v wide, Fyne measures %v", w, style, got, want)
			}
		}
	}

	// Fyne 2.7.1 itself cannot measure with a font that does not parse, so a
	// measurer without fonts stands in for a theme with such fonts.
	if parseFace(fyne.NewStaticResource("broken.ttf", []byte("not a font"))) != nil || parseFace(nil) != nil {
		t.Error("parsed a font out of nothing")
	}
	bare := &measurer{shaper: newShaper(), widths: map[measureKey]float32{}}
	f := face{style: fyne.TextStyle{Italic: true}, size: 16}
	if got, want := bare.width(&f, "Sévaré"), fyne.MeasureText("Sévaré", 16, f.style).Width; got != want {
		t.Errorf("without a font: %v wide, Fyne measures %v", got, want)
	}
}

// TestMeasuresWithCurrentTheme switches to Fyne's test theme, which swaps the
// fonts between styles: widths follow the theme, and still equal Fyne's.
func TestMeasuresWithCurrentTheme(t *testing.T) {
	app := test.NewTempApp(t)
	words := []string{"Ménaka", "Tombouctou,", "“Sévaré”", "AVAVA", "2023"}
	widths := func() (ws []float32) {
		m := lockMeasurer()
		defer m.unlock()
		for _, style := range measuredStyles {
			f := face{style: style, size: 16}
			for _, w := range words {
				got := m.width(&f, w)
				if want := fyne.MeasureText(w, 16, style).Width; got != want {
					t.Errorf("%q %+v is %v wide, Fyne measures %v", w, style, got, want)
				}
				ws = append(ws, got)
			}
		}
		return ws
	}
	before := widths()
	app.Settings().SetTheme(test.NewTheme())
	if after := widths(); fmt.Sprint(after) == fmt.Sprint(before) {
		t.Error("the widths did not change with the theme's fonts")
	}
}

// TestParsesFontsOnFirstUse: a layout parses the fonts of the styles it sets
// and no others, so start-up waits for no more; a style first set later, in
// a layout that measures on two goroutines, is parsed then and measures as
// Fyne draws it.
func TestParsesFontsOnFirstUse(t *testing.T) {
	test.NewTempApp(t)
	m := lockMeasurer()
	m.fonts = [len(measuredStyles)]string{} // as before the first layout: nothing parsed
	m.unlock()
	parsed := func() (styles []fyne.TextStyle) {
		m := lockMeasurer()
		defer m.unlock()
		for i, s := range measuredStyles {
			if m.parsed[i] {
				styles = append(styles, s)
			}
		}
		return styles
	}
	Layout(reader.Parse("# Gao\n\nPlain words only."), 700, Options{})
	if got, want := fmt.Sprint(parsed()), fmt.Sprint([]fyne.TextStyle{{}, {Bold: true}}); got != want {
		t.Errorf("a heading and plain text parsed the fonts of %s, want %s", got, want)
	}

	doc := reader.Parse(readertest.Markdown(20000) + "\n\n*Ségou* and `x := 1`, ***Kidal*** and **Gao**.")
	ls := Layout(doc, 640, Options{})
	if got := parsed(); len(got) != len(measuredStyles) {
		t.Errorf("after italic, bold italic and code, parsed %v", got)
	}
	for _, l := range ls.Lines[ls.blockLines[len(doc.Blocks)-1]:] {
		for _, f := range l.Frags {
			fc := ls.faces[f.face]
			if drawn := fyne.MeasureText(doc.Text[f.b0:f.b1], fc.size, fc.style).Width; drawn != f.Width {
				t.Errorf("%q %+v: laid out %v wide, drawn %v", doc.Text[f.b0:f.b1], fc.style, f.Width, drawn)
			}
		}
	}
}
