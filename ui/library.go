package ui

import (
	"fmt"
	"log"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// libraryList is the sidebar listing the articles, sorted and filtered as
// the user chose, each with how far it was read; the open one is selected.
type libraryList struct {
	articles []reader.Article // every article, in library order
	states   map[string]reader.ReadingState
	rows     []reader.LibraryEntry // what the list shows
	order    reader.LibrarySort
	filter   reader.LibraryFilter
	current  string // the open article, selected when shown
	list     *keyList
	sort     *widget.Select
	show     *widget.Select
	onOpen   func(id string)
	marking  bool // set while the window selects a row itself, so it is not taken as a click
	// onMenu shows a row's context menu (article_details.go).
	onMenu func(id string, at fyne.Position)
	// lines caches each article's articleLine: counting the words of a
	// 19 MB article at every row refresh froze the window for seconds.
	lines map[string]string
}

func newLibraryList(articles []reader.Article, states map[string]reader.ReadingState, onOpen func(id string)) *libraryList {
	l := &libraryList{articles: articles, states: states, onOpen: onOpen}
	if l.states == nil {
		l.states = map[string]reader.ReadingState{}
	}
	l.list = newKeyList(
		func() int { return len(l.rows) },
		newLibraryRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			fillLibraryRow(o, l.rows[i], l.line(l.rows[i].Article))
			id, area := l.rows[i].Article.ID, o.(*fyne.Container).Objects[6].(*rowMenuArea)
			area.open = func(at fyne.Position) { l.onMenu(id, at) }
			area.tap = func() { l.list.Select(i) }
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if !l.marking {
			l.list.cursor = i // a tap or Space moved the keyboard there
			l.onOpen(l.rows[i].Article.ID)
		}
	}
	l.list.onEnter = func(i int) { l.onOpen(l.rows[i].Article.ID) }
	var sorts, filters []string
	for _, s := range reader.LibrarySorts {
		sorts = append(sorts, sortLabels[s.Sort])
	}
	for _, f := range reader.LibraryFilters {
		filters = append(filters, filterLabels[f.Filter])
	}
	l.sort = widget.NewSelect(sorts, func(string) {
		l.order = reader.LibrarySorts[l.sort.SelectedIndex()].Sort
		l.refill()
	})
	l.show = widget.NewSelect(filters, func(string) {
		l.filter = reader.LibraryFilters[l.show.SelectedIndex()].Filter
		l.refill()
	})
	l.sort.SetSelectedIndex(0)
	l.show.SetSelectedIndex(0)
	return l
}

// The menus' words for the orders and filters.
var (
	sortLabels = map[reader.LibrarySort]string{
		reader.SortRecent: "Recent first", reader.SortTitle: "By title",
		reader.SortDate: "Newest first", reader.SortProgress: "By progress",
	}
	filterLabels = map[reader.LibraryFilter]string{
		reader.ShowAll: "All articles", reader.ShowUnread: "Unread",
		reader.ShowInProgress: "In progress", reader.ShowFinished: "Finished", reader.ShowSaved: "Saved",
	}
)

// setArticles replaces the articles listed, keeping the order, the filter
// and the open article's selection (articles may be added while the app runs).
func (l *libraryList) setArticles(articles []reader.Article) {
	l.articles, l.lines = articles, nil
	l.refill()
}

// choose shows the library in the order and through the filter with these
// names (reader.LibrarySorts, reader.LibraryFilters); an unknown name,
// from a newer version or a damaged file, keeps the default.
func (l *libraryList) choose(sortName, filterName string) {
	if i := slices.IndexFunc(reader.LibrarySorts, func(s reader.LibrarySortName) bool { return s.Name == sortName }); i >= 0 {
		l.sort.SetSelectedIndex(i)
	} else if sortName != "" {
		log.Printf("sahelreader: unknown library order %q, using %q", sortName, reader.LibrarySorts[0].Name)
	}
	if i := slices.IndexFunc(reader.LibraryFilters, func(f reader.LibraryFilterName) bool { return f.Name == filterName }); i >= 0 {
		l.show.SetSelectedIndex(i)
	} else if filterName != "" {
		log.Printf("sahelreader: unknown library filter %q, showing %q", filterName, reader.LibraryFilters[0].Name)
	}
}

// chosen names the order and the filter the library shows.
func (l *libraryList) chosen() (sortName, filterName string) {
	return reader.LibrarySorts[l.sort.SelectedIndex()].Name, reader.LibraryFilters[l.show.SelectedIndex()].Name
}

// refill lists the articles again by the chosen order and filter.
func (l *libraryList) refill() {
	l.rows = reader.LibraryRows(l.articles, l.states, l.filter, l.order)
	l.list.Refresh()
	l.mark(l.current)
}

func (l *libraryList) state(id string) reader.ReadingState { return l.states[id] }

// setState shows a new state of one article in its row; the rows keep
// their order until the order or the filter changes, so the row the user
// is reading never jumps away.
func (l *libraryList) setState(id string, s reader.ReadingState) {
	old := l.states[id]
	if old == s {
		return
	}
	l.states[id] = s
	if i, ok := l.row(id); ok {
		l.rows[i].State = s
		// Only if the row would look different: most changes are of the
		// reading position and its time (every scroll, twice as an article
		// opens), and Fyne's RefreshItem fills every visible row again.
		if rowLook(old) != rowLook(s) {
			l.list.RefreshItem(i)
		}
	}
}

// look is what a library row shows of a reading state (fillLibraryRow).
type look struct {
	saved, opened bool
	progress      float32
	label         string
}

func rowLook(s reader.ReadingState) look {
	return look{s.Saved, s.Opened(), float32(s.Progress()), progressLabel(s)}
}

// newLibraryRow is a row template: the title on up to two lines, so titles
// like "Gao and Timbuktu: the cities of the Niger bend" are read whole, a
// star if saved, then a smaller, quieter line, and a thin bar of progress
// with its percentage.
func newLibraryRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.Truncation = fyne.TextTruncateEllipsis
	star := widget.NewIcon(starIcon)
	meta := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	meta.Truncation = fyne.TextTruncateEllipsis
	track := canvas.NewRectangle(theme.Color(theme.ColorNameDisabledButton))
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	track.CornerRadius, bar.CornerRadius = progressHeight/2, progressHeight/2
	pct := canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	return container.New(&libraryRowLayout{}, title, star, meta, track, bar, pct, newRowMenuArea())
}

