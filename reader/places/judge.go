package places

import "strings"

// judge applies the context rules to a match at tokens i..m.last.
func (s *scanner) judge(i int, m match) (hit, bool) {
	first := s.at(i)
	h := hit{r0: first.r0, r1: m.r1, b0: first.b0, b1: m.b1, head: m.head}
	h.caps = first.is(allCaps) || (first.is(upper) && first.r1-first.r0 == 1) || first.is(initialism)
	// A word in capitals inside ordinary text is an acronym (UN, AFP): it
	// may only be an abbreviation the gazetteer knows (US, DRC).
	h.capsOnly = h.caps && first.is(allCaps) && !first.is(titleLine) && !s.dateline(first, m)
	if !s.capitalised(i, m) || s.embedded(h) || !s.g.hasClass(m.head, h.caps, h.capsOnly) {
		return h, false
	}
	if first.is(sentenceStart) {
		h.cue |= cueSentenceStart
	}
	if first.is(titleLine) {
		h.cue |= cueTitle
	}
	if !s.judgeBefore(i, m, &h) || !s.judgeAfter(i, m, &h) {
		return h, false
	}
	if s.g.allCommon(m.head) && !s.allCapitalised(i, m) {
		// "Say", "Nice", "The Mission": believed only mid-sentence, and
		// only for a prominent place (resolve), or a country anywhere.
		if h.cue&(cueSentenceStart|cueTitle) != 0 && !s.g.nameOfCountry(m.head) {
			return h, false
		}
		h.cue |= cueCommon
	}
	return h, true
}

// judgeBefore reads the word before a name: a title makes it a person's
// name, "the" may make it a river, "in" makes it a place.
func (s *scanner) judgeBefore(i int, m match, h *hit) bool {
	first, prev := s.at(i), s.at(i-1)
	if prev == nil {
		return true
	}
	w := s.fold(prev)
	switch {
	case !first.is(joinPrev):
		if prev.b1 < first.b0 && s.text[prev.b1] == '.' && personTitles[w] {
			s.persons[m.head] = true // "Mr. Gao", "Gen. Keita"
			return false
		}
		return !(prev.is(numeric) && first.is(initialism)) // "300 B.C." is a date
	case personTitles[w] || (prev.is(upper) && !prev.is(sentenceStart|allCaps) && !first.is(titleLine) &&
		!qualifiers[w] && !s.isKnown(w) && first.is(upper)):
		// "President Keita", "Hillary Clinton": part of a person's name.
		s.persons[m.head] = true
		return false
	case (w == "du" || w == "des") && s.orgBefore(i-2):
		return false // "Office du Niger" is an organisation
	case w == "the":
		h.cue |= cueThe
	}
	if placeCues[w] {
		h.cue |= cuePlace
	}
	return true
}

// judgeAfter reads the word after a name. A kind of place ("Gao Region")
// keeps it, a capitalised word makes it part of a longer proper noun
// ("Timbuktu Institute", "Gao Feng"), except after the name of a country or
// region, which stays that place ("U.S. Senate", "Queensland Premier").
func (s *scanner) judgeAfter(i int, m match, h *hit) bool {
	next := s.at(m.last + 1)
	if next == nil || !next.is(joinPrev) || next.is(hyphenPrev) || m.dot {
		return true
	}
	w := s.fold(next)
	if !next.is(upper) {
		if lowerRegionWords[w] {
			h.cue |= cueRegion // "Washington state", "the Mopti region"
		}
		return !namingWords[w] // "Marburg virus", "Lassa fever"
	}
	if next.is(allCaps) {
		return true
	}
	switch kind := placeSuffix[w]; {
	case kind == suffixCity:
		h.cue |= cueCity
	case kind == suffixRegion || kind == suffixSpan:
		if kind == suffixRegion {
			h.cue |= cueRegion
		}
		if spanSuffix[w] && !s.namesAnOffice(m.last+2, w) { // "Santa Clara County", "Nyanza Province"
			h.b1, h.r1 = next.b1, next.r1
		}
	case s.g.regionLike(m.head) || s.isKnown(w) || calendarWords[w]:
	case s.at(i).is(titleLine) && s.g.isCommonWord(w):
	default:
		if !s.g.isCommonWord(w) {
			s.persons[m.head] = true // "Gao Feng"
		}
		return false
	}
	return true
}

// namesAnOffice reports a kind word that starts the name of an office
// rather than ending the place's: "Kentucky State Police", "Ohio State
// University", "Kentucky Department of Fish and Wildlife" mention Kentucky,
// not a state or department of that name. after is the token following it.
func (s *scanner) namesAnOffice(after int, kind string) bool {
	t := s.at(after)
	if t == nil || !t.is(joinPrev) {
		return false
	}
	switch kind {
	case "state":
		return t.is(upper)
	case "department":
		return s.fold(t) == "of"
	}
	return false
}

