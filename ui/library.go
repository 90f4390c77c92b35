package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// libraryList is the sidebar listing the articles; the open one is selected.
type libraryList struct {
	articles []reader.Article
	list     *widget.List
	onOpen   func(id string)
	marking  bool // set while the window selects a row itself, so it is not taken as a click
	// onMenu shows a row's context menu (article_details.go).
	onMenu func(id string, at fyne.Position)
}

func newLibraryList(articles []reader.Article, onOpen func(id string)) *libraryList {
	l := &libraryList{articles: articles, onOpen: onOpen}
	l.list = widget.NewList(
		func() int { return len(l.articles) },
		newLibraryRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			rows := o.(*fyne.Container).Objects
			rows[0].(*widget.Label).SetText(l.articles[i].Title)
			meta := rows[1].(*widget.RichText)
			meta.Segments[0].(*widget.TextSegment).Text = articleLine(l.articles[i])
			meta.Refresh()
			id, area := l.articles[i].ID, rows[2].(*rowMenuArea)
			area.open = func(at fyne.Position) { l.onMenu(id, at) }
			area.tap = func() { l.list.Select(i) }
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if !l.marking {
			l.onOpen(l.articles[i].ID)
		}
	}
	return l
}

// newLibraryRow is a row template: the title on up to two lines, so titles
// like "Gao and Timbuktu: the cities of the Niger bend" are read whole, and
// a smaller, quieter line below it.
func newLibraryRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.New(&libraryRowLayout{}, title, meta, newRowMenuArea())
}

// libraryRowLayout stacks title and meta line, giving the title two lines.
type libraryRowLayout struct{}

func (*libraryRowLayout) titleHeight() float32 {
	th := fyne.CurrentApp().Settings().Theme()
	line := fyne.MeasureText("Ag", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Height
	return 2*line + 2*th.Size(theme.SizeNameInnerPadding)
}

func (l *libraryRowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	h := l.titleHeight()
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, h))
	metaH := objects[1].MinSize().Height
	objects[1].Move(fyne.NewPos(0, h-theme.InnerPadding()))
	objects[1].Resize(fyne.NewSize(size.Width, metaH))
	objects[2].Resize(size) // the whole row takes right-clicks
}

func (l *libraryRowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objects[0].MinSize().Width, l.titleHeight()+objects[1].MinSize().Height-theme.InnerPadding())
}

// articleLine is the line under a title: date, source and reading time.
func articleLine(a reader.Article) string {
	return fmt.Sprintf("%s · %s · %d min read", a.Published.Format("2 Jan 2006"), a.Source, a.ReadingMinutes())
}

func (l *libraryList) widget() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(heading, nil, nil, nil, l.list)
}

func (l *libraryList) index(id string) (int, bool) {
	for i, a := range l.articles {
		if a.ID == id {
			return i, true
		}
	}
	return -1, false
}

// setArticles replaces the articles listed.
func (l *libraryList) setArticles(articles []reader.Article) {
	l.articles = articles
	l.list.UnselectAll()
	l.list.Refresh()
}

// mark selects row i as the open article without opening it again.
func (l *libraryList) mark(i int) {
	l.marking = true
	l.list.Select(i)
	l.marking = false
}
