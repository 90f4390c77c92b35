package docview

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

// sample has every kind of block the view sets, with wrapping lines in each.
const sample = "# The end of MINUSMA in Mali\n\n" +
	"The UN **Multidimensional Integrated Stabilization Mission** in Mali (*MINUSMA*) closed in " +
	"December 2023, after ten years in ***Gao, Timbuktu and Mopti***. Read the " +
	"[Security Council resolution](https://www.un.org/securitycouncil/) and the `S/RES/2690` text. " +
	"Aloooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooongword AVAVA Tô Yé.\n\n" +
	"## Handover of camps\n\n" +
	"- Ber and Goundam in the north\n" +
	"- Tessalit, Aguelhok and Kidal, where the handover was contested by armed groups\n" +
	"  - nested: Anefis and the road to the Algerian border\n" +
	"- Ogossagou\n\n" +
	"1. First step\n2. Second step with a longer text that wraps onto a second line\n\n" +
	"> The withdrawal was completed on schedule, but the security vacuum it left is a concern.\n" +
	">\n> A second paragraph of the same quote, with ~~struck~~ words.\n\n" +
	"### Figures\n\n" +
	"| Region | Camps | Status |\n|---|---|---|\n" +
	"| Gao | 3 | closed in December |\n" +
	"| Kidal | 3 | closed early under fire, equipment destroyed before the convoy left |\n\n" +
	"```\nfunc main() {\n\tfmt.Println(\"a long line of code that cannot fit in a narrow column and wraps\")\n}\n```\n\n" +
	"---\n\n" +
	"Final paragraph after the rule: Ségou, Sévaré, Tombouctou.\n"

// handMade is a document built without the parser: a heading, then a
// paragraph with bold, italic and a link run, then a hard line break.
func handMade() *reader.Document {
	heading := "Gao and Timbuktu"
	para := "Peacekeepers left " + "the camps" + " near the " + "river" + " before the rainy season came.\nA new line."
	text := heading + "\n" + para
	h := reader.Block{Kind: reader.Heading, Level: 2, Range: reader.Range{Start: 0, End: 16}}
	h.Runs = []reader.Run{{Range: h.Range}}
	p := reader.Block{Kind: reader.Paragraph, Range: reader.Range{Start: 17, End: len([]rune(text))}}
	p.Runs = []reader.Run{
		{Range: reader.Range{Start: 17, End: 35}},
		{Range: reader.Range{Start: 35, End: 44}, Style: reader.Bold},
		{Range: reader.Range{Start: 44, End: 54}, Style: reader.Italic},
		{Range: reader.Range{Start: 54, End: 59}, Style: reader.Link, URL: "https://example.org/niger"},
		{Range: reader.Range{Start: 59, End: p.End}},
	}
	return &reader.Document{Text: text, Blocks: []reader.Block{h, p}}
}

func TestHandMadeDocument(t *testing.T) {
	test.NewTempApp(t)
	doc := handMade()
	if got := doc.Slice(doc.Blocks[1].Runs[3].Range); got != "river" {
		t.Fatalf("fixture link run reads %q", got)
	}
	ls := Layout(doc, 700, Options{})
	checkLines(t, ls, 700)
	// The hard break ends a line: "A new line." starts one.
	last := ls.Lines[len(ls.Lines)-1]
	if got := doc.Slice(last.Range); got != "A new line." {
		t.Errorf("last line = %q, want the text after the hard break", got)
	}
	var styles []reader.Style
	for _, l := range ls.Lines[ls.blockLines[1]:] {
		for _, f := range l.Frags {
			styles = append(styles, f.Style)
		}
	}
	if fmt.Sprint(styles[:5]) != fmt.Sprint([]reader.Style{0, reader.Bold, reader.Italic, reader.Link, 0}) {
		t.Errorf("frag styles = %v", styles)
	}
}

