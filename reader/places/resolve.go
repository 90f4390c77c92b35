package places

import (
	"math"
	"slices"
)

// choice is the place a hit resolved to, or place -1 for none.
type choice struct {
	place   int32
	demonym bool
}

var noChoice = choice{place: -1}

// group is every hit of one key read the same way: a text uses a name in
// one sense throughout ("one sense per discourse").
type group struct {
	head  int32
	cue   cue // the cues that change the reading
	hits  []int
	cands []candidate
}

// groupCues are the cues that split a key's hits into separately resolved
// groups; the others only filter single hits.
const groupCues = cueRegion | cueCity | cueThe | cueCommon

// Scores are in orders of magnitude of population: a country outranks any
// city of the same name, a capital gains as if it were 300 times larger.
const (
	scoreCountry     = 10
	scoreTerritory   = 8.5
	scoreContinent   = 9.5
	scoreRegion      = 7.5
	scoreArea        = 11 // curated regions (Sahel, Middle East): the sense a text means
	scoreRiver       = 7  // a river shares its name with a country: it needs "the" or "River"
	bonusCapital     = 2.5
	bonusSeat        = 1
	bonusSeat2       = 0.5
	penaltyAlternate = 1
	bonusContext     = 3 // the document names the candidate's country
	bonusNeighbour   = 2 // a country the text names borders this country
	penaltyForeign   = 2 // ... or names others, not this place's
	bonusCue         = 8 // "Gao Region", "Gao Airport", "the Niger"
	bonusNear        = 2 // the town of the name nearest to the text's other places
	bonusRegion      = 3 // the text names the region the town lies in ("Kentucky")
	// smallPlace: villages need their country named in the text, as their
	// names are too often something else.
	smallPlace = 15000
	// prominentPlace is the population from which a city named by an
	// everyday word ("Nice", "Reading") is believed mid-sentence.
	prominentPlace = 100000
	// seatDistanceKm: a region and a city of the same name closer than this
	// are the region and its seat (Gao, Mopti, Ankara); the name means the city.
	seatDistanceKm = 250
	// withinKm: a place said to be in a region lies within this distance
	// of the region's centre point.
	withinKm = 600
	// nearKm: a town this close to another place the text names is near it.
	nearKm = 150
)

func (g *Gazetteer) resolve(s *scanner) []choice {
	groups := g.group(s.hits)
	context := map[string]int{}
	own := make([]map[string]int, len(groups))
	for i := range groups {
		own[i] = g.contribution(&groups[i])
		for cc, n := range own[i] {
			context[cc] += n
		}
	}
	chosen := make([]choice, len(groups))
	for i := range groups {
		named, anyNamed := namedIn(context, own[i])
		chosen[i] = g.choose(&groups[i], evidence{named: named, anyNamed: anyNamed, near: -1})
	}
	// A town whose name several towns share is read as the one nearest to
	// the regions and towns the rest of the text names ("Newcastle" beside
	// Sydney is Newcastle, New South Wales), or as one in a region the text
	// names ("London" beside "Kentucky"). Small towns are only read so.
	anchors := make([]int32, len(groups))
	regions := map[int32]bool{}
	for i, ch := range chosen {
		anchors[i] = -1
		if ch.place < 0 {
			continue
		}
		switch kindOf(g.places[ch.place].fcode) {
		case KindRegion:
			regions[ch.place] = true
			anchors[i] = ch.place
		case KindCity:
			anchors[i] = ch.place
		}
	}
	for i, ch := range chosen {
		if ch.place >= 0 && kindOf(g.places[ch.place].fcode) != KindCity {
			continue // a country or region keeps its reading
		}
		named, anyNamed := namedIn(context, own[i])
		chosen[i] = g.choose(&groups[i], evidence{named: named, anyNamed: anyNamed,
			near: g.nearest(&groups[i], i, anchors), regions: regions})
	}
	choices := make([]choice, len(s.hits))
	for i := range groups {
		gr := &groups[i]
		ch := chosen[i]
		person := s.persons[gr.head]
		for _, h := range gr.hits {
			if person && s.hits[h].cue&cuePlace == 0 {
				choices[h] = noChoice // "Gao said", after "Gao Feng"
				continue
			}
			choices[h] = ch
		}
	}
	for i, h := range s.hits {
		if h.within > 0 && choices[i].place >= 0 && choices[h.within-1].place >= 0 {
			choices[i] = g.chooseWithin(g.candidates(h.head, h.caps, h.capsOnly, h.cue&groupCues), choices[h.within-1].place, choices[i])
		}
	}
	return choices
}

