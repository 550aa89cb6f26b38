package entity

// The knowledge in this file is written by the project: role nouns with the
// sector they belong to, titles, words that head organisation names, and
// well-known organisations and armed groups with their aliases.

// role describes a noun that names a person or a collective by role.
type role struct {
	sector string
	plural bool
	// perp marks nouns for an attacker ("gunman", "suspect"): a definite
	// one ("the suspect") refers back to the attacker the text has named.
	perp bool
	// facility marks places that stand for the people in them ("a school").
	facility bool
	// capital marks nouns written with a capital inside a sentence
	// ("Maoists", "Islamists"), which are still role nouns, not names.
	capital bool
}

// roles maps a lower-case head noun to its role.
var roles = map[string]role{
	// security forces
	"police": {sector: "police", plural: true}, "policeman": {sector: "police"}, "policemen": {sector: "police", plural: true},
	"policewoman": {sector: "police"}, "cop": {sector: "police"}, "cops": {sector: "police", plural: true},
	"gendarmes": {sector: "police", plural: true}, "gendarmerie": {sector: "police", plural: true},
	"soldier": {sector: "military"}, "soldiers": {sector: "military", plural: true},
	"troops": {sector: "military", plural: true}, "army": {sector: "military", plural: true},
	"military": {sector: "military", plural: true}, "forces": {sector: "military", plural: true},
	"servicemen": {sector: "military", plural: true}, "serviceman": {sector: "military"},
	"reservists": {sector: "military", plural: true}, "reservist": {sector: "military"},
	"commander": {sector: "military"}, "commanders": {sector: "military", plural: true},
	"general": {sector: "military"}, "navy": {sector: "military", plural: true},
	"marines": {sector: "military", plural: true}, "paratroopers": {sector: "military", plural: true},
	"guards": {sector: "military", plural: true}, "militia": {sector: "rebel", plural: true},
	"militias": {sector: "rebel", plural: true}, "militiamen": {sector: "rebel", plural: true},
	"rebels": {sector: "rebel", plural: true}, "rebel": {sector: "rebel"},
	"insurgents": {sector: "rebel", plural: true}, "insurgent": {sector: "rebel"},
	"militants": {sector: "rebel", plural: true}, "militant": {sector: "rebel"},
	"fighters": {sector: "rebel", plural: true}, "jihadists": {sector: "rebel", plural: true},
	"separatists": {sector: "rebel", plural: true}, "guerrillas": {sector: "rebel", plural: true},
	"terrorists": {sector: "rebel", plural: true}, "terrorist": {sector: "rebel"},
	"extremists": {sector: "rebel", plural: true}, "islamists": {sector: "rebel", plural: true, capital: true},
	"jihadist": {sector: "rebel"}, "vigilantes": {sector: "rebel", plural: true},
	// South Asian police ranks, written as acronyms: station house
	// officer, district and senior superintendents, inspector general.
	"sho": {sector: "police", capital: true}, "dpo": {sector: "police", capital: true},
	"ssp": {sector: "police", capital: true}, "dsp": {sector: "police", capital: true},
	"igp": {sector: "police", capital: true}, "asi": {sector: "police", capital: true},
	"maoists": {sector: "rebel", plural: true, capital: true}, "maoist": {sector: "rebel", capital: true},
	"naxals": {sector: "rebel", plural: true, capital: true}, "naxalites": {sector: "rebel", plural: true, capital: true},
	"guerrilla": {sector: "rebel"}, "combatants": {sector: "rebel", plural: true},
	"cartel": {sector: "other", plural: true, perp: true}, "cartels": {sector: "other", plural: true, perp: true},
	"settlers": {sector: "other", plural: true}, "settler": {sector: "other"},
	"bandits": {sector: "other", plural: true, perp: true}, "bandit": {sector: "other", perp: true},
	"gang": {sector: "other", plural: true, perp: true}, "gangs": {sector: "other", plural: true, perp: true},
	"gangsters": {sector: "other", plural: true, perp: true}, "gangster": {sector: "other", perp: true},
	"gunmen": {sector: "other", plural: true, perp: true}, "gunman": {sector: "other", perp: true},
	"assailant": {sector: "other", perp: true}, "assailants": {sector: "other", plural: true, perp: true},
	"attacker": {sector: "other", perp: true}, "attackers": {sector: "other", plural: true, perp: true},
	"shooter": {sector: "other", perp: true}, "suspect": {sector: "other", perp: true},
	"suspects": {sector: "other", plural: true, perp: true}, "perpetrator": {sector: "other", perp: true},
	"perpetrators": {sector: "other", plural: true, perp: true}, "bomber": {sector: "other", perp: true},
	"bombers": {sector: "other", plural: true, perp: true}, "kidnappers": {sector: "other", plural: true, perp: true},
	"abductors": {sector: "other", plural: true, perp: true}, "killer": {sector: "other", perp: true},
	"assassin": {sector: "other", perp: true},
	// government and justice
	"government": {sector: "government", plural: true}, "authorities": {sector: "government", plural: true},
	"council": {sector: "government", plural: true}, "cabinet": {sector: "government", plural: true},
	"official": {sector: "government"}, "officials": {sector: "government", plural: true},
	"governor": {sector: "government"}, "mayor": {sector: "government"}, "president": {sector: "government"},
	"minister": {sector: "government"}, "ministers": {sector: "government", plural: true},
	"ministry": {sector: "government", plural: true}, "lawmakers": {sector: "government", plural: true},
	"lawmaker": {sector: "government"}, "parliament": {sector: "government", plural: true},
	"spokesman": {sector: "government"}, "spokeswoman": {sector: "government"}, "spokesperson": {sector: "government"},
	"diplomats": {sector: "government", plural: true}, "diplomat": {sector: "government"},
	"ambassador": {sector: "government"}, "regime": {sector: "government", plural: true},
	"counterpart": {sector: "government"}, "counterparts": {sector: "government", plural: true},
	"delegation": {sector: "government", plural: true}, "envoy": {sector: "government"},
	"court": {sector: "judiciary", plural: true}, "judge": {sector: "judiciary"}, "judges": {sector: "judiciary", plural: true},
	"prosecutor": {sector: "judiciary"}, "prosecutors": {sector: "judiciary", plural: true},
	"tribunal": {sector: "judiciary", plural: true},
	// civilians and others
	"protesters": {sector: "protester", plural: true}, "protester": {sector: "protester"},
	"protestors": {sector: "protester", plural: true}, "demonstrators": {sector: "protester", plural: true},
	"demonstrator": {sector: "protester"}, "rioters": {sector: "protester", plural: true},
	"activists": {sector: "protester", plural: true}, "activist": {sector: "protester"},
	"strikers": {sector: "protester", plural: true}, "organisers": {sector: "protester", plural: true},
	"organizers": {sector: "protester", plural: true}, "supporters": {sector: "civilian", plural: true},
	"loyalists": {sector: "civilian", plural: true}, "followers": {sector: "civilian", plural: true}, "marchers": {sector: "protester", plural: true}, "crowd": {sector: "protester", plural: true},
	"crowds": {sector: "protester", plural: true}, "mob": {sector: "civilian", plural: true},
	"civilians": {sector: "civilian", plural: true}, "civilian": {sector: "civilian"},
	"people": {sector: "civilian", plural: true}, "residents": {sector: "civilian", plural: true},
	"villagers": {sector: "civilian", plural: true}, "man": {sector: "civilian"}, "men": {sector: "civilian", plural: true},
	"woman": {sector: "civilian"}, "women": {sector: "civilian", plural: true}, "children": {sector: "civilian", plural: true},
	"child": {sector: "civilian"}, "family": {sector: "civilian", plural: true}, "families": {sector: "civilian", plural: true},
	"passengers": {sector: "civilian", plural: true}, "worshippers": {sector: "religious", plural: true},
	"farmers": {sector: "civilian", plural: true}, "workers": {sector: "civilian", plural: true},
	"refugees": {sector: "civilian", plural: true}, "migrants": {sector: "civilian", plural: true},
	"draftees": {sector: "civilian", plural: true}, "conscript": {sector: "civilian"}, "conscripts": {sector: "civilian", plural: true},
	"pedestrians": {sector: "civilian", plural: true}, "youths": {sector: "civilian", plural: true},
	"youth": {sector: "civilian"}, "teenagers": {sector: "civilian", plural: true}, "teenager": {sector: "civilian"},
	"boys": {sector: "civilian", plural: true}, "boy": {sector: "civilian"}, "girls": {sector: "civilian", plural: true},
	"girl": {sector: "civilian"}, "shoppers": {sector: "civilian", plural: true},
	"voters": {sector: "civilian", plural: true}, "citizens": {sector: "civilian", plural: true},
	"hostages": {sector: "civilian", plural: true}, "hostage": {sector: "civilian"},
	"students": {sector: "education", plural: true}, "student": {sector: "education"},
	"teachers": {sector: "education", plural: true}, "teacher": {sector: "education"},
	"pupils": {sector: "education", plural: true}, "schoolchildren": {sector: "education", plural: true},
	"school": {sector: "education", facility: true}, "university": {sector: "education", facility: true},
	"journalist": {sector: "media"}, "journalists": {sector: "media", plural: true},
	"reporter": {sector: "media"}, "reporters": {sector: "media", plural: true},
	"photographer": {sector: "media"}, "editor": {sector: "media"}, "blogger": {sector: "media"},
	"doctors": {sector: "health", plural: true}, "doctor": {sector: "health"}, "nurses": {sector: "health", plural: true},
	"medics": {sector: "health", plural: true}, "hospital": {sector: "health", facility: true},
	"aid workers": {sector: "ngo", plural: true}, "priest": {sector: "religious"}, "imam": {sector: "religious"},
	"clerics": {sector: "religious", plural: true}, "cleric": {sector: "religious"},
	"mosque": {sector: "religious", facility: true}, "church": {sector: "religious", facility: true},
	"businessman": {sector: "business"}, "traders": {sector: "business", plural: true},
	"traders'": {sector: "business", plural: true}, "company": {sector: "business"},
	"market": {sector: "civilian", facility: true}, "village": {sector: "civilian", facility: true},
	"officer": {sector: "police"}, "officers": {sector: "police", plural: true}, "guard": {}, "leader": {}, "leaders": {plural: true},
	"group": {plural: true}, "members": {plural: true}, "agency": {}, "agencies": {plural: true}, "party": {}, "parties": {plural: true},
	"coalition": {plural: true}, "analysts": {sector: "other", plural: true},
	"witnesses": {sector: "civilian", plural: true}, "witness": {sector: "civilian"},
	"lawyer": {}, "lawyers": {plural: true}, "attorney": {}, "relatives": {sector: "civilian", plural: true},
	"survivors": {sector: "civilian", plural: true}, "survivor": {sector: "civilian"},
	"medics'": {sector: "health", plural: true}, "paramedics": {sector: "health", plural: true},
	"opposition": {sector: "government", plural: true},
}

