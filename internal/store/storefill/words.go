package storefill

// The words of the synthetic reports: who does what to whom, said by
// whom, in which outlet.

// actor is one kind of actor an event names.
type actor struct {
	text, kind, sector string
	state              bool // an arm of a state, coded with its country
}

var (
	armed = []actor{
		{"the army", "group", "military", true}, {"security forces", "group", "police", true},
		{"police", "group", "police", true}, {"rebels", "group", "rebel", false},
		{"gunmen", "group", "rebel", false}, {"an armed group", "group", "rebel", false},
		{"militiamen", "group", "rebel", false},
	}
	civil = []actor{
		{"civilians", "group", "civilian", false}, {"villagers", "group", "civilian", false},
		{"protesters", "group", "protester", false}, {"aid workers", "group", "ngo", false},
		{"journalists", "group", "media", false}, {"students", "group", "education", false},
		{"traders", "group", "business", false},
	}
	official = []actor{
		{"the government", "group", "government", true}, {"the army", "group", "military", true},
		{"the interior ministry", "org", "government", true}, {"rebel leaders", "group", "rebel", false},
		{"the United Nations", "org", "igo", false}, {"opposition parties", "group", "government", false},
		{"the regional governor", "person", "government", true},
	}
)

// sectorCode maps a sector to its CAMEO role code, as package event does.
var sectorCode = map[string]string{
	"military": "MIL", "police": "COP", "government": "GOV", "rebel": "REB", "protester": "OPP", "civilian": "CVL",
	"media": "MED", "business": "BUS", "education": "EDU", "ngo": "NGO", "igo": "IGO",
}

// variant is one kind of happening of a type, with the headline and
// lead a report of it has.
type variant struct {
	mode, cameo string
	acled       [2]string // event type and sub-event type, or none
	title, lead string
	trigger     string
	src, tgt    []actor
	count       string // the toll the lead gives: killed, injured, arrested, participants or none
}

