package places

// The word lists below hold folded (lower-case, unaccented) words.

// personTitles precede a person's name: "President Keita", "Mr Gao".
var personTitles = set(
	"mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "prof", "professor", "sir", "dame", "lady", "lord",
	"president", "vice", "premier", "minister", "chancellor", "senator", "sen", "rep", "representative",
	"congressman", "congresswoman", "governor", "gov", "mayor", "judge", "justice", "ambassador", "envoy",
	"general", "gen", "colonel", "col", "lieutenant", "lt", "captain", "capt", "major", "maj", "sergeant",
	"sgt", "corporal", "private", "admiral", "adm", "commander", "marshal", "brigadier",
	"king", "queen", "prince", "princess", "emperor", "empress", "sultan", "emir", "sheikh", "imam",
	"pope", "cardinal", "bishop", "archbishop", "reverend", "rev", "father", "sister", "brother", "saint",
	"coach", "chairman", "chairwoman", "spokesman", "spokeswoman", "secretary", "officer", "detective",
	"inspector", "agent", "dean", "uncle", "aunt", "grandpa", "grandma", "mother", "dad", "mom",
	"st", // "St. X" when the gazetteer has no place "St. X"
)

// placeSuffix words name what kind of place the word before them is, so
// "Gao Airport" and "Gao Region" still mention Gao. Other capitalised words
// after a name make it part of a longer proper noun: "Timbuktu Institute",
// "Washington Post" and "Gao Feng" are not places.
var placeSuffix = map[string]suffixKind{
	"airport": suffixCity, "airfield": suffixCity, "city": suffixCity, "town": suffixCity,
	"municipality": suffixCity, "commune": suffixCity, "harbour": suffixCity, "harbor": suffixCity,
	"port": suffixCity, "station": suffixCity,
	"region": suffixRegion, "province": suffixRegion, "state": suffixRegion, "district": suffixRegion,
	"department": suffixRegion, "prefecture": suffixRegion, "governorate": suffixRegion,
	"county": suffixSpan, "cercle": suffixRegion, "oblast": suffixRegion, "territory": suffixRegion,
	"area": suffixRegion, "valley": suffixRegion, "basin": suffixRegion,
}

// spanSuffix are the place-kind words that belong to the name itself, so
// the mention runs over them: "Santa Clara County", "Nyanza Province".
var spanSuffix = set("county", "province", "region", "district", "valley", "department", "prefecture",
	"governorate", "oblast", "territory", "state")

// lowerRegionWords, in lower case after a name, still say it is the region
// of that name rather than its city: "Washington state", "Gao region".
var lowerRegionWords = set("state", "province", "region")

// namingWords after a place name make it the name of something else:
// "Marburg virus", "Lassa fever", "Spanish flu".
var namingWords = set("virus", "viruses", "ebolavirus", "fever", "disease", "flu", "influenza",
	"encephalitis", "syndrome", "strain")

// calendarWords may follow a place without joining its name: "Gao Monday",
// "Moscow October 7".
var calendarWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec")

type suffixKind uint8

const (
	suffixCity suffixKind = iota + 1
	suffixRegion
	// suffixSpan only extends the mention: a US county is not in the
	// gazetteer, and its namesake town usually lies in it ("Dallas County").
	suffixSpan
)

// qualifiers may stand capitalised before a place name without making it
// part of another proper noun: "Northern Mali", "Greater London".
var qualifiers = set(
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
	"southeastern", "southwestern", "upper", "lower", "inner", "outer", "greater", "old", "new",
	"downtown", "rural", "urban", "coastal", "mainland", "metropolitan", "metro", "war-torn",
	"in", "at", "from", "to", "of", "and", "or", "the", "across", "near", "for", "with", "by",
	"about", "between", "into", "via", "like", "including", "visit", "visited", "both", "all",
)

// compass words in lower case describe a part of a place ("south Sudan"),
// they do not start its name.
var compass = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "northeast", "northwest", "southeast", "southwest")

// placeCues before a word make a place reading likely even for a word that
// also names a person in the same text: "in Gao", "from Mopti".
var placeCues = set(
	"in", "at", "from", "to", "into", "near", "across", "around", "outside", "inside", "via",
	"toward", "towards", "throughout", "within", "through", "between", "of",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// minorWords stay in lower case inside a name: "Bosnia and Herzegovina".
var minorWords = set("and", "of", "the", "de", "du", "des", "la", "le", "el", "al", "da", "do", "di", "del", "upon", "on", "en", "sur", "am", "im", "an")
