package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Widths in units. The text never gets narrower than minTextWidth while a
// side panel is open: at narrow widths the sides fold away first.
const (
	minTextWidth        = 440
	defaultLibraryWidth = 290
	defaultPanelWidth   = 340
)

// columns lays out the library, the text and the article's panels side by
// side in two splits, so the user can drag their edges. It keeps the sides'
// widths in units as the user left them (a split alone keeps a fraction,
// which would widen the panels with the window and squeeze the text). When
// the window is too narrow for all three, the side asked for longest ago
// folds first, then the other; each comes back when there is room again.
type columns struct {
	outer, inner   *container.Split // outer: library | inner; inner: text | panel
	library, panel fyne.CanvasObject
	body           *fyne.Container // what the window holds; lays out with columns

	wantLibrary, wantPanel   bool
	panelFirst               bool // the panel was asked for after the library, so it wins when only one fits
	libraryWidth, panelWidth float32
	onFold                   func() // called when a side shows or hides, so toggles can say which shows
}

func newColumns(library, text, panel fyne.CanvasObject) *columns {
	c := &columns{library: library, panel: panel, wantLibrary: true,
		libraryWidth: defaultLibraryWidth, panelWidth: defaultPanelWidth}
	c.inner = container.NewHSplit(text, panel)
	c.outer = container.NewHSplit(library, c.inner)
	panel.Hide()
	c.body = container.New(c, c.outer)
	return c
}

// toggleLibrary hides the library if it shows, else asks for it.
func (c *columns) toggleLibrary() {
	c.wantLibrary = !c.library.Visible()
	if c.wantLibrary {
		c.panelFirst = false
	}
	c.body.Refresh()
}

// setPanel asks for the panels on the right, or hides them.
func (c *columns) setPanel(show bool) {
	c.wantPanel = show
	if show {
		c.panelFirst = true
	}
	c.body.Refresh()
}

// Layout is part of fyne.Layout: it decides which sides fit, gives them
// their widths and the rest to the text.
func (c *columns) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	c.widths()
	lib, panel := c.fit(size.Width)
	changed := lib != c.library.Visible() || panel != c.panel.Visible()
	setVisible(c.library, lib)
	setVisible(c.panel, panel)
	div := 2 * theme.Padding() // a split's divider
	rest := size.Width
	if lib {
		c.outer.Offset = float64(c.libraryWidth / (size.Width - div))
		rest -= c.libraryWidth + div
	}
	if panel {
		c.inner.Offset = float64((rest - div - c.panelWidth) / (rest - div))
	}
	resized := c.outer.Size() != size
	c.outer.Resize(size) // lays out both splits, at the offsets above, when the size changed
	if changed || !resized {
		// The splits lay out again even when their size is the same. Not on
		// every resize: refreshing a split refreshes everything in it, which
		// at start-up would build the renderers of hidden panels and bars.
		c.outer.Refresh()
	}
	if changed && c.onFold != nil {
		c.onFold()
	}
}

// widths are the sides' widths as the user left them: a side's width on
// screen is what the user dragged it to; a hidden one keeps its last.
func (c *columns) widths() (library, panel float32) {
	if c.library.Visible() && c.library.Size().Width > 0 {
		c.libraryWidth = c.library.Size().Width
	}
	if c.panel.Visible() && c.panel.Size().Width > 0 {
		c.panelWidth = c.panel.Size().Width
	}
	return c.libraryWidth, c.panelWidth
}

// fit is which of the sides asked for fit beside minTextWidth of text.
func (c *columns) fit(width float32) (lib, panel bool) {
	lib, panel = c.wantLibrary, c.wantPanel
	need := func() float32 {
		w := float32(minTextWidth)
		if lib {
			w += c.libraryWidth
		}
		if panel {
			w += c.panelWidth
		}
		return w
	}
	for need() > width && (lib || panel) {
		if panel && (!c.panelFirst || !lib) {
			panel = false
		} else {
			lib = false
		}
	}
	return lib, panel
}

// MinSize is part of fyne.Layout: the window can shrink to the text alone.
func (c *columns) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(minTextWidth/2, c.outer.MinSize().Height)
}

func setVisible(o fyne.CanvasObject, v bool) {
	if v && !o.Visible() {
		o.Show()
	} else if !v && o.Visible() {
		o.Hide()
	}
}
