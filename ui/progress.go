package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"sahelreader/reader"
)

// positionDelay is how long a scroll waits before its position is written.
// Scrolling writes at most once per delay, and a kill loses at most the
// last delay of scrolling; quitting normally (Flush) loses nothing.
const positionDelay = 500 * time.Millisecond

// positionSaver writes the open article's reading position in the
// background, coalescing the scroll events of one delay into one write.
type positionSaver struct {
	write    func(articleID string, s reader.ReadingState) error
	schedule func(func()) // runs its argument after the delay, on another goroutine
	onError  func(error)  // told of a failed background write, once per run of failures

	mu        sync.Mutex // guards what follows
	id        string
	state     reader.ReadingState
	dirty     bool // state is not on disk yet
	scheduled bool
	failing   bool
	writing   sync.Mutex // held for a whole write, so writes land in order
}

func newPositionSaver(write func(string, reader.ReadingState) error, onError func(error)) *positionSaver {
	return &positionSaver{
		write:    write,
		onError:  onError,
		schedule: afterPositionDelay,
	}
}

// afterPositionDelay runs f after positionDelay on another goroutine. UI
// tests make it do nothing and call Flush themselves.
var afterPositionDelay = func(f func()) { time.AfterFunc(positionDelay, f) }

// set records the position of article id, to be written after the delay. A
// pending position of another article is written first, at once.
func (p *positionSaver) set(id string, s reader.ReadingState) {
	p.mu.Lock()
	other := p.dirty && p.id != id
	p.mu.Unlock()
	if other {
		p.report(p.flush())
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.id, p.state, p.dirty = id, s, true
	if !p.scheduled {
		p.scheduled = true
		p.schedule(func() {
			p.mu.Lock()
			p.scheduled = false
			p.mu.Unlock()
			p.report(p.flush())
		})
	}
}

// flush writes the pending position now, if there is one. It may be called
// from any goroutine. After a failed write the position stays pending, so
// the next flush tries again.
func (p *positionSaver) flush() error {
	p.writing.Lock()
	defer p.writing.Unlock()
	p.mu.Lock()
	if !p.dirty {
		p.mu.Unlock()
		return nil
	}
	id, s := p.id, p.state
	p.dirty = false
	p.mu.Unlock()
	err := p.write(id, s)
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil && !p.dirty { // nothing newer came meanwhile: keep this one
		p.id, p.state, p.dirty = id, s, true
	}
	return err
}

// report tells onError of the first failure after a success: a disk that
// stays full would otherwise raise a dialog twice a second.
func (p *positionSaver) report(err error) {
	p.mu.Lock()
	first := err != nil && !p.failing
	p.failing = err != nil
	p.mu.Unlock()
	if first {
		p.onError(err)
	}
}

// Flush writes the reading position if it changed since the last write;
// the app calls it when it quits, so a normal quit loses no scrolling. It
// may be called from any goroutine.
func (r *Reader) Flush() error { return r.positions.flush() }

// restorePosition returns to where the reader was in the article just set
// in the view, and records that it was opened now.
func (r *Reader) restorePosition(state reader.ReadingState) {
	doc := r.view.Document()
	if state.Top > 0 {
		r.view.ScrollToOffset(min(state.Top, doc.Len()))
	}
	state.Top = r.view.TopOffset()
	r.recordPosition(state, r.view.Shown())
}

// shown follows the text on screen: where the reader is, how far they got.
func (r *Reader) shown(on reader.Range) {
	if r.current == "" {
		return
	}
	r.recordPosition(r.library.state(r.current), on)
}

func (r *Reader) recordPosition(s reader.ReadingState, on reader.Range) {
	doc := r.view.Document()
	if s.Length != doc.Len() { // the text changed since: keep the share read
		s.Furthest = int(s.Progress() * float64(doc.Len()))
		s.Length = doc.Len()
	}
	s.Top = on.Start
	s.Furthest = max(s.Furthest, on.End)
	s.LastRead = time.Now().UTC()
	r.library.setState(r.current, s)
	r.positions.set(r.current, s)
}

// ToggleSaved stars the open article, or takes its star away. The star is
// on disk before it shows.
func (r *Reader) ToggleSaved() {
	s := r.library.state(r.current)
	if err := r.store.SetSaved(r.current, !s.Saved); err != nil {
		r.showError("Could not save the star", err)
		return
	}
	s.Saved = !s.Saved
	r.library.setState(r.current, s)
	r.showSaved()
}

// showSaved shows the toolbar's star filled while the open article is saved.
func (r *Reader) showSaved() {
	if r.library.state(r.current).Saved {
		r.savedButton.SetIcon(starIcon)
	} else {
		r.savedButton.SetIcon(starOutlineIcon)
	}
}

// reportPositionError shows a failed background write of the position.
func (r *Reader) reportPositionError(err error) {
	fyne.Do(func() { r.showError("Could not save your reading position", err) })
}