// variants are the happenings of each type.
var variants = map[string][]variant{
	"ASSAULT": {
		{"aerial", "195", [2]string{"Explosions/Remote violence", "Air/drone strike"}, "Air strike kills {n} in {place}",
			"Warplanes bombed a crowded livestock market in {place} {day}, killing {n} civilians and wounding dozens of others, {att} said.",
			"bombed", armed, civil, "killed"},
		{"heavy-weapons", "194", [2]string{"Explosions/Remote violence", "Shelling/artillery/missile attack"}, "Shelling kills {n} in {place}",
			"Artillery shells fired by {src} struck residential districts of {place} {day}, killing {n} people and damaging a hospital, {att} said.",
			"struck", armed, civil, "killed"},
		{"explosives", "183", [2]string{"Explosions/Remote violence", "Remote explosive/landmine/IED"}, "Roadside bomb kills {n} near {place}",
			"A roadside bomb tore through a minibus on the outskirts of {place} {day}, killing {n} passengers, {att} said.",
			"bomb", nil, civil, "killed"},
		{"firearms", "190", [2]string{"Violence against civilians", "Attack"}, "Gunmen kill {n} villagers near {place}",
			"Gunmen on motorcycles attacked a village near {place} {day}, killing {n} residents and setting homes on fire, {att} said.",
			"attacked", armed, civil, "killed"},
		{"abduct", "181", [2]string{"Violence against civilians", "Abduction/forced disappearance"}, "{n} travellers abducted near {place}",
			"Armed men abducted {n} travellers on the road between {place} and the regional capital {day}, {att} said.",
			"abducted", armed, civil, ""},
		{"destroy", "180", [2]string{"Strategic developments", "Looting/property destruction"}, "Homes torched in {place}",
			"Attackers looted shops and set fire to dozens of homes in {place} {day}, {att} said.",
			"set fire", armed, civil, ""},
	},
	"PROTEST": {
		{"", "141", [2]string{"Protests", "Peaceful protest"}, "Thousands march in {place} over {issue}",
			"Thousands of people marched through the centre of {place} {day} to protest against {issue}, {att} said.",
			"protest", civil, official, "participants"},
		{"riot", "145", [2]string{"Riots", "Violent demonstration"}, "Riot in {place} over {issue}",
			"Protesters burned tyres and threw stones at police in {place} {day} during demonstrations over {issue}, {att} said.",
			"threw stones", civil, armed, "injured"},
	},
	"FIGHT": {
		{"firearms", "190", [2]string{"Battles", "Armed clash"}, "Clashes near {place} kill {n}",
			"Fighting between {src} and {tgt} near {place} {day} left {n} fighters dead on both sides, {att} said.",
			"fighting", armed, armed, "killed"},
		{"heavy-weapons", "194", [2]string{"Battles", "Armed clash"}, "Heavy fighting for {place}",
			"{Src} and {tgt} exchanged mortar and rocket fire around {place} {day}, killing {n} people, {att} said.",
			"exchanged fire", armed, armed, "killed"},
	},
	"COERCE": {
		{"arrest", "173", [2]string{"Strategic developments", "Arrests"}, "{n} arrested in {place}",
			"Police arrested {n} people in {place} {day} on suspicion of belonging to an armed group, {att} said.",
			"arrested", armed, civil, "arrested"},
		{"curfew", "1723", [2]string{}, "Curfew imposed in {place}",
			"Authorities imposed a dusk-to-dawn curfew on {place} {day} after a week of unrest, {att} said.",
			"curfew", official, civil, ""},
	},
	"MOBILIZE": {
		{"", "150", [2]string{}, "Troops sent to {place}",
			"{Src} deployed hundreds of troops and armoured vehicles to {place} {day}, {att} said.",
			"deployed", armed, nil, ""},
	},
	"THREATEN": {
		{"", "130", [2]string{}, "{Src} threatens reprisals over {place} attack",
			"{Src} threatened {day} to retaliate for the attack in {place}, {att} said.",
			"threatened", official, armed, ""},
	},
	"ACCUSE": {
		{"", "112", [2]string{}, "{Src} blames {tgt} for {place} killings",
			"{Src} {day} accused {tgt} of carrying out the killings in {place}, {att} said.",
			"accused", official, armed, ""},
	},
	"REQUEST": {
		{"", "020", [2]string{}, "Residents of {place} urged to leave",
			"{Src} urged residents of {place} {day} to move to safer areas as fighting approached, {att} said.",
			"urged", official, civil, ""},
	},
	"AGREE": {
		{"", "057", [2]string{"Strategic developments", "Agreement"}, "Deal signed in {place}",
			"{Src} and {tgt} signed an agreement in {place} {day} to reopen the main road to the border, {att} said.",
			"signed", official, official, ""},
	},
	"CONSULT": {
		{"", "040", [2]string{}, "Talks open in {place}",
			"Delegations of {src} and {tgt} met in {place} {day} for a second round of talks on {issue}, {att} said.",
			"met", official, official, ""},
	},
	"SUPPORT": {
		{"", "051", [2]string{}, "{Src} backs {place} talks",
			"{Src} {day} voiced support for the talks held in {place} on {issue}, {att} said.",
			"support", official, official, ""},
	},
	"CONCEDE": {
		{"", "080", [2]string{}, "{n} detainees freed in {place}",
			"{Src} released {n} detainees in {place} {day} as part of a prisoner exchange, {att} said.",
			"released", official, nil, ""},
	},
	"RETREAT": {
		{"ceasefire", "0871", [2]string{"Strategic developments", "Agreement"}, "Ceasefire declared around {place}",
			"{Src} declared a ceasefire around {place} {day} to allow the wounded to be evacuated, {att} said.",
			"ceasefire", official, nil, ""},
	},
	"AID": {
		{"", "070", [2]string{}, "Aid convoy reaches {place}",
			"A convoy of trucks carrying food and medicine reached {place} {day}, the first in months, {att} said.",
			"reached", official, civil, ""},
	},
	"SANCTION": {
		{"", "163", [2]string{}, "Sanctions over {place} crackdown",
			"{Src} imposed sanctions {day} on commanders it holds responsible for the crackdown in {place}, {att} said.",
			"sanctions", official, official, ""},
	},
	"REJECT": {
		{"", "120", [2]string{}, "{Src} rejects demands over {place}",
			"{Src} {day} rejected the demands made by {tgt} over {place} and {issue}, {att} said.",
			"rejected", official, official, ""},
	},
}

