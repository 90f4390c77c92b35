package placemap

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
)

// TestPlaceLabelsNeverOverlap places labels of random clusters of markers,
// as crowded as Mopti and Sévaré at a country's scale, and checks that no
// two shown labels overlap, that every one is on the widget and keeps off
// the other markers, that no leader line crosses another label, and that
// the selected one is always shown.
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
		boxes, shown, led := placeLabels(labels, size, keep, button)
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
				if led[i] && j != i && shown[j] {
					if from, to := labels[i].leader(boxes[i]); boxes[j].crossedBy(from, to) {
						t.Fatalf("trial %d: the leader line of label %d crosses label %d", trial, i, j)
					}
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
	boxes, shown, _ := placeLabels([]label{l}, fyne.NewSize(400, 300), 0)
	if !shown[0] || boxes[0] != (box{108, 92, 148, 108}) {
		t.Errorf("label at %v (shown %v), want right of its marker", boxes[0], shown[0])
	}
}

func TestSelectedLabelStaysOnTheWidgetAtItsEdge(t *testing.T) {
	size := fyne.NewSize(120, 90)
	l := label{at: fyne.NewPos(2, 2), radius: 5, size: fyne.NewSize(200, 16)} // wider than the map
	boxes, shown, _ := placeLabels([]label{l}, size, 1)
	if !shown[0] || boxes[0].x0 != 0 || boxes[0].y0 < 0 {
		t.Errorf("selected label at %v (shown %v), want pushed onto the widget", boxes[0], shown[0])
	}
}

// TestCrowdedLabelGoesFartherWithALeader: two towns so close that the
// second's label finds no room beside it gets one a little away, with a
// leader line from its marker's edge to the label's nearest side.
func TestCrowdedLabelGoesFartherWithALeader(t *testing.T) {
	size := fyne.NewSize(400, 300)
	mopti := label{at: fyne.NewPos(200, 150), radius: 10, size: fyne.NewSize(40, 16), obstacle: true}
	sevare := label{at: fyne.NewPos(203, 147), radius: 7, size: fyne.NewSize(44, 16), obstacle: true}
	labels := []label{mopti, sevare}
	for _, at := range []fyne.Position{{X: 215, Y: 130}, {X: 190, Y: 130}, {X: 215, Y: 170}, {X: 190, Y: 170}} {
		labels = append(labels, label{at: at, radius: 5, size: fyne.NewSize(40, 16), obstacle: true}) // hemming Sévaré in
	}
	boxes, shown, led := placeLabels(labels, size, 0)
	if !shown[0] || led[0] || !shown[1] || !led[1] {
		t.Fatalf("shown %v, led %v; want Mopti beside its marker, Sévaré at the end of a leader", shown, led)
	}
	from, to := sevare.leader(boxes[1])
	if d := from.Subtract(sevare.at); math.Abs(math.Hypot(float64(d.X), float64(d.Y))-7) > 1e-3 {
		t.Errorf("the leader starts at %v, not on the edge of the marker at %v", from, sevare.at)
	}
	if b := boxes[1]; to.X != b.x0 && to.X != b.x1 && to.Y != b.y0 && to.Y != b.y1 {
		t.Errorf("the leader ends at %v, not on the label %v", to, b)
	}
	if b := boxes[1]; b.crossedBy(mopti.at, mopti.at) || b.overlaps(boxes[0]) {
		t.Errorf("the label %v covers Mopti or its label %v", b, boxes[0])
	}
}

// BenchmarkPlaceLabels places the labels of n markers crowded on a map of
// the panel's size, as on every frame of a drag; most are left out, and at
// most leaderMax try the farther places.
func BenchmarkPlaceLabels(b *testing.B) {
	size := fyne.NewSize(340, 320)
	for _, n := range []int{10, 100, 1000} {
		rng := rand.New(rand.NewPCG(1, 2))
		labels := make([]label, n)
		for i := range labels {
			labels[i] = label{at: fyne.NewPos(170+(rng.Float32()-0.5)*200, 160+(rng.Float32()-0.5)*200),
				radius: 3.5 + rng.Float32()*6.5, size: fyne.NewSize(30+rng.Float32()*50, 16), obstacle: true}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				placeLabels(labels, size, 1)
			}
		})
	}
}
