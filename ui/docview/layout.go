package docview

import (
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
	"weak"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// Typography defaults. Fyne's 14-unit text suits controls; long reading wants
// a larger body size, and a column of about 700 units at that size keeps lines
// near the 70-90 characters readers are comfortable with.
const (
	DefaultTextSize       = 16
	DefaultMaxColumnWidth = 700
	DefaultLineSpacing    = 1.5 // line height / text size of body text
)

// Proportions of the page, in multiples of the body text size unless noted.
const (
	headingLeading = 1.25 // headings are short and large: tighter lines
	codeLeading    = 1.45
	codeScale      = 0.88 // monospace looks larger than the body face at the same size
	paraGap        = 0.9
	listGap        = 0.3 // between items of one list
	itemParaGap    = 0.5 // between paragraphs of one item
	afterHeading   = 0.45
	listIndent     = 1.6 // per list depth
	markerGap      = 0.45
	quoteIndent    = 1.2 // per quote depth
	quoteBarWidth  = 0.2
	codePad        = 0.7
	cellGap        = 1.2 // between table columns
	rowPad         = 0.35
	ruleHeight     = 1.6
	tabStopSpaces  = 4
	topMargin      = 2.5
	bottomMargin   = 3
	sideMargin     = 1.25 // least space each side of the column on narrow windows
)

// headingScale is the text size of heading levels 1-6 relative to the body.
var headingScale = [...]float32{1, 1.75, 1.45, 1.2, 1.05, 1, 1}

// Options sets the typography of a layout; zero fields take the defaults.
type Options struct {
	// TextSize is the body text size; headings and code scale from it.
	TextSize float32
	// MaxColumnWidth is the widest text column at DefaultTextSize. It grows in
	// proportion to TextSize, so larger text keeps the same words per line.
	MaxColumnWidth float32
	// LineSpacing is the height of a line of body text over TextSize;
	// headings and code keep their own, tighter spacing.
	LineSpacing float32
}

func (o Options) withDefaults() Options {
	if o.TextSize <= 0 {
		o.TextSize = DefaultTextSize
	}
	if o.MaxColumnWidth <= 0 {
		o.MaxColumnWidth = DefaultMaxColumnWidth
	}
	if o.LineSpacing <= 0 {
		o.LineSpacing = DefaultLineSpacing
	}
	return o
}

// Lines is a document laid out for one width: its visual lines top to bottom.
// Coordinates are in the layout's own space, x from the left edge of the
// width laid out, y from the top of the content.
type Lines struct {
	Width  float32 // the width laid out for
	Height float32 // the content height, margins included
	Lines  []Line

	colX       float32 // left edge of the text column
	doc        *reader.Document
	faces      []face
	decos      []deco
	blockLines []int // lines of block b are Lines[blockLines[b]:blockLines[b+1]]
	blockDecos []int // decorations of block b are decos[blockDecos[b]:blockDecos[b+1]]
}

// Line is one visual line. Its range holds every rune set on it, including
// spaces hanging at a wrap; a table line holds pieces of several cells, so its
// range may also span runes that sit on the row's other lines.
type Line struct {
	reader.Range
	Block    int
	X        float32 // left edge of the block's text, where an empty line's caret goes
	Y        float32
	Height   float32
	Baseline float32 // from Y
	Frags    []Frag  // drawn pieces, left to right

	frag0, frag1 int // Frags while the layout is built: l.frags[frag0:frag1]
}

// Frag is a piece of one run on one line, drawn as one canvas.Text.
type Frag struct {
	reader.Range
	X, Width float32
	Style    reader.Style
	run      int // index in the block's Runs
	face     int // index in Lines.faces
	b0, b1   int // byte range of the text in Document.Text
	tail     int // End, or for a line's (a table cell line's) last piece the end of the spaces and breaks after it
}

// face is a font at a size, with its vertical metrics.
type face struct {
	style  fyne.TextStyle
	size   float32
	ascent float32
	height float32
	space  float32 // advance of " "
}

// role names a theme colour resolved at paint time, so a theme switch only repaints.
type role uint8

const (
	roleText role = iota
	roleMarker
	roleCodeBackground
	roleQuoteBar
	roleSeparator
	roleStrongSeparator
)

// deco is a decoration of a block: a rectangle, or a list marker when text is set.
type deco struct {
	x, y, w, h float32
	text       string
	face       int
	role       role
}

// Layout sets doc in a column centred in width. It measures words with the
// current theme's fonts, as Fyne draws them, so it needs a running Fyne app
// (the test app will do); word widths are cached across calls, so re-wrapping
// after a resize is cheap.
func Layout(doc *reader.Document, width float32, opts Options) *Lines {
	m := lockMeasurer()
	defer m.unlock()
	return layoutLocked(m, doc, width, opts)
}

// layoutLocked is Layout with the measurer m locked.
func layoutLocked(m *measurer, doc *reader.Document, width float32, opts Options) *Lines {
	opts = opts.withDefaults()
	l := &layouter{m: m, opts: opts, faceIndex: map[faceKey]int{}}
	l.ls = &Lines{Width: width, doc: doc}
	if doc == nil {
		return l.ls
	}
	l.run(doc, width)
	return l.ls
}

type faceKey struct {
	style fyne.TextStyle
	size  float32
}

// layouter holds the state of one Layout call.
type layouter struct {
	m         *measurer
	opts      Options
	ls        *Lines
	faceIndex map[faceKey]int
	curRune   int // cursor that maps rune offsets to byte offsets, moving forward only
	curByte   int
	toks      []token
	placed    []token
	ends      []int  // end index in placed of each wrapped line
	frags     []Frag // of all lines
}

type tokKind uint8

const (
	tokWord  tokKind = iota
	tokSpace         // a break opportunity; hangs past the edge at a wrap
	tokTab           // advances to the next tab stop (code) or separates cells (tables)
	tokBreak         // "\n": a hard line break
)

type token struct {
	r0, r1 int
	b0, b1 int
	x, w   float32
	run    int
	face   int
	kind   tokKind
	glued  bool // a word that continues the word before it, so no break between them
}

func (l *layouter) run(doc *reader.Document, width float32) {
	s := l.opts.TextSize
	colW := min(l.opts.MaxColumnWidth*s/DefaultTextSize, width-2*sideMargin*s)
	colW = max(colW, 4*s)
	colX := float32(math.Round(float64((width - colW) / 2)))
	ls := l.ls
	ls.colX = colX
	ls.blockLines = make([]int, len(doc.Blocks)+1)
	ls.blockDecos = make([]int, len(doc.Blocks)+1)
	ls.Lines = make([]Line, 0, len(doc.Blocks)*2)
	l.premeasure()

	y := topMargin * s
	for b := 0; b < len(doc.Blocks); {
		if b > 0 {
			y += l.gap(&doc.Blocks[b-1], &doc.Blocks[b])
		}
		blk := &doc.Blocks[b]
		left := colX + float32(blk.QuoteDepth)*quoteIndent*s + float32(blk.ListDepth)*listIndent*s
		right := colX + colW
		if blk.Kind == reader.TableRow {
			end := b + 1
			for end < len(doc.Blocks) && doc.Blocks[end].Kind == reader.TableRow && !doc.Blocks[end].Header {
				end++
			}
			y = l.table(b, end, left, right, y)
			b = end
			continue
		}
		ls.blockLines[b] = len(ls.Lines)
		ls.blockDecos[b] = len(ls.decos)
		y = l.block(b, left, right, y)
		b++
	}
	ls.blockLines[len(doc.Blocks)] = len(ls.Lines)
	ls.blockDecos[len(doc.Blocks)] = len(ls.decos)
	l.quoteBars(colX)
	ls.Height = y + bottomMargin*s
	// All lines share one backing array; the capacity limit keeps them apart.
	for i := range ls.Lines {
		ln := &ls.Lines[i]
		ln.Frags = l.frags[ln.frag0:ln.frag1:ln.frag1]
	}
}

// gap is the vertical space between two consecutive blocks.
func (l *layouter) gap(prev, next *reader.Block) float32 {
	s := l.opts.TextSize
	switch {
	case next.Kind == reader.Heading:
		return s * max(paraGap, 2.2-0.3*float32(next.Level))
	case prev.Kind == reader.Heading:
		return s * afterHeading
	case next.Kind == reader.ListItem && prev.ListDepth > 0 && (prev.ListDepth != next.ListDepth || prev.Ordered == next.Ordered):
		if next.Marker {
			return s * listGap
		}
		return s * itemParaGap
	}
	return s * paraGap
}

// blockFace is the size and weight the block sets its text in.
func (l *layouter) blockFace(blk *reader.Block) (size float32, bold bool) {
	s := l.opts.TextSize
	switch blk.Kind {
	case reader.Heading:
		return s * headingScale[min(max(blk.Level, 1), 6)], true
	case reader.CodeBlock:
		return s * codeScale, false
	case reader.TableRow:
		return s, blk.Header
	}
	return s, false
}

func (l *layouter) face(style fyne.TextStyle, size float32) int {
	k := faceKey{style, size}
	if i, ok := l.faceIndex[k]; ok {
		return i
	}
	f := l.m.metrics(style, size)
	l.ls.faces = append(l.ls.faces, f)
	l.faceIndex[k] = len(l.ls.faces) - 1
	return len(l.ls.faces) - 1
}

func (l *layouter) runFace(blk *reader.Block, st reader.Style) int {
	size, bold := l.blockFace(blk)
	ts := fyne.TextStyle{Bold: bold || st.Has(reader.Bold), Italic: st.Has(reader.Italic)}
	if st.Has(reader.Code) || blk.Kind == reader.CodeBlock {
		ts = fyne.TextStyle{Monospace: true} // Fyne has one monospace weight
		if blk.Kind != reader.CodeBlock {
			size *= codeScale
		}
	}
	return l.face(ts, size)
}

// leading is the line height and baseline of a block's lines.
func (l *layouter) leading(blk *reader.Block) (height, baseline float32) {
	size, bold := l.blockFace(blk)
	f := l.ls.faces[l.face(fyne.TextStyle{Bold: bold, Monospace: blk.Kind == reader.CodeBlock}, size)]
	lead := l.opts.LineSpacing
	switch blk.Kind {
	case reader.Heading:
		lead = headingLeading
	case reader.CodeBlock:
		lead = codeLeading
	}
	height = float32(math.Round(float64(size * lead)))
	baseline = float32(math.Round(float64((height-f.height)/2 + f.ascent)))
	return height, baseline
}

// byteAt maps a rune offset to its byte offset. Blocks and runs come in
// order, so the cursor only moves forward; a step back starts over.
func (l *layouter) byteAt(r int) int {
	text := l.ls.doc.Text
	if r < l.curRune {
		l.curRune, l.curByte = 0, 0
	}
	for l.curRune < r && l.curByte < len(text) {
		_, n := utf8.DecodeRuneInString(text[l.curByte:])
		l.curByte += n
		l.curRune++
	}
	return l.curByte
}

// tokenize splits block b's runs into tokens and measures them.
func (l *layouter) tokenize(b int) {
	l.split(b)
	text := l.ls.doc.Text
	for i := range l.toks {
		if t := &l.toks[i]; t.kind == tokWord {
			t.w = l.m.width(&l.ls.faces[t.face], text[t.b0:t.b1])
		}
	}
}

// premeasure shapes the words of the document missing from the width cache
// before the layout looks them up, on two goroutines when there are more than
// parallelMin of them: shaping is most of a first layout's time. Fewer are
// left for tokenize to measure one by one. The scan costs as much as a
// re-layout, so it is skipped for a document scanned already at this size.
func (l *layouter) premeasure() {
	doc := l.ls.doc
	// Under some 2,000 words (6 bytes each with the space), a text cannot
	// have that many distinct ones.
	if len(doc.Text) < 6*parallelMin {
		return
	}
	k := completeKey{weak.Make(doc), l.opts.TextSize}
	if l.m.complete == k {
		return
	}
	// By the end of this layout every word is cached, unless the cache starts
	// over meanwhile, which forgets k.
	l.m.complete = k
	var todo []measureKey
	seen := map[measureKey]bool{}
	for b := range doc.Blocks {
		l.split(b)
		for _, t := range l.toks {
			if t.kind != tokWord {
				continue
			}
			f := &l.ls.faces[t.face]
			k := measureKey{f.style, f.size, doc.Text[t.b0:t.b1]}
			if _, ok := l.m.widths[k]; !ok && !seen[k] {
				seen[k] = true
				todo = append(todo, k)
			}
		}
	}
	// Faces are numbered in the order the layout first asks for them: start
	// again, so the lines come out as they would without this scan.
	l.ls.faces = l.ls.faces[:0]
	clear(l.faceIndex)
	if len(todo) > parallelMin {
		l.m.measureAll(todo)
	}
}

// split splits block b's runs into words, spaces, tabs and line breaks, the
// words not yet measured. In code blocks spaces are part of words: code wraps
// only where a line is too long, at a character boundary.
func (l *layouter) split(b int) {
	blk := &l.ls.doc.Blocks[b]
	text := l.ls.doc.Text
	code := blk.Kind == reader.CodeBlock
	l.toks = l.toks[:0]
	prevWord := false
	for ri := range blk.Runs {
		run := &blk.Runs[ri]
		fi := l.runFace(blk, run.Style)
		f := &l.ls.faces[fi]
		r, bpos := run.Start, l.byteAt(run.Start)
		end := l.byteAt(run.End)
		for bpos < end {
			c, n := utf8.DecodeRuneInString(text[bpos:])
			t := token{r0: r, b0: bpos, run: ri, face: fi, kind: classify(c, code)}
			bpos += n
			r++
			// Words and spaces extend over runes of their class; tabs and breaks are one rune.
			for (t.kind == tokWord || t.kind == tokSpace) && bpos < end {
				c, n = utf8.DecodeRuneInString(text[bpos:])
				if classify(c, code) != t.kind {
					break
				}
				bpos += n
				r++
			}
			t.r1, t.b1 = r, bpos
			switch t.kind {
			case tokWord:
				t.glued = prevWord
			case tokSpace:
				t.w = f.space * float32(t.r1-t.r0)
			}
			prevWord = t.kind == tokWord
			l.toks = append(l.toks, t)
		}
	}
}

func classify(c rune, code bool) tokKind {
	switch {
	case c == '\n':
		return tokBreak
	case c == '\t':
		return tokTab
	case c == ' ' && !code:
		return tokSpace
	}
	return tokWord
}

// wrap breaks toks into lines no wider than avail, greedily. A word longer
// than a line is broken between characters. Results go to placed and ends.
func (l *layouter) wrap(toks []token, avail float32) {
	// Sums of the same widths added in another order may differ in the last
	// bit: a table column exactly as wide as its content must not wrap.
	avail += 0.01
	l.placed, l.ends = l.placed[:0], l.ends[:0]
	x, hasWord := float32(0), false
	endLine := func() {
		l.ends = append(l.ends, len(l.placed))
		x, hasWord = 0, false
	}
	place := func(t token) {
		t.x = x
		x += t.w
		l.placed = append(l.placed, t)
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.kind {
		case tokBreak:
			t.w = 0
			place(t)
			endLine()
			i++
			continue
		case tokTab:
			space := l.ls.faces[t.face].space * tabStopSpaces
			t.w = float32(math.Floor(float64(x/space))+1)*space - x
			place(t)
			i++
			continue
		case tokSpace:
			place(t)
			i++
			continue
		}
		j, gw := i+1, t.w
		for j < len(toks) && toks[j].kind == tokWord && toks[j].glued {
			gw += toks[j].w
			j++
		}
		switch {
		case x+gw <= avail:
			for ; i < j; i++ {
				place(toks[i])
			}
			hasWord = true
		case hasWord:
			endLine()
		case x+t.w <= avail:
			place(t) // part of an over-long group fits; the rest breaks below
			hasWord = true
			i++
		default:
			if head, ok := l.splitFit(t, avail-x, x == 0); ok {
				place(head)
				if head.r1 == t.r1 {
					i++
				} else {
					toks[i].r0, toks[i].b0 = head.r1, head.b1
					toks[i].w = l.m.width(&l.ls.faces[t.face], l.ls.doc.Text[head.b1:t.b1])
					toks[i].glued = false
				}
			}
			endLine()
		}
	}
	if len(l.ends) == 0 || l.ends[len(l.ends)-1] < len(l.placed) {
		l.ends = append(l.ends, len(l.placed))
	}
}

// splitFit returns the longest head of word t that fits in room; when force
// is set (nothing else on the line) it takes at least one character.
func (l *layouter) splitFit(t token, room float32, force bool) (token, bool) {
	text := l.ls.doc.Text[t.b0:t.b1]
	f := &l.ls.faces[t.face]
	offs := make([]int, 0, len(text)+1) // byte offset of each rune boundary
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	n := len(offs) - 1
	// The widest k in [1, n-1] whose prefix fits; prefix widths grow with k.
	k := sort.Search(n-1, func(k int) bool { return l.m.width(f, text[:offs[k+1]]) > room })
	if k == 0 {
		if !force {
			return t, false
		}
		k = 1
	}
	head := t
	head.r1, head.b1 = t.r0+k, t.b0+offs[k]
	head.w = l.m.width(f, text[:offs[k]])
	return head, true
}

// block lays out a paragraph, heading, list item, code block or rule at y and
// returns the y below it.
func (l *layouter) block(b int, left, right, y float32) float32 {
	s := l.opts.TextSize
	ls := l.ls
	blk := &ls.doc.Blocks[b]
	if blk.Kind == reader.Rule {
		ls.Lines = append(ls.Lines, Line{Range: blk.Range, Block: b, X: left, Y: y, Height: ruleHeight * s})
		l.addDeco(deco{x: left, y: y + float32(math.Round(ruleHeight*float64(s)/2)), w: right - left, h: 1, role: roleSeparator})
		return y + ruleHeight*s
	}
	textLeft, textRight := left, right
	if blk.Kind == reader.CodeBlock {
		textLeft, textRight = left+codePad*s, right-codePad*s
		y += codePad * s
	}
	lh, base := l.leading(blk)
	l.tokenize(b)
	l.wrap(l.toks, textRight-textLeft)
	first := len(ls.Lines)
	start := 0
	for li, end := range l.ends {
		f0 := len(l.frags)
		line := Line{Range: l.line(blk, l.placed[start:end], textLeft), Block: b, X: textLeft, Y: y, Height: lh, Baseline: base}
		line.frag0, line.frag1 = f0, len(l.frags)
		if li == 0 {
			line.Start = blk.Start
		}
		if li == len(l.ends)-1 {
			line.End = blk.End
		}
		ls.Lines = append(ls.Lines, line)
		y += lh
		start = end
	}
	if blk.Kind == reader.CodeBlock {
		top := ls.Lines[first].Y - codePad*s
		y += codePad * s
		l.addDeco(deco{x: left, y: top, w: right - left, h: y - top, role: roleCodeBackground})
	}
	if blk.Marker && blk.ListDepth > 0 {
		l.marker(blk, &ls.Lines[first])
	}
	return y
}

// line turns one wrapped line's tokens into frags appended to l.frags:
// consecutive tokens of one run merge into one frag; tabs, breaks and spaces
// hanging at the end make none. It returns the runes the tokens cover.
func (l *layouter) line(blk *reader.Block, toks []token, left float32) reader.Range {
	if len(toks) == 0 {
		return reader.Range{}
	}
	last := len(toks) - 1
	for last >= 0 && toks[last].kind != tokWord {
		last--
	}
	start := len(l.frags)
	for i := 0; i <= last; i++ {
		t := &toks[i]
		if t.kind == tokTab || t.kind == tokBreak {
			continue
		}
		if n := len(l.frags); n > start {
			f := &l.frags[n-1]
			if f.End == t.r0 && f.run == t.run && f.face == t.face {
				f.End, f.tail, f.b1 = t.r1, t.r1, t.b1
				f.Width += t.w
				continue
			}
		}
		l.frags = append(l.frags, Frag{
			Range: reader.Range{Start: t.r0, End: t.r1},
			X:     left + t.x, Width: t.w,
			Style: blk.Runs[t.run].Style,
			run:   t.run, face: t.face, b0: t.b0, b1: t.b1, tail: t.r1,
		})
	}
	end := toks[len(toks)-1].r1
	if n := len(l.frags); n > start {
		l.frags[n-1].tail = end
	}
	return reader.Range{Start: toks[0].r0, End: end}
}

// marker hangs a list item's bullet or number left of its first line.
func (l *layouter) marker(blk *reader.Block, first *Line) {
	text := "•"
	switch {
	case blk.Ordered:
		text = strconv.Itoa(blk.Number) + "."
	case blk.ListDepth == 2:
		text = "◦"
	case blk.ListDepth > 2:
		text = "‣"
	}
	size, _ := l.blockFace(blk)
	fi := l.face(fyne.TextStyle{}, size)
	f := &l.ls.faces[fi]
	w := l.m.width(f, text)
	x := first.X - markerGap*l.opts.TextSize - w
	l.addDeco(deco{x: x, y: first.Y + first.Baseline - f.ascent, w: w, h: f.height, text: text, face: fi, role: roleMarker})
}

func (l *layouter) addDeco(d deco) {
	l.ls.decos = append(l.ls.decos, d)
}

// quoteBars draws each quote level's bar beside every quoted block, reaching
// down through the gap to the next block when that one is quoted as deeply,
// so a multi-paragraph quote shows one unbroken bar. Bars go last in each
// block's decorations, so the per-block index is rebuilt here.
func (l *layouter) quoteBars(colX float32) {
	ls := l.ls
	blocks := ls.doc.Blocks
	s := l.opts.TextSize
	decos := make([]deco, 0, len(ls.decos))
	for b := range blocks {
		first := len(decos)
		decos = append(decos, ls.decos[ls.blockDecos[b]:ls.blockDecos[b+1]]...)
		lines := ls.Lines[ls.blockLines[b]:ls.blockLines[b+1]]
		if len(lines) > 0 && blocks[b].QuoteDepth > 0 {
			top := lines[0].Y
			bottom := lines[len(lines)-1].Y + lines[len(lines)-1].Height
			for _, d := range ls.decos[ls.blockDecos[b]:ls.blockDecos[b+1]] {
				if d.role == roleCodeBackground || d.role == roleSeparator || d.role == roleStrongSeparator {
					top, bottom = min(top, d.y), max(bottom, d.y+d.h)
				}
			}
			for d := 1; d <= blocks[b].QuoteDepth; d++ {
				end := bottom
				if b+1 < len(blocks) && blocks[b+1].QuoteDepth >= d && ls.blockLines[b+1] < len(ls.Lines) {
					end = ls.Lines[ls.blockLines[b+1]].Y
					if blocks[b+1].Kind == reader.CodeBlock {
						end -= codePad * s
					}
					if blocks[b+1].Kind == reader.TableRow {
						end -= rowPad * s
					}
				}
				x := colX + float32(d-1)*quoteIndent*s
				decos = append(decos, deco{x: x, y: top, w: float32(math.Round(quoteBarWidth * float64(s))), h: end - top, role: roleQuoteBar})
			}
		}
		ls.blockDecos[b] = first
	}
	ls.blockDecos[len(blocks)] = len(decos)
	ls.decos = decos
}

// table lays out blocks [first, end), the rows of one table, at y: columns as
// wide as their content when it fits, else shared out the way CSS auto tables
// do (each column gets its longest word, the rest in proportion to content).
func (l *layouter) table(first, end int, left, right, y float32) float32 {
	s := l.opts.TextSize
	ls := l.ls
	blocks := ls.doc.Blocks
	type cell struct{ toks []token }
	rows := make([][]cell, end-first)
	var minW, maxW []float32
	for b := first; b < end; b++ {
		l.tokenize(b)
		all := append([]token(nil), l.toks...)
		ranges := blocks[b].Cells
		if len(ranges) == 0 {
			ranges = []reader.Range{blocks[b].Range}
		}
		row := make([]cell, len(ranges))
		for _, t := range all {
			for c, r := range ranges {
				if t.kind != tokTab && t.r0 >= r.Start && t.r1 <= r.End {
					row[c].toks = append(row[c].toks, t)
					break
				}
			}
		}
		for c := range row {
			if c >= len(minW) {
				minW, maxW = append(minW, 0), append(maxW, 0)
			}
			var line, group float32
			for i, t := range row[c].toks {
				if t.kind == tokWord {
					if !t.glued {
						group = 0
					}
					group += t.w
					minW[c] = max(minW[c], group)
				}
				if i < len(row[c].toks)-1 || t.kind == tokWord {
					line += t.w
				}
			}
			maxW[c] = max(maxW[c], line)
		}
		rows[b-first] = row
	}
	gap := cellGap * s
	avail := right - left - gap*float32(len(minW)-1)
	widths := columnWidths(minW, maxW, avail)
	colX := make([]float32, len(widths))
	x := left
	for c, w := range widths {
		colX[c] = x
		x += w + gap
	}
	tableRight := x - gap
	pad := rowPad * s
	for b := first; b < end; b++ {
		blk := &blocks[b]
		ls.blockLines[b] = len(ls.Lines)
		ls.blockDecos[b] = len(ls.decos)
		lh, base := l.leading(blk)
		// Each cell wraps on its own; line k of the row shows line k of every cell.
		var cellLines [][][]token
		n := 1
		for c, ce := range rows[b-first] {
			l.wrap(ce.toks, widths[c])
			var lines [][]token
			start := 0
			for _, e := range l.ends {
				lines = append(lines, append([]token(nil), l.placed[start:e]...))
				start = e
			}
			cellLines = append(cellLines, lines)
			n = max(n, len(lines))
		}
		role := roleSeparator
		if b == first || blocks[b-1].Header {
			role = roleStrongSeparator
		}
		l.addDeco(deco{x: left, y: y, w: tableRight - left, h: 1, role: role})
		for k := 0; k < n; k++ {
			line := Line{Range: reader.Range{Start: blk.End, End: blk.Start}, Block: b, X: left, Y: y + pad + float32(k)*lh, Height: lh, Baseline: base}
			line.frag0 = len(l.frags)
			for c, lines := range cellLines {
				if k >= len(lines) || len(lines[k]) == 0 {
					continue
				}
				r := l.line(blk, lines[k], colX[c])
				line.Start, line.End = min(line.Start, r.Start), max(line.End, r.End)
			}
			line.frag1 = len(l.frags)
			if k == 0 {
				line.Start = blk.Start
			}
			if k == n-1 {
				line.End = blk.End
			}
			line.End = max(line.End, line.Start)
			ls.Lines = append(ls.Lines, line)
		}
		y += float32(n)*lh + 2*pad
		if b == end-1 {
			l.addDeco(deco{x: left, y: y - 1, w: tableRight - left, h: 1, role: roleStrongSeparator})
		}
	}
	return y
}

// columnWidths shares avail between columns with content widths between
// minW (longest word) and maxW (unwrapped), as CSS automatic table layout does.
func columnWidths(minW, maxW []float32, avail float32) []float32 {
	var sumMin, sumMax float32
	for c := range minW {
		sumMin += minW[c]
		sumMax += maxW[c]
	}
	w := make([]float32, len(minW))
	for c := range w {
		switch {
		case sumMax <= avail:
			w[c] = maxW[c]
		case sumMin >= avail:
			// Not even the longest words fit: share by them, and words break.
			w[c] = avail * minW[c] / max(sumMin, 1)
		default:
			w[c] = minW[c] + (maxW[c]-minW[c])*(avail-sumMin)/(sumMax-sumMin)
		}
	}
	return w
}