// orgBefore reports a capitalised word at i that does not start a sentence:
// the head of a French organisation name ("Office du Niger").
func (s *scanner) orgBefore(i int) bool {
	t := s.at(i)
	return t != nil && t.is(upper) && !t.is(sentenceStart)
}

// capitalised: a name starts with a capital; a lower-case first word is let
// through only inside a longer name that has a capital later ("inner Niger
// delta"). Capitals in the middle of a lower-case word ("iPhone") are not names.
func (s *scanner) capitalised(i int, m match) bool {
	if s.at(i).is(upper) {
		return true
	}
	if w := s.fold(s.at(i)); minorWords[w] || compass[w] {
		return false // "the Netherlands", "south Sudan": the name starts later
	}
	for j := i + 1; j <= m.last; j++ {
		if s.at(j).is(upper) {
			return true
		}
	}
	return false
}

// allCapitalised reports a name of several words each written with a
// capital: "Red Deer" and "Long Beach" are names even though their words
// are everyday ones.
func (s *scanner) allCapitalised(i int, m match) bool {
	if m.last == i {
		return false
	}
	for j := i; j <= m.last; j++ {
		if t := s.at(j); !t.is(upper) && !minorWords[s.fold(t)] {
			return false
		}
	}
	return true
}

// embedded reports names inside addresses and handles: mali.com, @Gao, #Mopti.
func (s *scanner) embedded(h hit) bool {
	if h.b0 > 0 {
		switch s.text[h.b0-1] {
		case '@', '#', '/', '_', '.', '\\':
			return true
		}
	}
	if h.b1+1 < len(s.text) {
		c := s.text[h.b1]
		if (c == '.' || c == '@' || c == '_') && s.text[h.b1+1] >= 'a' && s.text[h.b1+1] <= 'z' {
			return true
		}
		if c == '/' {
			return true
		}
	}
	return false
}

// isKnown reports a word that itself names a place (not an everyday word):
// "Kidal Tessalit" is a list, not a person.
func (s *scanner) isKnown(w string) bool {
	h, ok := s.g.names[w]
	if !ok {
		return false
	}
	for c := s.g.heads[h].first; c >= 0; c = s.g.cands[c].next {
		// A small town's name ("Margaret") is no evidence: too many
		// first names are one somewhere.
		if cand := &s.g.cands[c]; !cand.common && cand.class != classLocal {
			return true
		}
	}
	return false
}

// hasClass reports whether the key has a candidate that this casing allows.
func (g *Gazetteer) hasClass(h int32, caps, capsOnly bool) bool {
	for c := g.heads[h].first; c >= 0; c = g.cands[c].next {
		if casingAllows(g.cands[c].class, caps, capsOnly) {
			return true
		}
	}
	return false
}

// casingAllows: abbreviations (US, U.S.) only when written in capitals, and
// only abbreviations when an acronym stands in ordinary text.
func casingAllows(class byte, caps, capsOnly bool) bool {
	if class == classCapital {
		return caps
	}
	return !capsOnly
}

// regionLike reports a key that names a country (by name, abbreviation or
// demonym) or only larger places than towns.
func (g *Gazetteer) regionLike(h int32) bool {
	town := false
	for c := g.heads[h].first; c >= 0; c = g.cands[c].next {
		cand := &g.cands[c]
		kind := kindOf(g.places[cand.place].fcode)
		if cand.class == classDemonym || cand.class == classCapital || kind == KindCountry {
			return true
		}
		town = town || kind == KindCity
	}
	return !town
}

// nameOfCountry reports a key that is a country's name ("Turkey", "China").
func (g *Gazetteer) nameOfCountry(h int32) bool {
	for c := g.heads[h].first; c >= 0; c = g.cands[c].next {
		if g.cands[c].class != classDemonym && kindOf(g.places[g.cands[c].place].fcode) == KindCountry {
			return true
		}
	}
	return false
}

// dateline reports a news dateline, a place in capitals opening a line and
// followed by a dash, comma or bracket: "WASHINGTON —", "BAMAKO, Mali (AFP)".
func (s *scanner) dateline(first *token, m match) bool {
	if first.b0 > 0 && s.text[first.b0-1] != '\n' {
		return false
	}
	rest := strings.TrimLeft(s.text[m.b1:], " ")
	for _, p := range []string{"—", "–", "-", ",", "(", ":"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// allCommon reports a key whose every reading is an everyday English word.
func (g *Gazetteer) allCommon(h int32) bool {
	c := g.heads[h].first
	if c < 0 {
		return false
	}
	for ; c >= 0; c = g.cands[c].next {
		if !g.cands[c].common {
			return false
		}
	}
	return true
}

// isCommonWord reports an everyday English word ("Institute", "Post").
func (g *Gazetteer) isCommonWord(w string) bool {
	_, ok := g.common[w]
	return ok
}
