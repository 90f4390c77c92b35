package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
	"sahelreader/reader/search"
)

// librarySearch is the window's full-text index of the library. It is built
// in the background at start-up; edits made meanwhile wait in pending and
// are applied, on the UI goroutine, once it is ready, so none is lost to a
// build that read the library before them.
type librarySearch struct {
	index   *search.Index // nil until built
	pending []func(*search.Index)
	err     error  // reading the annotations for the build failed
	query   string // the last query, shown again when the view reopens
	seq     int    // numbers searches, so only the latest one's results show
	onReady func() // refreshes an open search view when the index is built
}

// searchLimit is how many articles the view lists: the best ones; the
// query narrows the rest.
const searchLimit = 50

// buildSearchIndex indexes the library's articles and annotations off the
// UI goroutine.
func (r *Reader) buildSearchIndex() {
	arts := r.library.articles
	inBackground(func() {
		anns, _, err := r.store.AllAnnotations() // unreadable records are reported where they are shown
		x := search.Build(arts, anns)
		fyne.Do(func() {
			for _, f := range r.search.pending {
				f(x)
			}
			r.search.index, r.search.pending, r.search.err = x, nil, err
			if r.search.onReady != nil {
				r.search.onReady()
			}
		})
	})
}

// updateSearch keeps the index current after an edit; call it on the UI goroutine.
func (r *Reader) updateSearch(f func(*search.Index)) {
	if r.search.index == nil {
		r.search.pending = append(r.search.pending, f)
		return
	}
	f(r.search.index)
}

// ShowSearch opens the library search (Ctrl+Shift+F): results as the user
// types, grouped by article, each with its match in context; a click, or
// Enter on the best or the arrow-chosen one, opens the article at the match.
func (r *Reader) ShowSearch() {
	var d dialog.Dialog
	entry := newSearchEntry(func() { d.Hide() })
	var rows []*noteRow // every result row, in order, for the arrow keys
	selected := -1
	entry.SetPlaceHolder(`Search titles, text, notes and tags ("a phrase" in quotes)`)
	entry.ActionItem = widget.NewIcon(theme.SearchIcon())
	status := widget.NewLabel("")
	list := container.NewVBox()
	scroll := container.NewVScroll(list)
	add := func(content fyne.CanvasObject, open func()) {
		row := newTappableRow(content, open)
		rows = append(rows, row)
		list.Add(row)
	}
	show := func(results []search.Result) {
		list.Objects, rows, selected = nil, nil, -1
		for _, res := range results {
			heading := widget.NewLabelWithStyle(res.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			heading.Wrapping = fyne.TextWrapWord
			list.Add(heading)
			for _, m := range res.Matches {
				add(snippetText(m.Snippet), func() { d.Hide(); r.openAt(res.ArticleID, m.Range) })
			}
			if res.Tags != nil {
				add(container.NewVBox(quiet("Tagged"), snippetText(*res.Tags)), func() { d.Hide(); r.Open(res.ArticleID) })
			}
			for _, n := range res.Notes {
				label := "Note on “" + quotedShort(n.Annotation.Target.Quote.Exact) + "”"
				if n.Annotation.Motivation == reader.Bookmarking {
					label = "Bookmark"
				}
				add(container.NewVBox(quiet(label), snippetText(n.Snippet)), func() { d.Hide(); r.openNote(res.ArticleID, n.Annotation.ID) })
			}
			if more := res.Count - len(res.Matches); more > 0 {
				list.Add(quiet(fmt.Sprintf("%s more in this article", plural(more, "match", "matches"))))
			}
		}
		list.Refresh()
		scroll.ScrollToTop()
	}
	run := func(q string) {
		r.search.query = q
		r.search.seq++ // a search still running for an older query shows nothing
		switch {
		case r.search.index == nil:
			status.SetText("Preparing the search index…")
			return
		case strings.TrimSpace(q) == "":
			status.SetText("Every word must match; case and accents do not matter.")
			show(nil)
			return
		}
		seq, x := r.search.seq, r.search.index
		inBackground(func() {
			results := x.Search(q, searchLimit)
			fyne.Do(func() {
				if seq != r.search.seq {
					return // the user typed on
				}
				status.SetText(searchSummary(results))
				show(results)
			})
		})
	}
	entry.OnChanged = run
	// Enter opens the row chosen with the arrow keys, else the best match.
	entry.OnSubmitted = func(string) {
		if len(rows) > 0 {
			rows[max(selected, 0)].onTap()
		}
	}
	entry.onMove = func(by int) {
		if len(rows) == 0 {
			return
		}
		if selected >= 0 {
			rows[selected].selected = false
			rows[selected].Refresh()
		}
		selected = min(max(selected+by, 0), len(rows)-1)
		row := rows[selected]
		row.selected = true
		row.Refresh()
		// Bring it into view, with the line above it when scrolling up.
		y := row.Position().Y
		if y < scroll.Offset.Y {
			scroll.Offset.Y = y
		} else if bottom := y + row.Size().Height; bottom > scroll.Offset.Y+scroll.Size().Height {
			scroll.Offset.Y = bottom - scroll.Size().Height
		}
		scroll.Refresh()
	}
	top := container.NewVBox(entry, status)
	if r.search.err != nil {
		top.Add(quiet("Notes could not be read for the search: " + r.search.err.Error()))
	}
	d = dialog.NewCustom("Search the library", "Close", container.NewBorder(top, nil, nil, nil, scroll), r.win)
	r.search.onReady = func() { run(entry.Text) }
	d.SetOnClosed(func() { r.search.onReady = nil; r.focusText() })
	size := r.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width*0.9), size.Height*0.85))
	d.Show()
	entry.SetText(r.search.query)
	run(entry.Text)
	r.win.Canvas().Focus(entry)
}

