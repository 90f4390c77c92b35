package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// wrapLimit is the longest paragraph, in bytes, that the note field wraps.
// Fyne's Entry re-wraps in time quadratic in a paragraph's length: 4 KB
// takes a fraction of a second, 20 KB seconds, 100 KB minutes (measured with
// Fyne v2.7.1). Longer paragraphs are shown unwrapped, which stays fast.
const wrapLimit = 4 << 10

// noteEntry is the multi-line field of a note. It refuses a paste that
// would take the note over reader.MaxNoteBytes, with the reader's reason,
// rather than freeze on text it could not save anyway.
type noteEntry struct {
	keyEntry
	onRefused func(error)
}

func newNoteEntry() *noteEntry {
	e := &noteEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut checks a paste before the entry takes it.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutPaste); ok {
		clip := fyne.CurrentApp().Clipboard().Content()
		if len(e.Text)-len(e.SelectedText())+len(clip) > reader.MaxNoteBytes {
			var probe reader.Annotation // for the reader's own words
			e.onRefused(probe.SetNote(e.Text+clip, time.Now()))
			return
		}
		e.fitWrapping(e.Text + clip)
	}
	e.keyEntry.TypedShortcut(s)
}

// setNote shows note, wrapped if that is quick.
func (e *noteEntry) setNote(note string) {
	e.fitWrapping(note)
	e.SetText(note)
}

// fitWrapping turns wrapping off for text with a paragraph too long to wrap quickly.
func (e *noteEntry) fitWrapping(text string) {
	wrap := fyne.TextWrapWord
	for p := range strings.SplitSeq(text, "\n") {
		if len(p) > wrapLimit {
			wrap = fyne.TextWrapOff
			break
		}
	}
	e.Wrapping = wrap
}
