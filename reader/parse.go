package reader

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/parser"
)

// Parse turns Markdown (CommonMark with tables, strikethrough and autolinks)
// into a Document, following the canonical-text rules in the package doc.
// It never fails: whatever the parser makes of odd input is what the reader shows.
func Parse(markdown string) *Document { return parse("", markdown) }

// parse is Parse with title, if not empty, as a level-1 heading in front
// (rule 9), written by the same builder so that no range needs shifting.
func parse(title, markdown string) *Document { return parseInChunks(title, markdown, chunkBytes) }

// parseInChunks parses markdown a chunk (chunks) at a time into one
// builder, so that only one chunk's tree is ever held.
func parseInChunks(title, markdown string, size int) *Document {
	pieces := chunks(markdown, size)
	// The text is rarely longer than its Markdown, and a block rarely
	// comes without a blank line: one allocation each, not the many that
	// appending makes on the way to 50 MB.
	b := &builder{doc: make([]Block, 0, strings.Count(markdown, "\n\n")+2)}
	b.text.Grow(len(title) + len(markdown))
	b.open(Heading, &blockContext{}).Level = 1
	b.write(title)
	b.close()
	for _, piece := range pieces {
		// A fresh parser per call: gomarkdown parsers keep state and are not reusable.
		p := parser.NewCommonMarkWithExtensions(parser.Tables | parser.Strikethrough | parser.Autolink)
		b.blocks(p.Parse([]byte(piece)).GetChildren(), blockContext{})
	}
	return &Document{Text: b.text.String(), Blocks: slices.Clip(b.doc)}
}

// blockContext is what enclosing containers (quotes, lists) pass down to blocks.
type blockContext struct {
	quoteDepth int
	listDepth  int
	ordered    bool
	number     int
	marker     bool // the next block is the first paragraph of a list item
}

// builder appends blocks and runs to the canonical text, counting runes as it goes.
type builder struct {
	text  strings.Builder
	n     int  // runes counted so far, a pending separator included
	sep   bool // a block's "\n" separator is counted but not yet written
	doc   []Block
	cur   *Block
	style Style
	url   string
}

func (b *builder) blocks(nodes []ast.Node, ctx blockContext) {
	for _, node := range nodes {
		b.block(node, &ctx)
	}
}

// block converts one block-level node; ctx.marker is consumed by the first
// paragraph written so that only it carries the list item's bullet.
func (b *builder) block(node ast.Node, ctx *blockContext) {
	switch n := node.(type) {
	case *ast.Paragraph:
		b.inlineBlock(n, ctx, Paragraph, 0)
	case *ast.Heading:
		b.inlineBlock(n, ctx, Heading, n.Level)
	case *ast.BlockQuote:
		inner := *ctx
		inner.quoteDepth++
		b.blocks(n.Children, inner)
		ctx.marker = inner.marker
	case *ast.List:
		b.list(n, *ctx)
		ctx.marker = false
	case *ast.CodeBlock:
		blk := b.open(Paragraph, ctx)
		blk.Kind = CodeBlock
		b.style = Code
		b.write(strings.TrimSuffix(string(n.Literal), "\n"))
		b.style = 0
		b.close()
	case *ast.HorizontalRule:
		b.open(Rule, ctx)
		b.close()
	case *ast.Table:
		b.table(n, *ctx)
	case *ast.HTMLBlock:
		// Raw HTML is not rendered: the reader shows text, never markup or scripts.
	default:
		// Anything else that holds blocks (a footnote list, an aside) shows its content.
		if c := node.AsContainer(); c != nil {
			b.blocks(c.Children, *ctx)
		}
	}
}

func (b *builder) list(l *ast.List, ctx blockContext) {
	ctx.listDepth++
	ctx.ordered = l.ListFlags&ast.ListTypeOrdered != 0
	number := max(l.Start, 1)
	for _, item := range l.Children {
		li, ok := item.(*ast.ListItem)
		if !ok {
			continue
		}
		itemCtx := ctx
		itemCtx.number = number
		itemCtx.marker = true
		b.blocks(li.Children, itemCtx)
		number++
	}
}

