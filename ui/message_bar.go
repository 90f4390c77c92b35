package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// messageBar is a message that does not stand in the way of reading: one
// line, maybe an action ("Undo", "Details"), and a close button. It is for
// news the user may act on or ignore, where a dialog would demand a click.
type messageBar struct {
	// box is what goes in the window, hidden while there is nothing to say.
	// It is not embedded: Fyne's drivers draw a *fyne.Container, not a
	// struct that embeds one.
	box      *fyne.Container
	text     *widget.Label
	action   *widget.Button
	onAction func()
	shown    int    // counts messages, so an old timer never hides a newer one
	relayout func() // lays out again what holds the bar, which shows or hides
}

func newMessageBar() *messageBar {
	b := &messageBar{text: widget.NewLabel("")}
	b.text.Wrapping = fyne.TextWrapWord
	b.action = widget.NewButton("", func() {
		if b.onAction != nil {
			b.onAction()
		}
	})
	b.action.Importance = widget.HighImportance
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide)
	closeButton.Importance = widget.LowImportance
	buttons := container.NewHBox(b.action, closeButton)
	// Padded inside the container that hides, so a hidden bar takes no room.
	b.box = container.NewPadded(newCard(container.NewBorder(nil, nil, nil, buttons, b.text), theme.SizeNamePadding))
	b.box.Hide()
	return b
}

// show says text, with a button labelled actionLabel doing action (none if
// the label is empty), and hides it after timeout (never if it is 0).
func (b *messageBar) show(text, actionLabel string, action func(), timeout time.Duration) {
	b.shown++
	b.text.SetText(text)
	b.onAction = action
	b.action.SetText(actionLabel)
	if actionLabel == "" {
		b.action.Hide()
	} else {
		b.action.Show()
	}
	b.setVisible(true)
	if timeout > 0 {
		n := b.shown
		time.AfterFunc(timeout, func() {
			fyne.Do(func() {
				if b.shown == n {
					b.hide()
				}
			})
		})
	}
}

func (b *messageBar) hide() {
	b.shown++
	b.setVisible(false)
}

func (b *messageBar) setVisible(v bool) {
	if !v && !b.box.Visible() {
		// Nothing to lay out again: what holds the bar would refresh all it
		// holds, at start-up building the renderers of hidden bars.
		return
	}
	if v {
		b.box.Show()
	} else {
		b.box.Hide()
	}
	if b.relayout != nil {
		b.relayout()
	}
}

// visible reports whether the bar is showing a message.
func (b *messageBar) visible() bool { return b.box.Visible() }
