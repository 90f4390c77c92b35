package placemap

import (
	"math"
	"slices"
)

const (
	// focusRadius is how far, in kilometres, from the heart of an article's
	// places a place still counts as nearby: about the Sahel's width.
	focusRadius = 2500
	// focusShare is the part of the mentions the nearby places must hold
	// for the far ones to be left out of the fit.
	focusShare = 2.0 / 3
)

// focus returns the indexes of the markers a fit shows. News about Mali
// names Moscow, Bangladesh and France in passing; fitting them all would
// shrink Mali to a few pixels. So when most mentions gather around one place
// (the one with the most mentions nearby), the fit shows that gathering
// and the user reaches the rest by selecting them or zooming out.
// Otherwise it shows every marker.
//
// The heart is a town when the article names any: a country's or a
// region's centre (Algeria's, deep in the Sahara) is no place the story
// happens, and from there Paris is as near as Bamako.
func focus(ms []Marker) []int {
	towns := slices.ContainsFunc(ms, func(m Marker) bool { return m.Kind == KindPoint })
	total, best, heart := 0, -1, 0
	for i, m := range ms {
		total += max(m.Weight, 1)
		if towns && m.Kind != KindPoint {
			continue
		}
		if near := nearbyWeight(ms, m); near > best {
			best, heart = near, i
		}
	}
	all := make([]int, 0, len(ms))
	var near []int
	for i, m := range ms {
		all = append(all, i)
		if distanceKm(ms[heart], m) <= focusRadius {
			near = append(near, i)
		}
	}
	if len(ms) == 0 || float64(best) < focusShare*float64(total) {
		return all
	}
	return near
}

func nearbyWeight(ms []Marker, centre Marker) int {
	sum := 0
	for _, m := range ms {
		if distanceKm(centre, m) <= focusRadius {
			sum += max(m.Weight, 1)
		}
	}
	return sum
}

// distanceKm is the great-circle distance (haversine).
func distanceKm(a, b Marker) float64 {
	const rad = math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Pow(math.Sin(dLat/2), 2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Pow(math.Sin(dLon/2), 2)
	return 2 * 6371 * math.Asin(math.Sqrt(math.Min(1, h)))
}
