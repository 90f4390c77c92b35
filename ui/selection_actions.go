package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/ui/docview"
)

// The selection's actions, as keys (1-5, N), as a toolbar beside the
// selection and as a right-click menu: one key or one click makes a
// highlight, with no dialog in the way.

// typedRune is the view's OnTypedRune: 1-5 highlight the selection in the
// colours of reader.Colors, N writes a note on it. Without a selection the
// keys are left to the view (j and k scroll; digits do nothing).
func (r *Reader) typedRune(ch rune) bool {
	if r.view.Selection().Len() == 0 {
		return false
	}
	switch {
	case ch >= '1' && int(ch-'1') < len(reader.Colors):
		r.highlightSelection(reader.Colors[ch-'1'])
	case ch == 'n' || ch == 'N':
		r.writeNote()
	default:
		return false
	}
	return true
}

// newSelectionToolbar is the bar that floats by the selection: the five
// colours, Note, Copy and Place (mark as place).
func (r *Reader) newSelectionToolbar() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, c := range reader.Colors {
		b := widget.NewButtonWithIcon("", swatchIcon(c, false), func() { r.highlightSelection(c) })
		b.Importance = widget.LowImportance
		items = append(items, b)
	}
	note := widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), r.writeNote)
	note.Importance = widget.LowImportance
	cp := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		r.view.Copy()
		r.focusText()
	})
	cp.Importance = widget.LowImportance
	place := widget.NewButtonWithIcon("Place", placeIcon, r.markAsPlace)
	place.Importance = widget.LowImportance
	items = append(items, widget.NewSeparator(), note, cp, place)
	return newCard(container.NewHBox(items...), theme.SizeNamePadding)
}

// toolbarPlace is where the selection toolbar goes in a float layer of this
// size: just above the selection's first line in view, centred on it, or
// below its last line when there is no room above. Above, as the system
// menus on phones, because the user reads on downwards and clicks or
// shift+clicks below a selection to drop or extend it: a toolbar there
// would catch those clicks. ok is false with nothing selected in view, or
// while an editor is open (the toolbar would act on what it is about).
// barSize is the toolbar's size, asked for only when it is to show.
func (r *Reader) toolbarPlace(size fyne.Size, barSize func() fyne.Size) (pos fyne.Position, bar fyne.Size, ok bool) {
	rects := r.view.SelectionRects()
	if len(rects) == 0 || (r.popover != nil && r.popover.open()) {
		return fyne.Position{}, bar, false
	}
	bar = barSize()
	pad := theme.Padding()
	line := rects[0]
	y := line.Pos.Y - bar.Height - pad
	if y < pad {
		line = rects[len(rects)-1]
		y = line.Pos.Y + line.Size.Height + pad
	}
	x := line.Pos.X + line.Size.Width/2 - bar.Width/2
	x = max(min(x, size.Width-bar.Width-2*pad), 2*pad)
	return fyne.NewPos(x, y), bar, true
}

// placeToolbar shows, hides or moves the toolbar as the selection changed.
// It lays out the float layer without refreshing what is in it: a drag
// changes the selection on every move of the mouse.
func (r *Reader) placeToolbar() { r.float.Layout.Layout(r.float.Objects, r.float.Size()) }

// showContextMenu is the view's OnSecondaryTapped.
func (r *Reader) showContextMenu(at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(r.contextMenu(at), r.win.Canvas(), r.inCanvas(at))
}

// contextMenu is the right-click menu at at: the selection's actions
// (disabled without one), and an entry for each highlight under the pointer.
func (r *Reader) contextMenu(at fyne.Position) *fyne.Menu {
	none := r.view.Selection().Len() == 0
	var items []*fyne.MenuItem
	for i, c := range reader.Colors {
		item := fyne.NewMenuItem(colorName(c)+" highlight", func() { r.highlightSelection(c) })
		item.Icon = swatchIcon(c, false)
		item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1))}
		item.Disabled = none
		items = append(items, item)
	}
	note := fyne.NewMenuItem("Note…", r.writeNote)
	note.Icon = theme.DocumentCreateIcon()
	note.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN}
	cp := fyne.NewMenuItem("Copy", r.view.Copy)
	cp.Icon = theme.ContentCopyIcon()
	cp.Shortcut = &fyne.ShortcutCopy{}
	place := fyne.NewMenuItem("Mark as place…", r.markAsPlace)
	place.Icon = placeIcon
	note.Disabled, cp.Disabled, place.Disabled = none, none, none
	items = append(items, fyne.NewMenuItemSeparator(), note, cp, place)
	if ids := r.view.HighlightsAt(at); len(ids) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
		items = append(items, r.highlightItems(ids, at, "Edit ")...)
	}
	return fyne.NewMenu("", items...)
}

// inCanvas turns a position in the view into one in the window's canvas.
func (r *Reader) inCanvas(at fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(r.view).Add(at)
}

// floatLayout places what floats over the text: the selection toolbar by
// the selection and the undo bar at the bottom centre.
type floatLayout struct{ r *Reader }

func (l floatLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	toolbar, bar := objs[0], objs[1]
	// The toolbar and the bar are measured only to be shown: measuring one
	// builds its buttons' renderers, which start-up need not wait for.
	if pos, tb, ok := l.r.toolbarPlace(size, toolbar.MinSize); ok {
		toolbar.Move(pos)
		toolbar.Resize(tb)
		toolbar.Show()
	} else {
		toolbar.Hide()
	}
	if !bar.Visible() {
		return // laid out when it shows (messageBar.relayout)
	}
	pad := theme.Padding()
	w := min(480, size.Width-4*pad)
	bar.Resize(fyne.NewSize(w, bar.MinSize().Height))
	h := bar.MinSize().Height // a wrapped message is as tall as its width makes it
	bar.Resize(fyne.NewSize(w, h))
	bar.Move(fyne.NewPos((size.Width-w)/2, size.Height-h-4*pad))
}

func (floatLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// selectionRect is the rectangle around the selection's lines in view, in
// canvas coordinates, for placing the note editor beside it.
func (r *Reader) selectionRect() docview.Rect {
	rects := r.view.SelectionRects()
	if len(rects) == 0 {
		return docview.Rect{Pos: r.inCanvas(fyne.NewPos(r.view.Size().Width/3, r.view.Size().Height/4))}
	}
	first, last := rects[0], rects[len(rects)-1]
	return docview.Rect{Pos: r.inCanvas(first.Pos), Size: fyne.NewSize(first.Size.Width, last.Pos.Y+last.Size.Height-first.Pos.Y)}
}
