package ui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcut is one row of the shortcuts sheet and, where it has a binding,
// the binding itself: this table is the one place the window's keys are
// defined, so the sheet lists every one. A feature adds its keys here.
type shortcut struct {
	group string
	keys  string // as the sheet shows them; "Ctrl" reads "Cmd" on macOS
	does  string
	// binds are the shortcuts (keys with Ctrl, Cmd or Alt) that run run.
	binds []fyne.Shortcut
	// key is a plain key (F1, F9, Esc) that runs run when the text, the
	// library or an entry does not use it.
	key fyne.KeyName
	// run does it; nil for keys handled where they are typed (the text
	// scrolls itself, the find bar steps), listed so the sheet is complete.
	run func(r *Reader)
}

// primary is the platform's shortcut modifier: Ctrl, or Cmd on macOS.
const primary = fyne.KeyModifierShortcutDefault

func bind(k fyne.KeyName, m fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

// shortcuts are the window's keys, grouped as the sheet shows them; set in
// init because the sheet's own row refers to the table.
var shortcuts []shortcut

func init() {
	shortcuts = []shortcut{
		{group: "Reading", keys: "↓ ↑  or  J K", does: "Scroll a line"},
		{group: "Reading", keys: "Space, Shift+Space", does: "Next or previous page"},
		{group: "Reading", keys: "Page Down, Page Up", does: "Next or previous page"},
		{group: "Reading", keys: "Home, End", does: "Beginning or end of the article"},
		{group: "Reading", keys: "Ctrl+=", does: "Larger text",
			binds: []fyne.Shortcut{bind(fyne.KeyEqual, primary), bind(fyne.KeyEqual, primary|fyne.KeyModifierShift), bind(fyne.KeyPlus, primary)},
			run:   func(r *Reader) { r.stepTextSize(1) }},
		{group: "Reading", keys: "Ctrl+-", does: "Smaller text",
			binds: []fyne.Shortcut{bind(fyne.KeyMinus, primary)}, run: func(r *Reader) { r.stepTextSize(-1) }},
		{group: "Reading", keys: "Ctrl+0", does: "Text size back to normal",
			binds: []fyne.Shortcut{bind(fyne.Key0, primary)}, run: (*Reader).resetTextSize},

		{group: "Find", keys: "Ctrl+F", does: "Find in the article",
			binds: []fyne.Shortcut{bind(fyne.KeyF, primary)}, run: func(r *Reader) { r.find.open() }},
		{group: "Find", keys: "Enter, Shift+Enter", does: "Next or previous match"},
		{group: "Find", keys: "Esc", does: "Close the find bar, back to the text"},

		{group: "Selecting and annotating", keys: "Shift+arrows", does: "Select, or extend the selection"},
		{group: "Selecting and annotating", keys: "Ctrl+A, Ctrl+C", does: "Select all, copy"},
		{group: "Selecting and annotating", keys: "1 2 3 4 5", does: "Highlight the selection yellow, green, blue, pink, purple"},
		{group: "Selecting and annotating", keys: "N", does: "Write a note on the selection"},
		{group: "Selecting and annotating", keys: "Ctrl+Z", does: "Undo deleting an annotation or bookmark, or a place correction",
			binds: []fyne.Shortcut{&fyne.ShortcutUndo{}}, run: (*Reader).undo},

		{group: "Bookmarks", keys: "Ctrl+D", does: "Bookmark this place (or rename the bookmark here)",
			binds: []fyne.Shortcut{bind(fyne.KeyD, primary)}, run: (*Reader).AddBookmark},
		{group: "Bookmarks", keys: "Ctrl+Shift+B", does: "Every bookmark of the library",
			binds: []fyne.Shortcut{bind(fyne.KeyB, primary|fyne.KeyModifierShift)}, run: (*Reader).showBookmarks},

		{group: "Library", keys: "Ctrl+O", does: "Import files as articles (or drop files and folders on the window)",
			binds: []fyne.Shortcut{bind(fyne.KeyO, primary)}, run: (*Reader).chooseImportFile},

		{group: "Library", keys: "Ctrl+Shift+F", does: "Search every article, note and tag",
			binds: []fyne.Shortcut{bind(fyne.KeyF, primary|fyne.KeyModifierShift)}, run: (*Reader).ShowSearch},

		{group: "Window", keys: "Ctrl+L", does: "Go to the library; ↑ ↓ and Enter open an article",
			binds: []fyne.Shortcut{bind(fyne.KeyL, primary)}, run: (*Reader).focusLibrary},
		{group: "Window", keys: "F9", does: "Show or hide the library",
			key: fyne.KeyF9, run: (*Reader).ToggleLibrary},
		{group: "Window", keys: "Ctrl+Shift+A", does: "Show or hide notes and places",
			binds: []fyne.Shortcut{bind(fyne.KeyA, primary|fyne.KeyModifierShift)}, run: (*Reader).TogglePanel},
		{group: "Window", keys: "Tab, Shift+Tab", does: "Next or previous control"},
		{group: "Window", keys: "Esc", does: "Close a popup or editor, saving what was typed",
			key: fyne.KeyEscape, run: (*Reader).escape},
		{group: "Window", keys: "F1, Ctrl+/", does: "This list of shortcuts",
			binds: []fyne.Shortcut{bind(fyne.KeySlash, primary)}, key: fyne.KeyF1, run: (*Reader).showShortcuts},
		{group: "Window", keys: "Ctrl+Q", does: "Quit",
			binds: []fyne.Shortcut{bind(fyne.KeyQ, primary)}, run: (*Reader).Quit},
	}
}

// addShortcuts binds the table's keys. The canvas gets shortcuts when the
// text or an entry has the focus too: both pass on those they do not use.
func (r *Reader) addShortcuts() {
	c := r.win.Canvas()
	for _, s := range shortcuts {
		for _, b := range s.binds {
			c.AddShortcut(b, func(fyne.Shortcut) { s.run(r) })
		}
	}
	c.SetOnTypedKey(r.typedKey)
	r.library.list.onEsc = r.focusText
}

// typedKey runs the table's plain keys.
func (r *Reader) typedKey(ev *fyne.KeyEvent) {
	for _, s := range shortcuts {
		if s.key != "" && s.key == ev.Name && s.run != nil {
			s.run(r)
			return
		}
	}
}

// escape closes what is in front, one thing per press: the shortcuts
// sheet, a popover (which saves what it holds), one of Fyne's dialogs,
// then the find bar.
func (r *Reader) escape() {
	top := r.win.Canvas().Overlays().Top()
	_, isDialog := top.(*widget.PopUp)
	switch {
	case r.sheet != nil:
		r.sheet.Hide()
	case r.popover != nil && r.popover.open():
		if r.closePopover(); !r.popover.open() {
			r.focusText()
		}
	case isDialog:
		// A message, About or a link to confirm: Esc is its Close or
		// Cancel. Fyne's dialogs do not take Esc themselves.
		top.Hide()
	case r.find.isOpen():
		r.find.close()
	}
}

// keyLabel is the sheet's spelling of keys on this platform.
func keyLabel(keys string) string {
	if runtime.GOOS == "darwin" {
		return strings.ReplaceAll(keys, "Ctrl+", "Cmd+")
	}
	return keys
}

// showShortcuts shows the sheet (F1, Ctrl+/): every row of the table,
// under its group's heading.
func (r *Reader) showShortcuts() {
	if r.sheet != nil {
		return
	}
	rows := container.New(layout.NewFormLayout())
	group := ""
	for _, s := range shortcuts {
		if s.group != group {
			group = s.group
			rows.Add(widget.NewLabelWithStyle(group, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			rows.Add(layout.NewSpacer())
		}
		rows.Add(widget.NewLabelWithStyle(keyLabel(s.keys), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		does := widget.NewLabel(s.does)
		does.Wrapping = fyne.TextWrapWord
		rows.Add(does)
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(rows), r.win)
	d.SetOnClosed(func() {
		r.sheet = nil
		r.focusText()
	})
	size := r.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(640, size.Width-40), min(620, size.Height-40)))
	r.sheet = d
	d.Show()
}
