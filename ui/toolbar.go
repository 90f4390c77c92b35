package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// findInPageIcon is a page under a magnifier: find in this article, told
// apart from the plain magnifier of the library's Search even when the
// toolbar is too narrow for their labels (Fyne 2.7 has no tooltips).
var findInPageIcon = theme.NewThemedResource(fyne.NewStaticResource("find-in-page.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill="#000" d="M20 19.59V8l-6-6H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c.45 0 .85-.15 1.19-.4l-4.43-4.43`+
		`c-.8.52-1.74.83-2.76.83-2.76 0-5-2.24-5-5s2.24-5 5-5 5 2.24 5 5c0 1.02-.31 1.96-.83 2.75L20 19.59z`+
		`M9 13c0 1.66 1.34 3 3 3s3-1.34 3-3-1.34-3-3-3-3 1.34-3 3z"/></svg>`)))

// toolButton is a flat button as the toolbar shows them.
func toolButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// toolbarLabel is a button's label that gives way when the row is narrow.
type toolbarLabel struct {
	button     *widget.Button
	text       string
	group, at  int            // where the button is in toolbarLayout.groups
	full, bare *widget.Button // never shown: the button's width with and without the label
}

// toolbarLayout lays the window's toolbar out in one row: the first group
// from the left edge, the others from the right edge with a gap between
// groups. Fyne's Toolbar asks for the width of every label and overlaps its
// buttons below it; here, when the row is too narrow, labels go one by one,
// least used first, down to a row of icons: the toolbar's MinSize, and so
// the narrowest the window gets.
type toolbarLayout struct {
	groups [][]*widget.Button
	labels []toolbarLabel // in the order they give way
}

// newToolbar lays out groups as toolbarLayout does; giveWay are the
// labelled buttons in the order their labels go.
func newToolbar(groups [][]*widget.Button, giveWay ...*widget.Button) *fyne.Container {
	l := &toolbarLayout{groups: groups}
	var objects []fyne.CanvasObject
	for _, buttons := range groups {
		for _, b := range buttons {
			objects = append(objects, b) // in the order Tab visits them
		}
	}
	for _, b := range giveWay {
		for g, buttons := range groups {
			if i := slices.Index(buttons, b); i >= 0 {
				l.labels = append(l.labels, toolbarLabel{button: b, text: b.Text, group: g, at: i,
					full: widget.NewButtonWithIcon(b.Text, b.Icon, nil), bare: widget.NewButtonWithIcon("", b.Icon, nil)})
			}
		}
	}
	return container.New(l, objects...)
}

// fit is how many labels give way for the row to fit in width, and the
// buttons' widths then, group by group.
func (l *toolbarLayout) fit(width float32) (n int, ws [][]float32) {
	ws = make([][]float32, len(l.groups))
	for g, buttons := range l.groups {
		for _, b := range buttons {
			ws[g] = append(ws[g], b.MinSize().Width)
		}
	}
	for _, lb := range l.labels {
		ws[lb.group][lb.at] = lb.full.MinSize().Width // measured apart: the button may show none now
	}
	row := rowWidth(ws)
	for ; n < len(l.labels) && row > width; n++ {
		lb := l.labels[n]
		bare := lb.bare.MinSize().Width
		row -= ws[lb.group][lb.at] - bare
		ws[lb.group][lb.at] = bare
	}
	return n, ws
}

// rowWidth is the row's width with buttons this wide.
func rowWidth(ws [][]float32) float32 {
	w := float32(len(ws)-1) * groupGap()
	for _, g := range ws {
		for _, bw := range g {
			w += bw
		}
		w += float32(len(g)-1) * theme.Padding()
	}
	return w
}

// groupGap is the least space between two groups.
func groupGap() float32 { return 4 * theme.Padding() }

// Layout is part of fyne.Layout.
func (l *toolbarLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	n, ws := l.fit(size.Width)
	for i, lb := range l.labels {
		text := lb.text
		if i < n {
			text = ""
		}
		if lb.button.Text != text {
			lb.button.Text = text
			lb.button.Refresh()
		}
	}
	place := func(g, i int, x float32) {
		l.groups[g][i].Move(fyne.NewPos(x, 0))
		l.groups[g][i].Resize(fyne.NewSize(ws[g][i], size.Height))
	}
	x := float32(0)
	for i := range l.groups[0] {
		place(0, i, x)
		x += ws[0][i] + theme.Padding()
	}
	x = size.Width + groupGap()
	for g := len(l.groups) - 1; g > 0; g-- {
		x -= groupGap() - theme.Padding()
		for i := len(l.groups[g]) - 1; i >= 0; i-- {
			x -= ws[g][i] + theme.Padding()
			place(g, i, x)
		}
	}
}

// MinSize is part of fyne.Layout: every button without its label.
func (l *toolbarLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	var h float32
	for _, g := range l.groups {
		for _, b := range g {
			h = max(h, b.MinSize().Height)
		}
	}
	_, ws := l.fit(0)
	return fyne.NewSize(rowWidth(ws), h)
}
