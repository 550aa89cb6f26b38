package export

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// ACLEDColumns are ACLED's 31 current columns, in ACLED's order.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
	"interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
	"location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
	"fatalities", "tags", "timestamp",
}

// acledWriter writes one CSV row per incident in ACLED's columns. Fields
// sitrep does not know (associated actors, admin2 and admin3, the source
// scale) are empty; an incident with no ACLED type keeps its PLOVER type
// out of ACLED's columns and leaves them empty.
type acledWriter struct {
	w   *csv.Writer
	opt Options
}

func (a *acledWriter) Write(in *incident.Incident) error {
	r := in.Record()
	var date, year string
	if t, ok := startDate(r); ok {
		date, year = t.Format("2006-01-02"), strconv.Itoa(t.Year())
	}
	var eventType, subType string
	if r.ACLED != nil {
		eventType, subType = r.ACLED.EventType, r.ACLED.SubEventType
	}
	inter1, inter2 := acledInter(r.Source, subType), acledInter(r.Target, subType)
	interaction := ""
	if inter1 != "" {
		interaction = inter1
		if inter2 != "" {
			interaction += "-" + inter2
		} else {
			interaction += " only"
		}
	}
	civ := ""
	if inter2 == "Civilians" && (eventType == "Violence against civilians" || eventType == "Explosions/Remote violence") {
		civ = "Civilian targeting"
	}
	var iso, region, countryName, admin1, location, lat, lon, geoPrec string
	cc := "XXX"
	if p := r.Location; p != nil {
		if c, ok := lookupCountry(p.Country); ok {
			iso, region, countryName, cc = c.numeric, c.region, c.name, c.iso3
		}
		admin1, location = p.Admin1, p.Name
		lat, lon = ftoa(p.Lat, 4), ftoa(p.Lon, 4)
		geoPrec = acledGeoPrecision(p.Precision)
	}
	fatalities := "0"
	if k := r.Counts.Killed; k != nil {
		fatalities = strconv.Itoa(k.Min)
	}
	var tags []string
	if p := r.Counts.Participants; p != nil && (eventType == "Protests" || eventType == "Riots") {
		tags = append(tags, "crowd size="+p.Text)
	}
	row := []string{
		cc + strings.ReplaceAll(r.ID, "-", ""), date, year, acledTimePrecision(r.Date), acledDisorder(eventType),
		eventType, subType, actorName(r.Source), "", inter1, actorName(r.Target), "", inter2,
		interaction, civ, iso, region, countryName, admin1, "", "", location, lat, lon, geoPrec,
		strings.Join(outlets(r), "; "), "", acledNotes(r), fatalities, strings.Join(tags, "; "),
		strconv.FormatInt(a.opt.Now.Unix(), 10),
	}
	if len(row) != len(ACLEDColumns) {
		return fmt.Errorf("acled row of %d columns, want %d", len(row), len(ACLEDColumns))
	}
	return a.w.Write(row)
}

func (a *acledWriter) Close() error {
	a.w.Flush()
	return a.w.Error()
}

// acledTimePrecision is ACLED's 1 (the day), 2 (within a week or so) or 3
// (within a month or wider).
func acledTimePrecision(d *incident.Date) string {
	if d == nil || d.Start == nil {
		return ""
	}
	switch d.Precision {
	case model.DateDay:
		return "1"
	case model.DateWeek:
		return "2"
	default:
		return "3"
	}
}

// acledGeoPrecision is ACLED's 1 (the town itself), 2 (near it, or a
// district) or 3 (a region or only the province).
func acledGeoPrecision(p string) string {
	switch p {
	case model.PrecPoint, model.PrecCity:
		return "1"
	case model.PrecAdmin2:
		return "2"
	default:
		return "3"
	}
}

// acledDisorder is ACLED's disorder type of an event type.
func acledDisorder(eventType string) string {
	switch eventType {
	case "":
		return ""
	case "Protests", "Riots":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	default:
		return "Political violence"
	}
}

// acledInter is ACLED's actor category of an actor, from its sector.
func acledInter(a *model.Actor, subType string) string {
	if a == nil || a.Sector == nil {
		return ""
	}
	switch *a.Sector {
	case "military", "police", "government", "judiciary":
		return "State forces"
	case "rebel":
		return "Rebel group"
	case "protester":
		if subType == "Violent demonstration" || subType == "Mob violence" {
			return "Rioters"
		}
		return "Protesters"
	case "civilian", "media", "business", "religious", "education", "health", "ngo":
		return "Civilians"
	case "igo":
		return "External/Other forces"
	}
	return ""
}

// acledNotes is a short description: the first evidence sentence of the
// first report, and how many reports there are.
func acledNotes(r *incident.Record) string {
	var s string
	for _, src := range r.Sources {
		if len(src.Evidence) > 0 && src.Evidence[0].Text != "" {
			s = src.Evidence[0].Text
			break
		}
	}
	if n := articles(r); n > 1 {
		s += fmt.Sprintf(" [%d reports]", n)
	}
	return strings.TrimSpace(s)
}
