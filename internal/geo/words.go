package geo

import (
	"strings"

	"sitrep/internal/model"
)

// Closed classes of English words that the recogniser reasons with. They
// are grammar, not names: none lists a place.

// genericLevel maps the generic words of admin units to the level they
// usually name: 1 for first-level units, 2 for second-level ones, 0 when
// either.
var genericLevel = map[string]int{
	"region": 1, "province": 1, "oblast": 1, "krai": 1, "kray": 1,
	"governorate": 1, "state": 1, "prefecture": 1, "republic": 1,
	"territory": 1, "voivodeship": 1, "canton": 1, "emirate": 1,
	"department": 0, "okrug": 0, "district": 2, "county": 2, "parish": 2,
	"borough": 2, "rayon": 2, "raion": 2, "municipality": 2,
}

// unitNouns are the lower-case words for kinds of places that announce a
// name after "of": "the province of Bukidnon", "the towns of Haris and
// Varzaqan". The value is the admin level they hint at (1, 2, or 0 for
// either) or hintPopulated for a populated place.
var unitNouns = map[string]int{
	"province": 1, "provinces": 1, "state": 1, "states": 1, "region": 1,
	"regions": 1, "governorate": 1, "governorates": 1, "oblast": 1,
	"prefecture": 1, "prefectures": 1, "department": 0, "departments": 0,
	"district": 2, "districts": 2, "county": 2, "counties": 2,
	"municipality": 2, "municipalities": 2, "parish": 2, "borough": 2,
	"city": hintPopulated, "cities": hintPopulated, "town": hintPopulated,
	"towns": hintPopulated, "village": hintPopulated, "villages": hintPopulated,
	"hamlet": hintPopulated, "township": hintPopulated, "suburb": hintPopulated,
	"port": hintPopulated, "capital": hintPopulated,
}

// partNouns before "of" put a place after them: "parts of Irkutsk
// Oblast", "the outskirts of Kabul", "north of Baghdad".
var partNouns = map[string]bool{
	"part": true, "parts": true, "outskirts": true, "suburbs": true,
	"heart": true, "north": true, "south": true, "east": true, "west": true,
	"northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "residents": true, "mayor": true, "streets": true,
	"people": true, "inhabitants": true, "natives": true, "native": true,
}

// pluralGeneric are the plural generic words that turn a list before them
// into admin units ("Walton and Oconee counties"), with their level.
var pluralGeneric = map[string]int{
	"provinces": 1, "states": 1, "regions": 1, "oblasts": 1,
	"governorates": 1, "prefectures": 1, "departments": 0,
	"counties": 2, "districts": 2, "parishes": 2, "municipalities": 2,
	"boroughs": 2,
}

// afterPlace are the words that, written after a name, use it as a place:
// "Hurricane police", "a Rochester man", "Beaconsfield Mayor Georges
// Bourelle". The value is the evidence; capitalised forms count only for
// the institutions (police, mayor, council, sheriff).
var afterPlace = map[string]float64{
	"police": 1.5, "mayor": 1.5, "council": 1.2, "councillor": 1.2,
	"sheriff": 1.2, "residents": 1.5, "resident": 1.2, "officials": 1.2,
	"man": 1.0, "woman": 1.0, "men": 0.8, "women": 0.8, "teen": 1.0,
	"teenager": 1.0, "boy": 0.8, "girl": 0.8, "couple": 1.0, "family": 0.5,
	"native": 1.2, "area": 1.2, "suburb": 1.5, "neighborhood": 1.0,
	"neighbourhood": 1.0, "firefighters": 1.2, "authorities": 1.2,
}

// speechVerbs next to a single name make it a person: "Nelson said",
// "said Nelson".
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "explained": true,
	"noted": true, "stated": true, "testified": true, "wrote": true,
	"asked": true, "replied": true, "argued": true, "recalled": true,
	"insisted": true, "admitted": true, "acknowledged": true,
}