func (b *builder) table(t *ast.Table, ctx blockContext) {
	ast.WalkFunc(t, func(node ast.Node, entering bool) ast.WalkStatus {
		row, ok := node.(*ast.TableRow)
		if !ok || !entering {
			return ast.GoToNext
		}
		blk := b.open(TableRow, &ctx)
		for i, cell := range row.Children {
			if i > 0 {
				b.write("\t")
			}
			start := b.n
			if c, ok := cell.(*ast.TableCell); ok {
				blk.Header = blk.Header || c.IsHeader
				b.inlines(c.Children)
			}
			blk.Cells = append(blk.Cells, Range{start, b.n})
		}
		b.close()
		return ast.SkipChildren
	})
}

// inlineBlock writes a paragraph or heading; one without any text is dropped.
func (b *builder) inlineBlock(node ast.Node, ctx *blockContext, kind BlockKind, level int) {
	if ctx.listDepth > 0 && kind == Paragraph {
		kind = ListItem
	}
	blk := b.open(kind, ctx)
	blk.Level = level
	b.inlines(node.GetChildren())
	b.close()
}

func (b *builder) inlines(nodes []ast.Node) {
	for _, node := range nodes {
		b.inline(node)
	}
}

func (b *builder) inline(node ast.Node) {
	switch n := node.(type) {
	case *ast.Text:
		// The parser keeps soft line breaks inside text; they read as spaces.
		b.write(strings.ReplaceAll(string(n.Literal), "\n", " "))
	case *ast.Softbreak:
		b.write(" ")
	case *ast.Hardbreak:
		b.write("\n")
	case *ast.Code:
		b.styled(Code, "", func() { b.write(string(n.Literal)) })
	case *ast.Emph:
		b.styled(Italic, "", func() { b.inlines(n.Children) })
	case *ast.Strong:
		b.styled(Bold, "", func() { b.inlines(n.Children) })
	case *ast.Del:
		b.styled(Strike, "", func() { b.inlines(n.Children) })
	case *ast.Link:
		b.styled(Link, string(n.Destination), func() { b.inlines(n.Children) })
	case *ast.Image:
		// An image is read as its alternative text.
		b.inlines(n.Children)
	case *ast.HTMLSpan:
		// Inline HTML tags are dropped, like HTML blocks.
	default:
		if c := node.AsContainer(); c != nil {
			b.inlines(c.Children)
		} else if l := node.AsLeaf(); l != nil {
			b.write(string(l.Literal))
		}
	}
}

func (b *builder) styled(s Style, url string, body func()) {
	oldStyle, oldURL := b.style, b.url
	b.style |= s
	if s == Link {
		b.url = url
	}
	body()
	b.style, b.url = oldStyle, oldURL
}

// open starts a block, counting the "\n" separator when a block came
// before; it is written with the block's first text (or its close), so that
// an empty block taken back leaves nothing to erase.
func (b *builder) open(kind BlockKind, ctx *blockContext) *Block {
	b.doc = append(b.doc, Block{
		Kind:       kind,
		QuoteDepth: ctx.quoteDepth,
		ListDepth:  ctx.listDepth,
		Marker:     ctx.marker && ctx.listDepth > 0,
		Ordered:    ctx.ordered,
		Number:     ctx.number,
	})
	b.cur = &b.doc[len(b.doc)-1]
	if len(b.doc) > 1 {
		b.sep = true
		b.n++
	}
	b.cur.Start = b.n
	if b.cur.ListDepth == 0 {
		b.cur.Ordered, b.cur.Number = false, 0
	}
	ctx.marker = false
	return b.cur
}

// close ends the current block, taking back a block that holds no text
// (only a rule may be empty) together with its separator.
func (b *builder) close() {
	blk := b.cur
	blk.End = b.n
	b.cur = nil
	if blk.Start < blk.End || blk.Kind == Rule {
		b.flushSep()
		return
	}
	b.doc = b.doc[:len(b.doc)-1]
	if b.sep {
		b.sep = false
		b.n--
	}
}

func (b *builder) flushSep() {
	if b.sep {
		b.text.WriteByte('\n')
		b.sep = false
	}
}

// write appends s to the current block in the current style, extending the
// last run when its style and link are the same.
func (b *builder) write(s string) {
	if s == "" || b.cur == nil {
		return
	}
	count := utf8.RuneCountInString(s)
	runs := b.cur.Runs
	if k := len(runs) - 1; k >= 0 && runs[k].Style == b.style && runs[k].URL == b.url && runs[k].End == b.n {
		runs[k].End += count
	} else {
		b.cur.Runs = append(runs, Run{Range: Range{b.n, b.n + count}, Style: b.style, URL: b.url})
	}
	b.flushSep()
	b.text.WriteString(s)
	b.n += count
}