// fillLibraryRow shows entry e, with line under its title, in a row made
// by newLibraryRow.
func fillLibraryRow(o fyne.CanvasObject, e reader.LibraryEntry, line string) {
	c := o.(*fyne.Container)
	objs := c.Objects
	objs[0].(*widget.Label).SetText(e.Article.Title)
	if e.State.Saved {
		objs[1].Show()
	} else {
		objs[1].Hide()
	}
	meta := objs[2].(*widget.RichText)
	meta.Segments[0].(*widget.TextSegment).Text = line
	meta.Refresh()
	c.Layout.(*libraryRowLayout).progress = -1
	if e.State.Opened() {
		c.Layout.(*libraryRowLayout).progress = float32(e.State.Progress())
	}
	objs[3].(*canvas.Rectangle).FillColor = theme.Color(theme.ColorNameDisabledButton)
	objs[4].(*canvas.Rectangle).FillColor = theme.Color(theme.ColorNamePrimary)
	pct := objs[5].(*canvas.Text)
	pct.Text, pct.Color, pct.TextSize = progressLabel(e.State), theme.Color(theme.ColorNamePlaceHolder), theme.CaptionTextSize()
	c.Refresh()
}

// progressHeight is the thickness of a row's progress bar.
const progressHeight = 3

// libraryRowLayout sets a row: the title's lines, the meta line, then the
// progress bar and its words, as one block centred in the row, so a
// one-line title leaves no gap between itself and its meta line.
type libraryRowLayout struct {
	progress float32 // 0 to 1; below 0 (never opened) hides the bar
}

func lineHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
}

// captionHeight is the height of the progress line.
func captionHeight() float32 {
	return fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height
}

