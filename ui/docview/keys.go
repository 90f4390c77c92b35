package docview

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"sahelreader/reader"
)

var (
	_ fyne.Focusable    = (*View)(nil)
	_ fyne.Shortcutable = (*View)(nil)
	_ desktop.Keyable   = (*View)(nil)
)

// FocusGained is part of fyne.Focusable.
func (v *View) FocusGained() {}

// FocusLost forgets the shift key: the view will not see it released.
func (v *View) FocusLost() { v.shift = false }

// KeyDown follows the shift key: Fyne's KeyEvent carries no modifiers, and
// shift+arrows extend the selection where plain arrows scroll.
func (v *View) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = true
	}
}

// KeyUp is part of desktop.Keyable.
func (v *View) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		v.shift = false
	}
}

// TypedKey offers the key to OnTypedKey, then scrolls or extends the
// selection, then passes it to the canvas. Fyne sends a key with Ctrl, Alt
// or Super held as a shortcut instead, so every key here has at most Shift.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if v.OnTypedKey != nil && v.OnTypedKey(ev) {
		return
	}
	if v.typedKey(ev.Name) {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
}

// typedKey does what a key means to the reader and reports whether it was one.
func (v *View) typedKey(k fyne.KeyName) bool {
	line := v.lineStep()
	page := max(v.Size().Height-line, line)
	switch k {
	case fyne.KeyDown, fyne.KeyUp:
		dir := 1
		if k == fyne.KeyUp {
			dir = -1
		}
		if v.shift {
			v.extendByLine(dir)
		} else {
			v.scrollBy(float32(dir) * line)
		}
	case fyne.KeyLeft, fyne.KeyRight:
		if !v.shift {
			return false
		}
		if k == fyne.KeyLeft {
			v.extendByRune(-1)
		} else {
			v.extendByRune(1)
		}
	case fyne.KeySpace:
		if v.shift {
			page = -page
		}
		v.scrollBy(page)
	case fyne.KeyPageDown:
		v.scrollBy(page)
	case fyne.KeyPageUp:
		v.scrollBy(-page)
	case fyne.KeyHome:
		v.scrollBy(-v.scroll)
	case fyne.KeyEnd:
		if ls := v.Lines(); ls != nil {
			v.scrollBy(ls.Height)
		}
	case fyne.KeyEscape:
		if v.Selection().Len() == 0 {
			return false // the window may close something with it
		}
		v.ClearSelection()
	default:
		return false
	}
	return true
}

// TypedRune offers the character to OnTypedRune, then scrolls on j and k,
// then passes it to the canvas. The space also arrives as KeySpace, which
// pages, so here it is dropped.
func (v *View) TypedRune(r rune) {
	if v.OnTypedRune != nil && v.OnTypedRune(r) {
		return
	}
	switch r {
	case 'j':
		v.scrollBy(v.lineStep())
		return
	case 'k':
		v.scrollBy(-v.lineStep())
		return
	case ' ':
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.OnTypedRune() != nil {
		c.OnTypedRune()(r)
	}
}

// TypedShortcut selects all or copies, through Fyne's shortcut types so
// that Cmd works on macOS. Other shortcuts go to the canvas: Fyne gives a
// focused Shortcutable every shortcut and the canvas none (fyne #2627).
func (v *View) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutSelectAll:
		v.SelectAll()
	case *fyne.ShortcutCopy:
		v.Copy()
	default:
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(v).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
		}
	}
}

// lineStep is how far a line key scrolls: one line of body text.
func (v *View) lineStep() float32 {
	o := v.options()
	return o.TextSize * o.LineSpacing
}

// keyFocus is where shift+arrows move from: the selection's focus, or when
// nothing is selected and the caret is out of sight, the top of the view,
// where the reader is looking (the caret moves there).
func (v *View) keyFocus() int {
	o := v.sel.focus
	if v.Selection().Len() > 0 {
		return o
	}
	if ls := v.Lines(); ls != nil && len(ls.Lines) > 0 {
		l := &ls.Lines[ls.lineOf(o)]
		if l.Y+l.Height <= v.scroll || l.Y >= v.scroll+v.Size().Height {
			o = v.TopOffset()
			v.sel.anchor = o
		}
	}
	return o
}

// extendByRune moves the focus one character, never between a letter and
// its combining accents.
func (v *View) extendByRune(dir int) {
	if v.doc == nil {
		return
	}
	rs := v.doc.Runes()
	o := v.keyFocus() + dir
	for o > 0 && o < len(rs) && unicode.Is(unicode.Mn, rs[o]) {
		o += dir
	}
	v.sel.unit, v.sel.hasGoal = byChar, false
	v.setSel(v.sel.anchor, o)
	v.reveal(v.sel.focus)
}

// extendByLine moves the focus to the line above or below, as near as it
// goes to the x it started from; past the first or last line, to the start
// or end of the text.
func (v *View) extendByLine(dir int) {
	ls := v.Lines()
	if ls == nil || len(ls.Lines) == 0 {
		return
	}
	o := v.keyFocus()
	i := ls.lineOf(o)
	if !v.sel.hasGoal {
		m := lockMeasurer()
		v.sel.goalX = ls.caretX(m, &ls.Lines[i], o)
		m.unlock()
		v.sel.hasGoal = true
	}
	switch j := i + dir; {
	case j < 0:
		o = 0
	case j >= len(ls.Lines):
		o = v.doc.Len()
	default:
		o, _ = ls.OffsetAt(v.sel.goalX, ls.Lines[j].Y+ls.Lines[j].Height/2)
	}
	v.sel.unit = byChar
	v.setSel(v.sel.anchor, o)
	v.reveal(o)
}

// reveal scrolls the least that shows the line holding offset o.
func (v *View) reveal(o int) {
	ls := v.Lines()
	if ls == nil || len(ls.Lines) == 0 {
		return
	}
	l := &ls.Lines[ls.lineOf(o)]
	switch h := v.Size().Height; {
	case l.Y < v.scroll:
		v.scrollBy(l.Y - v.scroll)
	case l.Y+l.Height > v.scroll+h:
		v.scrollBy(l.Y + l.Height - h - v.scroll)
	}
}

// Reveal scrolls r into view if its first line is not in view already,
// putting that line a third of the way down, with context above it, as a
// find's current match wants.
func (v *View) Reveal(r reader.Range) {
	ls := v.Lines()
	if ls == nil || len(ls.Lines) == 0 {
		v.anchor = r.Start
		return
	}
	l := &ls.Lines[ls.lineOf(r.Start)]
	h := v.Size().Height
	if l.Y >= v.scroll && l.Y+l.Height <= v.scroll+h {
		return
	}
	v.scrollBy(l.Y - h/3 - v.scroll)
}
