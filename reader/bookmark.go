package reader

import "unicode"

// bookmarkQuoteRunes is about how much text a bookmark quotes: a few words,
// enough to find the place again when the text changes, short enough to read
// as a snippet.
const bookmarkQuoteRunes = 48

// BookmarkRange is the range a bookmark at offset quotes: the words from
// offset on, within its block, cut at a word's end near bookmarkQuoteRunes.
// An offset in an empty block or a separator moves to the next text; ok is
// false in a document without text.
func BookmarkRange(doc *Document, offset int) (r Range, ok bool) {
	rs := doc.Runes()
	b := doc.BlockAt(max(0, offset))
	for ; b >= 0 && b < len(doc.Blocks); b++ {
		blk := doc.Blocks[b]
		start := clamp(offset, blk.Start, blk.End)
		for start < blk.End && unicode.IsSpace(rs[start]) {
			start++
		}
		if start == blk.End {
			continue
		}
		end := min(blk.End, start+bookmarkQuoteRunes)
		if end < blk.End { // back to the end of the last whole word, if there is one
			cut := end
			for cut > start && !unicode.IsSpace(rs[cut]) {
				cut--
			}
			if cut > start {
				end = cut
			}
		}
		for end > start+1 && unicode.IsSpace(rs[end-1]) {
			end--
		}
		return Range{start, end}, true
	}
	return Range{}, false
}
