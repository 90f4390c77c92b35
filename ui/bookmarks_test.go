package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"sahelreader/articles"
	"sahelreader/reader"
)

// pressCtrlD types the bookmark shortcut as the window receives it.
func pressCtrlD(r *Reader) {
	r.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
}

// overlayEntry is the label field of the dialog on top.
func overlayEntry(t *testing.T, r *Reader) *labelEntry {
	t.Helper()
	top := r.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	es := find(top, func(*labelEntry) bool { return true })
	if len(es) == 0 {
		t.Fatal("the dialog has no label field")
	}
	return es[0]
}

func bookmarks(t *testing.T, db Store, article string) []reader.Annotation {
	t.Helper()
	var bs []reader.Annotation
	for _, a := range stored(t, db, article) {
		if a.Motivation == reader.Bookmarking {
			bs = append(bs, a)
		}
	}
	return bs
}

func TestCtrlDBookmarksWhereYouAreWithALabel(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.Open("minusma-mission")
	scrollPages(r, 2)
	top := r.view.TopOffset()
	pressCtrlD(r)
	bs := bookmarks(t, db, "minusma-mission")
	if len(bs) != 1 || bs[0].Note != "" || bs[0].Color != "" {
		t.Fatalf("after Ctrl+D, before the label: %+v", bs)
	}
	at := bs[0].Target.Position
	if at.Start < top || at.Start > top+2 || at.Len() == 0 {
		t.Errorf("bookmark at %v, want the top of the view (%d)", at, top)
	}
	if len(r.marks.placed) != 1 || len(r.notes.placed) != 0 || len(r.view.Document().Text) == 0 {
		t.Errorf("the bookmark is not among the open article's bookmarks (or is among its highlights)")
	}
	// The label prompt: type, then Enter.
	label := overlayEntry(t, r)
	test.Type(label, "Where the mission began")
	label.OnSubmitted(label.Text)
	if bs = bookmarks(t, db, "minusma-mission"); len(bs) != 1 || bs[0].Note != "Where the mission began" {
		t.Fatalf("after the label: %+v", bs)
	}
	// Ctrl+D again at the same place renames that bookmark instead of adding a twin.
	pressCtrlD(r)
	if label := overlayEntry(t, r); label.Text != "Where the mission began" {
		t.Errorf("the second Ctrl+D offers %q", label.Text)
	}
	overlayEntry(t, r).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if bs = bookmarks(t, db, "minusma-mission"); len(bs) != 1 {
		t.Errorf("a second Ctrl+D at the same place made %d bookmarks", len(bs))
	}

	// A restart re-anchors it as a bookmark with its ribbon, not a highlight.
	r2 := newTestReader(t, db)
	if len(r2.marks.placed) != 1 || r2.marks.placed[0].At != at || len(r2.notes.placed) != 0 {
		t.Errorf("after a restart: %d bookmarks, %d notes", len(r2.marks.placed), len(r2.notes.placed))
	}
}

func TestBookmarkAtTheSelection(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	sel := selectText(t, r, "lowered the UN flag")
	pressCtrlD(r)
	if bs := bookmarks(t, db, articles.DefaultID); len(bs) != 1 || bs[0].Target.Position.Start != sel.Start {
		t.Errorf("bookmarks %+v, want one at the selection's start %d", bs, sel.Start)
	}
}

func TestBookmarksViewRenamesDeletesAndUndoes(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.Open("bamako")
	pressCtrlD(r)
	overlayEntry(t, r).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // no label
	if r.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the label prompt")
	}
	r.Open(articles.DefaultID) // the bookmark is in another article now

	r.showAllAnnotations()
	if !overlayMentions(r.win, "No annotations yet") {
		t.Error("All annotations lists the bookmark")
	}
	r.win.Canvas().Overlays().Top().Hide()

	r.showBookmarks()
	view := r.win.Canvas().Overlays().Top()
	if !overlayMentions(r.win, "1 bookmark in 1 article") {
		t.Fatal("the bookmarks view does not count the bookmark")
	}
	test.Tap(button(t, view, "Rename"))
	label := overlayEntry(t, r)
	label.SetText("Bamako's bridges")
	label.OnSubmitted(label.Text)
	if bs := bookmarks(t, db, "bamako"); len(bs) != 1 || bs[0].Note != "Bamako's bridges" {
		t.Fatalf("after Rename: %+v", bs)
	}
	before := bookmarks(t, db, "bamako")
	test.Tap(button(t, view, "Delete"))
	if bs := bookmarks(t, db, "bamako"); len(bs) != 0 || r.undoBar.text.Text != "Bookmark deleted" {
		t.Fatalf("after Delete: %d stored, bar %q", len(bs), r.undoBar.text.Text)
	}
	view.Hide()
	r.undoDelete()
	if after := bookmarks(t, db, "bamako"); len(after) != 1 || after[0].Note != before[0].Note || after[0].ID != before[0].ID {
		t.Errorf("undo restored %+v, want %+v", after, before)
	}

	// A click on the row opens its article at the bookmark.
	r.showBookmarks()
	rows := find(r.win.Canvas().Overlays().Top(), func(*noteRow) bool { return true })
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	rows[0].Tapped(nil)
	if r.Current() != "bamako" || len(r.marks.placed) != 1 {
		t.Errorf("the row opened %s with %d bookmarks", r.Current(), len(r.marks.placed))
	}
}

func TestRibbonMenuRenamesAndDeletes(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	pressCtrlD(r)
	label := overlayEntry(t, r)
	label.SetText("Start")
	label.OnSubmitted(label.Text)
	at := r.marks.placed[0].At.Start
	m := r.bookmarkMenu(at)
	if len(m.Items) != 2 || m.Items[0].Label != "Rename “Start”…" || m.Items[1].Label != "Delete “Start”" {
		t.Fatalf("menu %v", m.Items)
	}
	if len(r.bookmarkMenu(at+1).Items) != 0 {
		t.Error("a menu for a place with no bookmark")
	}
	m.Items[1].Action()
	if len(bookmarks(t, db, articles.DefaultID)) != 0 || len(r.marks.placed) != 0 || r.undoBar.text.Text != "Bookmark deleted" {
		t.Fatal("Delete in the ribbon's menu did not delete with undo")
	}
	r.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if bs := bookmarks(t, db, articles.DefaultID); len(bs) != 1 || bs[0].Note != "Start" || len(r.marks.placed) != 1 {
		t.Errorf("Ctrl+Z did not bring the bookmark back: %+v", bs)
	}
}
