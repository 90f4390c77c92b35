package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyEntry is an Entry that leaves the window the keys an entry has no use
// for, as the document view does: Esc and the function keys go on to the
// canvas's OnTypedKey, and shortcuts the entry does not edit with go on to
// the canvas's shortcuts. Fyne gives a focused entry every key and
// shortcut and the window none, which is why Esc could not close the note
// editor while its field had the focus.
type keyEntry struct {
	widget.Entry
	// onKey, when set, sees every key first; true means it was used.
	onKey func(ev *fyne.KeyEvent) bool
	shift bool // a shift key is down (Fyne's KeyEvent carries no modifiers)
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey is part of fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	if windowKey(ev.Name) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// windowKey reports whether k means nothing to text editing.
func windowKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyEscape, fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}

// TypedShortcut keeps the shortcuts an entry edits with (clipboard, undo,
// select all, word moves and deletes) and passes the window's on.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && !editingKey(cs.KeyName) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

func editingKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyBackspace, fyne.KeyDelete:
		return true
	}
	return false
}

// KeyDown follows the shift key, for onKey's Shift+Enter.
func (e *keyEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp is part of desktop.Keyable.
func (e *keyEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost forgets the shift key: the entry will not see it released.
func (e *keyEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}
