package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// TestEscClosesTheNoteEditorFromItsField is the bug that was: Esc did
// nothing while the note field had the keyboard. It closes the editor as a
// click outside does, saving the note, and gives the keyboard to the text.
func TestEscClosesTheNoteEditorFromItsField(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	r.view.SetSelection(reader.Range{Start: 10, End: 20})
	r.writeNote()
	note, tags := formEntries(t, r)
	if r.win.Canvas().Focused() != note {
		t.Fatalf("the note editor opened with the keyboard in %T", r.win.Canvas().Focused())
	}
	test.Type(note, "Kept on Esc")
	pressKey(r, fyne.KeyEscape)
	if r.popover.open() {
		t.Fatal("Esc in the note field left the editor open")
	}
	if r.win.Canvas().Focused() != r.view {
		t.Errorf("after Esc the keyboard is in %T", r.win.Canvas().Focused())
	}
	anns, _, err := db.Annotations(r.current)
	if err != nil || len(anns) != 1 || anns[0].Note != "Kept on Esc" {
		t.Errorf("stored %v, %v; want the note written", anns, err)
	}

	// The same from the tags field of a highlight's editor.
	r.editNote(anns[0].ID, r.selectionRect())
	_, tags = formEntries(t, r)
	r.win.Canvas().Focus(tags)
	test.Type(tags, "gao")
	pressKey(r, fyne.KeyEscape)
	if r.popover.open() {
		t.Fatal("Esc in the tags field left the editor open")
	}
	if anns, _, _ = db.Annotations(r.current); len(anns) != 1 || len(anns[0].Tags) != 1 {
		t.Errorf("the tag typed was not saved: %v", anns)
	}
}

func TestCtrlLArrowsAndEnterOpenAnArticle(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	start, _ := r.library.row(r.current)
	pressShortcut(r, primaryKey(fyne.KeyL))
	if r.win.Canvas().Focused() != r.library.list {
		t.Fatalf("Ctrl+L put the keyboard in %T", r.win.Canvas().Focused())
	}
	if r.library.list.cursor != start {
		t.Errorf("the library's keyboard row is %d, want the open article's, %d", r.library.list.cursor, start)
	}
	up := start - 1
	if start == 0 {
		up = 1
		pressKey(r, fyne.KeyDown)
	} else {
		pressKey(r, fyne.KeyUp)
	}
	pressKey(r, fyne.KeyReturn)
	if want := r.library.rows[up].Article.ID; r.current != want {
		t.Errorf("Enter opened %q, want %q", r.current, want)
	}
	if r.win.Canvas().Focused() != r.view {
		t.Errorf("after opening, the keyboard is in %T, want the text", r.win.Canvas().Focused())
	}
	// Enter on the open article goes back to it; Esc too.
	pressShortcut(r, primaryKey(fyne.KeyL))
	pressKey(r, fyne.KeyReturn)
	if r.win.Canvas().Focused() != r.view {
		t.Errorf("Enter on the open article left the keyboard in %T", r.win.Canvas().Focused())
	}
	pressShortcut(r, primaryKey(fyne.KeyL))
	pressKey(r, fyne.KeyEscape)
	if r.win.Canvas().Focused() != r.view {
		t.Errorf("Esc in the library left the keyboard in %T", r.win.Canvas().Focused())
	}
}

func TestCtrlLShowsAHiddenLibrary(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	pressKey(r, fyne.KeyF9)
	if r.cols.library.Visible() {
		t.Fatal("F9 did not hide the library")
	}
	pressShortcut(r, primaryKey(fyne.KeyL))
	if !r.cols.library.Visible() || r.win.Canvas().Focused() != r.library.list {
		t.Error("Ctrl+L did not bring the library back with the keyboard in it")
	}
}

