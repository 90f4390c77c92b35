package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is the library's list as the keyboard uses it: arrows move, Enter
// opens the row (Fyne's List selects with Space only) and Esc goes back to
// the text.
type keyList struct {
	widget.List
	// cursor is the row the list has the keyboard on. Fyne keeps that
	// private, so it is followed here through the keys and taps that move it.
	cursor  int
	onEnter func(row int)
	onEsc   func()
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey is part of fyne.Focusable.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.onEnter != nil && l.cursor < l.Length() {
			l.onEnter(l.cursor)
		}
		return
	case fyne.KeyEscape:
		if l.onEsc != nil {
			l.onEsc()
		}
		return
	case fyne.KeyUp:
		l.cursor = max(l.cursor-1, 0)
	case fyne.KeyDown:
		l.cursor = min(l.cursor+1, max(l.Length()-1, 0))
	}
	l.List.TypedKey(ev)
}

// moveCursor brings the keyboard to row i with the list's own arrow keys,
// the only way Fyne offers.
func (l *keyList) moveCursor(i int) {
	for l.cursor < i && l.cursor < l.Length()-1 {
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	for l.cursor > i {
		l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	}
}

// focusLibrary gives the keyboard to the library (Ctrl+L), on the open
// article's row, showing the library first if it was hidden.
func (r *Reader) focusLibrary() {
	if !r.cols.library.Visible() {
		r.ToggleLibrary()
	}
	if i, ok := r.library.row(r.current); ok {
		r.library.list.moveCursor(i)
	}
	r.win.Canvas().Focus(r.library.list)
}
