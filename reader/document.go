package reader

// BlockKind says how a block is set on the page.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	ListItem  // one paragraph of a list item; Marker says whether it carries the bullet/number
	CodeBlock // fenced or indented code, text kept verbatim
	TableRow  // one row of a table, cells separated by '\t' in the text
	Rule      // a thematic break; its range is empty
)

// Style is a set of inline styles; a run may combine them (bold link, italic code...).
type Style uint8

const (
	Bold Style = 1 << iota
	Italic
	Code
	Link
	Strike
)

// Has reports whether every style in o is set in s.
func (s Style) Has(o Style) bool { return s&o == o }

// Range is a half-open range [Start, End) of rune (code point) offsets into Document.Text.
type Range struct {
	Start, End int
}

// Len is the number of runes in the range.
func (r Range) Len() int { return r.End - r.Start }

func (r Range) shifted(by int) Range { return Range{r.Start + by, r.End + by} }

// Contains reports whether offset lies inside the range.
func (r Range) Contains(offset int) bool { return offset >= r.Start && offset < r.End }

// Run is a stretch of one block's text in one style.
type Run struct {
	Range
	Style Style
	URL   string // destination when Style has Link
}

// Block is one unit of layout: a heading, a paragraph, one list item paragraph,
// a code block, a table row or a rule.
type Block struct {
	Range
	Kind       BlockKind
	Level      int  // heading level 1-6
	QuoteDepth int  // how many block quotes enclose the block
	ListDepth  int  // 1 for a top-level list item, 2 for nested...; 0 outside lists
	Marker     bool // the first paragraph of a list item: draw its bullet or number
	Ordered    bool // the list item belongs to a numbered list
	Number     int  // the item's number in an ordered list
	Header     bool // a table's header row
	Cells      []Range
	Runs       []Run // cover the block's range exactly, in order, without gaps
}

// Document is an article's Markdown turned into one canonical plain text and
// the blocks and runs that style it. See the package documentation for the rules.
type Document struct {
	Text   string
	Blocks []Block
	runes  []rune
}

// Runes is Text as code points; every Range indexes this slice.
func (d *Document) Runes() []rune {
	if d.runes == nil {
		d.runes = []rune(d.Text)
	}
	return d.runes
}

// Len is the length of the canonical text in runes.
func (d *Document) Len() int { return len(d.Runes()) }

// Slice returns the text of r, clamped to the document.
func (d *Document) Slice(r Range) string {
	rs := d.Runes()
	start, end := clamp(r.Start, 0, len(rs)), clamp(r.End, 0, len(rs))
	if end < start {
		return ""
	}
	return string(rs[start:end])
}

// BlockAt returns the index of the block whose range holds offset, or of the
// block just before it when offset falls on a separator; -1 for an empty document.
func (d *Document) BlockAt(offset int) int {
	lo, hi := 0, len(d.Blocks)-1
	if hi < 0 {
		return -1
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.Blocks[mid].Start <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
