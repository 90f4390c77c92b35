package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sahelreader/articles"
	"sahelreader/reader"
	"sahelreader/storage"
)

// selectText selects the first occurrence of s in the open article, as a
// drag over it would, and returns its range.
func selectText(t *testing.T, r *Reader, s string) reader.Range {
	t.Helper()
	text := r.view.Document().Text
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q is not in the article", s)
	}
	start := utf8.RuneCountInString(text[:i])
	rng := reader.Range{Start: start, End: start + utf8.RuneCountInString(s)}
	r.view.SetSelection(rng)
	return rng
}

// pointIn is a point inside the first line of rng, in the view.
func pointIn(t *testing.T, r *Reader, rng reader.Range) fyne.Position {
	t.Helper()
	rects := r.view.RangeRects(rng)
	if len(rects) == 0 {
		t.Fatalf("range %v is not laid out", rng)
	}
	c := rects[0]
	return c.Pos.AddXY(c.Size.Width/2, c.Size.Height/2)
}

// painted is the ids of the highlights the view paints over rng.
func painted(t *testing.T, r *Reader, rng reader.Range) []string {
	t.Helper()
	return r.view.HighlightsAt(pointIn(t, r, rng))
}

func stored(t *testing.T, db Store, article string) []reader.Annotation {
	t.Helper()
	anns, bad, err := db.Annotations(article)
	if err != nil || len(bad) > 0 {
		t.Fatalf("Annotations: %v, unreadable %v", err, bad)
	}
	return anns
}

// highlight makes a highlight of colour key (1-5) on the first s.
func highlight(t *testing.T, r *Reader, s string, key rune) reader.Range {
	t.Helper()
	rng := selectText(t, r, s)
	if !r.typedRune(key) {
		t.Fatalf("key %c was not used with a selection", key)
	}
	return rng
}

// clickText clicks the text at rng as a person would, without a drag.
func clickText(t *testing.T, r *Reader, rng reader.Range) {
	t.Helper()
	r.view.Tapped(&fyne.PointEvent{Position: pointIn(t, r, rng)})
}

// topPopover is the editor on screen.
func topPopover(t *testing.T, r *Reader) *popover {
	t.Helper()
	p, ok := r.win.Canvas().Overlays().Top().(*popover)
	if !ok {
		t.Fatalf("no editor open; top overlay is %T", r.win.Canvas().Overlays().Top())
	}
	return p
}

// find returns the objects under o of type T that match.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) []T {
	var found []T
	walk(o, func(c fyne.CanvasObject) {
		if v, ok := c.(T); ok && c.Visible() && match(v) {
			found = append(found, v)
		}
	})
	return found
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	bs := find(o, func(b *widget.Button) bool { return b.Text == text })
	if len(bs) != 1 {
		t.Fatalf("%d buttons %q", len(bs), text)
	}
	return bs[0]
}

// swatchButton is the chip of colour c in o (the first of its kind).
func swatchButton(t *testing.T, o fyne.CanvasObject, c reader.Color) *widget.Button {
	t.Helper()
	bs := find(o, func(b *widget.Button) bool {
		return b.Icon == swatchIcon(c, false) || b.Icon == swatchIcon(c, true)
	})
	if len(bs) == 0 {
		t.Fatalf("no %s chip", c)
	}
	return bs[0]
}

// formEntries are the note and tags entries of the editor on screen.
func formEntries(t *testing.T, r *Reader) (note *noteEntry, tags *keyEntry) {
	t.Helper()
	notes := find(topPopover(t, r).content, func(*noteEntry) bool { return true })
	es := find(topPopover(t, r).content, func(*keyEntry) bool { return true })
	if len(notes) != 1 || len(es) != 1 {
		t.Fatalf("editor has %d note and %d other entries", len(notes), len(es))
	}
	return notes[0], es[0]
}

func TestColourKeyHighlightsSelection(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	rng := highlight(t, r, "United", '2')

	anns := stored(t, db, articles.DefaultID)
	if len(anns) != 1 {
		t.Fatalf("%d annotations stored, want 1", len(anns))
	}
	a := anns[0]
	if a.Color != reader.Green || a.Motivation != reader.Highlighting || a.Target.Quote.Exact != "United" || a.Target.Position != rng {
		t.Errorf("stored %+v", a)
	}
	if ids := painted(t, r, rng); !reflect.DeepEqual(ids, []string{a.ID}) {
		t.Errorf("painted %v, want the stored highlight %s", ids, a.ID)
	}
	if r.view.Selection().Len() != 0 {
		t.Error("the selection stays over the new highlight and hides its colour")
	}
}

