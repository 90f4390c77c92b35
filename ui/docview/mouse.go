package docview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ desktop.Mouseable      = (*View)(nil)
	_ fyne.Draggable         = (*View)(nil)
	_ fyne.Tappable          = (*View)(nil)
	_ fyne.SecondaryTappable = (*View)(nil)
)

// clickSlop is how far apart, in units, two presses may be and still count
// as one double or triple click.
const clickSlop = 4

// press follows the primary button from MouseDown to MouseUp. The view
// counts clicks itself rather than being a fyne.DoubleTappable: Fyne then
// holds back every single Tapped for the double-tap delay (a link or a
// highlight would answer late) and has no triple click.
type press struct {
	down bool
	// pointer is where the pointer is, in the view's coordinates: the press
	// plus the drag's deltas, which the GL driver and test.Drag agree on
	// (their DragEvent.Position do not).
	pointer fyne.Position
	last    time.Time     // of the previous press
	lastAt  fyne.Position // where it was
	clicks  int           // 1, 2 or 3 presses in quick succession
	// noTap marks a press whose Tapped is not a tap on the text: one of a
	// double or triple click, or a shift+click.
	noTap bool
}

// MouseDown starts a selection: a click puts the caret, a double click
// selects a word, a triple click the block, shift+click extends. Any press
// focuses the view; only the primary button touches the selection, so a
// right click keeps it for the context menu.
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	p := &v.press
	now := time.Now()
	if now.Sub(p.last) <= fyne.CurrentApp().Driver().DoubleTapDelay() && near(ev.Position, p.lastAt) {
		p.clicks = min(p.clicks+1, 3)
	} else {
		p.clicks = 1
	}
	p.last, p.lastAt = now, ev.Position
	p.down, p.pointer = true, ev.Position
	shift := ev.Modifier&fyne.KeyModifierShift != 0
	p.noTap = p.clicks > 1 || shift
	o, ok := v.OffsetAt(ev.Position)
	if !ok {
		return
	}
	v.sel.hasGoal = false
	switch {
	case shift && p.clicks == 1:
		v.extendTo(o)
	case p.clicks == 1:
		v.sel.unit = byChar
		v.setSel(o, o)
	default:
		v.sel.unit = byWord
		if p.clicks == 3 {
			v.sel.unit = byBlock
		}
		v.sel.first = v.unitAt(v.clickedRune(ev.Position, o), v.sel.unit)
		v.setSel(v.sel.first.Start, v.sel.first.End)
	}
}

// clickedRune is the character under p, or off the text the one before
// boundary o (past a line's end, its last).
func (v *View) clickedRune(p fyne.Position, o int) int {
	ls := v.Lines()
	if r, ok := ls.runeAt(p.X, p.Y+v.scroll); ok {
		return r
	}
	if line := &ls.Lines[ls.LineAt(p.Y+v.scroll)]; o > line.Start && o == line.End {
		return o - 1
	}
	return o
}

func near(a, b fyne.Position) bool {
	return max(a.X-b.X, b.X-a.X) <= clickSlop && max(a.Y-b.Y, b.Y-a.Y) <= clickSlop
}

// MouseUp ends the press.
func (v *View) MouseUp(*desktop.MouseEvent) {
	v.press.down = false
	v.stopAutoScroll()
}

// Dragged extends the selection to the pointer, scrolling while the pointer
// is above or below the view.
func (v *View) Dragged(ev *fyne.DragEvent) {
	p := &v.press
	if !p.down {
		return
	}
	p.pointer = p.pointer.Add(ev.Dragged)
	v.dragTo()
	if v.pastEdge() == 0 {
		v.stopAutoScroll()
	} else {
		v.startAutoScroll()
	}
}

// DragEnd ends the drag.
func (v *View) DragEnd() {
	v.press.down = false
	v.stopAutoScroll()
}

func (v *View) dragTo() {
	if o, ok := v.OffsetAt(v.press.pointer); ok {
		v.extendTo(o)
	}
}

// pastEdge is how far the pointer is above (negative) or below the view.
func (v *View) pastEdge() float32 {
	y, h := v.press.pointer.Y, v.Size().Height
	switch {
	case y < 0:
		return y
	case y > h:
		return y - h
	}
	return 0
}

// startAutoScroll scrolls on each frame while the drag holds the pointer
// past an edge, even when the pointer stops moving and no event comes. A
// Fyne animation is the frame ticker: it runs on the UI thread, so it needs
// no goroutine handing work back with fyne.Do.
func (v *View) startAutoScroll() {
	if v.autoScroll != nil {
		return
	}
	last := time.Now()
	v.autoScroll = fyne.NewAnimation(time.Second, func(float32) {
		now := time.Now()
		v.autoScrollBy(now.Sub(last))
		last = now
	})
	v.autoScroll.RepeatCount = fyne.AnimationRepeatForever
	v.autoScroll.Curve = fyne.AnimationLinear
	v.autoScroll.Start()
}

func (v *View) stopAutoScroll() {
	if v.autoScroll != nil {
		v.autoScroll.Stop()
		v.autoScroll = nil
	}
}

// autoScrollBy scrolls for dt and extends the selection to the pointer. The
// speed grows with the distance past the edge, so the user steers it: about
// five lines a second just past the edge, fifteen at 40 units, pages a
// second far out.
func (v *View) autoScrollBy(dt time.Duration) {
	d := v.pastEdge()
	if d == 0 {
		return
	}
	speed := min(max(d, -d)*8+60, 4000) // units per second
	if d < 0 {
		speed = -speed
	}
	v.scrollBy(speed * float32(min(dt, 100*time.Millisecond).Seconds()))
	v.dragTo()
}

// Tapped calls OnBookmarkTapped on a ribbon in the margin, follows a link,
// or on highlighted text calls OnHighlightTapped. A link wins over a highlight on it: the highlight is still a click away in
// the annotations panel, the link nowhere else. The press has already put
// the caret, which cleared any selection.
func (v *View) Tapped(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.press.noTap {
		v.press.noTap = false
		return
	}
	if o, ok := v.ribbonAt(ev.Position); ok && v.OnBookmarkTapped != nil {
		v.OnBookmarkTapped(o, ev.Position)
		return
	}
	if url, ok := v.linkAt(ev.Position); ok {
		if v.OnLinkTapped != nil {
			v.OnLinkTapped(url)
		}
		return
	}
	if ids := v.HighlightsAt(ev.Position); len(ids) > 0 && v.OnHighlightTapped != nil {
		v.OnHighlightTapped(ids, ev.Position)
	}
}

// TappedSecondary calls OnSecondaryTapped; the selection stays.
func (v *View) TappedSecondary(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.OnSecondaryTapped != nil {
		v.OnSecondaryTapped(ev.Position)
	}
}

// requestFocus gives the view the keyboard: Fyne focuses nothing on a click.
func (v *View) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}