// sectorModifiers are words that, before a role noun, give it its sector
// ("military officer", "police chief", "security forces").
var sectorModifiers = map[string]string{
	"military": "military", "army": "military", "field": "military", "naval": "military",
	"air": "military", "security": "military", "armed": "", "defence": "military",
	"defense": "military", "border": "military",
	"police": "police", "riot": "police", "traffic": "police",
	"government": "government", "state": "government", "regional": "government",
	"local": "", "senior": "", "opposition": "government",
	"rebel": "rebel", "militant": "rebel", "insurgent": "rebel", "jihadist": "rebel",
	"court": "judiciary", "judicial": "judiciary",
	"medical": "health", "hospital": "health", "health": "health",
	"aid": "ngo", "humanitarian": "ngo", "rights": "ngo", "charity": "ngo", "media": "media", "news": "media",
	"religious": "religious", "school": "education", "university": "education",
	"student": "education", "civilian": "civilian", "gang": "other",
}

// titles precede a person's name and give the sector.
var titles = map[string]string{
	"president": "government", "prime": "government", "minister": "government", "governor": "government",
	"gov.": "government", "mayor": "government", "senator": "government", "sen.": "government",
	"rep.": "government", "chancellor": "government", "king": "government", "queen": "government",
	"prince": "government", "sheikh": "government", "emir": "government", "premier": "government",
	"secretary": "government", "ambassador": "government", "spokesman": "government",
	"spokeswoman": "government", "deputy": "government", "vice": "government", "foreign": "government",
	"defence": "government", "defense": "government", "interior": "government", "speaker": "government",
	"general": "military", "gen.": "military", "colonel": "military", "col.": "military",
	"lt.": "military", "lieutenant": "military", "major": "military", "maj.": "military",
	"captain": "military", "capt.": "military", "sergeant": "military", "sgt.": "military",
	"admiral": "military", "adm.": "military", "commander": "military", "brig.": "military",
	"brigadier": "military", "marshal": "military", "cpl.": "military", "corporal": "military",
	"judge": "judiciary", "justice": "judiciary", "prosecutor": "judiciary", "attorney": "judiciary",
	"inspector": "police", "superintendent": "police", "chief": "", "commissioner": "police",
	"pope": "religious", "imam": "religious", "archbishop": "religious", "bishop": "religious",
	"rev.": "religious", "reverend": "religious", "ayatollah": "religious", "rabbi": "religious",
	"dr.": "", "mr.": "", "mrs.": "", "ms.": "", "mr": "", "mrs": "", "ms": "", "dr": "",
}