// chooseWithin rereads a name followed by ", " and the place that contains
// it: "London, Ontario", "Paris, Texas", "Columbia, Ky.".
func (g *Gazetteer) chooseWithin(cands []candidate, outer int32, current choice) choice {
	o := &g.places[outer]
	switch k := kindOf(g.places[current.place].fcode); {
	case k == KindCountry || k == KindContinent:
		return current // a list of countries: "China, Japan"
	case kindOf(o.fcode) == KindRegion && k == KindRegion:
		return current // a list, not a place in a region: "Nevada, New Mexico, North Carolina"
	}
	best, bestScore := current, math.Inf(-1)
	for _, c := range cands {
		p := &g.places[c.place]
		if p.cc != o.cc || c.place == outer {
			continue
		}
		if kindOf(o.fcode) == KindRegion && kindOf(p.fcode) != KindCity {
			continue // a region holds towns
		}
		score := g.prior(c)
		if kindOf(o.fcode) != KindCountry && g.inside(p, outer, o) {
			score += bonusCue
		}
		if score > bestScore {
			best, bestScore = choice{place: c.place, demonym: c.class == classDemonym}, score
		}
	}
	return best
}

// inside reports whether p lies in outer (o): in the region the gazetteer
// files it under, or, for a place filed under none, near outer's centre.
func (g *Gazetteer) inside(p *gazPlace, outer int32, o *gazPlace) bool {
	if p.region >= 0 && kindOf(o.fcode) == KindRegion {
		return p.region == outer
	}
	return distanceKm(p.lat, p.lon, o.lat, o.lon) < withinKm
}

// group collects hits by key and reading, with each key's admissible
// candidates.
func (g *Gazetteer) group(hits []hit) []group {
	type groupKey struct {
		head     int32
		cue      cue
		caps     bool
		capsOnly bool
	}
	index := map[groupKey]int{}
	var groups []group
	for i, h := range hits {
		k := groupKey{h.head, h.cue & groupCues, h.caps, h.capsOnly}
		n, ok := index[k]
		if !ok {
			n = len(groups)
			index[k] = n
			groups = append(groups, group{head: h.head, cue: k.cue, cands: g.candidates(h.head, k.caps, k.capsOnly, k.cue)})
		}
		groups[n].hits = append(groups[n].hits, i)
	}
	return groups
}

// candidates lists a key's readings: abbreviations only when written in
// capitals, and a region only when no city of its name is its seat.
func (g *Gazetteer) candidates(h int32, caps, capsOnly bool, c cue) []candidate {
	var list []candidate
	for i := g.heads[h].first; i >= 0; i = g.cands[i].next {
		if casingAllows(g.cands[i].class, caps, capsOnly) {
			list = append(list, g.cands[i])
		}
	}
	if c&cueRegion != 0 {
		return list
	}
	kept := list[:0:0]
	for _, a := range list {
		if !g.hasSeat(a, list) {
			kept = append(kept, a)
		}
	}
	return kept
}

// hasSeat reports a region with a same-named city nearby among list.
func (g *Gazetteer) hasSeat(region candidate, list []candidate) bool {
	r := &g.places[region.place]
	if kindOf(r.fcode) != KindRegion {
		return false
	}
	for _, c := range list {
		p := &g.places[c.place]
		if kindOf(p.fcode) == KindCity && p.cc == r.cc && distanceKm(p.lat, p.lon, r.lat, r.lon) < seatDistanceKm {
			return true
		}
	}
	return false
}

// contribution is what a group tells about the document's countries: a
// country named, or a place whose every reading lies in one country.
func (g *Gazetteer) contribution(gr *group) map[string]int {
	ch := g.choose(gr, evidence{named: func(string) bool { return false }, near: -1})
	if ch.place < 0 {
		return nil
	}
	p := &g.places[ch.place]
	if kindOf(p.fcode) != KindCountry {
		for _, c := range gr.cands {
			if g.places[c.place].cc != p.cc && c.class != classLocal {
				return nil
			}
		}
	}
	if p.cc == "-" {
		return nil
	}
	return map[string]int{p.cc: len(gr.hits)}
}

// namedIn tells, for a group whose own contribution to the document's
// countries is own, whether the rest of the document names a country and
// whether it names any.
func namedIn(context, own map[string]int) (named func(cc string) bool, anyNamed bool) {
	for cc, n := range context {
		if n-own[cc] > 0 {
			anyNamed = true
			break
		}
	}
	return func(cc string) bool { return context[cc]-own[cc] > 0 }, anyNamed
}

// nearest returns the town among a group's candidates that lies nearest to
// a region or town another group of the text was read as (anchors, -1 for
// none), when it is under nearKm from it and the group has several towns
// to choose from; else -1.
func (g *Gazetteer) nearest(gr *group, self int, anchors []int32) int32 {
	towns := 0
	for _, c := range gr.cands {
		if kindOf(g.places[c.place].fcode) == KindCity {
			towns++
		}
	}
	if towns < 2 {
		return -1
	}
	best, bestKm := int32(-1), float64(nearKm)
	for _, c := range gr.cands {
		p := &g.places[c.place]
		if kindOf(p.fcode) != KindCity {
			continue
		}
		for j, a := range anchors {
			if j == self || a < 0 || a == c.place {
				continue
			}
			q := &g.places[a]
			if dlat := p.lat - q.lat; dlat > nearKm/111 || dlat < -nearKm/111 {
				continue // a degree of latitude is 111 km: too far, skip the trigonometry
			}
			if km := distanceKm(p.lat, p.lon, q.lat, q.lon); km < bestKm {
				best, bestKm = c.place, km
			}
		}
	}
	return best
}