func TestColourKeysWithoutSelectionDoNothing(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	for _, k := range "12345nN" {
		if r.typedRune(k) {
			t.Errorf("key %c was used with nothing selected", k)
		}
	}
	if anns := stored(t, db, articles.DefaultID); len(anns) != 0 {
		t.Errorf("stored %d annotations", len(anns))
	}
	if r.float.Objects[0].Visible() {
		t.Error("the selection toolbar shows with nothing selected")
	}
}

// orderedStore checks, at the moment of each put, that the view does not
// already paint what is being stored; putErr fails the put.
type orderedStore struct {
	*storage.DB
	t          *testing.T
	r          *Reader
	at         reader.Range
	putErr     error
	puts       int
	unreadable []storage.DecodeError
}

func (s *orderedStore) PutAnnotation(a reader.Annotation) error {
	s.puts++
	if s.r != nil && len(s.r.view.HighlightsAt(pointIn(s.t, s.r, s.at))) > 0 {
		s.t.Error("the highlight was painted before it was stored")
	}
	if s.putErr != nil {
		return s.putErr
	}
	return s.DB.PutAnnotation(a)
}

func (s *orderedStore) Annotations(article string) ([]reader.Annotation, []storage.DecodeError, error) {
	anns, bad, err := s.DB.Annotations(article)
	return anns, append(bad, s.unreadable...), err
}

func TestHighlightIsStoredBeforeItIsPainted(t *testing.T) {
	s := &orderedStore{DB: openLibrary(t), t: t}
	r := newTestReader(t, s)
	s.r, s.at = r, selectText(t, r, "United")
	r.typedRune('1')
	if s.puts != 1 || len(painted(t, r, s.at)) != 1 {
		t.Fatalf("puts %d, painted %v", s.puts, painted(t, r, s.at))
	}
}

func TestFailedSaveShowsErrorAndPaintsNothing(t *testing.T) {
	s := &orderedStore{DB: openLibrary(t), t: t, putErr: errors.New("disk full")}
	r := newTestReader(t, s)
	s.r, s.at = r, selectText(t, r, "United")
	r.typedRune('2')
	if ids := painted(t, r, s.at); len(ids) != 0 {
		t.Errorf("painted %v after a failed save", ids)
	}
	if !overlayMentions(r.Window(), "disk full") {
		t.Error("no error shown for the failed save")
	}
	if r.view.Selection() != s.at {
		t.Error("the selection was dropped: the user cannot simply try again")
	}
	if r.notes.count() != 0 {
		t.Error("the panel lists a highlight that was not saved")
	}
}

func TestNoteKeyWritesNote(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	rng := selectText(t, r, "lowered the UN flag")
	r.typedRune('n')
	note, _ := formEntries(t, r)
	if r.win.Canvas().Focused() != note {
		t.Error("the note entry does not have the keyboard")
	}
	test.Type(note, "Ends a *ten-year* mission.")
	test.Tap(button(t, topPopover(t, r).content, "Save"))

	anns := stored(t, db, articles.DefaultID)
	if len(anns) != 1 || anns[0].Note != "Ends a *ten-year* mission." || anns[0].Color != reader.Yellow || anns[0].Target.Position != rng {
		t.Fatalf("stored %+v", anns)
	}
	if r.popover.open() {
		t.Error("the editor stays open after Save")
	}
	if len(painted(t, r, rng)) != 1 {
		t.Error("the note's passage is not highlighted")
	}
}

func TestNoteEditorLeftEmptyMakesNothing(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	selectText(t, r, "United")
	r.typedRune('N')
	test.TapCanvas(r.win.Canvas(), fyne.NewPos(2, 2)) // outside the card
	if r.popover.open() {
		t.Fatal("a click outside left the editor open")
	}
	if anns := stored(t, db, articles.DefaultID); len(anns) != 0 {
		t.Errorf("an empty note made %d annotations", len(anns))
	}
}