// orgHeads are words that make a capitalised name an organisation, with
// the sector they imply (empty when they imply none).
var orgHeads = map[string]string{
	"ministry": "government", "government": "government", "council": "government",
	"parliament": "government", "assembly": "government", "senate": "government",
	"congress": "government", "cabinet": "government", "administration": "government",
	"office": "government", "agency": "government", "department": "government",
	"commission": "government", "committee": "", "kremlin": "government",
	"army": "military", "forces": "military", "force": "military", "navy": "military",
	"guard": "military", "guards": "military", "staff": "military", "brigade": "military",
	"battalion": "military", "regiment": "military", "division": "military", "corps": "military",
	"command": "military", "military": "military",
	"police": "police", "gendarmerie": "police", "constabulary": "police",
	"court": "judiciary", "tribunal": "judiciary", "prosecutor's": "judiciary",
	"front": "rebel", "movement": "rebel", "brigades": "rebel", "militia": "rebel",
	"liberation": "rebel", "mujahideen": "rebel",
	"party": "government", "union": "", "organisation": "", "organization": "",
	"association": "", "federation": "", "institute": "", "foundation": "ngo",
	"watch": "ngo", "international": "", "society": "ngo", "network": "",
	"university": "education", "school": "education", "college": "education",
	"hospital": "health", "clinic": "health",
	"bank": "business", "company": "business", "corporation": "business", "corp": "business",
	"group": "", "inc": "business", "ltd": "business",
	"news": "media", "times": "media", "post": "media", "radio": "media", "television": "media",
	"tv": "media", "press": "media", "herald": "media", "journal": "media", "tribune": "media",
	"church": "religious", "mosque": "religious", "diocese": "religious",
}

