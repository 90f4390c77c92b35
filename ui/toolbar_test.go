package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
)

// toolbarOf is the window's toolbar row and its buttons, left to right.
func toolbarOf(t testing.TB, r *Reader) (*fyne.Container, []*widget.Button) {
	t.Helper()
	var row *fyne.Container
	walk(r.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			if _, ok := c.Layout.(*toolbarLayout); ok {
				row = c
			}
		}
	})
	if row == nil {
		t.Fatal("no toolbar in the window")
	}
	var buttons []*widget.Button
	for _, o := range row.Objects {
		buttons = append(buttons, o.(*widget.Button))
	}
	return row, buttons
}

// buttonLabeled is the toolbar's button with this label.
func buttonLabeled(t testing.TB, buttons []*widget.Button, label string) *widget.Button {
	t.Helper()
	for _, b := range buttons {
		if b.Text == label {
			return b
		}
	}
	t.Fatalf("no toolbar button labelled %q", label)
	return nil
}

// TestToolbarFitsEveryWidth lays the window out from the narrowest it
// allows to 1920 wide: no two buttons overlap, every one lies inside the
// window and is as wide as its content, so no label is clipped.
func TestToolbarFitsEveryWidth(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	row, buttons := toolbarOf(t, r)
	narrowest := r.win.Content().MinSize().Width
	t.Logf("the narrowest window: %.0f", narrowest)
	if narrowest > 760 {
		t.Errorf("the window cannot get narrower than %.0f, want 760 or less", narrowest)
	}
	widths := []float32{narrowest, narrowest + 1, 760, 900, 1180, 1600, 1920}
	for w := narrowest; w < 1920; w += 37 {
		widths = append(widths, w)
	}
	for _, w := range widths {
		r.win.Resize(fyne.NewSize(w, 700))
		win := r.win.Canvas().Size()
		bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(row).Y + row.Size().Height
		if win.Width != w {
			t.Fatalf("window asked %.0f wide is %.0f", w, win.Width)
		}
		rects := make([]fyne.Position, len(buttons))
		for i, b := range buttons {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			rects[i] = pos
			end := pos.Add(b.Size())
			if pos.X < 0 || pos.Y < 0 || end.X > win.Width || end.Y > bottom {
				t.Errorf("at %.0f wide, %s lies at %v-%v, outside the toolbar", w, describe(b), pos, end)
			}
			if b.Size().Width < b.MinSize().Width {
				t.Errorf("at %.0f wide, %s is %.0f wide, its content %.0f", w, describe(b), b.Size().Width, b.MinSize().Width)
			}
		}
		for i := 1; i < len(buttons); i++ {
			if end := rects[i-1].X + buttons[i-1].Size().Width; end > rects[i].X {
				t.Errorf("at %.0f wide, %s (to %.0f) overlaps %s (from %.0f)", w, describe(buttons[i-1]), end, describe(buttons[i]), rects[i].X)
			}
		}
	}
}

func describe(b *widget.Button) string {
	if b.Text != "" {
		return fmt.Sprintf("%q", b.Text)
	}
	if b.Icon == nil {
		return "a button"
	}
	return "the " + b.Icon.Name() + " button"
}

// TestToolbarLabelsGiveWay: every label shows when there is room, the
// least used go first, and at the narrowest only icons (and "Aa") stay.
func TestToolbarLabelsGiveWay(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.win.Resize(fyne.NewSize(1600, 700))
	_, buttons := toolbarOf(t, r)
	labels := map[*widget.Button]string{}
	for _, want := range []string{"Find", "Bookmarks", "Details", "Search", "All annotations", "All places", "Notes & places"} {
		labels[buttonLabeled(t, buttons, want)] = want
	}
	r.win.Resize(fyne.NewSize(900, 700))
	buttonLabeled(t, buttons, "Search")
	buttonLabeled(t, buttons, "Find")
	for _, b := range buttons {
		if b.Text == "All places" {
			t.Error("at 900 wide \"All places\" keeps its label while more used ones lose theirs")
		}
	}
	r.win.Resize(r.win.Content().MinSize())
	for b, label := range labels {
		if b.Text != "" {
			t.Errorf("at the narrowest the %q button keeps its label", label)
		}
	}
	if r.readingButton.Text != "Aa" {
		t.Errorf("the reading settings button reads %q, want Aa", r.readingButton.Text)
	}
	r.win.Resize(fyne.NewSize(1600, 700))
	for b, label := range labels {
		if b.Text != label {
			t.Errorf("widened again, the button reads %q, want %q", b.Text, label)
		}
	}
}

// TestFindAndSearchLookDifferent: the two magnifiers are told apart by
// their labels and, where labels give way, by their icons.
func TestFindAndSearchLookDifferent(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.win.Resize(fyne.NewSize(1600, 700))
	_, buttons := toolbarOf(t, r)
	find, search := buttonLabeled(t, buttons, "Find"), buttonLabeled(t, buttons, "Search")
	if find.Icon.Name() == search.Icon.Name() {
		t.Errorf("Find and Search share the icon %s", find.Icon.Name())
	}

	test.Tap(find)
	if !r.find.isOpen() {
		t.Error("Find did not open the find bar")
	}
	overlays := len(r.win.Canvas().Overlays().List())
	test.Tap(search)
	if len(r.win.Canvas().Overlays().List()) != overlays+1 {
		t.Error("Search did not open the library's search")
	}

	r.win.Resize(r.win.Content().MinSize())
	if find.Text != "" || search.Text != "" || find.Icon.Name() == search.Icon.Name() {
		t.Errorf("at the narrowest: Find %q with %s, Search %q with %s", find.Text, find.Icon.Name(), search.Text, search.Icon.Name())
	}
}

// BenchmarkToolbarLayout: a window resize lays the toolbar out, measuring
// its buttons with and without labels until the row fits.
func BenchmarkToolbarLayout(b *testing.B) {
	for _, w := range []float32{600, 900, 1600} {
		b.Run(fmt.Sprintf("width=%.0f", w), func(b *testing.B) {
			r := New(test.NewTempApp(b), openLibrary(b), bundled(b), articles.DefaultID, testVersion)
			b.Cleanup(r.Window().Close)
			row, _ := toolbarOf(b, r)
			size := fyne.NewSize(w, row.MinSize().Height)
			for b.Loop() {
				row.Layout.Layout(row.Objects, size)
			}
		})
	}
}