// checkLines checks what every layout must hold: lines top to bottom without
// overlap, each block's lines partitioning its range (tables excepted), and
// pieces inside the column except spaces hanging at a wrap.
func checkLines(t *testing.T, ls *Lines, width float32) {
	t.Helper()
	doc := ls.doc
	for i := 1; i < len(ls.Lines); i++ {
		if ls.Lines[i].Y < ls.Lines[i-1].Y+ls.Lines[i-1].Height {
			t.Fatalf("line %d at y=%v overlaps the line above ending at %v", i, ls.Lines[i].Y, ls.Lines[i-1].Y+ls.Lines[i-1].Height)
		}
	}
	if ls.Height > 0 && ls.Lines[len(ls.Lines)-1].Y+ls.Lines[len(ls.Lines)-1].Height > ls.Height {
		t.Errorf("content height %v is less than the last line's bottom", ls.Height)
	}
	for b, blk := range doc.Blocks {
		lines := ls.Lines[ls.blockLines[b]:ls.blockLines[b+1]]
		if len(lines) == 0 {
			t.Fatalf("block %d has no line", b)
		}
		if lines[0].Start != blk.Start || lines[len(lines)-1].End != blk.End {
			t.Errorf("block %d %v: lines span %d..%d", b, blk.Range, lines[0].Start, lines[len(lines)-1].End)
		}
		for i, l := range lines {
			if blk.Kind != reader.TableRow && i > 0 && l.Start != lines[i-1].End {
				t.Errorf("block %d: line %d starts at %d, the line before ends at %d", b, i, l.Start, lines[i-1].End)
			}
			for k, f := range l.Frags {
				if f.X < 0 || f.X+f.Width > width-sideMargin*DefaultTextSize+0.01 {
					t.Errorf("block %d line %d: %q at x %v..%v outside the column", b, i, doc.Slice(f.Range), f.X, f.X+f.Width)
				}
				if k > 0 && f.X < l.Frags[k-1].X+l.Frags[k-1].Width-0.01 {
					t.Errorf("block %d line %d: pieces overlap", b, i)
				}
				if f.Start < l.Start || f.End > l.End {
					t.Errorf("block %d line %d: piece %v outside line %v", b, i, f.Range, l.Range)
				}
			}
		}
	}
}

func TestLayoutWrapsAndRewrapsNarrower(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	prev := 0
	for _, width := range []float32{900, 700, 500, 320, 200} {
		ls := Layout(doc, width, Options{})
		checkLines(t, ls, width)
		if len(ls.Lines) < prev {
			t.Errorf("width %v: %d lines, fewer than %d at a wider width", width, len(ls.Lines), prev)
		}
		prev = len(ls.Lines)
	}
	wide, narrow := Layout(doc, 900, Options{}), Layout(doc, 320, Options{})
	if len(narrow.Lines) <= len(wide.Lines)+5 {
		t.Errorf("320 units wide: %d lines, 900 wide: %d; narrower should wrap more", len(narrow.Lines), len(wide.Lines))
	}
}

func TestColumnIsCentredAndBounded(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	for _, tc := range []struct {
		width, size, wantCol float32
	}{
		{1400, 16, 700}, {1400, 24, 1050}, {600, 16, 600 - 2*sideMargin*16},
	} {
		ls := Layout(doc, tc.width, Options{TextSize: tc.size})
		first := ls.Lines[ls.blockLines[1]] // the first paragraph
		left := first.X
		if want := float32(math.Round(float64((tc.width - tc.wantCol) / 2))); left != want {
			t.Errorf("width %v size %v: column starts at %v, want %v", tc.width, tc.size, left, want)
		}
		var right float32
		for _, f := range first.Frags {
			right = max(right, f.X+f.Width)
		}
		if right > left+tc.wantCol || right < left+tc.wantCol*0.85 {
			t.Errorf("width %v size %v: first line ends at %v, column is %v..%v", tc.width, tc.size, right, left, left+tc.wantCol)
		}
	}
}

