package ui

import (
	"cmp"
	"slices"

	"sahelreader/reader"
	"sahelreader/reader/anchor"
	"sahelreader/ui/docview"
)

// placedNote is an annotation and where it lies in the text on screen,
// which may differ from its stored position if the article changed.
type placedNote struct {
	reader.Annotation
	At reader.Range // empty for an orphan
}

// articleNotes is an article's highlights and notes, or its bookmarks:
// those found in its text in reading order, and the orphans (not found),
// which are kept and listed, never dropped. Bookmarks are annotations too,
// but in a list of their own: they are places, not passages the user
// marked, and have neither colour nor a place in the annotations panel.
type articleNotes struct {
	placed  []placedNote // by position in the text
	orphans []placedNote // by creation time
}

// placeNotes re-anchors anns on doc, as each opening of an article does,
// and returns the highlights and notes apart from the bookmarks.
func placeNotes(doc *reader.Document, anns []reader.Annotation) (notes, bookmarks articleNotes) {
	if len(anns) == 0 {
		return notes, bookmarks
	}
	a := anchor.New(doc)
	for _, ann := range anns {
		p := placedNote{ann, a.Anchor(ann.Target).Range}
		if ann.Motivation == reader.Bookmarking {
			bookmarks.add(p)
		} else {
			notes.add(p)
		}
	}
	return notes, bookmarks
}

// add puts p in its place, replacing the note with the same id.
func (n *articleNotes) add(p placedNote) {
	n.remove(p.ID)
	if p.At.Len() == 0 {
		i, _ := slices.BinarySearchFunc(n.orphans, p, byCreated)
		n.orphans = slices.Insert(n.orphans, i, p)
		return
	}
	i, _ := slices.BinarySearchFunc(n.placed, p, byPlace)
	n.placed = slices.Insert(n.placed, i, p)
}

// remove forgets the note with this id, placed or not.
func (n *articleNotes) remove(id string) {
	same := func(p placedNote) bool { return p.ID == id }
	n.placed = slices.DeleteFunc(n.placed, same)
	n.orphans = slices.DeleteFunc(n.orphans, same)
}

// find returns the note with this id.
func (n *articleNotes) find(id string) (placedNote, bool) {
	for _, list := range [][]placedNote{n.placed, n.orphans} {
		if i := slices.IndexFunc(list, func(p placedNote) bool { return p.ID == id }); i >= 0 {
			return list[i], true
		}
	}
	return placedNote{}, false
}

// count is the number of notes, placed or not.
func (n *articleNotes) count() int { return len(n.placed) + len(n.orphans) }

// highlights is what the view paints: every placed note.
func (n *articleNotes) highlights() []docview.Highlight {
	hs := make([]docview.Highlight, len(n.placed))
	for i, p := range n.placed {
		hs[i] = docview.Highlight{ID: p.ID, Range: p.At, Color: swatch(p.Color)}
	}
	return hs
}

// offsets is where the placed notes start: a bookmark's ribbon goes there.
func (n *articleNotes) offsets() []int {
	o := make([]int, len(n.placed))
	for i, p := range n.placed {
		o[i] = p.At.Start
	}
	return o
}

// all is every note, placed ones first in reading order, then the orphans.
func (n *articleNotes) all() []placedNote {
	return append(slices.Clone(n.placed), n.orphans...)
}

// byPlace orders notes as they are read: by start, the longer first, and
// by id so that the order is stable.
func byPlace(a, b placedNote) int {
	return cmp.Or(cmp.Compare(a.At.Start, b.At.Start), cmp.Compare(b.At.End, a.At.End), cmp.Compare(a.ID, b.ID))
}

func byCreated(a, b placedNote) int {
	return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
}
