package outline

import "math"

// MaxLat is where Web Mercator stops: the world is then a square.
const MaxLat = 85.05112878

// Project is Web Mercator with the world as the unit square: x grows east
// from the antimeridian, y south from MaxLat.
func Project(lon, lat float64) (x, y float64) {
	phi := math.Max(-MaxLat, math.Min(MaxLat, lat)) * math.Pi / 180
	return (lon + 180) / 360, (1 - math.Log(math.Tan(phi)+1/math.Cos(phi))/math.Pi) / 2
}
