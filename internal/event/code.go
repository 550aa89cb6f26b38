package event

import (
	"strings"

	"sitrep/internal/model"
)

// sectorCode maps a sector to its CAMEO role code.
var sectorCode = map[string]string{
	"military": "MIL", "police": "COP", "government": "GOV", "judiciary": "JUD", "rebel": "REB",
	"protester": "OPP", "civilian": "CVL", "media": "MED", "business": "BUS", "religious": "REL",
	"education": "EDU", "health": "HLT", "ngo": "NGO", "igo": "IGO",
}

// actorCode builds a CAMEO actor code: country, then role ("RUSMIL").
func actorCode(a *model.Actor, iso3 func(string) string) *string {
	c := ""
	if a.Country != nil {
		c = iso3(*a.Country)
	}
	if a.Sector != nil {
		if *a.Sector == "igo" {
			s := "IGO"
			return &s
		}
		c += sectorCode[*a.Sector]
	}
	if a.Kind == "state" && a.Sector != nil && *a.Sector == "government" && a.Country != nil {
		c = iso3(*a.Country)
	}
	if c == "" {
		return nil
	}
	return &c
}

// armed reports whether an actor bears arms for a state or a group.
func armed(a *model.Actor) bool {
	if a == nil || a.Sector == nil {
		return false
	}
	switch *a.Sector {
	case "military", "police", "rebel":
		return true
	}
	return false
}

func civilianSide(a *model.Actor) bool {
	if a == nil || a.Sector == nil {
		return false
	}
	switch *a.Sector {
	case "civilian", "protester", "media", "education", "health", "religious", "ngo", "business":
		return true
	}
	return false
}

// code sets the ACLED event and sub-event type where one fits.
func code(ev *model.Event) {
	mode := ""
	if ev.Mode != nil {
		mode = *ev.Mode
	}
	set := func(t, s string) { ev.ACLED = &model.ACLED{EventType: t, SubEventType: s} }
	if ev.Modality != model.Asserted && ev.Modality != model.Alleged && ev.Modality != model.Claimed {
		return
	}
	switch ev.Type {
	case "ASSAULT":
		switch mode {
		case "aerial", "drone":
			set("Explosions/Remote violence", "Air/drone strike")
		case "heavy-weapons":
			set("Explosions/Remote violence", "Shelling/artillery/missile attack")
		case "suicide-attack":
			set("Explosions/Remote violence", "Suicide bomb")
		case "unconventional":
			set("Explosions/Remote violence", "Chemical weapon")
		case "explosives":
			if triggered(ev, "grenade") {
				set("Explosions/Remote violence", "Grenade")
			} else {
				set("Explosions/Remote violence", "Remote explosive/landmine/IED")
			}
		case "abduct":
			set("Violence against civilians", "Abduction/forced disappearance")
		case "sexual":
			set("Violence against civilians", "Sexual violence")
		case "destroy":
			if ev.Target != nil && (ev.Target.Kind == "person" || ev.Target.Kind == "group") {
				// Setting people alight is violence against them.
				if unarmedCrowd(ev.Source) {
					set("Riots", "Mob violence")
				} else {
					set("Violence against civilians", "Attack")
				}
			} else {
				set("Strategic developments", "Looting/property destruction")
			}
		case "crowd-control":
			if ev.Counts.Killed != nil && ev.Counts.Killed.Min > 0 {
				set("Protests", "Excessive force against protesters")
			} else {
				set("Protests", "Protest with intervention")
			}
		default:
			switch {
			case triggered(ev, "intercept", "shot down", "shoot down", "downed"):
				// Air defences bringing down missiles or drones, or a
				// parcel bomb caught in the post.
				set("Strategic developments", "Disrupted weapons use")
			case ev.CAMEO == "192" && ev.Source != nil && ev.Source.Sector != nil && (*ev.Source.Sector == "military" || *ev.Source.Sector == "government"):
				set("Battles", "Government regains territory")
			case ev.CAMEO == "192" && ev.Source != nil && ev.Source.Sector != nil && *ev.Source.Sector == "rebel":
				set("Battles", "Non-state actor overtakes territory")
			case ev.CAMEO == "192":
			case unarmedCrowd(ev.Source) && !armed(ev.Target) && mode != "firearms":
				set("Riots", "Mob violence")
			case ev.Source != nil && ev.Source.Sector != nil && *ev.Source.Sector == "protester":
				set("Riots", "Violent demonstration")
			case armed(ev.Source) && armed(ev.Target):
				set("Battles", "Armed clash")
			case fight(ev) && (armed(ev.Source) || armed(ev.Target)) && !civilianSide(ev.Target):
				// A clash or a battle takes two armed sides even when
				// the report names one.
				set("Battles", "Armed clash")
			case civilianSide(ev.Target) || ev.Target == nil && ev.Counts.Killed != nil:
				set("Violence against civilians", "Attack")
			case armed(ev.Target):
				set("Battles", "Armed clash")
			}
		}
	case "PROTEST":
		switch mode {
		case "riot":
			set("Riots", "Violent demonstration")
		default:
			set("Protests", "Peaceful protest")
		}
	case "COERCE":
		switch mode {
		case "arrest":
			set("Strategic developments", "Arrests")
		case "seize":
			if triggered(ev, "weapon", "arms", "ammunition", "explosive", "bomb", "ied", "device", "mine", "rifle", "gun", "cache") {
				set("Strategic developments", "Disrupted weapons use")
			} else {
				set("Strategic developments", "Looting/property destruction")
			}
		}
	case "AGREE":
		set("Strategic developments", "Agreement")
	case "RETREAT":
		switch mode {
		case "ceasefire":
			set("Strategic developments", "Agreement")
		case "withdraw":
			set("Strategic developments", "Non-violent transfer of territory")
		}
	case "MOBILIZE":
		switch {
		case ev.Mode != nil && *ev.Mode == "weapons":
			// A missile test or a launch into the sea: a show of force
			// that changes no group's activity on the ground.
		case triggered(ev, "base", "headquarters", "point", "post", "barracks", "camp", "checkpoint"):
			set("Strategic developments", "Headquarters or base established")
		default:
			// ACLED records troop movements, reinforcements, defections
			// and new groups as a change to a group's activity.
			set("Strategic developments", "Change to group/activity")
		}
	}
}

