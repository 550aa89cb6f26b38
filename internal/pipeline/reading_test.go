package pipeline

import (
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/dict"
	"sitrep/internal/model"
)

// TestReading checks one mechanism of event reading per case, on sentences
// written for the test.
func TestReading(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC) // a Wednesday
	type want struct {
		typ, mode, modality   string
		source, target        string // substring of name or text; "-" = must be nil
		sector                string // of the target
		date                  string
		killed, injured, arrd int // minimum; -1 = must be nil
		place                 string
	}
	tests := []struct {
		name, text string
		events     int
		want       want
	}{
		{"active with participle tolls", "Gunmen opened fire on a bus near Kaduna on Monday, killing three passengers and wounding 12 others.", 1,
			want{typ: "ASSAULT", mode: "firearms", modality: "asserted", source: "Gunmen", target: "passengers", date: "2024-03-04", killed: 3, injured: 12, arrd: -1, place: "Kaduna"}},
		{"passive with by", "Two soldiers were killed by militants in an ambush in Kidal on Tuesday, the army said.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "militants", target: "soldiers", sector: "military", date: "2024-03-05", killed: 2, injured: -1, arrd: -1, place: "Kidal"}},
		{"hedge", "Troops allegedly shelled the village of Tabit on Sunday.", 1,
			want{typ: "ASSAULT", mode: "heavy-weapons", modality: "alleged", source: "Troops", date: "2024-03-03", killed: -1, injured: -1, arrd: -1}},
		{"denial governs", "The army denied that its soldiers had killed civilians in the raid.", 1,
			want{typ: "ASSAULT", modality: "denied", killed: -1, injured: -1, arrd: -1}},
		{"threat is no sanction", "The minister vowed that the rioters will be punished.", 1,
			want{typ: "THREATEN", modality: "threatened", source: "minister", target: "rioters", killed: -1, injured: -1, arrd: -1}},
		{"arrest count", "Police arrested 40 protesters in Nairobi on Tuesday.", 1,
			want{typ: "COERCE", mode: "arrest", modality: "asserted", source: "Police", target: "protesters", date: "2024-03-05", killed: -1, injured: -1, arrd: 40, place: "Nairobi"}},
		{"one described person", "A journalist was arrested in Minsk on Monday.", 1,
			want{typ: "COERCE", mode: "arrest", modality: "asserted", target: "journalist", sector: "media", killed: -1, injured: -1, arrd: 1}},
		{"accident is no attack", "A bus crashed on a mountain road, killing 14 passengers.", 0, want{}},
		{"crime in a charge is no event: the charge is", "He was charged with killing a policeman.", 1,
			want{typ: "ACCUSE", mode: "allege", killed: -1, injured: -1, arrd: -1}},
		{"purpose is no event", "The convoy was on a mission to deliver aid to the camp.", 0, want{}},
		{"verb as noun", "The injured officers were taken to hospital.", 0, want{}},
		{"background", "The town has been quiet since the 2019 massacre of 60 villagers.", 0, want{}},
		{"weapons named after the trigger", "Rebel units attacked army positions south of the town with artillery and drones on Wednesday.", 1,
			want{typ: "ASSAULT", mode: "heavy-weapons", modality: "asserted", source: "Rebel", date: "2024-03-06", killed: -1, injured: -1, arrd: -1}},
		{"a trend is no event", "Attacks on police and soldiers in the province have risen sharply over the past year.", 0, want{}},
		{"a fight names its two sides after between", "Heavy clashes broke out between the army and the Rapid Support Forces in Omdurman on Monday.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "army", target: "Rapid Support Forces", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Omdurman"}},
		{"fighting between two sides before its verb", "Fighting between the army and the RSF erupted in Omdurman on Tuesday.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "army", target: "Rapid Support Forces", date: "2024-03-05", killed: -1, injured: -1, arrd: -1}},
		{"the other side of a fight with victims", "Two soldiers were killed in a gunfight with Maoists in Bijapur on Monday.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Maoists", target: "soldiers", date: "2024-03-04", killed: 2, injured: -1, arrd: -1, place: "Bijapur"}},
		{"clashed with", "On Monday, the army clashed with RSF fighters in Omdurman.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "army", target: "Rapid Support Forces", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"an agency's spaced hyphen closes the dateline", "KHARTOUM, March 4 (Reuters) - Heavy clashes broke out between the army and the Rapid Support Forces in Omdurman.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "army", target: "Rapid Support Forces", killed: -1, injured: -1, arrd: -1}},
		{"an object pronoun is no subject; a participle after a noun is passive", "Gunmen shot dead a reporter in Culiacan on Monday, making him the fifth journalist killed in Mexico this year.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Gunmen", date: "2024-03-04", killed: 1, injured: -1, arrd: -1, place: "Culiacán"}},
		{"anonymous attackers told twice are one", "Gunmen shot dead a reporter in Culiacan on Monday. Two men on a motorcycle opened fire on his car as he left a restaurant, prosecutors said.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Gunmen", date: "2024-03-04", killed: 1, injured: -1, arrd: -1, place: "Culiacán"}},
		{"a toll told with a background date is history", "Gunmen attacked a village near Ouallam on Monday. Fighters there have killed hundreds of soldiers since 2019.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Gunmen", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"strikes that kill are attacks, not walkouts", "Israeli strikes killed 30 people across Gaza on Tuesday, health officials said.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Israeli", date: "2024-03-05", killed: 30, injured: -1, arrd: -1, place: "Gaza"}},
		{"the suicide bomber is the attacker", "At least 12 people were killed when a suicide bomber blew himself up at a market in Bannu on Tuesday.", 1,
			want{typ: "ASSAULT", mode: "suicide-attack", modality: "asserted", source: "bomber", date: "2024-03-05", killed: 12, injured: -1, arrd: -1, place: "Bannu"}},
		{"an IED in capitals, and martyred for killed", "Four policemen were martyred and three others injured when an IED hit their vehicle near Bannu on Thursday.", 1,
			want{typ: "ASSAULT", mode: "explosives", modality: "asserted", date: "2024-02-29", killed: 4, injured: 3, arrd: -1, place: "Bannu"}},
		{"an improvised explosive device", "Two soldiers were killed when an improvised explosive device hit their vehicle in Kidal on Monday.", 1,
			want{typ: "ASSAULT", mode: "explosives", modality: "asserted", target: "soldiers", date: "2024-03-04", killed: 2, injured: -1, arrd: -1, place: "Kidal"}},
		{"a police rank in capitals", "The DPO said 11 suspects were taken into custody in Bannu on Friday.", 1,
			want{typ: "COERCE", mode: "arrest", modality: "asserted", source: "DPO", date: "2024-03-01", killed: -1, injured: -1, arrd: 11, place: "Bannu"}},
		{"suspected hedges who, not whether", "Gunmen suspected to be bandits stormed a village near Gusau on Sunday night.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Gunmen", date: "2024-03-03", killed: -1, injured: -1, arrd: -1, place: "Gusau"}},
		{"a participle's toll is the main verb's", "Bandits stormed two villages near Gusau on Sunday night, killing nine people and abducting 43 others.", 2,
			want{typ: "ASSAULT", modality: "asserted", source: "Bandits", date: "2024-03-03", killed: 9, injured: -1, arrd: -1, place: "Gusau"}},
		{"lost their lives during combat with", "Two soldiers lost their lives on Tuesday during combat with ELN rebels in Tibú.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "ELN", date: "2024-03-05", injured: -1, arrd: -1, place: "Tibú"}},
		{"a bare officer is police", "Gunmen shot dead an officer in Croydon on Monday.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "Gunmen", target: "officer", sector: "police", date: "2024-03-04", killed: 1, injured: -1, arrd: -1, place: "Croydon"}},
		{"a meeting to be held is planned", "A peace committee meeting will be held in Khambhat on Monday.", 1,
			want{typ: "CONSULT", modality: "planned", date: "2024-03-11", killed: -1, injured: -1, arrd: -1}},
		{"a council scheduled to discuss", "The Security Council is scheduled to discuss the situation in Darfur next week.", 1,
			want{typ: "CONSULT", modality: "planned", source: "Security Council", killed: -1, injured: -1, arrd: -1}},
		{"a meeting asked for is no meeting", "Guyana said it had asked the Security Council to hold an emergency meeting on the situation.", 0, want{}},
		{"troops rescue captives", "Troops rescued 12 abducted villagers near Gusau on Monday.", 1,
			want{typ: "AID", modality: "asserted", source: "Troops", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Gusau"}},
		{"a cordon and a search", "Police cordoned off the area and launched a search operation in Bannu on Monday.", 1,
			want{typ: "COERCE", modality: "asserted", source: "Police", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Bannu"}},
		{"an FIR is an accusation, its crime no event", "Police lodged an FIR against 150 unidentified people for rioting in Khambhat on Monday.", 1,
			want{typ: "ACCUSE", mode: "allege", modality: "asserted", source: "Police", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"vehicles set on fire", "Two autorickshaws and a motorcycle were set on fire in Khambhat on Monday.", 1,
			want{typ: "ASSAULT", mode: "destroy", modality: "asserted", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Khambhat"}},
		{"a car driven into a crowd", "In Novi Sad, a car drove into a group of students on Saturday, injuring two young women.", 1,
			want{typ: "ASSAULT", modality: "asserted", target: "group", date: "2024-03-02", killed: -1, injured: 2, arrd: -1, place: "Novi Sad"}},
		{"more troops to be sent", "The army said it will send 300 additional soldiers to Tibú.", 1,
			want{typ: "MOBILIZE", mode: "troops", modality: "planned", killed: -1, injured: -1, arrd: -1}},
		{"a vow to retaliate", "The PDF vowed to retaliate on Monday.", 1,
			want{typ: "THREATEN", mode: "violence", source: "PDF", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"collaborators declared a military objective", "The ELN warned that it would consider anyone who collaborates with the troops a military objective.", 1,
			want{typ: "THREATEN", source: "ELN", killed: -1, injured: -1, arrd: -1}},
		{"a participle escapes the main verb's denial", "The RSF denied shelling the market, accusing the army of launching attacks from homes.", 2,
			want{typ: "ASSAULT", modality: "denied", killed: -1, injured: -1, arrd: -1}},
		{"bodies found tell a killing by nobody named", "On Saturday, residents found the bodies of six men beside a road near Uruapan.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "-", target: "men", date: "2024-03-02", killed: 6, injured: -1, arrd: -1, place: "Uruapan"}},
		{"a threat of suspension", "The minister said any outlet relaying the report would face suspension.", 1,
			want{typ: "THREATEN", modality: "asserted", source: "minister", killed: -1, injured: -1, arrd: -1}},
		{"a ceasefire called for is no ceasefire", "The UN called for a ceasefire on Monday.", 1,
			want{typ: "REQUEST", modality: "asserted", source: "United Nations", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"detained leaders whose release is demanded were not detained here", "Protesters demanded the release of detained leaders on Monday.", 1,
			want{typ: "REQUEST", modality: "asserted", source: "Protesters", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"reporters plan to march", "Reporters in Culiacán plan to march on Thursday.", 1,
			want{typ: "PROTEST", modality: "planned", source: "Reporters", date: "2024-03-07", killed: -1, injured: -1, arrd: -1, place: "Culiacán"}},
		{"killed in an encounter", "Two militants and a soldier were killed in an encounter in Shopian on Sunday.", 1,
			want{typ: "ASSAULT", modality: "asserted", date: "2024-03-03", injured: -1, arrd: -1}},
		{"rebels surrender", "Eleven NPA rebels surrendered to the army in Catarman on Saturday.", 1,
			want{typ: "RETREAT", mode: "disarm", modality: "asserted", source: "NPA", date: "2024-03-02", killed: -1, injured: -1, arrd: -1, place: "Catarman"}},
		{"an offer to surrender is no surrender", "The bandits were offered the opportunity to surrender.", 0, want{}},
		{"a procession demanding arrests", "Several hundred activists brought out a procession in Rajshahi on Monday demanding the arrest of those who attacked their leader.", 3,
			want{typ: "PROTEST", mode: "demo", modality: "asserted", source: "activists", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Rajshahi"}},
		{"a baton charge", "Police charged with batons and hurled sound grenades in Rajshahi on Monday to disperse the two groups.", 1,
			want{typ: "ASSAULT", mode: "crowd-control", modality: "asserted", source: "Police", date: "2024-03-04", killed: -1, injured: -1, arrd: -1, place: "Rajshahi"}},
		{"settlers attack", "Israeli settlers attacked the village of Burin on Monday, wounding four Palestinians.", 1,
			want{typ: "ASSAULT", modality: "asserted", source: "settlers", date: "2024-03-04", killed: -1, injured: 4, arrd: -1}},
		{"a council meets", "The governor said the provincial peace and order council would meet on Thursday.", 1,
			want{typ: "CONSULT", modality: "planned", source: "council", date: "2024-03-07", killed: -1, injured: -1, arrd: -1}},
		{"a warning's own threat is made, not planned", "JNIM warned that convoys supplying the army would be treated as legitimate targets.", 1,
			want{typ: "THREATEN", modality: "asserted", source: "JNIM", killed: -1, injured: -1, arrd: -1}},
		{"a place between the article and the noun keeps it a noun", "The governor condemned the Calbayog attack on Monday.", 2,
			want{typ: "ACCUSE", modality: "asserted", source: "governor", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a party's warning of force is a threat", "The military warned that villagers who shelter terrorists would face legal action.", 1,
			want{typ: "THREATEN", modality: "asserted", source: "military", killed: -1, injured: -1, arrd: -1}},
		{"a state's warning of what its forces will do is a threat", "Russia's foreign ministry warned that the Russian navy would escort merchant vessels through the gulf.", 1,
			want{typ: "THREATEN", source: "foreign ministry", killed: -1, injured: -1, arrd: -1}},
		{"a forecast is no threat", "The UN warned that hunger would spread across the region.", 0, want{}},
		{"a police weather warning is no threat", "Police warned that rain would make roads slippery.", 0, want{}},
		{"a session to be held", "The state security cabinet will hold an extraordinary session on Friday in Morelia.", 1,
			want{typ: "CONSULT", modality: "planned", date: "2024-03-08", killed: -1, injured: -1, arrd: -1, place: "Morelia"}},
		{"a jirga convened is yet to sit", "The district administration has convened a jirga of tribal elders in Bannu on Saturday.", 1,
			want{typ: "CONSULT", modality: "planned", killed: -1, injured: -1, arrd: -1, place: "Bannu"}},
		{"a press conference is no consultation", "The press conference in Lima was cancelled on Monday.", 0, want{}},
		{"cases filed against many", "Police filed two cases last night in Rajshahi against 62 named people over the clash.", 2,
			want{typ: "ACCUSE", mode: "allege", modality: "asserted", source: "Police", killed: -1, injured: -1, arrd: -1}},
		{"a warning with its time between", "Israeli Defence Minister Israel Katz warned last week that the army would act with full force in any camp.", 1,
			want{typ: "THREATEN", source: "Katz", killed: -1, injured: -1, arrd: -1}},
		{"a warning to residents of the weather is no threat", "Police warned residents that rain would make roads slippery.", 0, want{}},
		{"talks with a party that will take place", "Zelenskiy said on Monday that a new round of talks with Russia would take place in Istanbul on Thursday.", 1,
			want{typ: "CONSULT", modality: "planned", date: "2024-03-07", killed: -1, injured: -1, arrd: -1, place: "Istanbul"}},
		{"what a request asks for is not done", "Civil society groups called on the government to send additional troops to Oicha.", 1,
			want{typ: "REQUEST", modality: "asserted", killed: -1, injured: -1, arrd: -1}},
		{"a rescue service is no rescue", "The fire and rescue service said crews had put out the blaze in Nuneaton.", 0, want{}},
		{"combat vehicles are no combat", "RSF fighters entered the town in dozens of combat vehicles at dawn.", 0, want{}},
		{"background date after the trigger", "The region lies near the border, where jihadists have killed hundreds of soldiers since 2019.", 0, want{}},
		{"planned weekday is the one to come", "The labour minister will meet union leaders on Monday.", 1,
			want{typ: "CONSULT", modality: "planned", source: "minister", date: "2024-03-11", killed: -1, injured: -1, arrd: -1}},
		{"the capital of the country the report is about", "Police arrested 12 protesters in the capital on Monday, Kenya's interior ministry said. Kenya's parliament passed the finance bill last week.", 1,
			want{typ: "COERCE", mode: "arrest", modality: "asserted", source: "Police", date: "2024-03-04", killed: -1, injured: -1, arrd: 12, place: "Nairobi"}},
		{"the day a speaker spoke is not the event's", "The ministry said on Tuesday that bandits shot dead four farmers in an ambush near Gusau on Sunday.", 1,
			want{typ: "ASSAULT", mode: "firearms", modality: "asserted", source: "bandits", target: "farmers", date: "2024-03-03", killed: 4, injured: -1, arrd: -1, place: "Gusau"}},
		{"a group's pronoun names its members", "The Taliban said on Tuesday that its fighters killed five soldiers in Ghazni.", 1,
			want{typ: "ASSAULT", modality: "claimed", source: "Taliban", target: "soldiers", killed: 5, injured: -1, arrd: -1, place: "Ghazni"}},
		{"an apposition closes before the light verb", "Tunisia's largest labour union, the UGTT, on Monday called a 24-hour general strike for next week.", 1,
			want{typ: "PROTEST", mode: "strike", modality: "planned", source: "UGTT", killed: -1, injured: -1, arrd: -1}},
		{"a pronoun after that is the speaker", "Governor Ali Musa said that he had requested assistance from the federal government.", 1,
			want{typ: "REQUEST", source: "Ali Musa", killed: -1, injured: -1, arrd: -1}},
		{"a gap of names", "The government asked Kenya and South Africa to send troops.", 1,
			want{typ: "REQUEST", modality: "asserted", killed: -1, injured: -1, arrd: -1}},
		{"a place opens the sentence after an adverb", "Farther south, in the port of Mombasa, police arrested 12 protesters on Monday.", 1,
			want{typ: "COERCE", mode: "arrest", source: "police", killed: -1, injured: -1, arrd: 12, place: "Mombasa"}},
		{"a figure before a participle is its subject", "At least three people were killed and more than 20 injured when rival supporters fought with machetes near Wabag on Tuesday.", 1,
			want{typ: "ASSAULT", killed: 3, injured: 21, arrd: -1, place: "Wabag"}},
		{"police flown in go where they are sent, not where they come from", "A unit of 80 police officers was flown in from Nairobi to Garissa on Tuesday to restore order.", 1,
			want{typ: "MOBILIZE", mode: "police", date: "2024-03-05", killed: -1, injured: -1, arrd: -1, place: "Garissa"}},
		{"a charge", "Prosecutors charged the former minister with embezzlement on Monday.", 1,
			want{typ: "ACCUSE", mode: "allege", source: "Prosecutors", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a missile fired into the sea is a show of force", "North Korea fired two ballistic missiles into the sea off its east coast on Monday.", 1,
			want{typ: "MOBILIZE", mode: "weapons", source: "North Korea", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a protest note is a complaint, not a demonstration", "The foreign ministry handed the ambassador a protest note on Monday.", 1,
			want{typ: "ACCUSE", mode: "disapprove", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a vehicle that struck a bomb", "Two soldiers were killed when their vehicle struck an explosive device near Gao on Tuesday.", 1,
			want{typ: "ASSAULT", mode: "explosives", date: "2024-03-05", killed: 2, injured: -1, arrd: -1, place: "Gao"}},
		{"a seized boat", "Coast guards seized a fishing boat and its crew off Zanzibar on Monday.", 1,
			want{typ: "COERCE", mode: "seize", date: "2024-03-04", killed: -1, injured: -1}},
		{"custody extended", "A court in Dhaka on Monday extended the detention of three activists.", 1,
			want{typ: "COERCE", mode: "arrest", date: "2024-03-04", killed: -1, injured: -1}},
		{"the subject wields what it acts with", "Riot police dispersed them with tear gas in Dakar on Monday and arrested 12 students.", 2,
			want{typ: "ASSAULT", mode: "crowd-control", source: "police", date: "2024-03-04", killed: -1, injured: -1, place: "Dakar"}},
		{"what an action is for is that action", "Police fired tear gas to disperse the crowds in Dakar on Monday.", 1,
			want{typ: "ASSAULT", mode: "crowd-control", modality: "asserted", source: "Police", killed: -1, injured: -1, arrd: -1}},
		{"met with tear gas is no meeting", "Protesters were met with tear gas in Dakar on Monday.", 1,
			want{typ: "ASSAULT", mode: "crowd-control", killed: -1, injured: -1, arrd: -1}},
		{"police who report arrests made them", "Fourteen people were detained in Dakar on Monday, police said.", 1,
			want{typ: "COERCE", mode: "arrest", source: "police", killed: -1, injured: -1, arrd: 14}},
		{"a place in the subject's phrase", "A court in Karachi on Monday extended by four days the custody of two activists.", 1,
			want{typ: "COERCE", mode: "arrest", source: "court", date: "2024-03-04", killed: -1, injured: -1, place: "Karachi"}},
		{"a crowd that gathers to demand protests", "In Lusaka, about 300 opposition supporters gathered outside the central police station on Tuesday to demand the release of their leader.", 1,
			want{typ: "PROTEST", mode: "demo", modality: "asserted", source: "supporters", date: "2024-03-05", killed: -1, injured: -1, arrd: -1, place: "Lusaka"}},
		{"asylum granted", "Peru has granted diplomatic asylum to five army officers.", 1,
			want{typ: "AID", killed: -1, injured: -1, arrd: -1}},
		{"a curfew shortened", "The president on Monday shortened the nightly curfew by one hour.", 1,
			want{typ: "CONCEDE", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"ties restored", "The two countries restored diplomatic ties on Monday after a 12-year break.", 1,
			want{typ: "SUPPORT", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"an investigation opened", "A judge opened fraud investigations against 28 officials on Monday.", 1,
			want{typ: "ACCUSE", mode: "investigate", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a call on others to act", "Ukraine's foreign ministry on Monday called on allies to deliver more air defence systems.", 1,
			want{typ: "REQUEST", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a strike declared illegal", "The Labour Court on Wednesday declared their walkout illegal.", 1,
			want{typ: "COERCE", mode: "ban", killed: -1, injured: -1, arrd: -1}},
		{"police beat people they do not name", "Riot police moved in and beat some of them with batons, witnesses said.", 1,
			want{typ: "ASSAULT", source: "police", killed: -1, injured: -1, arrd: -1}},
		{"concern is disapproval", "The European Union said on Monday it was deeply concerned by the use of force against protesters.", 1,
			want{typ: "ACCUSE", mode: "disapprove", killed: -1, injured: -1, arrd: -1}},
		{"prisoners handed over", "Russia and Ukraine each handed over 185 prisoners of war on Saturday.", 1,
			want{typ: "RETREAT", mode: "release", date: "2024-03-02", killed: -1, injured: -1, arrd: -1}},
		{"a gap that tells when", "The mayor asked the federal government on Friday night to send more soldiers.", 1,
			want{typ: "REQUEST", date: "2024-03-01", killed: -1, injured: -1, arrd: -1}},
		{"a pursuit that kills", "Troops pursued the attackers into the forest on Wednesday night, killing three of them.", 1,
			want{typ: "ASSAULT", source: "Troops", killed: 3, injured: -1, arrd: -1}},
		{"a country before a common noun places nothing; what a march demands is the march's", "Teachers marched in Harare on Thursday to demand salaries in U.S. dollars.", 1,
			want{typ: "PROTEST", mode: "demo", source: "Teachers", date: "2024-02-29", killed: -1, injured: -1, arrd: -1, place: "Harare"}},
		{"the speaker refuses", "The Russian foreign ministry said on Friday it rejected Japan's demands.", 1,
			want{typ: "REJECT", source: "foreign ministry", date: "2024-03-01", killed: -1, injured: -1, arrd: -1}},
		{"a witness tells what others demand", "Thousands of Kurds demonstrated in Kirkuk on Sunday calling for independence, witnesses said.", 2,
			want{typ: "PROTEST", killed: -1, injured: -1, arrd: -1, place: "Kirkuk"}},
		{"a plan happens where the report is filed", "ATHENS, Greece — The two biggest unions said they would hold a 48-hour general strike next week.", 1,
			want{typ: "PROTEST", mode: "strike", modality: "planned", killed: -1, injured: -1, arrd: -1, place: "Athens"}},
		{"a strike that hits tents is no walkout", "Eleven people were killed after a strike hit tents sheltering displaced families in al-Mawasi on Monday.", 1,
			want{typ: "ASSAULT", date: "2024-03-04", killed: 11, injured: -1, arrd: -1}},
		{"a rocket launched", "One rocket was launched from northern Gaza towards Sderot on Monday and was intercepted.", 1,
			want{typ: "ASSAULT", mode: "heavy-weapons", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"an evacuation order", "The army posted an evacuation order for eastern Deir el-Balah on Monday.", 1,
			want{typ: "COERCE", mode: "restrict", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"internet suspended", "The district administration on Monday ordered mobile internet suspended for 48 hours.", 1,
			want{typ: "COERCE", mode: "censor", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a border closed", "Kosovo on Sunday closed the Jarinje crossing to freight traffic.", 1,
			want{typ: "COERCE", mode: "restrict", date: "2024-03-03", killed: -1, injured: -1, arrd: -1}},
		{"an army made ready", "Serbia's army was placed on a higher state of readiness on Sunday.", 1,
			want{typ: "MOBILIZE", date: "2024-03-03", killed: -1, injured: -1, arrd: -1}},
		{"militants neutralised", "Security forces neutralised four militants in the Urus-Martan district on Monday.", 1,
			want{typ: "ASSAULT", source: "forces", date: "2024-03-04", injured: -1, arrd: -1}},
		{"a fight told before is that attack's setting", "The ministry said its troops had killed about 40 attackers in the fighting near Tera on Monday.", 1,
			want{typ: "ASSAULT", killed: 40, injured: -1, arrd: -1}},
		{"a convoy looted", "Armed men looted a WFP convoy south of Ayod on Monday.", 1,
			want{typ: "COERCE", mode: "seize", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a state of emergency", "The government on Monday declared a 60-day state of emergency in three provinces.", 1,
			want{typ: "COERCE", mode: "restrict", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"troops ordered in", "The president on Monday ordered the armed forces to help police clear the roadblocks.", 1,
			want{typ: "MOBILIZE", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a gathering outside a prison", "About 200 people gathered outside the prison gates on Monday.", 1,
			want{typ: "PROTEST", mode: "demo", date: "2024-03-04", killed: -1, injured: -1, arrd: -1}},
		{"a crossing closed", "The minister on Sunday ordered the crossing closed to freight.", 1,
			want{typ: "COERCE", mode: "restrict", date: "2024-03-03", killed: -1, injured: -1, arrd: -1}},
		{"a dateline with a date and a colon", "BHILWARA, March 3: Police have arrested 27 persons from both communities, officials said.", 1,
			want{typ: "COERCE", mode: "arrest", killed: -1, injured: -1, arrd: 27, place: "BHILWARA"}},
		{"a strike's purpose is no second protest", "Unions on Tuesday called a general strike for next Wednesday to protest against pension cuts.", 1,
			want{typ: "PROTEST", mode: "strike", modality: "planned", date: "2024-03-13", killed: -1, injured: -1, arrd: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := x.Extract([]byte(tt.text), "", ref)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Events) != tt.events {
				t.Fatalf("events: got %d, want %d: %s", len(doc.Events), tt.events, summary(doc))
			}
			if tt.events == 0 {
				return
			}
			e, w := doc.Events[0], tt.want
			check := func(field, got, want string) {
				t.Helper()
				if want != "" && got != want {
					t.Errorf("%s: got %q, want %q", field, got, want)
				}
			}
			check("type", e.Type, w.typ)
			check("mode", deref(e.Mode), w.mode)
			check("modality", e.Modality, w.modality)
			checkActor(t, "source", e.Source, w.source)
			checkActor(t, "target", e.Target, w.target)
			if w.sector != "" && (e.Target == nil || deref(e.Target.Sector) != w.sector) {
				t.Errorf("target sector: got %+v, want %s", e.Target, w.sector)
			}
			if w.date != "" && (e.Date == nil || deref(e.Date.Start) != w.date) {
				t.Errorf("date: got %+v, want %s", e.Date, w.date)
			}
			if w.place != "" && (e.Location == nil || e.Location.Text != w.place && e.Location.Name != w.place) {
				t.Errorf("place: got %+v, want %s", e.Location, w.place)
			}
			for _, c := range []struct {
				name string
				got  *model.Range
				want int
			}{{"killed", e.Counts.Killed, w.killed}, {"injured", e.Counts.Injured, w.injured}, {"arrested", e.Counts.Arrested, w.arrd}} {
				switch {
				case c.want < 0 && c.got != nil:
					t.Errorf("%s: got %+v, want null", c.name, c.got)
				case c.want > 0 && (c.got == nil || c.got.Min != c.want):
					t.Errorf("%s: got %+v, want min %d", c.name, c.got, c.want)
				}
			}
		})
	}
}

func checkActor(t *testing.T, role string, a *model.Actor, want string) {
	t.Helper()
	switch {
	case want == "":
	case want == "-" && a != nil:
		t.Errorf("%s: got %q, want none", role, a.Text)
	case want != "-" && (a == nil || !strings.Contains(a.Text+" "+deref(a.Name), want)):
		t.Errorf("%s: got %+v, want one naming %q", role, a, want)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func summary(doc *model.Document) string {
	var b strings.Builder
	for _, e := range doc.Events {
		b.WriteString(e.Type + ":" + e.Evidence[0].Trigger + " ")
	}
	return b.String()
}

// TestUserDictionaries checks that a user's PETRARCH/TABARI dictionaries
// make their phrases actors and code them, agents included.
func TestUserDictionaries(t *testing.T) {
	actors, err := dict.LoadActors(strings.NewReader("ARNOR [ARN]\nKINGDOM_OF_ARNOR [ARN]\n"))
	if err != nil {
		t.Fatal(err)
	}
	agents, err := dict.LoadAgents(strings.NewReader("SOLDIER [~MIL]\nSOLDIERS [~MIL]\n"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{Actors: actors, Agents: agents})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract([]byte("Arnor soldiers attacked a village in Kidal on Monday, killing four civilians."), "", time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || doc.Events[0].Source == nil {
		t.Fatalf("got %s, want one attack with a source", summary(doc))
	}
	if got := deref(doc.Events[0].Source.CAMEO); got != "ARNMIL" {
		t.Errorf("source code: got %q, want ARNMIL", got)
	}
	plain, _ := New()
	doc, _ = plain.Extract([]byte("Arnor soldiers attacked a village in Kidal on Monday, killing four civilians."), "", time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC))
	if len(doc.Events) == 1 && doc.Events[0].Source != nil && strings.HasPrefix(deref(doc.Events[0].Source.CAMEO), "ARN") {
		t.Errorf("without dictionaries the code must not know Arnor: got %q", deref(doc.Events[0].Source.CAMEO))
	}
}

// TestACLEDSubEvents checks that each kind of happening the ACLED codebook
// names gets its sub-event type from the most confident event, on sentences
// written for the test.
func TestACLEDSubEvents(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, want string }{
		{"Army troops clashed with rebels near the border on Monday.", "Armed clash"},
		{"Two soldiers were wounded in a gunfight with bandits outside the town.", "Armed clash"},
		{"Government forces recaptured the town of Abo from the insurgents on Sunday.", "Government regains territory"},
		{"Rebels seized control of the district headquarters town on Tuesday.", "Non-state actor overtakes territory"},
		{"Dozens of residents were treated for breathing problems after a chlorine gas attack on the village.", "Chemical weapon"},
		{"The militia used poison gas against government positions, the monitor said.", "Chemical weapon"},
		{"Police said a cache of rifles and ammunition was found buried in a field near the farm.", "Disrupted weapons use"},
		{"Army engineers defused two roadside bombs on the highway on Monday.", "Disrupted weapons use"},
		{"Air defences shot down four drones over the port overnight.", "Disrupted weapons use"},
		{"The army has set up a new military base near the river crossing.", "Headquarters or base established"},
		{"Hundreds of fighters defected to the government side with their weapons.", "Change to group/activity"},
		{"Protesters threw stones at police and burned tyres in the capital.", "Violent demonstration"},
		{"Riot police clashed with protesters outside parliament, firing tear gas into the crowd.", "Violent demonstration"},
		{"Police opened fire on protesters in the city centre, killing three.", "Excessive force against protesters"},
		{"A mob lynched two men accused of stealing cattle in the village.", "Mob violence"},
		{"Unidentified gunmen shot dead a teacher outside his home.", "Attack"},
		{"Arsonists torched three shops and a church overnight.", "Looting/property destruction"},
		{"Four workers were hurt when a gas cylinder exploded at a factory on Monday.", "none"},
		{"The army fired three artillery shells at the border town on Friday.", "Shelling/artillery/missile attack"},
		{"North Korea fired two ballistic missiles into the sea on Thursday.", "none"},
		{"Police fired tear gas shells at farmers blocking the highway.", "Protest with intervention"},
	}
	for _, tt := range tests {
		doc, err := x.Extract([]byte(tt.text), "", ref)
		if err != nil {
			t.Fatal(err)
		}
		var best *model.Event
		for _, ev := range doc.Events {
			if ev.ACLED != nil && (best == nil || ev.Confidence > best.Confidence) {
				best = ev
			}
		}
		got := "none"
		if best != nil {
			got = best.ACLED.SubEventType
		}
		if got != tt.want {
			t.Errorf("%q: ACLED sub-event %q, want %q: %s", tt.text, got, tt.want, summary(doc))
		}
	}
}

// TestAttribution checks where an event's attribution is found, on reports
// written for the test.
func TestAttribution(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct{ name, text, want string }{
		{"possessive office", "Police detained 11 people in the port city on Monday, the prosecutor's office said.", "prosecutor's office said"},
		{"a rebel spokesman claims", "The rebels' military spokesman said their fighters had killed 120 soldiers near the town.", "spokesman said"},
		{"lede attributed in the next paragraph", "Latvia on Wednesday expelled three diplomats of a neighbouring state, accusing them of spying.\n\nThe foreign ministry said the three had met army officers and paid them.", "foreign ministry said"},
	}
	for _, tt := range tests {
		doc, err := x.Extract([]byte(tt.text), "", ref)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) == 0 {
			t.Errorf("%s: no event", tt.name)
			continue
		}
		a := doc.Events[0].Attribution
		if a == nil || !strings.Contains(a.Text, tt.want) {
			t.Errorf("%s: attribution %+v, want one with %q: %s", tt.name, a, tt.want, summary(doc))
		}
	}
}

// TestAnaphoricShift checks that "a day earlier" and "the next day" date
// an event from the one before, shifted.
func TestAnaphoricShift(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, c := range []struct{ text, want string }{
		{"Police arrested 12 protesters in Nairobi on Tuesday. A day earlier, gunmen killed three villagers near Kaduna.", "2024-03-04"},
		{"Gunmen killed three villagers near Kaduna on Sunday. The next day, police arrested 12 protesters in Nairobi.", "2024-03-04"},
		{"Police arrested 12 protesters in Nairobi on Tuesday. On the same day, gunmen killed three villagers near Kaduna.", "2024-03-05"},
		{"An air strike hit a market in Idlib on Sunday, killing four people. The day before, an air strike hit a car in Idlib, killing its driver.", "2024-03-02"},
	} {
		doc, err := x.Extract([]byte(c.text), "", ref)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) != 2 {
			t.Errorf("%q: %d events, want 2: %s", c.text, len(doc.Events), summary(doc))
			continue
		}
		if d := doc.Events[1].Date; d == nil || d.Start == nil || *d.Start != c.want {
			t.Errorf("%q: second event dated %+v, want %s", c.text, d, c.want)
		}
	}
}

// TestTollsAfter checks that "No one was hurt." after an attack gives
// it a toll of nobody, and that it reaches no further back.
func TestTollsAfter(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	doc, err := x.Extract([]byte("Gunmen shot dead two guards at a bank in Kano on Monday. "+
		"Three rockets struck a car park near Erbil airport on Tuesday. No one was hurt."), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 2 {
		t.Fatalf("%d events, want 2: %s", len(doc.Events), summary(doc))
	}
	if c := doc.Events[1].Counts; c.Injured == nil || c.Injured.Min != 0 || c.Injured.Max == nil || *c.Injured.Max != 0 {
		t.Errorf("rockets: injured %+v, want 0", c.Injured)
	}
	if c := doc.Events[0].Counts; c.Injured != nil {
		t.Errorf("shooting: injured %+v, want none", c.Injured)
	}

	doc, err = x.Extract([]byte("A suicide bomber blew himself up at a checkpoint in Bannu on Monday, killing nine people and wounding 21, police said.\n\n"+
		"The group claimed responsibility in a statement.\n\n"+
		"The death toll rose to 14 overnight, including eight policemen, and 32 people were wounded, a hospital spokesman said on Tuesday."), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) == 0 {
		t.Fatalf("no events")
	}
	if c := doc.Events[0].Counts; c.Killed == nil || c.Killed.Min != 14 || c.Injured == nil || c.Injured.Min != 32 {
		t.Errorf("bombing after the toll rose: killed %+v, injured %+v, want 14 and 32", c.Killed, c.Injured)
	}

	doc, err = x.Extract([]byte("Gunmen on motorcycles opened fire on worshippers outside a mosque near Gusau on Friday. "+
		"Nine people, among them the imam, were killed and three others were wounded."), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("%d events, want 1: %s", len(doc.Events), summary(doc))
	}
	if c := doc.Events[0].Counts; c.Killed == nil || c.Killed.Min != 9 || c.Injured == nil || c.Injured.Min != 3 {
		t.Errorf("mosque: killed %+v, injured %+v, want 9 and 3", c.Killed, c.Injured)
	}
}

// TestOfficialProtest checks that a state's protest is an official
// complaint, not a demonstration.
func TestOfficialProtest(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Coast guards seized a fishing boat on Monday, prompting Tokyo to summon Russia's ambassador to protest.",
		"The Russian foreign ministry said on Tuesday it rejected Japan's protest.",
		"Japan's defence ministry said it had lodged a separate protest through diplomatic channels.",
	} {
		doc, err := x.Extract([]byte(text), "", ref)
		if err != nil {
			t.Fatal(err)
		}
		accuse := false
		for _, e := range doc.Events {
			if e.Type == "PROTEST" {
				t.Errorf("%q: a demonstration: %s", text, summary(doc))
			}
			accuse = accuse || e.Type == "ACCUSE"
		}
		if !accuse {
			t.Errorf("%q: no official complaint: %s", text, summary(doc))
		}
	}
}

// TestActorCountry checks the countries of institutions: one left
// unqualified in a report is the dateline country's, and a nationality
// inside an institution's name gives its own.
func TestActorCountry(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, want string }{
		{"MANILA, Philippines — The foreign ministry summoned China's ambassador on Monday.", "PH"},
		{"The Chinese Foreign Ministry summoned the Philippine ambassador on Monday.", "CN"},
		{"HARARE, Zimbabwe — The Labour Court on Wednesday declared their walkout illegal.", "ZW"},
	} {
		doc, err := x.Extract([]byte(c.text), "", ref)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) == 0 || doc.Events[0].Source == nil || doc.Events[0].Source.Country == nil || *doc.Events[0].Source.Country != c.want {
			t.Errorf("%q: %s, want a source of %s", c.text, summary(doc), c.want)
		}
	}
}

// TestAttackers checks who attacks: the object of a first verb is not
// the subject of a second joined by "and", and an attack told after the
// lede with no attacker of its own is the lede's armed side's.
func TestAttackers(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	doc, err := x.Extract([]byte("A drone attack on Kherson killed a 62-year-old man and wounded four people, the governor said."), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || doc.Events[0].Source != nil && strings.Contains(doc.Events[0].Source.Text, "man") {
		t.Errorf("the man killed became the attacker: %s", summary(doc))
	}
	doc, err = x.Extract([]byte("Russia fired dozens of missiles at Kharkiv overnight, killing four people, officials said.\n\n"+
		"In Odesa, a drone struck a warehouse in the port, killing two workers, the governor said."), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range doc.Events {
		if e.Evidence[0].Sentence > 0 && e.Type == "ASSAULT" {
			found = true
			if e.Source == nil || e.Source.Country == nil || *e.Source.Country != "RU" {
				t.Errorf("the Odesa strike: source %+v, want Russia", e.Source)
			}
		}
	}
	if !found {
		t.Errorf("no Odesa strike: %s", summary(doc))
	}
}

// readAt reads text as published on ref, with one extractor shared by
// the tests that call it.
func readAt(t *testing.T, text string, ref time.Time) *model.Document {
	t.Helper()
	x, err := sharedExtractor()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract([]byte(text), "", ref)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

var sharedExtractor = sync.OnceValues(func() (*Extractor, error) { return New() })

// TestClaimedToll checks that a party's toll for an attack others report
// stays a claim of its own instead of making the toll a fact.
func TestClaimedToll(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "Coalition aircraft carried out at least six air strikes on rebel positions around Harib on Friday, residents said, and the coalition said it had destroyed two rocket launchers. The rebels said the strikes killed four civilians."
	doc := readAt(t, text, ref)
	var asserted, claimed int
	for _, e := range doc.Events {
		if e.Type != "ASSAULT" {
			continue
		}
		switch e.Modality {
		case model.Asserted:
			asserted++
			if e.Counts.Killed != nil {
				t.Errorf("the asserted strikes took the rebels' toll: %+v", e.Counts.Killed)
			}
		case model.Claimed:
			claimed++
			if e.Counts.Killed == nil || e.Counts.Killed.Min != 4 {
				t.Errorf("claimed toll: got %+v, want 4", e.Counts.Killed)
			}
		}
	}
	if asserted == 0 || claimed != 1 {
		t.Errorf("got %d asserted and %d claimed attacks, want the strikes and one claim: %s", asserted, claimed, summary(doc))
	}
}

// TestParticipleHost checks that an event told by a participial phrase
// takes the main verb's subject and time.
func TestParticipleHost(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "The district was thrown into mourning on Monday after bandits stormed two villages near Gusau on Sunday night, killing nine people and abducting 43 others."
	doc := readAt(t, text, ref)
	for _, e := range doc.Events {
		if e.Mode == nil || *e.Mode != "abduct" {
			continue
		}
		checkActor(t, "source", e.Source, "bandits")
		if e.Date == nil || deref(e.Date.Start) != "2024-03-03" {
			t.Errorf("abduction date: got %+v, want Sunday 2024-03-03", e.Date)
		}
		return
	}
	t.Errorf("no abduction: %s", summary(doc))
}

// TestForeignBureau checks that a dateline abroad places nothing: a
// report on Sudan filed from Cairo.
func TestForeignBureau(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "CAIRO, March 6 (Reuters) - Fighting raged in Sudan's Darfur region on Wednesday, Sudanese officials said. The council will meet in New York next week.\n\nGunmen abducted 12 aid workers on a road on Tuesday, their employer said."
	doc := readAt(t, text, ref)
	for _, e := range doc.Events {
		if e.Location != nil && e.Location.Country == "EG" {
			t.Errorf("%s %q placed at the bureau: %+v", e.Type, e.Evidence[0].Trigger, e.Location)
		}
	}
	for _, en := range doc.Entities {
		if en.Kind == "place" && en.Text == "CAIRO" && (en.Place == nil || en.Place.Country != "EG") {
			t.Errorf("CAIRO resolved to %+v", en.Place)
		}
	}
}

// TestClauseSubjects checks whose clause each event of a long sentence
// takes its subject from.
func TestClauseSubjects(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "A protester was shot dead in Kisumu and 67 others were arrested yesterday as police fired teargas to break up demonstrations in Nairobi."
	doc := readAt(t, text, ref)
	found := false
	for _, e := range doc.Events {
		if e.Mode != nil && *e.Mode == "crowd-control" {
			found = true
			checkActor(t, "tear gas source", e.Source, "police")
		}
	}
	if !found {
		t.Errorf("no tear gas: %s", summary(doc))
	}
}

// TestActorOwners checks whose side a role noun is on: the organisation
// named before it or after "of", and a government modifier that leaves
// police and soldiers what they are.
func TestActorOwners(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, name, sector string }{
		{"Islamic State fighters attacked a checkpoint in Raqqa on Monday.", "Islamic State", "rebel"},
		{"Fighters of the Islamic State group attacked a checkpoint in Raqqa on Monday.", "Islamic State", "rebel"},
		{"On Monday, members of the Ejército de Liberación Nacional attacked an army post in Tibú.", "Ejército de Liberación Nacional", ""},
		{"State police arrested 12 people in Lagos on Monday.", "", "police"},
		{"Government forces shelled the town of Tabit on Monday.", "", "military"},
		{"President Volodymyr Zelensky called on partners to send air defence systems.", "Volodymyr Zelensky", "government"},
	}
	for _, tt := range tests {
		doc := readAt(t, tt.text, ref)
		if len(doc.Events) != 1 || doc.Events[0].Source == nil {
			t.Errorf("%q: want one event with a source: %s", tt.text, summary(doc))
			continue
		}
		src := doc.Events[0].Source
		if tt.name != "" && deref(src.Name) != tt.name {
			t.Errorf("%q: source name %q, want %q", tt.text, deref(src.Name), tt.name)
		}
		if tt.sector != "" && deref(src.Sector) != tt.sector {
			t.Errorf("%q: source sector %q, want %q", tt.text, deref(src.Sector), tt.sector)
		}
	}
}

// TestDiscoursePlace checks that an incident its own sentences do not
// place happened where the one told just before it did, and that one
// told after another paragraph between does not.
func TestDiscoursePlace(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "The governor said schools across the state would stay shut.\n\nGunmen attacked a village near Gusau on Sunday night, killing nine people.\n\nPolice arrested 12 suspects on Monday.\n\nThe governor said schools would stay shut.\n\nSeparately, soldiers detained two traders on Tuesday."
	doc := readAt(t, text, ref)
	var arrests int
	for _, e := range doc.Events {
		if e.Type != "COERCE" {
			continue
		}
		arrests++
		switch e.Evidence[0].Trigger {
		case "arrested":
			if e.Location == nil || e.Location.Name != "Gusau" {
				t.Errorf("arrests placed at %+v, want Gusau", e.Location)
			}
		case "detained":
			if e.Location != nil {
				t.Errorf("detentions two paragraphs on placed at %+v, want none", e.Location)
			}
		}
	}
	if arrests != 2 {
		t.Errorf("want two arrests: %s", summary(doc))
	}
}

// TestSeparateIncident checks that "a separate incident" keeps an attack
// apart from the one told before it, and that stab wounds name no
// stabbing by whoever found them.
func TestSeparateIncident(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "A man has been charged after a 24-year-old man was stabbed in Croydon.\n\nOfficers attended and found a man suffering stab wounds.\n\nOfficers are also investigating a separate incident in Thornton Heath on Sunday in which a boy was attacked by a group of youths."
	doc := readAt(t, text, ref)
	var attacks int
	for _, e := range doc.Events {
		if e.Type != "ASSAULT" {
			continue
		}
		attacks++
		if e.Source != nil && deref(e.Source.Sector) == "police" {
			t.Errorf("%q: police made the attack: %+v", e.Evidence[0].Trigger, e.Source)
		}
	}
	if attacks != 2 {
		t.Errorf("want the stabbing and the separate attack: %s", summary(doc))
	}
}

// TestProtestPerTown checks that a protest held in a list of towns is one
// protest in each, and that towns not joined as a list are not split.
func TestProtestPerTown(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text  string
		towns []string
	}{
		{"Thousands joined anti-government demonstrations in Nairobi, Nakuru, Eldoret and Mombasa on Tuesday.", []string{"Nairobi", "Nakuru", "Eldoret", "Mombasa"}},
		{"Demonstrations in Eldoret and Mombasa were largely peaceful on Tuesday.", []string{"Eldoret", "Mombasa"}},
		{"Protesters marched in Nairobi on Tuesday, a day after clashes in Mombasa.", []string{"Nairobi"}},
	} {
		doc := readAt(t, tt.text, ref)
		var got []string
		for _, e := range doc.Events {
			if e.Type == "PROTEST" && e.Location != nil {
				got = append(got, e.Location.Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.towns, ",") {
			t.Errorf("%q: protests in %v, want %v", tt.text, got, tt.towns)
		}
	}
}

// TestParticipleModality checks that a participial phrase is not governed
// by the main verb's denial: the RSF denies the shelling but asserts its
// accusation.
func TestParticipleModality(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	doc := readAt(t, "The RSF denied shelling the market, accusing the army of launching attacks from homes.", ref)
	for _, e := range doc.Events {
		if e.Type == "ACCUSE" {
			if e.Modality != model.Asserted {
				t.Errorf("accusation %s, want asserted", e.Modality)
			}
			return
		}
	}
	t.Errorf("no accusation: %s", summary(doc))
}

// TestCoordinatedDenial guards that a verb joined by "and" inside a
// denied clause stays denied: "denied that officers beat protesters and
// fired live rounds".
func TestCoordinatedDenial(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	doc := readAt(t, "Police denied that officers beat protesters and fired live rounds in Nairobi on Monday.", ref)
	for _, e := range doc.Events {
		if e.Type == "ASSAULT" && e.Modality == model.Asserted {
			t.Errorf("%q asserted under a denial: %s", e.Evidence[0].Trigger, summary(doc))
		}
	}
}

// TestCondemnerIsNoAttacker checks that whoever condemns "the Calbayog
// attack" is not its author.
func TestCondemnerIsNoAttacker(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	doc := readAt(t, "The governor condemned the Calbayog attack on Monday.", ref)
	for _, e := range doc.Events {
		if e.Type == "ASSAULT" && e.Source != nil {
			t.Errorf("the attack's source is %q", e.Source.Text)
		}
	}
}

// TestDayEarlierFromPeg checks that "A day earlier" opening a later
// paragraph counts back from the lede's event, not from what was told
// just before it.
func TestDayEarlierFromPeg(t *testing.T) {
	ref := time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC) // a Thursday
	text := "Shelling by the Rapid Support Forces hit the main market in El Fasher on Wednesday, killing 17 people.\n\nSoldiers arrested 12 suspects in the city on Thursday.\n\nA day earlier, a drone strike on the Abu Shouk camp killed six people."
	doc := readAt(t, text, ref)
	for _, e := range doc.Events {
		if e.Mode != nil && *e.Mode == "drone" {
			if e.Date == nil || deref(e.Date.Start) != "2024-03-05" {
				t.Errorf("drone strike dated %+v, want the Tuesday before the Wednesday shelling", e.Date)
			}
			return
		}
	}
	t.Errorf("no drone strike: %s", summary(doc))
}

// TestEncounterMerges checks that a police encounter told in the lede and
// again in the body is one event, not one per mention.
func TestEncounterMerges(t *testing.T) {
	ref := time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)
	text := "Two suspected robbers were killed in an alleged encounter in Korangi on Sunday, police said.\n\nRelatives of one of the dead said he was killed in a fake encounter, a claim the police rejected."
	doc := readAt(t, text, ref)
	n := 0
	for _, e := range doc.Events {
		if e.Type == "ASSAULT" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("got %d attacks, want the one encounter: %s", n, summary(doc))
	}
}
