package docview

import (
	"fmt"
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"sahelreader/reader"
	"sahelreader/reader/readertest"
)

var (
	yellow = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}
	blue   = color.NRGBA{R: 0x64, G: 0xb5, B: 0xf6, A: 0xff}
)

// painted returns the renderer's objects and their palette.
func painted(v *View) (*viewRenderer, *palette) {
	r := test.WidgetRenderer(v).(*viewRenderer)
	return r, r.palette()
}

// rectsOf returns the painted rectangles filled with c, with their index
// in paint order.
func rectsOf(r *viewRenderer, c color.Color) (rects []*canvas.Rectangle, at []int) {
	for i, o := range r.objects {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.FillColor == c {
			rects, at = append(rects, rc), append(at, i)
		}
	}
	return rects, at
}

func TestOverlappingHighlightsShareTheLineInBands(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 900, 700)
	p0 := doc.Blocks[1].Start
	if n := len(v.RangeRects(reader.Range{Start: p0, End: p0 + 50})); n != 1 {
		t.Fatalf("the test wants the first 50 runes on one line, they take %d", n)
	}
	v.SetHighlights([]Highlight{
		{ID: "b", Range: reader.Range{Start: p0 + 20, End: p0 + 50}, Color: blue},
		{ID: "a", Range: reader.Range{Start: p0, End: p0 + 30}, Color: yellow},
	})
	r, p := painted(v)
	caret := func(o int) float32 { return v.RangeRects(reader.Range{Start: o, End: o})[0].Pos.X }
	line := v.RangeRects(reader.Range{Start: p0, End: p0 + 1})[0]
	ys, full := markBox(&Line{Y: line.Pos.Y, Height: line.Size.Height})
	type box struct{ x0, x1, y, h float32 }
	got := func(c color.Color) (boxes []box) {
		rects, _ := rectsOf(r, c)
		for _, o := range rects {
			boxes = append(boxes, box{o.Position().X, o.Position().X + o.Size().Width, o.Position().Y, o.Size().Height})
		}
		return boxes
	}
	half := (full - bandGap) / 2
	// a alone, then a's band above b's, then b alone.
	wantA := []box{{caret(p0), caret(p0 + 20), ys, full}, {caret(p0 + 20), caret(p0 + 30), ys, half}}
	wantB := []box{{caret(p0 + 20), caret(p0 + 30), ys + half + bandGap, half}, {caret(p0 + 30), caret(p0 + 50), ys, full}}
	if a := got(p.tint(yellow)); fmt.Sprint(a) != fmt.Sprint(wantA) {
		t.Errorf("yellow painted %v, want %v", a, wantA)
	}
	if b := got(p.tint(blue)); fmt.Sprint(b) != fmt.Sprint(wantB) {
		t.Errorf("blue painted %v, want %v", b, wantB)
	}
}

func TestLayersPaintInOrder(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(sample)
	v, _ := showView(t, doc, 900, 700)
	p0 := doc.Blocks[1].Start
	v.SetHighlights([]Highlight{{ID: "a", Range: reader.Range{Start: p0, End: p0 + 30}, Color: yellow}})
	// Find matches and place marks are set apart and both painted.
	v.SetFindMatches([]reader.Range{{Start: p0 + 40, End: p0 + 45}, {Start: p0 + 50, End: p0 + 55}}, 1)
	v.SetMarks([]Mark{{Range: reader.Range{Start: p0 + 60, End: p0 + 68}, Style: MarkPlace}})
	v.SetSelection(reader.Range{Start: p0 + 10, End: p0 + 70})
	r, p := painted(v)
	order := map[string]int{}
	firstAt := func(name string, i int) {
		if _, ok := order[name]; !ok {
			order[name] = i
		}
	}
	var finds []*canvas.Rectangle
	for i, o := range r.objects {
		switch o := o.(type) {
		case *canvas.Text:
			firstAt("text", i)
		case *canvas.Raster:
			firstAt("place", i)
			if o != r.dots[0].Raster || r.dots[0].c != p.place {
				t.Errorf("the place mark is not the pooled dotted line in %v", p.place)
			}
		case *canvas.Rectangle:
			switch {
			case o.FillColor == p.tint(yellow):
				firstAt("highlight", i)
			case o.StrokeWidth > 0:
				firstAt("find", i)
				finds = append(finds, o)
			case o.FillColor == p.selection:
				firstAt("selection", i)
			}
		}
	}
	names := []string{"highlight", "place", "find", "selection", "text"}
	for k := 1; k < len(names); k++ {
		a, aok := order[names[k-1]]
		b, bok := order[names[k]]
		if !aok || !bok || a >= b {
			t.Errorf("paint order %v, want %v", order, names)
			break
		}
	}
	if len(finds) != 2 || finds[0].StrokeWidth >= finds[1].StrokeWidth || finds[1].FillColor == finds[0].FillColor {
		t.Errorf("find matches: %d outlines, the current one not bolder", len(finds))
	}
}

func TestFlashPulsesAndEnds(t *testing.T) {
	test.NewTempApp(t)
	doc := reader.Parse(readertest.Markdown(3000))
	v, _ := showView(t, doc, 800, 600)
	target := reader.Range{Start: doc.Len() / 2, End: doc.Len()/2 + 80}
	v.ScrollToOffset(target.Start)
	r, p := painted(v)
	flashes := func() int {
		n := 0
		for _, o := range r.objects {
			if rc, ok := o.(*canvas.Rectangle); ok && rc.FillColor != nil {
				if c := color.NRGBAModel.Convert(rc.FillColor).(color.NRGBA); c.A > 0 && c.A < 0xff && c == withAlpha(p.flash, float64(c.A)/0xff) {
					n++
				}
			}
		}
		return n
	}
	v.Flash(target) // the test driver runs an animation straight to its end
	if n := flashes(); n != 0 || v.flash.level != 0 {
		t.Fatalf("after the flash %d flash rects, level %v", n, v.flash.level)
	}
	v.flash.anim.Tick(0.5)
	if n := flashes(); n != len(v.RangeRects(target)) {
		t.Errorf("mid-flash %d flash rects for a range on %d lines", n, len(v.RangeRects(target)))
	}
	v.Flash(target) // again, while one runs
	v.flash.anim.Tick(0.25)
	v.SetDocument(reader.Parse(sample)) // and away
	if n := flashes(); n != 0 {
		t.Errorf("a new document shows %d flash rects", n)
	}
}

