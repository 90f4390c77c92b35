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

// articleNotes is the open article's highlights and notes: those found in
// its text in reading order, and the orphans (not found), which are kept
// and listed, never dropped. Bookmarks are annotations too but not listed
// here: they are not passages the user marked.
type articleNotes struct {
	placed  []placedNote // by position in the text
	orphans []placedNote // by creation time
}

// placeNotes re-anchors anns on doc, as each opening of an article does.
func placeNotes(doc *reader.Document, anns []reader.Annotation) articleNotes {
	var n articleNotes
	if len(anns) == 0 {
		return n
	}
	a := anchor.New(doc)
	for _, ann := range anns {
		if ann.Motivation == reader.Bookmarking {
			continue
		}
		n.add(placedNote{ann, a.Anchor(ann.Target).Range})
	}
	return n
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

// byPlace orders notes as they are read: by start, the longer first, and
// by id so that the order is stable.
func byPlace(a, b placedNote) int {
	return cmp.Or(cmp.Compare(a.At.Start, b.At.Start), cmp.Compare(b.At.End, a.At.End), cmp.Compare(a.ID, b.ID))
}

func byCreated(a, b placedNote) int {
	return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
}
