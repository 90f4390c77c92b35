package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// openInBackground is the size of Markdown above which an article's
// Document and layout are made off the UI goroutine (some 25 ms of work);
// a smaller one opens at once, without an "Opening…" bar flashing by.
const openInBackground = 256 << 10

// opener makes the Document and layout of a large article off the UI
// goroutine while the article on screen stays readable, with a bar saying
// what is being opened. Only the last article asked for is shown: a result
// for one the user has since left is dropped, as find and places do.
type opener struct {
	box      *fyne.Container // the bar, hidden while nothing is being opened
	label    *widget.Label
	activity *widget.Activity
	asked    int          // counts requests; a result for an older one is dropped
	async    func(func()) // inBackground, or at once in tests
	relayout func()       // lays out the text's column when the bar shows or hides
}

func newOpener() *opener {
	o := &opener{label: widget.NewLabel(""), activity: widget.NewActivity(), async: inBackground}
	o.box = container.NewPadded(newCard(container.NewHBox(o.activity, o.label), theme.SizeNamePadding))
	o.box.Hide()
	return o
}

// Open shows the article with this id and remembers it for the next start.
func (r *Reader) Open(id string) { r.openThen(id, nil) }

// openThen opens the article and then, once it is on screen (at once, or
// when a large one is ready), calls then if not nil.
func (r *Reader) openThen(id string, then func()) {
	if _, ok := r.library.index(id); !ok {
		return
	}
	if id != r.current {
		r.load(id, then)
		return
	}
	r.opening.cancel() // back to the article on screen: drop a slower one
	r.focusText()      // Enter on the open article's row: back to reading it
	if then != nil {
		then()
	}
}

// load makes the article's Document and layout, in the background if it
// is large, and shows it unless another article was asked for meanwhile.
func (r *Reader) load(id string, then func()) {
	i, _ := r.library.index(id)
	a := r.library.articles[i]
	o := r.opening
	o.asked++
	shown := func(set func()) {
		r.show(a, set)
		if then != nil {
			then()
		}
	}
	if len(a.Body) < openInBackground {
		o.setShown(false)
		doc := a.Document()
		shown(func() { r.view.SetDocument(doc) })
		return
	}
	if r.current == "" {
		// What the view shows belongs to no article (a restore, a delete):
		// nothing is to be selected or annotated there meanwhile.
		r.view.SetDocument(&reader.Document{})
	}
	asked := o.asked
	o.label.SetText("Opening “" + a.Title + "”…")
	o.setShown(true)
	layout := r.view.Prepare()
	o.async(func() {
		doc := a.Document()
		doc.Runes() // cached for the view; 76 MB of code points for a 19 MB text
		layout.Run(doc)
		fyne.Do(func() {
			if asked != o.asked {
				return
			}
			o.setShown(false)
			// Deleted meanwhile: the library has moved on to another article.
			if _, ok := r.library.index(a.ID); ok {
				shown(func() { r.view.SetPrepared(layout) })
			}
		})
	})
}

// cancel drops the article being opened, if any.
func (o *opener) cancel() {
	o.asked++
	o.setShown(false)
}

func (o *opener) setShown(show bool) {
	if show == o.box.Visible() {
		return
	}
	if show {
		o.box.Show()
		o.activity.Start()
	} else {
		o.activity.Stop()
		o.box.Hide()
	}
	if o.relayout != nil {
		o.relayout()
	}
}

// show puts article a on screen, set in the view by set, with its
// annotations, position and places.
func (r *Reader) show(a reader.Article, set func()) {
	// An open editor saves into the article it is about; one that cannot
	// (a note too long) is closed: it would save into the next article.
	r.closePopover()
	if r.popover != nil {
		r.popover.close()
	}
	id := a.ID
	r.current = id
	state := r.library.state(id) // before the view reports the new text's first screen
	set()
	doc := r.view.Document()
	r.find.articleChanged()
	r.loadNotes()
	r.restorePosition(state)
	r.places.show(doc, r.placeCorrections(id))
	r.win.Canvas().Focus(r.view)
	r.library.mark(id)
	r.showSaved()
	r.mine.update(id)
	r.win.SetTitle(Title)
	if err := r.store.SetLastArticle(id); err != nil {
		r.showError("Could not save where you are", err)
	}
}