// afterPlaceCap are the words of afterPlace that count when capitalised.
var afterPlaceCap = map[string]bool{
	"police": true, "mayor": true, "council": true, "sheriff": true,
}

// compassDirs maps compass words to a direction: the fraction of the box
// (south to north, west to east) where the middle of that part of a
// country lies. "Northern X" is taken as the northern half of X, so its
// point is three quarters of the way up the box.
var compassDirs = map[string][2]float64{
	"north": {3.0 / 4, 0.5}, "northern": {3.0 / 4, 0.5},
	"south": {1.0 / 4, 0.5}, "southern": {1.0 / 4, 0.5},
	"east": {0.5, 3.0 / 4}, "eastern": {0.5, 3.0 / 4},
	"west": {0.5, 1.0 / 4}, "western": {0.5, 1.0 / 4},
	"central": {0.5, 0.5}, "centre": {0.5, 0.5}, "center": {0.5, 0.5},
	"northeast": {3.0 / 4, 3.0 / 4}, "northeastern": {3.0 / 4, 3.0 / 4},
	"northwest": {3.0 / 4, 1.0 / 4}, "northwestern": {3.0 / 4, 1.0 / 4},
	"southeast": {1.0 / 4, 3.0 / 4}, "southeastern": {1.0 / 4, 3.0 / 4},
	"southwest": {1.0 / 4, 1.0 / 4}, "southwestern": {1.0 / 4, 1.0 / 4},
	"north east": {3.0 / 4, 3.0 / 4}, "north eastern": {3.0 / 4, 3.0 / 4},
	"north west": {3.0 / 4, 1.0 / 4}, "north western": {3.0 / 4, 1.0 / 4},
	"south east": {1.0 / 4, 3.0 / 4}, "south eastern": {1.0 / 4, 3.0 / 4},
	"south west": {1.0 / 4, 1.0 / 4}, "south western": {1.0 / 4, 1.0 / 4},
}

// locatives are the words after which a name is most likely a place, with
// their weight.
var locatives = map[string]float64{
	"in": 1.5, "at": 1.2, "near": 1.5, "from": 1.2, "to": 1.0, "into": 1.5,
	"outside": 1.5, "across": 1.5, "throughout": 1.5, "around": 1.2,
	"toward": 1.2, "towards": 1.2, "via": 1.5, "within": 1.2, "inside": 1.5,
	"of": 0.8, "between": 1.0, "and": 0.3, "visited": 1.2, "visit": 1.0,
	"reached": 1.0, "entered": 1.0, "outskirts": 1.0,
	"northern": 1.0, "southern": 1.0,
	"eastern": 1.0, "western": 1.0, "central": 1.0, "downtown": 1.2,
}

// titles are words that put a person's name after them.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true,
	"minister": true, "governor": true, "gov": true, "sen": true,
	"senator": true, "rep": true, "representative": true, "mayor": true,
	"general": true, "gen": true, "col": true, "colonel": true, "lt": true,
	"lieutenant": true, "capt": true, "captain": true, "sgt": true,
	"sergeant": true, "officer": true, "judge": true, "justice": true,
	"king": true, "queen": true, "prince": true, "princess": true,
	"pope": true, "sheikh": true, "sir": true, "lord": true, "lady": true,
	"rev": true, "reverend": true, "father": true, "bishop": true,
	"archbishop": true, "cardinal": true, "ayatollah": true, "imam": true,
	"commander": true, "adm": true, "admiral": true, "maj": true,
	"major": true, "pvt": true, "private": true, "cpl": true,
	"corporal": true, "detective": true, "det": true, "sheriff": true,
	"deputy": true, "trooper": true, "coach": true, "professor": true,
	"prof": true, "secretary": true, "chancellor": true, "premier": true,
	"ambassador": true, "councilman": true, "councilwoman": true,
	"councillor": true, "alderman": true, "commissioner": true,
	"chairman": true, "chairwoman": true, "spokesman": true,
	"spokeswoman": true, "attorney": true, "dean": true,
	"miss": true, "madam": true, "aunt": true, "uncle": true,
}