// evidence is what the rest of a text tells about one group's reading.
type evidence struct {
	named    func(cc string) bool // the rest of the text names this country
	anyNamed bool                 // ... or names any country
	near     int32                // the town nearest to the text's other places, or -1
	regions  map[int32]bool       // the regions the text names, by place
}

// choose picks the best admissible candidate.
func (g *Gazetteer) choose(gr *group, ev evidence) choice {
	best, bestScore := noChoice, math.Inf(-1)
	// A named neighbour is weaker evidence than a named country: it only
	// spares a town or region the foreign penalty when no reading of the
	// name lies in a country the text names ("Gaza" beside Israel).
	someInContext := slices.ContainsFunc(gr.cands, func(c candidate) bool { return ev.named(g.places[c.place].cc) })
	for _, c := range gr.cands {
		p := &g.places[c.place]
		inContext := ev.named(p.cc)
		inRegion := p.region >= 0 && ev.regions[p.region]
		if !g.admissible(gr, c, inContext, inRegion || c.place == ev.near) {
			continue
		}
		score := g.prior(c) + cueBonus(gr.cue, p)
		switch kind := kindOf(p.fcode); {
		case inContext:
			score += bonusContext
		case kind == KindCountry && g.neighbourNamed(p.cc, ev.named):
			score += bonusNeighbour // "Chad, Nigeria and Niger": Niger the country
		case kind != KindCity && kind != KindRegion:
		case !someInContext && g.neighbourNamed(p.cc, ev.named):
		case ev.anyNamed:
			score -= penaltyForeign
		}
		if inRegion && kindOf(p.fcode) == KindCity {
			score += bonusRegion
		}
		if c.place == ev.near {
			score += bonusNear
		}
		if score > bestScore {
			best, bestScore = choice{place: c.place, demonym: c.class == classDemonym}, score
		}
	}
	return best
}

// neighbourNamed reports whether the text names a country bordering cc.
func (g *Gazetteer) neighbourNamed(cc string, named func(string) bool) bool {
	for _, n := range g.neighbours[cc] {
		if named(n) {
			return true
		}
	}
	return false
}

// admissible rules out readings too unlikely to consider: a small town
// needs its country named, and a small town outside Mali's part of the
// world also its region or a neighbour (local).
func (g *Gazetteer) admissible(gr *group, c candidate, inContext, local bool) bool {
	p := &g.places[c.place]
	kind := kindOf(p.fcode)
	if c.class == classLocal && !local {
		return false
	}
	if kind == KindCity && p.pop < smallPlace && p.fcode != "PPLC" && p.fcode != "PPLA" && !inContext {
		return false
	}
	if gr.cue&cueCommon != 0 {
		return kind == KindCountry || kind == KindContinent || (kind == KindCity && p.pop >= prominentPlace)
	}
	return true
}

// prior scores a reading before context: kind, population, capital status.
func (g *Gazetteer) prior(c candidate) float64 {
	p := &g.places[c.place]
	var s float64
	switch kindOf(p.fcode) {
	case KindCountry:
		s = scoreCountry
		if p.fcode != "PCLI" {
			s = scoreTerritory
		}
	case KindContinent:
		s = scoreContinent
	case KindRegion:
		s = scoreRegion
	case KindArea:
		s = scoreArea
		if p.fcode == "STM" {
			s = scoreRiver
		}
	case KindCity:
		s = math.Log10(float64(p.pop) + 1)
		switch p.fcode {
		case "PPLC":
			s += bonusCapital
		case "PPLA":
			s += bonusSeat
		case "PPLA2":
			s += bonusSeat2
		}
	}
	if c.class == classAlt {
		s -= penaltyAlternate
	}
	return s
}

func cueBonus(c cue, p *gazPlace) float64 {
	kind := kindOf(p.fcode)
	switch {
	case c&cueRegion != 0 && kind == KindRegion,
		c&cueCity != 0 && kind == KindCity,
		c&cueThe != 0 && p.fcode == "STM":
		return bonusCue
	}
	return 0
}

// distanceKm is the great-circle distance.
func distanceKm(lat1, lon1, lat2, lon2 float32) float64 {
	const earthRadiusKm = 6371
	rad := math.Pi / 180
	φ1, φ2 := float64(lat1)*rad, float64(lat2)*rad
	dφ, dλ := φ2-φ1, float64(lon2-lon1)*rad
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(a))
}