func TestHeadingsListsQuotesTablesCode(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	ls := Layout(doc, 700, Options{})
	faceOf := func(b int) face {
		return ls.faces[ls.Lines[ls.blockLines[b]].Frags[0].face]
	}
	byKind := func(kind reader.BlockKind, pred func(reader.Block) bool) int {
		for b, blk := range doc.Blocks {
			if blk.Kind == kind && (pred == nil || pred(blk)) {
				return b
			}
		}
		t.Fatalf("no block of kind %v", kind)
		return -1
	}
	level := func(n int) func(reader.Block) bool { return func(b reader.Block) bool { return b.Level == n } }
	h1, h2, h3 := faceOf(byKind(reader.Heading, level(1))), faceOf(byKind(reader.Heading, level(2))), faceOf(byKind(reader.Heading, level(3)))
	body := faceOf(byKind(reader.Paragraph, nil))
	if !(h1.size > h2.size && h2.size > h3.size && h3.size > body.size) || !h1.style.Bold || !h3.style.Bold || body.style.Bold {
		t.Errorf("heading faces h1 %v, h2 %v, h3 %v, body %v", h1, h2, h3, body)
	}

	// A nested item sits further right than its parent, and its bullet hangs left of it.
	item := byKind(reader.ListItem, func(b reader.Block) bool { return b.ListDepth == 1 })
	nested := byKind(reader.ListItem, func(b reader.Block) bool { return b.ListDepth == 2 })
	if ls.Lines[ls.blockLines[nested]].X <= ls.Lines[ls.blockLines[item]].X {
		t.Error("a nested list item is not indented more than its parent")
	}
	for _, b := range []int{item, nested, byKind(reader.ListItem, func(b reader.Block) bool { return b.Ordered })} {
		markers := 0
		for _, d := range ls.decos[ls.blockDecos[b]:ls.blockDecos[b+1]] {
			if d.text != "" {
				markers++
				if d.x+d.w > ls.Lines[ls.blockLines[b]].X {
					t.Errorf("marker %q of block %d overlaps its text", d.text, b)
				}
			}
		}
		if markers != 1 {
			t.Errorf("block %d has %d markers, want 1", b, markers)
		}
	}

	quote := byKind(reader.Paragraph, func(b reader.Block) bool { return b.QuoteDepth == 1 })
	if ls.Lines[ls.blockLines[quote]].X <= body.size {
		t.Error("quote not indented")
	}
	bars := 0
	for _, d := range ls.decos[ls.blockDecos[quote]:ls.blockDecos[quote+1]] {
		if d.role == roleQuoteBar {
			bars++
			// The bar reaches the next paragraph of the same quote.
			if next := ls.Lines[ls.blockLines[quote+1]]; d.y+d.h != next.Y {
				t.Errorf("quote bar ends at %v, the quote's next paragraph starts at %v", d.y+d.h, next.Y)
			}
		}
	}
	if bars != 1 {
		t.Errorf("quoted paragraph has %d bars", bars)
	}

	// Table columns line up, the header is bold, cells are laid out in order.
	var rows []int
	for b, blk := range doc.Blocks {
		if blk.Kind == reader.TableRow {
			rows = append(rows, b)
		}
	}
	for c := 0; c < 3; c++ {
		var xs []float32
		for _, b := range rows {
			cell := doc.Blocks[b].Cells[c]
			for _, l := range ls.Lines[ls.blockLines[b]:ls.blockLines[b+1]] {
				for _, f := range l.Frags {
					if f.Start == cell.Start {
						xs = append(xs, f.X)
					}
				}
			}
		}
		if len(xs) != len(rows) {
			t.Fatalf("column %d: found %d cell starts in %d rows", c, len(xs), len(rows))
		}
		for _, x := range xs {
			if x != xs[0] {
				t.Errorf("column %d starts at %v", c, xs)
			}
		}
	}
	if !faceOf(rows[0]).style.Bold || faceOf(rows[1]).style.Bold {
		t.Error("header row must be bold, body rows not")
	}

	// The code block keeps its text: lines wrap at characters, and the pieces
	// read back as the code less tabs and newlines.
	narrow := Layout(doc, 360, Options{})
	code := byKind(reader.CodeBlock, nil)
	var got strings.Builder
	lines := narrow.Lines[narrow.blockLines[code]:narrow.blockLines[code+1]]
	for _, l := range lines {
		for _, f := range l.Frags {
			got.WriteString(doc.Slice(f.Range))
		}
	}
	want := strings.NewReplacer("\t", "", "\n", "").Replace(doc.Slice(doc.Blocks[code].Range))
	if got.String() != want {
		t.Errorf("code pieces read %q, want %q", got.String(), want)
	}
	if len(lines) <= strings.Count(doc.Slice(doc.Blocks[code].Range), "\n")+1 {
		t.Error("the long code line did not wrap")
	}
	if !narrow.faces[lines[0].Frags[0].face].style.Monospace {
		t.Error("code is not monospace")
	}
}