// calendar words are capitalised but never places in running text.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true,
	"sun": true, "christmas": true, "easter": true, "ramadan": true,
	"thanksgiving": true, "halloween": true, "eid": true, "passover": true,
	"hanukkah": true, "diwali": true, "lent": true, "pentecost": true,
	"kwanzaa": true, "yom": true, "noon": true, "midnight": true,
}

// ethnonyms are words for peoples and faiths that name no country; a town
// that shares one (Arab, Alabama) is not what the word means in news.
var ethnonyms = map[string]bool{
	"arab": true, "arabs": true, "arabic": true, "jewish": true, "jew": true,
	"jews": true, "muslim": true, "muslims": true, "moslem": true,
	"christian": true, "christians": true, "catholic": true,
	"catholics": true, "protestant": true, "hindu": true, "hindus": true,
	"sikh": true, "sikhs": true, "buddhist": true, "buddhists": true,
	"sunni": true, "sunnis": true, "shiite": true, "shiites": true,
	"shia": true, "kurd": true, "kurds": true, "kurdish": true,
	"tamil": true, "tamils": true, "pashtun": true, "baloch": true,
	"hispanic": true, "latino": true, "latina": true, "african": true,
	"africans": true, "european": true, "europeans": true, "asian": true,
	"asians": true, "western": true, "eastern": true, "islamic": true,
	"jihadist": true, "yazidi": true, "druze": true, "alawite": true,
	"coptic": true, "orthodox": true, "anglican": true, "evangelical": true,
	"mormon": true, "amish": true, "roma": true, "gypsy": true,
	"native": true, "aboriginal": true, "indigenous": true, "creole": true,
	"cajun": true, "uighur": true, "uyghur": true, "rohingya": true,
	"tatar": true, "tatars": true, "chechen": true, "chechens": true,
}

// connectors are lower-case words that may stand inside a place name
// (Isle of Man, Rostov-on-Don, Trinidad and Tobago, Dar es Salaam).
var connectors = map[string]bool{
	"of": true, "the": true, "de": true, "del": true, "la": true,
	"le": true, "les": true, "du": true, "des": true, "da": true,
	"do": true, "dos": true, "das": true, "on": true, "upon": true,
	"en": true, "sur": true, "am": true, "im": true, "an": true,
	"der": true, "al": true, "el": true, "y": true, "and": true,
	"es": true, "di": true, "van": true, "von": true, "ad": true,
	"under": true, "by": true, "in": true, "ar": true, "ul": true,
	"au": true, "aux": true, "sous": true,
}

// streetWords after a name make it part of an address, a building or a
// natural feature named after the place (Memphis Street, Angara River).
// featureWords name kinds of natural features; alone, capitalised, they
// end a feature's name ("Pag-asa Island", "the Nile River"), and are no
// place of their own (Island is Iceland in Icelandic).
var featureWords = map[string]bool{
	"island": true, "islands": true, "isle": true, "river": true, "lake": true, "bay": true,
	"sea": true, "ocean": true, "strait": true, "mountain": true, "mountains": true, "valley": true,
	"desert": true, "peninsula": true, "cape": true, "reef": true, "shoal": true,
}

// hyphenAfterPlace are the words that follow a place name after a hyphen
// without making it part of a longer name ("Kabul-led", "Moscow-backed").
var hyphenAfterPlace = map[string]bool{
	"led": true, "backed": true, "linked": true, "allied": true, "aligned": true, "sponsored": true,
	"controlled": true, "held": true, "run": true, "style": true, "era": true, "made": true, "owned": true,
	"registered": true, "flagged": true, "bound": true, "based": true, "born": true, "area": true,
}

// saintly are the first words of saints' names, which churches share
// with towns.
var saintly = map[string]bool{
	"san": true, "santa": true, "santo": true, "são": true, "sao": true, "st": true, "saint": true,
	"sainte": true, "santi": true, "sankt": true,
}