// searchEntry is the query field. Escape closes the search, as it does a
// browser's find bar, where Fyne's entry would only give up the focus; the
// Up and Down arrows move through the results while the typing goes on.
type searchEntry struct {
	widget.Entry
	onEscape func()
	onMove   func(by int)
}

func newSearchEntry(onEscape func()) *searchEntry {
	e := &searchEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the search on Escape and moves through results on Up and Down.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.onEscape()
	case fyne.KeyDown:
		e.onMove(1)
	case fyne.KeyUp:
		e.onMove(-1)
	default:
		e.Entry.TypedKey(ev)
	}
}

// searchSummary says how much was found.
func searchSummary(results []search.Result) string {
	switch {
	case len(results) == 0:
		return "No matches"
	case len(results) == searchLimit:
		return fmt.Sprintf("The %d best articles; add words to narrow the search", searchLimit)
	}
	return "Found in " + plural(len(results), "article", "articles")
}

// snippetText shows a snippet with its matches in bold, in the accent colour.
func snippetText(s search.Snippet) *widget.RichText {
	rs := []rune(s.Text)
	var segs []widget.RichTextSegment
	match := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}
	at := 0
	for _, sp := range s.Spans {
		segs = appendWords(segs, rs[at:sp.Start])
		segs = append(segs, wrappable(string(rs[sp.Start:sp.End]), match))
		at = sp.End
	}
	segs = appendWords(segs, rs[at:])
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// appendWords adds plain text one word (with the spaces after it) per
// segment: Fyne 2.7 moves a whole segment that would fit on the next line
// down rather than breaking it, which left a short line after each match.
func appendWords(segs []widget.RichTextSegment, rs []rune) []widget.RichTextSegment {
	for len(rs) > 0 {
		end := 0
		for end < len(rs) && rs[end] != ' ' {
			end++
		}
		for end < len(rs) && rs[end] == ' ' {
			end++
		}
		segs = append(segs, wrappable(string(rs[:end]), widget.RichTextStyleInline))
		rs = rs[end:]
	}
	return segs
}

// zeroWidthSpace starts every segment. Fyne 2.7 sets a segment one letter
// per line when not even its first letter fits at the end of a line; a
// zero-width first character always fits, and the word then moves whole
// to the next line.
const zeroWidthSpace = "\u200b"

func wrappable(text string, style widget.RichTextStyle) *widget.TextSegment {
	return &widget.TextSegment{Text: zeroWidthSpace + text, Style: style}
}

// quotedShort is the start of a passage, for a label.
func quotedShort(s string) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) > 40 {
		return string(rs[:40]) + "…"
	}
	return string(rs)
}

// openAt opens an article and shows the range at, flashing it.
func (r *Reader) openAt(articleID string, at reader.Range) {
	r.openThen(articleID, func() {
		r.view.Reveal(at)
		r.view.Flash(at)
		r.focusText()
	})
}

// openNote opens an article at one of its annotations or bookmarks, where
// it lies in the current text; an unplaced note is listed in the panel.
func (r *Reader) openNote(articleID, id string) {
	r.openThen(articleID, func() {
		if p, ok := r.findNote(id); ok && p.At.Len() > 0 {
			r.jumpTo(id)
		} else if p.Motivation != reader.Bookmarking {
			r.setPanelShown(true)
		}
	})
}