// TestShortcutSheetListsEveryShortcut: F1 and Ctrl+/ show the sheet, with
// every row of the table; Esc closes it.
func TestShortcutSheetListsEveryShortcut(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	for _, open := range []func(){
		func() { pressKey(r, fyne.KeyF1) },
		func() { pressShortcut(r, primaryKey(fyne.KeySlash)) },
	} {
		open()
		if r.sheet == nil {
			t.Fatal("no shortcuts sheet")
		}
		top := r.win.Canvas().Overlays().Top()
		labels := map[string]bool{}
		walk(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				labels[l.Text] = true
			}
		})
		for _, s := range shortcuts {
			if !labels[keyLabel(s.keys)] || !labels[s.does] {
				t.Errorf("the sheet lacks %q: %q", s.keys, s.does)
			}
		}
		pressKey(r, fyne.KeyEscape)
		if r.sheet != nil || r.win.Canvas().Overlays().Top() != nil {
			t.Fatal("Esc did not close the sheet")
		}
	}
}

// TestTableKeysAreBoundOnce: no key of the table does two things.
func TestTableKeysAreBoundOnce(t *testing.T) {
	seen := map[string]string{}
	for _, s := range shortcuts {
		names := []string{}
		for _, b := range s.binds {
			names = append(names, b.ShortcutName())
		}
		if s.key != "" {
			names = append(names, string(s.key))
		}
		for _, n := range names {
			if other, ok := seen[n]; ok {
				t.Errorf("%s is bound to %q and %q", n, other, s.does)
			}
			seen[n] = s.does
		}
		if (len(s.binds) > 0 || s.key != "") != (s.run != nil) {
			t.Errorf("%q: keys bound without an action, or an action without keys", s.does)
		}
	}
}

// TestTabOrder: Tab goes toolbar, library, text, then the panels when
// they show, and round again.
func TestTabOrder(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	c := r.win.Canvas()
	c.Focus(r.library.list)
	c.FocusNext()
	if c.Focused() != r.view {
		t.Errorf("Tab from the library goes to %T, want the text", c.Focused())
	}
	c.FocusNext()
	if b, ok := c.Focused().(*widget.Button); !ok || b.Text != "" {
		t.Errorf("Tab from the text (no panel open) goes to %T, want the toolbar's first button", c.Focused())
	}
	c.Focus(r.readingButton)
	for range 20 {
		if c.Focused() == r.library.list {
			break
		}
		c.FocusNext()
	}
	if c.Focused() != r.library.list {
		t.Error("Tab from the toolbar never reaches the library")
	}
	r.TogglePanel()
	c.Focus(r.view)
	c.FocusNext()
	if !isUnder(c.Focused().(fyne.CanvasObject), r.side) {
		t.Errorf("Tab from the text with the panel open goes to %T, outside the panel", c.Focused())
	}
}

func isUnder(o, root fyne.CanvasObject) bool {
	found := false
	walk(root, func(c fyne.CanvasObject) { found = found || c == o })
	return found
}

// TestEscClosesDialogs: Fyne's dialogs take no Esc of their own.
func TestEscClosesDialogs(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	for _, show := range []func(){r.showAbout, func() { r.confirmLink("https://example.org") }} {
		show()
		if r.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no dialog")
		}
		pressKey(r, fyne.KeyEscape)
		if top := r.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Esc left %T open", top)
		}
	}
}

// TestWindowShortcutsWorkFromThePanelFilter: the annotations panel's filter
// field passes on the shortcuts it does not edit with.
func TestWindowShortcutsWorkFromThePanelFilter(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.setPanelShown(true)
	r.win.Canvas().Focus(r.panel.text)
	pressShortcut(r, primaryKey(fyne.KeyF))
	if !r.find.box.Visible() {
		t.Error("Ctrl+F in the panel's filter field did not open the find bar")
	}
	r.win.Canvas().Focus(r.panel.text)
	shown := r.cols.library.Visible() // the panel may have folded it away
	pressKey(r, fyne.KeyF9)
	if r.cols.library.Visible() == shown {
		t.Error("F9 in the panel's filter field did not show or hide the library")
	}
}