// churchWords name the buildings called after a saint.
var churchWords = map[string]bool{
	"church": true, "cathedral": true, "basilica": true, "chapel": true, "monastery": true,
	"convent": true, "parish": true, "abbey": true, "shrine": true, "mission": true,
}

var streetWords = map[string]bool{
	"street": true, "st": true, "avenue": true, "ave": true, "road": true,
	"rd": true, "boulevard": true, "blvd": true, "drive": true, "dr": true,
	"lane": true, "ln": true, "highway": true, "hwy": true, "way": true,
	"court": true, "ct": true, "place": true, "pl": true, "square": true,
	"parkway": true, "pkwy": true, "terrace": true, "circle": true,
	"pike": true, "plaza": true, "hall": true, "building": true,
	"center": true, "centre": true, "hotel": true, "hospital": true,
	"school": true, "college": true, "stadium": true, "airport": true,
	"station": true, "bridge": true, "park": true, "mall": true,
	"church": true, "cathedral": true, "mosque": true, "temple": true,
	"river": true, "lake": true, "mountain": true, "mountains": true,
	"valley": true, "bay": true, "sea": true, "ocean": true, "gulf": true,
	"creek": true, "canyon": true, "basin": true, "forest": true,
	"dam": true, "reservoir": true,
}

// abbreviations that end in a full stop without ending a sentence.
var abbrevDot = map[string]bool{
	"st": true, "ste": true, "mt": true, "ft": true, "pt": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "gov": true,
	"sen": true, "rep": true, "gen": true, "col": true, "lt": true,
	"capt": true, "sgt": true, "rev": true, "prof": true, "maj": true,
	"jr": true, "sr": true, "no": true, "vs": true, "co": true,
	"corp": true, "inc": true, "ltd": true, "det": true, "adm": true,
	"cpl": true, "pvt": true,
}

// placeAbbrev are the abbreviations that start place names (St. Louis,
// Mt. Vernon, Ft. Worth); a name may run on over their full stop.
var placeAbbrev = map[string]bool{"st": true, "ste": true, "mt": true, "ft": true, "pt": true}

// splitCompass splits a key such as "central russia" or "north east
// syria" into a compass direction and the rest.
func splitCompass(key string) (dir [2]float64, rest string, ok bool) {
	for _, n := range []int{2, 1} {
		words := strings.SplitN(key, " ", n+1)
		if len(words) != n+1 {
			continue
		}
		if d, ok := compassDirs[strings.Join(words[:n], " ")]; ok {
			return d, words[n], true
		}
	}
	return dir, "", false
}

// compassCandidate turns a country or admin1 candidate into the region
// that a compass word names: "eastern Ukraine" is the middle of the
// eastern half of Ukraine's mainland box, "central Russia" its middle.
func (g *Gazetteer) compassCandidate(dir [2]float64, c Candidate) (Candidate, bool) {
	var box [4]float64
	switch {
	case c.box != nil:
		box = *c.box
	case c.Feature == "ADM1":
		box = g.admin1Box(c)
	default:
		return Candidate{}, false
	}
	r := c
	r.ID = 0
	r.Lat = box[0] + dir[0]*(box[2]-box[0])
	r.Lon = box[1] + dir[1]*(box[3]-box[1])
	r.Feature = "RGN"
	r.Precision = model.PrecRegion
	r.Population = 0
	r.box = nil
	if c.Feature != "ADM1" {
		r.Admin1 = ""
	}
	return r, true
}

// admin1Box guesses the box of an admin1 unit: no package gives its
// outline, so take a square around its middle sized by the spread of the
// unit's population, at least half a degree.
func (g *Gazetteer) admin1Box(c Candidate) [4]float64 {
	half := 1.0
	switch {
	case c.Population > 5_000_000:
		half = 3
	case c.Population > 1_000_000:
		half = 2
	}
	return [4]float64{c.Lat - half, c.Lon - half, c.Lat + half, c.Lon + half}
}
