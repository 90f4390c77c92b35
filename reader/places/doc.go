// Package places finds the places a text mentions, offline, with a
// gazetteer embedded in the binary, and says where each mention is as a
// range of rune offsets into the text as given (for an article, its
// Document.Text).
//
// Load parses the gazetteer once (about 100 ms and 30 MB of heap, inflating
// on one goroutine while indexing on another; call it off the UI goroutine); Gazetteer.Extract is pure, safe for concurrent use
// and reads any string, valid UTF-8 or not.
//
// # Finding names
//
// Words are folded (lower case, NFD with non-spacing marks removed, ø→o,
// ß→ss...) so Ménaka matches Menaka and Côte d’Ivoire matches Cote
// d'Ivoire; alternate names map old and French spellings to the same place
// (Timbuktu, Tombouctou, Timbuctoo). At each word the longest known name
// wins (Burkina Faso, not Burkina; Democratic Republic of the Congo); when
// a longer name is refused because it starts in lower case, the next word
// may start one ("east London" is London).
// A name must start with a capital, except inside a longer name whose later
// word has one ("inner Niger delta", "sub-Saharan Africa"); a word in
// capitals in ordinary text is an acronym and may only be a known
// abbreviation (US, U.S., UK, DRC, NSW), but place names in capitals open
// datelines ("BAMAKO, Mali (AFP) —") and headings.
//
// # Rejecting names that are not places here
//
//   - Everyday words: names that are everyday English words (Say, Of, Bar,
//     Nice, "The Mission") count only mid-sentence, outside headings, and
//     only for countries, continents and cities of 100,000 people or more;
//     several capitalised everyday words together are a name (Red Deer).
//   - People: a name after a title (Mr, President, Gen.) or after another
//     capitalised word that is no place or qualifier ("Hillary Clinton"), or
//     followed by a capitalised word that is no everyday word ("Gao Feng"),
//     is part of a person's name; once a name is seen so, its other mentions
//     count only after a place word (in, at, from, near...): "Gao said" is
//     the man, "in Gao" the town.
//   - Organisations: a town's name followed by a capitalised word is part of
//     a longer proper noun ("Timbuktu Institute", "Washington Post") unless
//     that word says what kind of place it is: "Gao Airport" and "Gao City"
//     are the town, "Gao Region" the region, "Santa Clara County" runs over
//     "County", but "Kentucky State Police" and "Kentucky Department of
//     Fish" mention Kentucky. Countries, regions and demonyms keep their
//     reading before a noun ("U.S. Senate", "Queensland Premier", "Malian
//     Army"), as most annotators read them. "Office du Niger" and "Marburg
//     virus" are not places.
//   - Villages: places under 15,000 people (most of the Sahel's towns in
//     the gazetteer) count only when the text names their country. Outside
//     Mali and its neighbours the gazetteer keeps towns of 1,000 to 15,000
//     people under their own name only, and they count only when the text
//     also names their region or a place within 150 km: "London" beside
//     "Kentucky" is London, Kentucky; "Edmonton" beside Cairns is Edmonton,
//     Queensland. A first name that is such a town's name ("Margaret") is
//     no evidence against a person's name.
//
// Demonyms and adjectives count for their country ("Malian", "Malians" →
// Mali), marked as such in each Mention.
//
// # Choosing among places of one name
//
// A name keeps one sense throughout a text. Candidates score by kind and
// size: curated regions (the Sahel, the Middle East) over countries, over
// first-level regions, over towns by the logarithm of their population,
// capitals and regional seats raised. A region yields to its seat of the
// same name (Gao, Mopti, Ankara), unless a region word follows, even in
// lower case ("the Ségou region", "Washington state"). Candidates in a
// country the rest of the text names gain, others lose a little: Gao and San
// in a Malian text are the Malian towns. A country gains when the text names
// a country it borders ("Chad, Nigeria and Niger" is Niger the country, not
// Niger State), and a town or region in such a country is spared the loss
// when no reading of its name lies in a named country ("Gaza" beside Israel).
// A town in a region the text names gains as much again. Among towns of one name, the one within 150 km of a region
// or town the rest of the text names gains too: Newcastle beside Sydney is
// Newcastle, New South Wales. "the Niger" is the river. A name followed by
// ", " and a place is read inside it, by the region the gazetteer files
// each town under: "Paris, Missouri", "London, Ontario"; but a region
// followed by a region, or a country by anything, is a list ("Nevada, New
// Mexico", "China, Japan").
//
// # Data
//
// The gazetteer (gazetteer.tsv.gz, 3.4 MB: about 124,000 places and 205,000
// names; 91,000 of the places are the small towns above)
// is built by internal/gengazetteer from GeoNames (CC BY 4.0), world-countries
// (ODbL 1.0), the countries-states-cities database (ODbL 1.0), Natural Earth
// outlines via world-atlas (public domain) and SCOWL word lists, plus the
// curated supplement.tsv; see that program's documentation.
//
// A country's point is meant to be near both common conventions for it, the
// whole-degree points of the World Factbook kind (which GeoNames mostly
// shares) and geometric centres (Wikipedia's): the midpoint of
// world-countries' point and the centroid of the country's largest outline
// when they are under 240 km apart, else that centroid; a country whose
// largest outline holds under 60% of its land (New Zealand, Malaysia) keeps
// world-countries' point.
package places
