package placemap

import (
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
)

// TestPlaceLabelsNeverOverlap places labels of random clusters of markers,
// as crowded as Mopti and Sévaré at a country's scale, and checks that no
// two shown labels overlap, that every one is on the widget and keeps off
// the other markers, and that the selected one is always shown.
func TestPlaceLabelsNeverOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	size := fyne.NewSize(400, 300)
	for trial := range 2000 {
		cx, cy, spread := rng.Float32()*size.Width, rng.Float32()*size.Height, 2+rng.Float32()*150
		labels := make([]label, 1+rng.IntN(40))
		for i := range labels {
			labels[i] = label{
				at:       fyne.NewPos(cx+(rng.Float32()-0.5)*spread, cy+(rng.Float32()-0.5)*spread),
				radius:   3.5 + rng.Float32()*6.5,
				size:     fyne.NewSize(20+rng.Float32()*80, 16),
				obstacle: rng.IntN(4) > 0,
			}
		}
		keep := rng.IntN(3)
		button := box{size.Width - 40, 4, size.Width - 4, 40}
		boxes, shown := placeLabels(labels, size, keep, button)
		if keep > 0 && !shown[0] {
			t.Fatalf("trial %d: the selected label is not shown", trial)
		}
		bounds := box{0, 0, size.Width, size.Height}
		for i := range labels {
			if !shown[i] {
				continue
			}
			if keep == 0 || i > 0 {
				if !boxes[i].inside(bounds) || boxes[i].overlaps(button) {
					t.Fatalf("trial %d: label %d %v is off the widget or over its button", trial, i, boxes[i])
				}
			}
			for j := range labels {
				if j != i && shown[j] && boxes[i].overlaps(boxes[j]) {
					t.Fatalf("trial %d: labels %d %v and %d %v overlap", trial, i, boxes[i], j, boxes[j])
				}
				if i >= keep && j != i && labels[j].obstacle {
					l := labels[j]
					dot := box{l.at.X - l.radius, l.at.Y - l.radius, l.at.X + l.radius, l.at.Y + l.radius}
					if boxes[i].overlaps(dot) {
						t.Fatalf("trial %d: label %d covers marker %d", trial, i, j)
					}
				}
			}
		}
	}
}

func TestPlaceLabelsPrefersTheRight(t *testing.T) {
	l := label{at: fyne.NewPos(100, 100), radius: 5, size: fyne.NewSize(40, 16)}
	boxes, shown := placeLabels([]label{l}, fyne.NewSize(400, 300), 0)
	if !shown[0] || boxes[0] != (box{108, 92, 148, 108}) {
		t.Errorf("label at %v (shown %v), want right of its marker", boxes[0], shown[0])
	}
}

func TestSelectedLabelStaysOnTheWidgetAtItsEdge(t *testing.T) {
	size := fyne.NewSize(120, 90)
	l := label{at: fyne.NewPos(2, 2), radius: 5, size: fyne.NewSize(200, 16)} // wider than the map
	boxes, shown := placeLabels([]label{l}, size, 1)
	if !shown[0] || boxes[0].x0 != 0 || boxes[0].y0 < 0 {
		t.Errorf("selected label at %v (shown %v), want pushed onto the widget", boxes[0], shown[0])
	}
}