// TestFragWidthsMatchDrawnText checks the assumption the layout rests on:
// a piece drawn as one string is as wide as its measured words and spaces.
func TestFragWidthsMatchDrawnText(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample + "\n" + readertest.Markdown(600))
	for _, size := range []float32{13, 16, 21} {
		ls := Layout(doc, 640, Options{TextSize: size})
		for _, l := range ls.Lines {
			for _, f := range l.Frags {
				fc := ls.faces[f.face]
				drawn := fyne.MeasureText(doc.Text[f.b0:f.b1], fc.size, fc.style).Width
				if math.Abs(float64(drawn-f.Width)) > 0.01 {
					t.Fatalf("size %v: %q laid out %v wide, drawn %v", size, doc.Text[f.b0:f.b1], f.Width, drawn)
				}
			}
		}
	}
}

func TestLongWordBreaksBetweenCharacters(t *testing.T) {
	test.NewTempApp(t)
	word := strings.Repeat("Tombouctou", 30)
	doc := reader.Parse("Before " + word + " after.")
	ls := Layout(doc, 300, Options{})
	checkLines(t, ls, 300)
	if len(ls.Lines) < 5 {
		t.Fatalf("a %d-character word in 300 units took %d lines", len(word), len(ls.Lines))
	}
	if got := doc.Slice(ls.Lines[0].Range); got != "Before " {
		t.Errorf("first line = %q: the long word should start a line of its own", got)
	}
}

// TestParallelMeasuringIsExact lays out a long document with its words
// measured on two goroutines and on one: the lines must be the same, bit for bit.
func TestParallelMeasuringIsExact(t *testing.T) {
	test.NewTempApp(t)
	// A bold run first: the faces must be numbered in the same order too.
	doc := reader.Parse("**Bold** first.\n\n" + sample + "\n" + readertest.Markdown(20000))
	layout := func(parallel bool) *Lines {
		m := lockMeasurer()
		m.reset()
		m.helper = nil
		if !parallel { // as if scanned already: tokenize measures every word
			m.complete = completeKey{weak.Make(doc), DefaultTextSize}
		}
		m.unlock()
		ls := Layout(doc, 700, Options{})
		m = lockMeasurer()
		defer m.unlock()
		if (m.helper != nil) != parallel {
			t.Fatalf("parallel %v: the helper shaped %v", parallel, m.helper != nil)
		}
		return ls
	}
	serial, parallel := layout(false), layout(true)
	if !reflect.DeepEqual(serial, parallel) {
		t.Error("the layouts differ")
		for i := range min(len(serial.Lines), len(parallel.Lines)) {
			if !reflect.DeepEqual(serial.Lines[i], parallel.Lines[i]) {
				t.Fatalf("first at line %d:\n%+v\n%+v", i, serial.Lines[i], parallel.Lines[i])
			}
		}
	}
}

