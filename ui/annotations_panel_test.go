package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
)

// rowTexts is what the panel's rows say, top to bottom.
func rowTexts(p *annotationsPanel) []string {
	var rows []string
	for _, o := range p.list.Objects {
		if row, ok := o.(*noteRow); ok {
			var s []string
			for _, rt := range find(row, func(*widget.RichText) bool { return true }) {
				s = append(s, rt.String())
			}
			rows = append(rows, strings.Join(s, " "))
		}
	}
	return rows
}

func TestPanelListsInReadingOrderAndFilters(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	r.setPanelShown(true)
	// Made out of reading order: the list must not follow creation.
	highlight(t, r, "Fatoumata Kaba", '4')
	highlight(t, r, "United Nations", '1')
	rng := highlight(t, r, "Bamako", '2')
	clickText(t, r, rng)
	note, tags := formEntries(t, r)
	note.SetText("The capital, on the **Niger**.")
	tags.SetText("places, Ménaka")
	test.Tap(button(t, topPopover(t, r).content, "Done"))
	p := r.panel

	rows := rowTexts(p)
	if len(rows) != 3 || !strings.Contains(rows[0], "United Nations") || !strings.Contains(rows[1], "Bamako") || !strings.Contains(rows[2], "Fatoumata") {
		t.Fatalf("rows not in reading order: %q", rows)
	}
	if !strings.Contains(rows[1], "The capital, on the Niger.") || !strings.Contains(rows[1], "#places  #Ménaka") {
		t.Errorf("the row does not show the rendered note and the tags: %q", rows[1])
	}
	if p.count.Text != "3 annotations" {
		t.Errorf("count = %q", p.count.Text)
	}

	tests := []struct {
		name  string
		set   func()
		count string
		first string
	}{
		{"colour", func() { test.Tap(swatchButton(t, p.content, reader.Pink)) }, "1 of 3", "Fatoumata"},
		{"two colours", func() { test.Tap(swatchButton(t, p.content, reader.Yellow)) }, "2 of 3", "United Nations"},
		{"colours off", func() {
			test.Tap(swatchButton(t, p.content, reader.Pink))
			test.Tap(swatchButton(t, p.content, reader.Yellow))
		}, "3 annotations", "United Nations"},
		{"tag", func() { p.tag.SetSelected("places") }, "1 of 3", "Bamako"},
		{"tag off", func() { p.tag.SetSelected(allTags) }, "3 annotations", "United Nations"},
		{"text in the note, without accents", func() { p.text.SetText("NIGER") }, "1 of 3", "Bamako"},
		{"text in a tag, without accents", func() { p.text.SetText("menaka") }, "1 of 3", "Bamako"},
		{"text in the passage", func() { p.text.SetText("kaba") }, "1 of 3", "Fatoumata"},
		{"no match", func() { p.text.SetText("Timbuktu") }, "0 of 3", ""},
	}
	for _, tt := range tests {
		tt.set()
		rows := rowTexts(p)
		if p.count.Text != tt.count || (tt.first == "") != (len(rows) == 0) || (len(rows) > 0 && !strings.Contains(rows[0], tt.first)) {
			t.Errorf("%s: count %q, rows %q; want %q starting with %q", tt.name, p.count.Text, rows, tt.count, tt.first)
		}
	}
	if opts := p.tag.Options; len(opts) != 3 || opts[0] != allTags || opts[1] != "Ménaka" || opts[2] != "places" {
		t.Errorf("tag choices %q", opts)
	}
}

func TestPanelRowJumpsToPassage(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	rng := highlight(t, r, "the remaining equipment to the authorities", '3')
	r.view.ScrollToOffset(r.view.Document().Len()) // far from it
	r.setPanelShown(true)
	test.Tap(r.panel.list.Objects[0].(*noteRow))
	// The passage shows, below a few lines of what comes before it.
	rects := r.view.RangeRects(rng)
	if h := r.view.Size().Height; len(rects) == 0 || rects[0].Pos.Y < h/6 || rects[len(rects)-1].Pos.Y+rects[len(rects)-1].Size.Height > h {
		t.Errorf("after the jump the passage lies at %v in a view %v high", rects, h)
	}
	if r.win.Canvas().Focused() != r.view {
		t.Error("the text does not have the keyboard after the jump: 1-5 would not work")
	}
}

