package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/storage"
	"sahelreader/ui/docview"
)

// readingPanelWidth fits the four theme swatches side by side.
const readingPanelWidth = 300

// readingPanel is the "Aa" popover: text size - and +, column width, line
// spacing and the themes as swatches of their own paper and ink, in one
// compact card as Foliate and Readest have it. Every change applies and is
// stored at once.
type readingPanel struct {
	content         fyne.CanvasObject
	size            *widget.Label
	smaller, larger *widget.Button
	column, spacing *choice
	themes          []*themeSwatch
}

func newReadingPanel(r *Reader) *readingPanel {
	p := &readingPanel{}
	p.size = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.smaller = widget.NewButton("A−", func() { r.stepTextSize(-1) })
	p.larger = widget.NewButton("A+", func() { r.stepTextSize(1) })
	p.column = newChoice(columnNames, func(n string) { r.setReading(func(s *storage.ReadingSettings) { s.Column = n }) })
	p.spacing = newChoice(spacingNames, func(n string) { r.setReading(func(s *storage.ReadingSettings) { s.Spacing = n }) })
	swatches := container.NewGridWithColumns(len(themeNames))
	for _, name := range themeNames {
		sw := newThemeSwatch(name, func() { r.setReading(func(s *storage.ReadingSettings) { s.Theme = name }) })
		p.themes = append(p.themes, sw)
		swatches.Add(sw)
	}
	p.content = container.NewVBox(
		caption("Text size"),
		container.NewGridWithColumns(3, p.smaller, p.size, p.larger),
		caption("Width"),
		p.column.box,
		caption("Line spacing"),
		p.spacing.box,
		caption("Theme"),
		swatches,
	)
	p.show(r.reading)
	return p
}

// show makes the panel say what s is.
func (p *readingPanel) show(s storage.ReadingSettings) {
	p.size.SetText(fmt.Sprint(s.TextSize))
	setEnabled(p.smaller, s.TextSize > textSizes[0])
	setEnabled(p.larger, s.TextSize < textSizes[len(textSizes)-1])
	p.column.set(s.Column)
	p.spacing.set(s.Spacing)
	for _, sw := range p.themes {
		sw.setChosen(sw.name == s.Theme)
	}
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// showReadingSettings opens the "Aa" popover below its toolbar button.
func (r *Reader) showReadingSettings() {
	if r.readingPanel == nil {
		r.readingPanel = newReadingPanel(r)
	}
	r.readingPanel.show(r.reading)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.readingButton)
	around := docview.Rect{Pos: pos, Size: r.readingButton.Size()}
	// The card's right edge under the button's: the button is near the window's right side.
	around.Pos.X -= readingPanelWidth - around.Size.Width
	r.showPopover(newPopover(r.win.Canvas(), r.readingPanel.content, readingPanelWidth, around, nil))
}

// choice is a row of buttons of which one is chosen, like a segmented control.
type choice struct {
	box     *fyne.Container
	names   []string
	buttons []*widget.Button
}

func newChoice(names []string, onPick func(string)) *choice {
	c := &choice{box: container.NewGridWithColumns(len(names)), names: names}
	for _, n := range names {
		b := widget.NewButton(capitalize(n), func() { onPick(n) })
		c.buttons = append(c.buttons, b)
		c.box.Add(b)
	}
	return c
}

// set shows name as the chosen one.
func (c *choice) set(name string) {
	for i, b := range c.buttons {
		imp := widget.LowImportance
		if c.names[i] == name {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// themeSwatch is a theme's paper with "Aa" in its ink, and its name; the
// chosen one is ringed in the current theme's primary colour.
type themeSwatch struct {
	widget.BaseWidget
	name    string
	chosen  bool
	focused bool
	onTap   func()
}

var (
	_ fyne.Tappable  = (*themeSwatch)(nil)
	_ fyne.Focusable = (*themeSwatch)(nil)
)

func newThemeSwatch(name string, onTap func()) *themeSwatch {
	s := &themeSwatch{name: name, onTap: onTap}
	s.ExtendBaseWidget(s)
	return s
}

func (s *themeSwatch) setChosen(on bool) {
	if s.chosen != on {
		s.chosen = on
		s.Refresh()
	}
}

// Tapped is part of fyne.Tappable.
func (s *themeSwatch) Tapped(*fyne.PointEvent) { s.onTap() }

// FocusGained is part of fyne.Focusable: Tab reaches the swatches too.
func (s *themeSwatch) FocusGained() { s.focused = true; s.Refresh() }

// FocusLost is part of fyne.Focusable.
func (s *themeSwatch) FocusLost() { s.focused = false; s.Refresh() }

// TypedKey chooses the theme on Space or Enter, as a button does.
func (s *themeSwatch) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		s.onTap()
	}
}

// TypedRune is part of fyne.Focusable.
func (s *themeSwatch) TypedRune(rune) {}

func (s *themeSwatch) CreateRenderer() fyne.WidgetRenderer {
	r := &swatchRenderer{s: s, paper: canvas.NewRectangle(nil), ink: canvas.NewText("Aa", nil),
		label: widget.NewLabelWithStyle(capitalize(s.name), fyne.TextAlignCenter, fyne.TextStyle{})}
	r.ink.TextStyle.Bold = true
	r.ink.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type swatchRenderer struct {
	s     *themeSwatch
	paper *canvas.Rectangle
	ink   *canvas.Text
	label *widget.Label
}

const swatchHeight = 40

func (r *swatchRenderer) Layout(size fyne.Size) {
	r.paper.Resize(fyne.NewSize(size.Width, swatchHeight))
	r.ink.Resize(fyne.NewSize(size.Width, swatchHeight))
	r.label.Move(fyne.NewPos(0, swatchHeight))
	r.label.Resize(fyne.NewSize(size.Width, r.label.MinSize().Height))
}

func (r *swatchRenderer) MinSize() fyne.Size {
	return fyne.NewSize(max(56, r.label.MinSize().Width), swatchHeight+r.label.MinSize().Height)
}

// Refresh paints the swatch in its own theme's colours, whatever theme the
// window is in; the system swatch shows the desktop's variant of now.
func (r *swatchRenderer) Refresh() {
	own := newReaderTheme(r.s.name)
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.paper.FillColor = own.Color(theme.ColorNameBackground, variant)
	r.ink.Color = own.Color(theme.ColorNameForeground, variant)
	r.ink.TextSize = 18
	th := r.s.Theme()
	r.paper.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.paper.StrokeWidth = 1
	r.paper.StrokeColor = th.Color(theme.ColorNameInputBorder, variant)
	if r.s.focused {
		r.paper.StrokeWidth = 3
		r.paper.StrokeColor = th.Color(theme.ColorNameFocus, variant)
	}
	if r.s.chosen {
		r.paper.StrokeWidth = 3
		r.paper.StrokeColor = th.Color(theme.ColorNamePrimary, variant)
	}
	r.paper.Refresh()
	r.ink.Refresh()
	r.label.Refresh()
}

func (r *swatchRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.paper, r.ink, r.label}
}

func (r *swatchRenderer) Destroy() {}