func TestPopoverEditsColourNoteAndTags(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	rng := highlight(t, r, "lowered the UN flag", '1')
	clickText(t, r, rng)
	pop := topPopover(t, r)

	test.Tap(swatchButton(t, pop.content, reader.Blue))
	if a := stored(t, db, articles.DefaultID)[0]; a.Color != reader.Blue {
		t.Errorf("colour after one click = %s, want blue at once", a.Color)
	}
	note, tags := formEntries(t, r)
	note.SetText("First line\n\n- a list")
	tags.SetText("UN, withdrawal , un")
	test.Tap(button(t, pop.content, "Done"))

	a := stored(t, db, articles.DefaultID)[0]
	if a.Color != reader.Blue || a.Note != "First line\n\n- a list" || !reflect.DeepEqual(a.Tags, []string{"UN", "withdrawal"}) {
		t.Errorf("stored %+v", a)
	}
	if !a.Modified.After(a.Created) {
		t.Error("Modified was not updated")
	}
	if p, _ := r.notes.find(a.ID); !reflect.DeepEqual(p.Annotation, a) {
		t.Error("the window shows something else than what is stored")
	}
}

func TestEditorRefusesLongNoteAndBadTag(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	rng := highlight(t, r, "United", '1')
	before := stored(t, db, articles.DefaultID)
	says := func(want string) bool {
		return len(find(r.popover.content, func(l *widget.Label) bool { return strings.Contains(l.Text, want) })) == 1
	}

	// A paste that would take the note over 100 KB is refused at once.
	clickText(t, r, rng)
	note, _ := formEntries(t, r)
	test.Type(note, "a few words, then a paste: ")
	r.app.Clipboard().SetContent(strings.Repeat("Words of a long note. ", reader.MaxNoteBytes/22))
	note.TypedShortcut(&fyne.ShortcutPaste{})
	if note.Text != "a few words, then a paste: " {
		t.Errorf("the note took a paste that makes it too long (%d bytes)", len(note.Text))
	}
	if !says("notes can be at most 100 KB") {
		t.Error("no message saying why the paste was refused")
	}
	r.popover.close()

	// A tag with a control character keeps the editor open, saying why.
	clickText(t, r, rng)
	note, tags := formEntries(t, r)
	note.SetText("a note")
	tags.SetText("fine, bad\ttag")
	test.TapCanvas(r.win.Canvas(), fyne.NewPos(2, 2)) // a click outside saves
	if !r.popover.open() {
		t.Fatal("the editor closed on a tag it could not save")
	}
	if !says("control character") {
		t.Error("no message saying what is wrong with the tag")
	}
	if after := stored(t, db, articles.DefaultID); !reflect.DeepEqual(after, before) {
		t.Errorf("stored %+v, want unchanged", after)
	}
}

func TestOverlappingHighlightsAreBothOffered(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	highlight(t, r, "the UN Multidimensional Integrated", '1')
	highlight(t, r, "Multidimensional Integrated Stabilization", '4')
	overlap := selectText(t, r, "Multidimensional")
	r.view.ClearSelection()
	if ids := painted(t, r, overlap); len(ids) != 2 {
		t.Fatalf("%d highlights under the overlap, want both", len(ids))
	}

	clickText(t, r, overlap)
	menus := find(r.win.Canvas().Overlays().Top(), func(*widget.PopUpMenu) bool { return true })
	if len(menus) != 1 {
		t.Fatalf("clicking an overlap opened %T, not a choice", r.win.Canvas().Overlays().Top())
	}
	menu := menus[0]
	var labels []string
	for _, item := range menu.Items {
		for _, txt := range find(item, func(*canvas.Text) bool { return true }) {
			labels = append(labels, txt.Text)
		}
	}
	if len(menu.Items) != 2 || len(labels) != 2 ||
		!strings.HasPrefix(labels[0], "Yellow: “the UN Multidimensional") ||
		!strings.HasPrefix(labels[1], "Pink: “Multidimensional Integrated") {
		t.Fatalf("the choice lists %d items: %q", len(menu.Items), labels)
	}
	test.Tap(menu.Items[1].(fyne.Tappable))
	if q := find(topPopover(t, r).content, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "“Multidimensional") }); len(q) != 1 {
		t.Error("the editor opened is not the pink highlight's")
	}
}