func TestShortcutTogglesPanelAndTextKeepsItsRoom(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	toggle := &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	if r.side.Visible() {
		t.Fatal("the panel shows on first start")
	}
	// The view passes the shortcut on to the canvas, as with the text focused.
	r.view.TypedShortcut(toggle)
	if !r.side.Visible() || r.side.Size().Width == 0 {
		t.Fatal("Ctrl+Shift+A did not show the panel")
	}
	if w := r.view.Size().Width; w < minTextWidth {
		t.Errorf("the text is %.0f wide beside the panel, less than %d", w, minTextWidth)
	}
	if r.panelButton.Importance != widget.MediumImportance {
		t.Error("the toolbar's Annotations button does not show the panel is on")
	}
	r.view.TypedShortcut(toggle)
	if r.side.Visible() {
		t.Fatal("Ctrl+Shift+A again did not hide the panel")
	}
	if !r.library.list.Visible() {
		t.Error("the library did not come back when the panel left")
	}
}

func TestSidesFoldBeforeTheText(t *testing.T) {
	c := &columns{libraryWidth: 300, panelWidth: 340}
	tests := []struct {
		name                 string
		lib, panel, panelNew bool
		width                float32
		wantLib, wantPanel   bool
	}{
		{"all fit", true, true, false, 1200, true, true},
		{"panel folds first", true, true, false, 1000, true, false},
		{"unless asked for last", true, true, true, 1000, false, true},
		{"then the other", true, true, true, 700, false, false},
		{"library alone", true, false, false, 760, true, false},
		{"too narrow for the library", true, false, false, 700, false, false},
		{"hidden stays hidden", false, false, false, 2000, false, false},
	}
	for _, tt := range tests {
		c.wantLibrary, c.wantPanel, c.panelFirst = tt.lib, tt.panel, tt.panelNew
		if lib, panel := c.fit(tt.width); lib != tt.wantLib || panel != tt.wantPanel {
			t.Errorf("%s: fit(%.0f) = library %v, panel %v; want %v, %v", tt.name, tt.width, lib, panel, tt.wantLib, tt.wantPanel)
		}
	}
}

func TestAllAnnotationsGroupsByArticleAndOpens(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	highlight(t, r, "United Nations", '1')
	r.Open("gao-timbuktu")
	rng := highlight(t, r, "Timbuktu", '2')
	r.Open(articles.DefaultID)

	r.showAllAnnotations()
	dlg := r.win.Canvas().Overlays().Top()
	var headings []string
	for _, l := range find(dlg, func(l *widget.Label) bool { return l.TextStyle.Bold }) {
		headings = append(headings, l.Text)
	}
	if !strings.Contains(strings.Join(headings, "|"), "2 annotations in 2 articles") {
		t.Errorf("headings %q", headings)
	}
	rows := find(dlg, func(*noteRow) bool { return true })
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	test.Tap(rows[0]) // library order: Gao and Timbuktu comes first
	if r.Current() != "gao-timbuktu" || r.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("opened %q, overlay %v", r.Current(), r.win.Canvas().Overlays().Top())
	}
	if ids := painted(t, r, rng); len(ids) != 1 {
		t.Error("the passage jumped to is not in view with its highlight")
	}
}

func TestContextMenuOffersSelectionActions(t *testing.T) {
	r := newTestReader(t, openLibrary(t))
	enabled := func(m *fyne.Menu) map[string]bool {
		on := map[string]bool{}
		for _, item := range m.Items {
			on[item.Label] = !item.Disabled
		}
		return on
	}
	if m := enabled(r.contextMenu(fyne.NewPos(10, 10))); m["Green highlight"] || m["Note…"] || m["Copy"] {
		t.Errorf("actions enabled with nothing selected: %v", m)
	}
	rng := highlight(t, r, "United", '1')
	selectText(t, r, "Nations mission")
	m := enabled(r.contextMenu(pointIn(t, r, rng)))
	if !m["Green highlight"] || !m["Note…"] || !m["Copy"] || !m["Edit yellow: “United”"] {
		t.Errorf("menu %v", m)
	}
}

func TestSelectionToolbarFollowsSelection(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	bar := r.float.Objects[0]
	rng := selectText(t, r, "United Nations")
	if !bar.Visible() {
		t.Fatal("no toolbar by the selection")
	}
	sel := r.view.RangeRects(rng)[0]
	if y := bar.Position().Y + bar.Size().Height; y > sel.Pos.Y {
		t.Errorf("toolbar reaches down to %.0f, over the selection at %.0f", y, sel.Pos.Y)
	}
	test.Tap(swatchButton(t, bar, reader.Purple))
	if anns := stored(t, db, articles.DefaultID); len(anns) != 1 || anns[0].Color != reader.Purple {
		t.Fatalf("stored %+v", anns)
	}
	if bar.Visible() {
		t.Error("the toolbar stays after the selection became a highlight")
	}
}