// knownOrg is an organisation known by name.
type knownOrg struct {
	name    string
	sector  string
	country string
	kind    string
}

// knownOrgs maps lower-case names and aliases to organisations the project
// knows: news agencies, international bodies and armed groups.
var knownOrgs = map[string]knownOrg{
	"guardian":                  {"The Guardian", "media", "GB", "org"},
	"the guardian":              {"The Guardian", "media", "GB", "org"},
	"reuters":                   {"Reuters", "media", "", "org"},
	"associated press":          {"Associated Press", "media", "US", "org"},
	"ap":                        {"Associated Press", "media", "US", "org"},
	"afp":                       {"Agence France-Presse", "media", "FR", "org"},
	"agence france-presse":      {"Agence France-Presse", "media", "FR", "org"},
	"bbc":                       {"BBC", "media", "GB", "org"},
	"cnn":                       {"CNN", "media", "US", "org"},
	"al jazeera":                {"Al Jazeera", "media", "QA", "org"},
	"tass":                      {"TASS", "media", "RU", "org"},
	"ria novosti":               {"RIA Novosti", "media", "RU", "org"},
	"interfax":                  {"Interfax", "media", "RU", "org"},
	"xinhua":                    {"Xinhua", "media", "CN", "org"},
	"united nations":            {"United Nations", "igo", "", "org"},
	"un":                        {"United Nations", "igo", "", "org"},
	"u.n.":                      {"United Nations", "igo", "", "org"},
	"nato":                      {"NATO", "igo", "", "org"},
	"european union":            {"European Union", "igo", "", "org"},
	"eu":                        {"European Union", "igo", "", "org"},
	"african union":             {"African Union", "igo", "", "org"},
	"ecowas":                    {"ECOWAS", "igo", "", "org"},
	"unicef":                    {"UNICEF", "igo", "", "org"},
	"unhcr":                     {"UNHCR", "igo", "", "org"},
	"who":                       {"World Health Organization", "igo", "", "org"},
	"world health organization": {"World Health Organization", "igo", "", "org"},
	"red cross":                 {"International Committee of the Red Cross", "ngo", "", "org"},
	"icrc":                      {"International Committee of the Red Cross", "ngo", "", "org"},
	"red crescent":              {"Red Crescent", "ngo", "", "org"},
	"amnesty international":     {"Amnesty International", "ngo", "", "org"},
	"amnesty":                   {"Amnesty International", "ngo", "", "org"},
	"human rights watch":        {"Human Rights Watch", "ngo", "", "org"},
	"doctors without borders":   {"Doctors Without Borders", "ngo", "", "org"},
	"msf":                       {"Doctors Without Borders", "ngo", "", "org"},
	"taliban":                   {"Taliban", "rebel", "AF", "org"},
	"the taliban":               {"Taliban", "rebel", "AF", "org"},
	"al-shabaab":                {"Al-Shabaab", "rebel", "SO", "org"},
	"al shabaab":                {"Al-Shabaab", "rebel", "SO", "org"},
	"boko haram":                {"Boko Haram", "rebel", "NG", "org"},
	"hezbollah":                 {"Hezbollah", "rebel", "LB", "org"},
	"hamas":                     {"Hamas", "rebel", "PS", "org"},
	"islamic state":             {"Islamic State", "rebel", "", "org"},
	"isis":                      {"Islamic State", "rebel", "", "org"},
	"isil":                      {"Islamic State", "rebel", "", "org"},
	"al-qaeda":                  {"Al-Qaeda", "rebel", "", "org"},
	"al qaeda":                  {"Al-Qaeda", "rebel", "", "org"},
	"houthis":                   {"Houthis", "rebel", "YE", "org"},
	"houthi":                    {"Houthis", "rebel", "YE", "org"},
	"wagner":                    {"Wagner Group", "military", "RU", "org"},
	"wagner group":              {"Wagner Group", "military", "RU", "org"},
	"kremlin":                   {"Kremlin", "government", "RU", "org"},
	"the kremlin":               {"Kremlin", "government", "RU", "org"},
	"pentagon":                  {"Pentagon", "military", "US", "org"},
	"the pentagon":              {"Pentagon", "military", "US", "org"},
	"white house":               {"White House", "government", "US", "org"},
	"the white house":           {"White House", "government", "US", "org"},
	"m23":                       {"M23", "rebel", "CD", "org"},
	"pkk":                       {"PKK", "rebel", "TR", "org"},
	"farc":                      {"FARC", "rebel", "CO", "org"},
	"eln":                       {"ELN", "rebel", "CO", "org"},
	"rsf":                       {"Rapid Support Forces", "military", "SD", "org"},
	"rapid support forces":      {"Rapid Support Forces", "military", "SD", "org"},
	"idf":                       {"Israel Defense Forces", "military", "IL", "org"},
	"jnim":                      {"JNIM", "rebel", "", "org"},
}