// fight reports an event read from a word for fighting between two sides
// (a clash, battle, gunfight, exchange of fire) rather than an attack by one.
func fight(ev *model.Event) bool {
	return triggered(ev, fightWords...) || triggered(ev, "engag")
}

// confidence estimates how likely a reviewer is to accept the event as
// coded. It rises with the evidence for each field: a specific trigger,
// actors, place and date, several mentions; it falls for readings the rules
// are least sure of (bare nouns, hedged or unasserted events).
func confidence(ev *model.Event, g *group) float64 {
	c := 0.45
	if ev.Mode != nil {
		c += 0.1
	}
	if ev.Source != nil {
		c += 0.1
	}
	if ev.Target != nil {
		c += 0.05
	}
	if ev.Location != nil {
		c += 0.1
	}
	if ev.Date != nil && ev.Date.Start != nil {
		c += 0.05
	}
	if len(g.ms) > 1 {
		c += 0.1
	}
	allNoun := true
	for _, m := range g.ms {
		if !m.noun {
			allNoun = false
		}
	}
	if allNoun {
		c -= 0.1
	}
	if ev.Modality != model.Asserted {
		c -= 0.05
	}
	if strings.HasPrefix(ev.Type, "CONSULT") || ev.Type == "SUPPORT" || ev.Type == "COOPERATE" {
		c -= 0.05
	}
	if c > 0.95 {
		c = 0.95
	}
	if c < 0.05 {
		c = 0.05
	}
	return float64(int(c*100+0.5)) / 100
}

// unarmedCrowd reports a crowd of civilians acting together ("a mob",
// "villagers"), which ACLED counts as mob violence when it attacks.
func unarmedCrowd(a *model.Actor) bool {
	if a == nil || a.Kind != "group" || a.Sector == nil || *a.Sector != "civilian" {
		return false
	}
	t := strings.ToLower(a.Text)
	return !strings.Contains(t, "armed") && !strings.Contains(t, "gun")
}

// crowd reports protesters.
func crowd(a *model.Actor) bool {
	return a != nil && a.Sector != nil && *a.Sector == "protester"
}

// triggered reports whether any trigger word of the event contains one of
// the words.
func triggered(ev *model.Event, words ...string) bool {
	for _, e := range ev.Evidence {
		t := strings.ToLower(e.Trigger)
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}

// reconcileACLED codes a report's protests the way ACLED codes the whole
// happening: a protest met by crowd control or arrests is a "Protest with
// intervention", one where the crowd control killed is "Excessive force
// against protesters", and one where the protesters turned violent is a
// "Violent demonstration".
func reconcileACLED(evs []*model.Event) {
	var intervened, violent, lethal bool
	for _, e := range evs {
		if e.Modality != model.Asserted && e.Modality != model.Alleged && e.Modality != model.Claimed {
			continue
		}
		switch {
		case e.Type == "ASSAULT" && fight(e) && (crowd(e.Source) || crowd(e.Target) || e.Mode != nil && *e.Mode == "crowd-control"):
			// Protesters who clash with the police are no longer a
			// peaceful crowd met by force.
			violent = true
			e.ACLED = &model.ACLED{EventType: "Riots", SubEventType: "Violent demonstration"}
		case e.Type == "ASSAULT" && e.Mode != nil && *e.Mode == "crowd-control":
			intervened = true
			if e.Counts.Killed != nil && e.Counts.Killed.Min > 0 {
				lethal = true
			}
		case e.Type == "COERCE" && e.Mode != nil && *e.Mode == "arrest" && civilianSide(e.Target):
			intervened = true
		case e.ACLED != nil && e.ACLED.SubEventType == "Violent demonstration":
			violent = true
		case e.Type == "ASSAULT" && e.Mode != nil && *e.Mode == "firearms" && armed(e.Source) && crowd(e.Target):
			// Live fire on protesters is excessive force.
			lethal = true
			e.ACLED = &model.ACLED{EventType: "Protests", SubEventType: "Excessive force against protesters"}
		}
	}
	for _, e := range evs {
		if e.ACLED == nil || e.ACLED.EventType != "Protests" {
			continue
		}
		switch {
		case violent:
			e.ACLED = &model.ACLED{EventType: "Riots", SubEventType: "Violent demonstration"}
		case lethal:
			e.ACLED.SubEventType = "Excessive force against protesters"
		case intervened && e.ACLED.SubEventType == "Peaceful protest":
			e.ACLED.SubEventType = "Protest with intervention"
		}
	}
}