// outlet is a news outlet.
type outlet struct{ name, domain string }

var outlets = []outlet{
	{"Sahel Observer", "sahelobserver.example"}, {"Horn Daily", "horndaily.example"},
	{"Eastern Front Report", "easternfront-report.example"}, {"Levant Monitor", "levantmonitor.example"},
	{"Andes Herald", "andesherald.example"}, {"Great Lakes Post", "greatlakespost.example"},
	{"Gulf Wire", "gulfwire.example"}, {"Continental News Agency", "cna.example"},
	{"World Desk", "worlddesk.example"}, {"Frontline Dispatch", "frontlinedispatch.example"},
	{"Delta Times", "deltatimes.example"}, {"Monsoon Herald", "monsoonherald.example"},
	{"Caribbean Courier", "caribbeancourier.example"}, {"Steppe Journal", "steppejournal.example"},
	{"Pacific Tribune", "pacifictribune.example"}, {"Global Affairs Review", "globalaffairs.example"},
}

// attribution is who a report says told it.
type attribution struct {
	text   string
	sector *string
}

func sector(s string) *string { return &s }

var attributions = []attribution{
	{"a local official", sector("government")}, {"police", sector("police")}, {"witnesses", sector("civilian")},
	{"the regional governor", sector("government")}, {"a medical charity", sector("health")},
	{"state media", sector("media")}, {"a spokesman for the group", nil}, {"residents", sector("civilian")},
	{"a hospital director", sector("health")}, {"the army", sector("military")},
}

var issues = []string{"rising fuel prices", "the disputed election", "the killing of a student", "power cuts",
	"land seizures", "the new security law", "unpaid salaries", "the closure of the border"}

var regionSuffix = []string{" Province", " State", " Region", " District"}

// followUps are later sentences of a report that are evidence too.
var followUps = []string{
	"Residents said the violence began shortly after dawn and went on for several hours, forcing hundreds of families to flee {place}.",
	"Officials in {place} said the toll could rise as rescuers searched the debris for survivors.",
	"It was the third such incident in {region} this month, according to a tally kept by {outlet}.",
	"Hospitals in {place} appealed for blood donations as the wounded arrived in pickup trucks.",
	"The attack on {place} came a day after {src} said it had taken control of the surrounding villages.",
	"Video posted online, which {outlet} could not verify, showed smoke rising over the market in {place}.",
}

var followTriggers = []string{"fled", "toll", "incident", "wounded", "attack", "smoke"}

// background are the sentences of a report that say nothing new.
var background = []string{
	"The region has seen repeated violence since the collapse of a peace agreement two years ago.",
	"Humanitarian agencies say more than a million people have been displaced across the country.",
	"The government did not immediately respond to a request for comment.",
	"Access to {region} is restricted, which makes independent verification difficult.",
	"{outlet} could not independently confirm the figures.",
	"Markets and schools in {place} stayed closed the following day.",
	"Aid groups have warned of worsening food shortages across {region}.",
	"The United Nations has repeatedly called on all sides to protect civilians.",
	"Mobile phone networks in the area have been cut for weeks, slowing the flow of information.",
	"Analysts say the fighting has shifted towards the towns along the main highway.",
	"Several armed groups operate in {region}, and responsibility for attacks is often disputed.",
	"Local leaders in {place} called for calm and urged young men not to take up arms.",
	"The price of bread in {place} has doubled since the start of the year, traders said.",
	"A previous round of talks in the capital ended without agreement in the spring.",
}