func TestDeleteAndUndoRestoreExactly(t *testing.T) {
	for _, how := range []string{"bar", "ctrl+z"} {
		t.Run(how, func(t *testing.T) {
			db := openLibrary(t)
			r := newTestReader(t, db)
			rng := highlight(t, r, "lowered the UN flag", '3')
			clickText(t, r, rng)
			note, tags := formEntries(t, r)
			note.SetText("**kept** exactly")
			tags.SetText("flag")
			test.Tap(button(t, topPopover(t, r).content, "Done"))
			before := stored(t, db, articles.DefaultID)

			clickText(t, r, rng)
			test.Tap(button(t, topPopover(t, r).content, "Delete"))
			if n := len(stored(t, db, articles.DefaultID)); n != 0 || len(painted(t, r, rng)) != 0 {
				t.Fatalf("after Delete: %d stored, painted %v", n, painted(t, r, rng))
			}
			if !r.undoBar.visible() || r.undoBar.text.Text != "Annotation deleted" {
				t.Fatal("no undo bar after a delete")
			}
			if how == "bar" {
				test.Tap(r.undoBar.action)
			} else {
				r.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
			}
			if after := stored(t, db, articles.DefaultID); !reflect.DeepEqual(after, before) {
				t.Errorf("restored %+v\nwant       %+v", after, before)
			}
			if len(painted(t, r, rng)) != 1 || r.undoBar.visible() {
				t.Error("the restored highlight is not painted, or the bar stays")
			}
		})
	}
}

// editedArticles is the library with the default article's text changed so
// that the passage quoted by orphanQuote is gone.
const orphanQuote = "The symbolic ceremony marks the official end of the mission"

func editedArticles(t *testing.T) []reader.Article {
	t.Helper()
	all := bundled(t)
	for i, a := range all {
		if a.ID == articles.DefaultID {
			if !strings.Contains(a.Body, orphanQuote) {
				t.Fatal("the seed article changed; pick another passage")
			}
			all[i].Body = strings.Replace(a.Body, orphanQuote, "A ceremony closed the operation", 1)
		}
	}
	return all
}

func TestOrphanIsListedUnplacedAndCanBeReattached(t *testing.T) {
	db := openLibrary(t)
	r := newTestReader(t, db)
	highlight(t, r, orphanQuote, '5')
	highlight(t, r, "United", '2')

	// The article's text changed: the highlight on the passage is an orphan.
	r = New(test.NewTempApp(t), db, editedArticles(t), articles.DefaultID, testVersion)
	r.Window().Resize(fyne.NewSize(1000, 700))
	r.Window().Show()
	t.Cleanup(r.Window().Close)
	if len(r.notes.placed) != 1 || len(r.notes.orphans) != 1 || r.notes.orphans[0].Target.Quote.Exact != orphanQuote {
		t.Fatalf("placed %d, orphans %+v", len(r.notes.placed), r.notes.orphans)
	}
	r.setPanelShown(true) // listed when it shows
	list := r.panel.list
	if len(find(list, func(l *widget.Label) bool { return l.Text == "Unplaced (1)" })) != 1 {
		t.Error("no Unplaced section in the panel")
	}
	attach := button(t, list, "Attach to selection")
	if !attach.Disabled() {
		t.Error("Attach is enabled with nothing selected")
	}
	rng := selectText(t, r, "A ceremony closed the operation")
	if attach.Disabled() {
		t.Fatal("Attach stays disabled with a selection")
	}
	test.Tap(attach)
	if len(r.notes.orphans) != 0 || len(painted(t, r, rng)) != 1 {
		t.Fatalf("after attaching: %d orphans, painted %v", len(r.notes.orphans), painted(t, r, rng))
	}
	for _, a := range stored(t, db, articles.DefaultID) {
		if a.Color == reader.Purple && (a.Target.Position != rng || a.Target.Quote.Exact != "A ceremony closed the operation") {
			t.Errorf("stored target %+v", a.Target)
		}
	}
}

func TestUnreadableRecordsAreReportedNotBlocking(t *testing.T) {
	s := &orderedStore{DB: openLibrary(t), t: t, unreadable: []storage.DecodeError{
		{Key: []byte(articles.DefaultID + "\x00x"), Err: errors.New("bad JSON")},
		{Key: []byte(articles.DefaultID + "\x00y"), Err: errors.New("bad JSON")},
	}}
	r := newTestReader(t, s)
	if !r.notice.visible() || !strings.Contains(r.notice.text.Text, "2 annotation records of this article could not be read and were skipped") {
		t.Errorf("notice %v %q", r.notice.visible(), r.notice.text.Text)
	}
	if r.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog stands in the way of reading")
	}
	if highlight(t, r, "United", '1'); r.notes.count() != 1 {
		t.Error("annotating stopped working")
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"United", 40, "“United”"},
		{"“liquidation phase”", 40, "“liquidation phase”"},
		{"a “liquidation phase”", 40, "“a “liquidation phase”"},
		{"the troops’", 40, "“the troops’”"},
		{"  ", 40, "“”"},
		{"one two three four", 10, "“one two…”"},
	}
	for _, tt := range tests {
		if got := quoted(tt.in, tt.n); got != tt.want {
			t.Errorf("quoted(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
