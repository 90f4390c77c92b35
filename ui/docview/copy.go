package docview

import (
	"strings"

	"sahelreader/reader"
)

// copyText is the text of r as Copy puts it on the clipboard: plain text
// laid out for pasting into an editor or a mail, where one newline between
// paragraphs runs them together. The canonical text joins blocks with one
// "\n"; here blocks are apart by a blank line, except that the rows of a
// table and the items of a list stay on consecutive lines (so a table
// pastes into a spreadsheet as rows of tab-separated cells). Within a block
// the text is exactly the canonical text: hard line breaks, code lines and
// cell tabs as they are; list markers, which are not in the text, are not
// added. Rules and blocks r only grazes (their separator) add nothing.
func copyText(doc *reader.Document, r reader.Range) string {
	var b strings.Builder
	prev := -1
	for i := max(doc.BlockAt(r.Start), 0); i < len(doc.Blocks) && doc.Blocks[i].Start < r.End; i++ {
		blk := &doc.Blocks[i]
		part := reader.Range{Start: max(r.Start, blk.Start), End: min(r.End, blk.End)}
		if part.Len() <= 0 {
			continue
		}
		if prev >= 0 {
			b.WriteString("\n")
			if !sameList(&doc.Blocks[prev], blk) && !sameTable(&doc.Blocks[prev], blk) {
				b.WriteString("\n")
			}
		}
		b.WriteString(doc.Slice(part))
		prev = i
	}
	return b.String()
}

// sameList reports whether next starts another item of the list prev is
// in, or of a list nested in it; a numbered list right after a bulleted one
// (or the reverse) is another list.
func sameList(prev, next *reader.Block) bool {
	return prev.Kind == reader.ListItem && next.Kind == reader.ListItem && next.Marker &&
		(prev.ListDepth != next.ListDepth || prev.Ordered == next.Ordered)
}

// sameTable reports whether next is the row after prev in one table.
func sameTable(prev, next *reader.Block) bool {
	return prev.Kind == reader.TableRow && next.Kind == reader.TableRow && !next.Header
}
