package docview

import (
	"sort"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// Rect is an axis-aligned rectangle.
type Rect struct {
	Pos  fyne.Position
	Size fyne.Size
}

// LineAt returns the index of the line nearest to y: the line holding y, or
// in a gap between blocks the closer of its neighbours; -1 with no lines.
func (ls *Lines) LineAt(y float32) int {
	n := len(ls.Lines)
	if n == 0 {
		return -1
	}
	i := sort.Search(n, func(i int) bool { return ls.Lines[i].Y+ls.Lines[i].Height > y })
	if i == n {
		return n - 1
	}
	if i > 0 && y < ls.Lines[i].Y {
		prev := &ls.Lines[i-1]
		if y-(prev.Y+prev.Height) < ls.Lines[i].Y-y {
			return i - 1
		}
	}
	return i
}

// lineOf returns the index of the line showing rune offset o; -1 with no lines.
func (ls *Lines) lineOf(o int) int {
	if ls.doc == nil || len(ls.Lines) == 0 {
		return -1
	}
	b := ls.doc.BlockAt(o)
	first, end := ls.blockLines[b], ls.blockLines[b+1]
	for i := first; i < end; i++ {
		if o < ls.Lines[i].End {
			return i
		}
	}
	return max(end-1, 0)
}

// OffsetAt returns the character boundary nearest to (x, y): y picks the
// line, x the boundary among the line's pieces. A point past the end of a
// wrapped line maps before the space it wrapped at, where a caret shows.
func (ls *Lines) OffsetAt(x, y float32) (int, bool) {
	i := ls.LineAt(y)
	if i < 0 {
		return 0, false
	}
	line := &ls.Lines[i]
	if len(line.Frags) == 0 {
		return line.Start, true
	}
	best, bestDist := 0, float32(-1)
	for k := range line.Frags {
		f := &line.Frags[k]
		d := max(f.X-x, x-(f.X+f.Width), 0)
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	m := lockMeasurer()
	defer m.unlock()
	return ls.nearestInFrag(m, line, &line.Frags[best], x), true
}

// nearestInFrag finds the boundary in f nearest to x; ties go to the earlier one.
func (ls *Lines) nearestInFrag(m *measurer, line *Line, f *Frag, x float32) int {
	fc := &ls.faces[f.face]
	found := f.End
	ls.walkFrag(m, line, f, func(r0, r1 int, text string, tx, w float32, space bool) bool {
		if x >= tx+w && r1 < f.End {
			return false
		}
		n := r1 - r0
		if space {
			found = r0 + min(max(int((x-tx)/fc.space+0.5), 0), n)
			return true
		}
		caret := func(j int) float32 { return tx + m.caret(fc, text, j) }
		j := sort.Search(n+1, func(j int) bool { return caret(j) >= x })
		if j > n || (j > 0 && x-caret(j-1) <= caret(j)-x) {
			j--
		}
		found = r0 + j
		return true
	})
	return found
}

// caretX is the x of the boundary before rune o on the line; offsets off the
// line's pieces (a hanging space, a tab, a line break) take the end of the
// piece before them.
func (ls *Lines) caretX(m *measurer, line *Line, o int) float32 {
	var prev *Frag
	for k := range line.Frags {
		if line.Frags[k].Start > o {
			break
		}
		prev = &line.Frags[k]
	}
	switch {
	case prev == nil && len(line.Frags) > 0:
		return line.Frags[0].X
	case prev == nil:
		return line.X
	case o >= prev.End:
		return prev.X + prev.Width
	}
	x := prev.X
	fc := &ls.faces[prev.face]
	ls.walkFrag(m, line, prev, func(r0, r1 int, text string, tx, w float32, space bool) bool {
		if o >= r1 {
			return false
		}
		if space {
			x = tx + fc.space*float32(o-r0)
		} else {
			x = tx + m.caret(fc, text, o-r0)
		}
		return true
	})
	return x
}

// walkFrag calls fn for each word and each run of spaces of f, split as the
// layout split them, with its x and width, until fn returns true.
func (ls *Lines) walkFrag(m *measurer, line *Line, f *Frag, fn func(r0, r1 int, text string, x, w float32, space bool) bool) {
	text := ls.doc.Text[f.b0:f.b1]
	code := ls.doc.Blocks[line.Block].Kind == reader.CodeBlock
	fc := &ls.faces[f.face]
	x, r := f.X, f.Start
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		kind := classify(c, code)
		j, r1 := i+n, r+1
		for j < len(text) {
			c, n = utf8.DecodeRuneInString(text[j:])
			if classify(c, code) != kind {
				break
			}
			j += n
			r1++
		}
		space := kind == tokSpace
		var w float32
		if space {
			w = fc.space * float32(r1-r)
		} else {
			w = m.width(fc, text[i:j])
		}
		if fn(r, r1, text[i:j], x, w, space) {
			return
		}
		x, r, i = x+w, r1, j
	}
}

// caret is the x of the boundary before rune j of word, kerning included: the
// width of the word up to and including rune j, less rune j's own advance.
func (m *measurer) caret(f *face, word string, j int) float32 {
	if j <= 0 {
		return 0
	}
	b := 0
	for k := 0; k < j && b < len(word); k++ {
		_, n := utf8.DecodeRuneInString(word[b:])
		b += n
	}
	if b >= len(word) {
		return m.width(f, word)
	}
	_, n := utf8.DecodeRuneInString(word[b:])
	return m.width(f, word[:b+n]) - m.width(f, word[b:b+n])
}

// Rects returns one rectangle per line that r touches, in layout coordinates,
// from the boundary at its start to the boundary at its end on that line.
// An empty range gives the caret's zero-width rectangle. The tab between two
// table cells lies on no line, so a range of only that tab has none.
func (ls *Lines) Rects(r reader.Range) []Rect {
	if ls.doc == nil || len(ls.Lines) == 0 || r.End < r.Start {
		return nil
	}
	r.Start, r.End = min(max(r.Start, 0), ls.doc.Len()), min(max(r.End, 0), ls.doc.Len())
	m := lockMeasurer()
	defer m.unlock()
	b0 := ls.doc.BlockAt(r.Start)
	b1 := ls.doc.BlockAt(max(r.End-1, r.Start))
	var rects []Rect
	for i := ls.blockLines[b0]; i < ls.blockLines[b1+1]; i++ {
		line := &ls.Lines[i]
		if r.Start == r.End {
			last := i == ls.blockLines[line.Block+1]-1
			if r.Start < line.Start || r.Start > line.End || (r.Start == line.End && !last) {
				continue
			}
			x0 := ls.caretX(m, line, r.Start)
			return []Rect{{Pos: fyne.NewPos(x0, line.Y), Size: fyne.NewSize(0, line.Height)}}
		}
		if x0, x1, ok := ls.span(m, line, r); ok {
			rects = append(rects, Rect{Pos: fyne.NewPos(x0, line.Y), Size: fyne.NewSize(x1-x0, line.Height)})
		}
	}
	return rects
}

// span is the x extent of the non-empty range r on line, from the boundary
// at its start to the boundary at its end there; ok is false when r has
// nothing on the line.
func (ls *Lines) span(m *measurer, line *Line, r reader.Range) (x0, x1 float32, ok bool) {
	if line.End <= r.Start || line.Start >= r.End {
		return 0, 0, false
	}
	if ls.doc.Blocks[line.Block].Kind != reader.TableRow {
		return ls.caretX(m, line, max(r.Start, line.Start)), ls.caretX(m, line, min(r.End, line.End)), true
	}
	// A table line holds pieces of several cells: span the pieces r
	// covers, with the spaces hanging after them.
	found := false
	for k := range line.Frags {
		f := &line.Frags[k]
		if f.tail <= r.Start || f.Start >= r.End {
			continue
		}
		a, b := ls.caretX(m, line, max(r.Start, f.Start)), ls.caretX(m, line, min(r.End, f.End))
		if !found {
			x0, found = a, true
		}
		x1 = b
	}
	return x0, x1, found
}

// runeAt returns the character drawn under (x, y), if any.
func (ls *Lines) runeAt(x, y float32) (int, bool) {
	line, f := ls.fragAt(x, y)
	if f == nil {
		return 0, false
	}
	m := lockMeasurer()
	defer m.unlock()
	o := ls.nearestInFrag(m, line, f, x)
	if o > f.Start && (o == f.End || ls.caretX(m, line, o) > x) {
		o--
	}
	return o, true
}

// fragAt returns the piece under (x, y), if any.
func (ls *Lines) fragAt(x, y float32) (*Line, *Frag) {
	i := ls.LineAt(y)
	if i < 0 {
		return nil, nil
	}
	line := &ls.Lines[i]
	if y < line.Y || y >= line.Y+line.Height {
		return nil, nil
	}
	for k := range line.Frags {
		f := &line.Frags[k]
		if x >= f.X && x < f.X+f.Width {
			return line, f
		}
	}
	return nil, nil
}