func TestEmptyDocuments(t *testing.T) {
	test.NewTempApp(t)
	for _, doc := range []*reader.Document{nil, {}, reader.Parse("---")} {
		ls := Layout(doc, 500, Options{})
		if doc != nil && len(doc.Blocks) == 1 && len(ls.Lines) != 1 {
			t.Errorf("a rule alone: %d lines", len(ls.Lines))
		}
		if _, ok := ls.OffsetAt(10, 10); ok != (len(ls.Lines) > 0) {
			t.Errorf("OffsetAt on %d lines: ok = %v", len(ls.Lines), ok)
		}
		if r := ls.Rects(reader.Range{Start: 0, End: 5}); len(r) > 1 {
			t.Errorf("Rects on an empty document: %v", r)
		}
	}
}

// benchNames orders the benchmark documents from small to large.
var benchNames = []string{"minusma", "words=1000", "words=10000", "words=100000"}

// benchDocs are the MINUSMA report (about 460 words) and synthetic articles
// of 1,000, 10,000 and 100,000 words; the largest has about 17,500 distinct words.
func benchDocs(b *testing.B) map[string]*reader.Document {
	seed, ok := articles.ByID(articles.DefaultID)
	if !ok {
		b.Fatal("seed article missing")
	}
	docs := map[string]*reader.Document{"minusma": seed.Document()}
	for _, words := range []int{1000, 10000, 100000} {
		docs[fmt.Sprintf("words=%d", words)] = reader.Parse(readertest.Markdown(words))
	}
	return docs
}

// firstSize is the last text size handed out by BenchmarkLayoutFirst.
var firstSize float32 = DefaultTextSize

// BenchmarkLayoutFirst is the first layout of a document: every word is
// measured. Each iteration empties the width cache and takes a text size not
// used before, so no cache of Fyne's answers either; the sizes stay within
// 1/64 of 16, so fonts are shaped at 16 (Fyne truncates sizes to 26.6 fixed
// point) and every iteration sets the same text. Loading the fonts, once in
// the app's life, is left out.
func BenchmarkLayoutFirst(b *testing.B) {
	test.NewTempApp(b)
	docs := benchDocs(b)
	Layout(docs["minusma"], 700, Options{})
	for _, name := range benchNames {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				m := lockMeasurer()
				m.widths = map[measureKey]float32{}
				m.unlock()
				firstSize = math.Nextafter32(firstSize, 17)
				b.StartTimer()
				Layout(docs[name], 700, Options{TextSize: firstSize})
			}
		})
	}
}

// BenchmarkLayoutNewWidth is a re-layout after a resize: the words are
// measured already, so it costs the wrapping alone.
func BenchmarkLayoutNewWidth(b *testing.B) {
	test.NewTempApp(b)
	docs := benchDocs(b)
	for _, name := range benchNames {
		b.Run(name, func(b *testing.B) {
			Layout(docs[name], 900, Options{})
			b.ReportAllocs()
			for b.Loop() {
				Layout(docs[name], 700, Options{})
			}
		})
	}
}

// TestLineSpacingSetsBodyLinesOnly: body lines are LineSpacing times the
// text size apart; headings keep their own spacing.
func TestLineSpacingSetsBodyLinesOnly(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	normal := Layout(doc, 700, Options{})
	loose := Layout(doc, 700, Options{LineSpacing: 2})
	if h := normal.Lines[normal.blockLines[1]].Height; h != DefaultTextSize*DefaultLineSpacing {
		t.Errorf("default body line height %v, want %v", h, DefaultTextSize*DefaultLineSpacing)
	}
	if h := loose.Lines[loose.blockLines[1]].Height; h != DefaultTextSize*2 {
		t.Errorf("body line height at spacing 2: %v, want %v", h, DefaultTextSize*2)
	}
	if a, b := normal.Lines[0].Height, loose.Lines[0].Height; a != b {
		t.Errorf("the heading's line height changed with body spacing: %v -> %v", a, b)
	}
	if loose.Height <= normal.Height {
		t.Errorf("looser lines, same height %v", loose.Height)
	}
}
