// Package reader is Sahel Reader's domain: articles, and the Document that an
// article's Markdown becomes. It knows nothing of Fyne or bbolt.
//
// # The canonical text
//
// Every feature that points into an article — highlights, bookmarks, place
// mentions, search hits, find-in-article — speaks in half-open ranges of rune
// (Unicode code point) offsets into Document.Text. Stored positions depend on
// these rules, so changing any of them moves every saved annotation; treat them
// as a file format. `sahelreader text ID|FILE|-` prints exactly this text.
//
//  1. The Markdown is parsed as CommonMark with the table, strikethrough and
//     autolink extensions; entities and backslash escapes are resolved.
//  2. The text is the blocks' texts in document order, joined by exactly one
//     "\n"; the separator belongs to no block. There is no leading or trailing
//     newline.
//  3. A block is a heading, a paragraph, one paragraph of a list item, a code
//     block, a table row or a thematic break. Block quotes and lists add no text
//     of their own: they set QuoteDepth, ListDepth, Marker, Ordered and Number
//     on the blocks inside them. List bullets and numbers are not in the text.
//  4. Inside a paragraph or heading, a soft line break is one space, a hard line
//     break is "\n", and inline markup (emphasis, strong, strikethrough, code
//     spans, links) adds no characters: it only styles runs. An image reads as
//     its alternative text.
//  5. A code block is its content verbatim, less its final newline.
//  6. A table row is its cells' inline texts joined by "\t"; Block.Cells holds
//     each cell's range.
//  7. A thematic break is an empty block (so it shows as "\n\n" in the text).
//  8. Raw HTML, block or inline, is dropped. A paragraph, heading or code block
//     left with no text is dropped with its separator.
//  9. An article's text (Article.Document) starts with its title, white space
//     folded, as a level-1 heading block, followed by its body's text.
package reader