// annotated is a long document with 1,000 highlights, a tenth of them
// overlapping another, a place mention every 200 runes and find matches.
func annotated(words int) (*reader.Document, []Highlight, []Mark) {
	doc := reader.Parse(readertest.Markdown(words))
	n := doc.Len()
	colors := []color.Color{yellow, blue, color.NRGBA{R: 0x81, G: 0xc7, B: 0x84, A: 0xff}}
	var hs []Highlight
	for i := range 1000 {
		start := i * n / 1000
		hs = append(hs, Highlight{ID: fmt.Sprint("h", i), Range: reader.Range{Start: start, End: start + 40 + i%5*50}, Color: colors[i%3]})
		if i%10 == 0 {
			hs = append(hs, Highlight{ID: fmt.Sprint("o", i), Range: reader.Range{Start: start + 20, End: start + 120}, Color: colors[(i+1)%3]})
		}
	}
	var ms []Mark
	for o := 100; o+8 < n; o += 200 {
		ms = append(ms, Mark{Range: reader.Range{Start: o, End: o + 8}, Style: MarkPlace})
	}
	for o := 50; o+5 < n; o += 900 {
		ms = append(ms, Mark{Range: reader.Range{Start: o, End: o + 5}, Style: MarkFind})
	}
	return doc, hs, ms
}

// TestLayersCostOnlyTheVisibleLines paints a 100,000-word article with
// 1,000 highlights: the objects follow the viewport, not the document, and
// every one of them lies in or next to the viewport.
func TestLayersCostOnlyTheVisibleLines(t *testing.T) {
	test.NewTempApp(t)
	doc, hs, ms := annotated(100000)
	plain, _ := showView(t, doc, 900, 700)
	v, _ := showView(t, doc, 900, 700)
	v.SetHighlights(hs)
	v.SetMarks(ms)
	r := test.WidgetRenderer(v).(*viewRenderer)
	ls := v.Lines()
	for _, o := range []int{0, doc.Len() / 3, doc.Len() / 2, doc.Len() - 1} {
		plain.ScrollToOffset(o)
		v.ScrollToOffset(o)
		v.SetSelection(reader.Range{Start: 0, End: doc.Len()}) // a selection of everything, too
		first, last, _ := v.visible(ls)
		lines := last - first + 1
		base, n := len(test.LaidOutObjects(plain)), len(test.LaidOutObjects(v))
		t.Logf("at %d of %d: %d lines in view, %d objects without annotations, %d with (of %d highlights, %d marks)",
			o, doc.Len(), lines, base, n, len(hs), len(ms))
		// Per visible line: at most a few highlight bands, marks and one selection rect.
		if n > base+8*lines {
			t.Errorf("at %d: %d objects for %d visible lines", o, n, lines)
		}
		pad := ls.Lines[0].Height * 2
		for _, obj := range r.objects {
			if y := obj.Position().Y; y < -pad || y > 700+pad {
				t.Fatalf("at %d: an object is painted at y %v, far out of the view", o, y)
			}
		}
	}
	if pools := len(r.rects) + len(r.texts) + len(r.dots); pools > 3*len(test.LaidOutObjects(plain)) {
		t.Errorf("pools hold %d objects", pools)
	}
}

// BenchmarkScroll scrolls a 100,000-word article a line at a time, each
// step a full paint, bare and with 1,000 highlights and 3,000 marks.
func BenchmarkScroll(b *testing.B) {
	test.NewTempApp(b)
	doc, hs, ms := annotated(100000)
	for _, annotate := range []bool{false, true} {
		name := "bare"
		if annotate {
			name = "1000highlights"
		}
		b.Run(name, func(b *testing.B) {
			v, _ := showView(b, doc, 900, 700)
			if annotate {
				v.SetHighlights(hs)
				v.SetMarks(ms)
			}
			maxScroll := v.Lines().Height - 700
			step := v.lineStep()
			objects := 0
			b.ReportAllocs()
			for b.Loop() {
				if v.scroll+step > maxScroll {
					v.scrollBy(-maxScroll)
				}
				v.scrollBy(step)
				objects = max(objects, len(test.WidgetRenderer(v).Objects()))
			}
			b.ReportMetric(float64(objects), "max-objects")
		})
	}
}

func TestSpanIndex(t *testing.T) {
	ranges := []reader.Range{{Start: 0, End: 100}, {Start: 5, End: 10}, {Start: 20, End: 30}, {Start: 25, End: 26}, {Start: 200, End: 210}}
	x := newSpanIndex(len(ranges), func(i int) reader.Range { return ranges[i] })
	for _, tc := range []struct {
		a, b int
		want []int
	}{{0, 1, []int{0}}, {10, 20, []int{0}}, {9, 21, []int{0, 1, 2}}, {26, 27, []int{0, 2}}, {100, 200, nil}, {150, 250, []int{4}}} {
		if got := slices.Collect(x.overlapping(tc.a, tc.b)); !slices.Equal(got, tc.want) {
			t.Errorf("overlapping(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
