package ui

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sahelreader/reader"
)

// annotationForm edits what a user writes on a passage: its colour, a
// Markdown note and tags. The new-note editor and a highlight's popover
// both use it, so the two look and check alike.
type annotationForm struct {
	color   reader.Color
	swatch  []*widget.Button // one per reader.Colors
	note    *noteEntry
	tags    *keyEntry
	problem *widget.Label // why the last save was refused; hidden when none
	// onColor, if set, is called when the user picks a colour, instead of
	// waiting for the form to be saved: a recolour is one click.
	onColor func(reader.Color)
	// relayout lays out again what holds the form when a message shows or goes.
	relayout func()
}

func newAnnotationForm(a reader.Annotation) *annotationForm {
	f := &annotationForm{color: a.Color}
	for _, c := range reader.Colors {
		b := widget.NewButtonWithIcon("", swatchIcon(c, c == a.Color), func() { f.pick(c) })
		b.Importance = widget.LowImportance
		f.swatch = append(f.swatch, b)
	}
	f.note = newNoteEntry()
	f.note.onRefused = f.say
	f.note.SetMinRowsVisible(5)
	f.note.SetPlaceHolder("Write a note (Markdown: *italic*, **bold**, lists, links)")
	f.note.setNote(a.Note)
	f.tags = newKeyEntry()
	f.tags.SetPlaceHolder("Tags, separated by commas")
	f.tags.SetText(strings.Join(a.Tags, ", "))
	f.problem = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	return f
}

// pick makes c the chosen colour and ticks its chip.
func (f *annotationForm) pick(c reader.Color) {
	f.color = c
	for i, b := range f.swatch {
		b.SetIcon(swatchIcon(reader.Colors[i], reader.Colors[i] == c))
	}
	if f.onColor != nil {
		f.onColor(c)
	}
}

// widget lays the form out under a quote of the passage.
func (f *annotationForm) widget(quote string) fyne.CanvasObject {
	q := widget.NewLabelWithStyle(quoted(quote, 180), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	q.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		container.NewHBox(f.swatchObjects()...),
		q,
		caption("Note"),
		f.note,
		caption("Tags"),
		f.tags,
		f.problem,
	)
}

func (f *annotationForm) swatchObjects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(f.swatch))
	for i, b := range f.swatch {
		objs[i] = b
	}
	return objs
}

// apply writes the form into a and reports whether that changed it,
// checking everything before changing anything: a note over the limit or a
// bad tag leaves a as it was and the reason shown in the form. Only what
// changed touches Modified.
func (f *annotationForm) apply(a *reader.Annotation, now time.Time) (changed bool, err error) {
	b := *a
	if f.color != b.Color {
		err = b.SetColor(f.color, now)
		changed = true
	}
	if err == nil && f.note.Text != b.Note {
		err = b.SetNote(f.note.Text, now)
		changed = true
	}
	if tags := splitTags(f.tags.Text); err == nil && !slices.Equal(tags, b.Tags) {
		err = b.SetTags(tags, now)
		changed = true
	}
	f.say(err)
	if err != nil {
		return false, err
	}
	*a = b
	return changed, nil
}

// say shows err in the form, or clears what was shown.
func (f *annotationForm) say(err error) {
	if err == nil {
		f.problem.Hide()
	} else {
		f.problem.SetText(err.Error())
		f.problem.Show()
	}
	if f.relayout != nil {
		f.relayout()
	}
}

// splitTags reads the tags entry: comma-separated, cleaned by the reader's
// rules (reader.CleanTags) when they are set. No tags give nil.
func splitTags(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	clean, err := reader.CleanTags(strings.Split(s, ","))
	if err != nil {
		return strings.Split(s, ",") // SetTags reports the error
	}
	return clean
}

// caption is a small heading over a field.
func caption(s string) *widget.RichText {
	t := quiet(s)
	t.Segments[0].(*widget.TextSegment).Style.TextStyle.Bold = true
	return t
}

// quiet is small grey text: dates, counts, hints.
func quiet(s string) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// quoted is a passage shortened to about n characters in quotation marks,
// not doubled where it begins or ends with double quotes of its own.
func quoted(s string, n int) string {
	s = shorten(s, n)
	if !strings.HasPrefix(s, "“") && !strings.HasPrefix(s, `"`) {
		s = "“" + s
	}
	if !strings.HasSuffix(s, "”") && !strings.HasSuffix(s, `"`) {
		s += "”"
	}
	return s
}

// shorten cuts s to about n characters at a word boundary, on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
