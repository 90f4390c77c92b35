package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// maxFindMatches bounds the matches one find marks and counts: a letter
// typed alone can match 100,000 times in a long article, which no one steps
// through, and the count then reads "of 10000+".
const maxFindMatches = 10_000

// findBar is find in article (Ctrl+F): a bar above the text whose field
// searches as the user types, ignoring case and accents, marks every match
// and steps through them with Enter and Shift+Enter. The search runs off
// the UI goroutine, so typing stays responsive in a long article; a result
// for an older query or another article is dropped.
type findBar struct {
	r      *Reader
	box    *fyne.Container // hidden while find is closed
	entry  *keyEntry
	count  *widget.Label
	prev   *widget.Button
	next   *widget.Button
	async  func(func()) // inBackground, which tests run at once
	search int          // counts searches, so an older one's result is dropped

	doc     *reader.Document // the article index was made for
	index   *reader.FindIndex
	matches []reader.Range
	current int // index in matches of the one the user is on
}

func newFindBar(r *Reader) *findBar {
	f := &findBar{r: r, entry: newKeyEntry(), count: widget.NewLabel(""), async: inBackground}
	f.entry.SetPlaceHolder("Find in the article")
	f.entry.OnChanged = func(string) { f.find() }
	f.entry.onKey = f.typedKey
	f.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) })
	f.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(1) })
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	for _, b := range []*widget.Button{f.prev, f.next, closeButton} {
		b.Importance = widget.LowImportance
	}
	buttons := container.NewHBox(f.count, f.prev, f.next, closeButton)
	f.box = container.NewPadded(newCard(container.NewBorder(nil, nil, nil, buttons, f.entry), theme.SizeNamePadding))
	f.box.Hide()
	return f
}

// open shows the bar with the keyboard in its field, the last query
// selected so that typing replaces it, searched again in this article.
func (f *findBar) open() {
	if !f.box.Visible() {
		f.box.Show()
		f.r.relayoutText()
	}
	f.r.win.Canvas().Focus(f.entry)
	f.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	f.find()
}

// close hides the bar, clears the marks and gives the keyboard back to the text.
func (f *findBar) close() {
	f.search++
	f.matches = nil
	f.r.view.SetFindMatches(nil, -1)
	f.box.Hide()
	f.r.relayoutText()
	f.r.win.SetTitle(Title)
	f.r.focusText()
}

// isOpen reports whether the bar is showing.
func (f *findBar) isOpen() bool { return f.box.Visible() }

// typedKey is the field's: Enter and Shift+Enter step, Esc closes.
func (f *findBar) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if f.entry.shift {
			f.step(-1)
		} else {
			f.step(1)
		}
	case fyne.KeyEscape:
		f.close()
	default:
		return false
	}
	return true
}

// articleChanged starts the find over in the article now shown.
func (f *findBar) articleChanged() {
	if f.isOpen() {
		f.find()
	}
}

// find searches the open article for the field's text. The index of a new
// article is built in the same background call as its first search.
func (f *findBar) find() {
	f.search++
	n, query, doc := f.search, f.entry.Text, f.r.view.Document()
	index := f.index
	if f.doc != doc {
		index = nil
	}
	if doc == nil || query == "" {
		f.show(nil, doc, index)
		return
	}
	f.async(func() {
		if index == nil {
			index = reader.NewFindIndex(doc.Text)
		}
		found := index.FindAll(query, maxFindMatches)
		fyne.Do(func() {
			if n == f.search {
				f.show(found, doc, index)
			}
		})
	})
}

// show marks the matches found and goes to the first one from where the
// reader is, as a find in a browser does.
func (f *findBar) show(found []reader.Range, doc *reader.Document, index *reader.FindIndex) {
	f.doc, f.index, f.matches = doc, index, found
	f.current = 0
	top := f.r.view.TopOffset()
	for i, m := range found {
		if m.Start >= top {
			f.current = i
			break
		}
	}
	f.goTo(f.current)
}

// step moves to the next match (dir 1) or the previous (-1), round the ends.
func (f *findBar) step(dir int) {
	if len(f.matches) == 0 {
		return
	}
	f.goTo((f.current + dir + len(f.matches)) % len(f.matches))
}

// goTo makes match i the current one, scrolls it into view and says where
// it is, in the bar and in the window title, where screen readers and
// scripts can read it (Fyne has no accessibility interface of its own).
func (f *findBar) goTo(i int) {
	f.current = i
	f.r.view.SetFindMatches(f.matches, i)
	has := len(f.matches) > 0
	setEnabled(f.prev, len(f.matches) > 1)
	setEnabled(f.next, len(f.matches) > 1)
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case !has:
		f.count.SetText("No matches")
	default:
		f.r.view.Reveal(f.matches[i])
		f.count.SetText(f.countText())
	}
	title := Title
	if f.entry.Text != "" {
		title = fmt.Sprintf("%s — Find “%s”: %s", Title, f.entry.Text, f.count.Text)
	}
	f.r.win.SetTitle(title)
}

// countText is "3 of 12", or "3 of 10000+" when the matches were cut short.
func (f *findBar) countText() string {
	more := ""
	if len(f.matches) == maxFindMatches {
		more = "+"
	}
	return fmt.Sprintf("%d of %d%s", f.current+1, len(f.matches), more)
}