func (l *libraryRowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	title, star, meta, track, bar, pct := objects[0], objects[1], objects[2], objects[3], objects[4], objects[5]
	pad := theme.InnerPadding()
	iconSize := theme.IconInlineSize()
	titleW := size.Width
	if star.Visible() {
		titleW -= iconSize + theme.Padding()
	}
	lines := float32(1)
	text := title.(*widget.Label).Text
	if fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width > titleW-2*pad {
		lines = 2
	}
	titleH := lines*lineHeight() + 2*pad
	metaH := meta.MinSize().Height
	captionH := float32(0)
	if l.progress >= 0 {
		captionH = captionHeight()
	}
	blockH := titleH - pad + metaH - pad + captionH
	y := max(0, (size.Height-blockH)/2)
	title.Move(fyne.NewPos(0, y))
	title.Resize(fyne.NewSize(titleW, titleH))
	star.Move(fyne.NewPos(size.Width-iconSize, y+pad))
	star.Resize(fyne.NewSize(iconSize, iconSize))
	y += titleH - pad
	meta.Move(fyne.NewPos(0, y))
	meta.Resize(fyne.NewSize(size.Width, metaH))
	y += metaH - pad
	for _, o := range []fyne.CanvasObject{track, bar, pct} {
		if l.progress < 0 {
			o.Hide()
		} else {
			o.Show()
		}
	}
	pctW := pct.MinSize().Width
	// Digits sit above the line's middle (no descenders): raise them to the bar.
	pct.Move(fyne.NewPos(size.Width-pad-pctW, y-captionH*0.12))
	pct.Resize(fyne.NewSize(pctW, captionH))
	trackW := max(0, size.Width-3*pad-pctW)
	track.Move(fyne.NewPos(pad, y+(captionH-progressHeight)/2))
	track.Resize(fyne.NewSize(trackW, progressHeight))
	bar.Move(track.Position())
	bar.Resize(fyne.NewSize(max(progressHeight, trackW*max(0, l.progress)), progressHeight))
	objects[6].Resize(size) // the whole row takes right-clicks
}

func (l *libraryRowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objects[0].MinSize().Width, 2*lineHeight()+2*theme.InnerPadding()+objects[2].MinSize().Height+captionHeight())
}

// articleLine is the line under a title: date, source and reading time.
func articleLine(a reader.Article) string {
	return fmt.Sprintf("%s · %s · %s read", a.Published.Format("2 Jan 2006"), a.Source, readingTime(a.ReadingMinutes()))
}

// readingTime says minutes as a reader counts them: "7 min", "1 h 20 min",
// "228 h" (a book-length import showed "13725 min").
func readingTime(minutes int) string {
	switch h, m := minutes/60, minutes%60; {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case h >= 10 || m == 0:
		return fmt.Sprintf("%d h", h)
	default:
		return fmt.Sprintf("%d h %d min", h, m)
	}
}

// line is articleLine(*a), counted once per article.
func (l *libraryList) line(a *reader.Article) string {
	s, ok := l.lines[a.ID]
	if !ok {
		if l.lines == nil {
			l.lines = map[string]string{}
		}
		s = articleLine(*a)
		l.lines[a.ID] = s
	}
	return s
}

// progressLabel says how far an article was read, beside its bar.
func progressLabel(s reader.ReadingState) string {
	switch {
	case s.Finished():
		return "finished"
	case s.Opened():
		return fmt.Sprintf("%d %%", int(s.Progress()*100))
	}
	return ""
}

func (l *libraryList) widget() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(heading, container.NewGridWithColumns(2, l.sort, l.show))
	// Top before the list, unlike NewBorder's order: Tab goes through the
	// objects in order, and the menus come before the rows they sort.
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, l.list)
}

// index is the position of the article with this id in l.articles.
func (l *libraryList) index(id string) (int, bool) {
	for i, a := range l.articles {
		if a.ID == id {
			return i, true
		}
	}
	return -1, false
}

// row is the list row showing the article with this id, if shown.
func (l *libraryList) row(id string) (int, bool) {
	for i, e := range l.rows {
		if e.Article.ID == id {
			return i, true
		}
	}
	return -1, false
}

// mark selects the open article's row without opening it again; with the
// article filtered out, no row is selected.
func (l *libraryList) mark(id string) {
	l.current = id
	l.marking = true
	if i, ok := l.row(id); ok {
		l.list.Select(i)
	} else {
		l.list.UnselectAll()
	}
	l.marking = false
}
