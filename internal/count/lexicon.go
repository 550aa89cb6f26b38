package count

import "strings"

// Roles a Toll can have.
const (
	Killed       = "killed"
	Injured      = "injured"
	Arrested     = "arrested"
	Participants = "participants"
)

// Word classes, as bits of lexicon.
const (
	cStop      uint32 = 1 << iota // a function or time word: it ends a head noun phrase
	cPersonSg                     // a singular noun for one person: "officer"
	cPersonPl                     // a plural or collective noun for people: "people", "police"
	cThing                        // a unit or thing that is never counted in a toll: "miles", "tanks"
	cDet                          // a determiner before a noun phrase
	cLabel                        // a word whose number is a name: "Article 5", "Flight 17"
	cProtester                    // a noun for people taking part in a protest
	cAux                          // a word between a counted subject and its casualty word
	cAdverb                       // a degree adverb before a casualty word: "seriously"
	cMonth                        // a month name or abbreviation
	cForce                        // security forces: never counted as participants
)

// lexicon maps lower-case words to their classes.
var lexicon = buildLexicon()

func buildLexicon() map[string]uint32 {
	m := make(map[string]uint32, 1024)
	add := func(c uint32, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= c
		}
	}
	add(cStop, `a an the and or but nor of in on at to from by with without for as into onto
		over under after before during since until till near across around about against
		between among amid amidst through throughout including like than via outside inside
		within behind beyond toward towards upon despite while when where whereas who whom
		whose which what that this these those there here it its they them their he she his
		her him we our us you your i me my be is are was were been being am have has had do
		does did will would shall should can could may might must not no so if then also
		only just even still all both each every most again ago later earlier said says say
		told according reportedly allegedly apparently per whether because although though
		yet either neither how why s t monday tuesday wednesday thursday friday saturday
		sunday today yesterday tonight tomorrow last next morning afternoon evening night
		overnight week month year weekend took taken take takes fled flee left went gone
		came come comes made make gave given saw seen began begun ran stood fell fought
		brought kept met sent spent won broke rose spoke threw remain remained remains`)
	add(cPersonSg, `person man woman child boy girl baby infant toddler teenager teen youth
		adult student pupil schoolboy schoolgirl teacher worker employee resident villager
		civilian citizen national local tourist visitor passenger driver pedestrian bystander
		passerby shopper worshipper worshiper pilgrim mourner guest fan spectator voter refugee
		migrant immigrant prisoner inmate detainee hostage captive suspect defendant convict
		gunman assailant attacker shooter bomber perpetrator militant fighter rebel insurgent
		jihadist terrorist extremist separatist guerrilla combatant mercenary soldier serviceman
		servicewoman servicemember conscript draftee recruit reservist officer policeman
		policewoman cop guard bodyguard sentry commander general colonel captain lieutenant
		sergeant corporal marine sailor pilot airman paratrooper sniper medic paramedic doctor
		nurse surgeon physician firefighter fireman rescuer volunteer peacekeeper journalist
		reporter photographer cameraman correspondent blogger editor activist protester
		protestor demonstrator marcher rioter striker picketer dissident opponent critic
		supporter member leader official politician lawmaker legislator deputy senator mp mayor
		governor minister president diplomat ambassador envoy judge lawyer prosecutor priest
		imam cleric monk nun pastor rabbi bishop farmer herder fisherman miner trader merchant
		vendor businessman businesswoman contractor engineer watchman relative father mother son
		daughter brother sister husband wife grandmother grandfather uncle aunt cousin nephew
		niece friend neighbour neighbor colleague victim survivor patient pensioner retiree
		veteran athlete player footballer crewman staffer aide adviser advisor spokesman
		spokeswoman warden ranger smuggler trafficker criminal gangster bandit robber thief
		pirate kidnapper abductor looter settler tribesman herdsman chief elder mother
		assassin hitman militiaman policeofficer trooper agent operative informant spy
		teenager kid`)
	add(cPersonPl, `people persons men women children schoolchildren police personnel staff
		crew troops youths folk others kids militia forces passersby gunmen policemen
		policewomen servicemen firemen fishermen tribesmen businessmen herdsmen militiamen
		cameramen spokesmen crewmen countrymen clergymen`)
	add(cProtester, `protesters protestors demonstrators marchers rioters strikers picketers
		participants attendees activists`)
	add(cThing, `time times mile miles km kilometres kilometers kilometre kilometer metres
		meters metre meter m cm mm feet foot ft yards inches hour hours minute minutes second
		seconds day days week weeks month months year years decade decades century centuries
		percent cent points point dollars euros pounds rubles roubles hryvnias yuan rupees
		naira shillings tanks vehicles cars trucks buses buildings homes houses apartments
		shops rockets missiles shells drones rounds shots bullets bombs aircraft planes jets
		helicopters ships boats guns rifles weapons cases incidents attacks strikes villages
		towns cities regions countries hectares acres tonnes tons kg kilograms litres liters
		barrels votes seats containers papers numbers orders letters borders towers
		headquarters quarters centres centers powers chambers sq square mph kph signatures
		rallies protests marches meetings talks`)
	add(cDet, `a an the another one his her their its our this that these those my your`)
	add(cLabel, `no number article section chapter paragraph resolution route highway flight
		page room level phase grade category gate platform terminal line unit district
		precinct ward zone block building apartment apt floor lot item clause amendment
		bill episode season volume vol issue model version type class division brigade
		battalion regiment squad channel camp cell road street avenue road`)
	add(cAux, `were was are is have has had been being be got get gets will would may might
		could should must to also all both later since now then already subsequently
		initially eventually apparently officially reportedly allegedly reported believed
		thought said feared confirmed known presumed found remain remained remains who that
		each`)
	add(cAdverb, `seriously critically severely badly slightly lightly fatally mortally
		gravely moderately`)
	add(cMonth, `january february march april may june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec`)
	add(cForce, `police policemen officers troops soldiers forces personnel guards militia
		riot`)
	return m
}

// is reports whether word w has class c.
func is(w string, c uint32) bool { return lexicon[w]&c != 0 }

// afterWords are the casualty and turnout words that follow a count:
// "13 people were killed", "at least 13 dead", "21 injured", "40 were
// detained", "thousands marched". Multi-word shapes ("shot dead", "taken into
// custody", "took part") are read by verbAt.
var afterWords = map[string]string{
	// killed
	"killed": Killed, "dead": Killed, "died": Killed, "die": Killed, "dies": Killed,
	"slain": Killed, "murdered": Killed, "perished": Killed, "executed": Killed,
	"massacred": Killed, "drowned": Killed, "lynched": Killed, "beheaded": Killed,
	"assassinated": Killed, "martyred": Killed,
	// injured
	"injured": Injured, "wounded": Injured, "hurt": Injured, "hospitalised": Injured,
	"hospitalized": Injured, "maimed": Injured,
	// arrested
	"arrested": Arrested, "detained": Arrested, "held": Arrested, "apprehended": Arrested,
	// participants
	"marched": Participants, "march": Participants, "marching": Participants,
	"rallied": Participants, "rally": Participants, "rallying": Participants,
	"gathered": Participants, "gather": Participants, "gathering": Participants,
	"protested": Participants, "protest": Participants, "protesting": Participants,
	"demonstrated": Participants, "demonstrate": Participants, "demonstrating": Participants,
	"assembled": Participants, "massed": Participants, "converged": Participants,
	"participated": Participants, "attended": Participants, "thronged": Participants,
	"poured": Participants, "flooded": Participants,
}

// beforeWords are the casualty words that precede a count as a verb:
// "killing 13 people", "wounded 21", "police detained 40 protesters".
var beforeWords = map[string]string{
	"killed": Killed, "killing": Killed, "kills": Killed, "kill": Killed, "slew": Killed,
	"murdered": Killed, "murdering": Killed, "massacred": Killed, "massacring": Killed,
	"executed": Killed, "executing": Killed,
	"wounded": Injured, "wounding": Injured, "wounds": Injured, "injured": Injured,
	"injuring": Injured, "injures": Injured, "injure": Injured, "hurt": Injured,
	"hurting": Injured, "maimed": Injured, "maiming": Injured,
	"arrested": Arrested, "arresting": Arrested, "arrests": Arrested, "arrest": Arrested,
	"detained": Arrested, "detaining": Arrested, "detains": Arrested, "detain": Arrested,
	"held": Arrested, "holding": Arrested, "apprehended": Arrested,
	"apprehending": Arrested,
}

// ofNouns are the nouns that take a count after "of": "the deaths of 50,000
// soldiers", "the arrest of 40 students", "a crowd of 5,000".
var ofNouns = map[string]string{
	"deaths": Killed, "death": Killed, "killing": Killed, "killings": Killed,
	"murder": Killed, "murders": Killed, "massacre": Killed, "lives": Killed,
	"bodies": Killed, "slaying": Killed, "slayings": Killed, "execution": Killed,
	"executions": Killed,
	"wounding":   Injured, "injuring": Injured,
	"arrest": Arrested, "arrests": Arrested, "detention": Arrested, "detentions": Arrested,
	"roundup": Arrested,
	"crowd":   Participants, "crowds": Participants, "rally": Participants,
	"march": Participants, "gathering": Participants, "demonstration": Participants,
	"protest": Participants, "throng": Participants, "procession": Participants,
	"turnout": Participants, "mob": Participants,
}

// headRoles are the nouns that are themselves a toll when counted: "13
// deaths", "21 injuries", "40 arrests".
var headRoles = map[string]string{
	"deaths": Killed, "fatalities": Killed, "killings": Killed,
	"injuries": Injured,
	"arrests":  Arrested, "detentions": Arrested,
}

// zeroNouns are the nouns that "no" turns into a toll of nobody: "no
// casualties", "no deaths", "no arrests". Casualties are both the dead and
// the injured.
var zeroNouns = map[string][2]string{
	"casualties": {Killed, Injured}, "deaths": {Killed}, "fatalities": {Killed},
	"dead": {Killed}, "injuries": {Injured}, "injured": {Injured},
	"arrests": {Arrested}, "detentions": {Arrested},
}

// toDeath are the verbs of "stabbed to death" and the like.
var toDeath = map[string]bool{
	"shot": true, "stabbed": true, "beaten": true, "burned": true, "burnt": true,
	"hacked": true, "crushed": true, "trampled": true, "bludgeoned": true,
	"tortured": true, "starved": true, "stoned": true, "clubbed": true,
}

// protestNouns are what people join when they take part: "thousands joined
// the rally".
var protestNouns = map[string]bool{
	"protest": true, "protests": true, "rally": true, "rallies": true, "march": true,
	"marches": true, "demonstration": true, "demonstrations": true, "strike": true,
	"strikes": true, "vigil": true, "crowd": true, "crowds": true, "picket": true,
	"sit-in": true, "demonstrators": true, "protesters": true, "movement": true,
}
