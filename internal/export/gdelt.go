package export

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
// The files GDELT publishes carry no header row; neither does this one.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
	"Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
	"Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
	"ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTMentionColumns are the 16 columns of the GDELT 2.0 mentions table.
var GDELTMentionColumns = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
	"MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
	"InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// gdeltWriter writes one tab-separated row per incident in the GDELT 2.0
// event table's columns, and optionally one mentions row per report.
// GLOBALEVENTID is the incident's creation number in the database. The
// actors' geography is not coded (empty), AvgTone is 0, and the Goldstein
// score is that of the CAMEO root code.
type gdeltWriter struct {
	w, m *bufio.Writer
	opt  Options
}

// goldstein is the Goldstein score of each CAMEO root code.
var goldstein = map[string]float64{
	"01": 0, "02": 3, "03": 4, "04": 1, "05": 3.5, "06": 6, "07": 7, "08": 5, "09": -2, "10": -5,
	"11": -2, "12": -4, "13": -6, "14": -6.5, "15": -7.2, "16": -4, "17": -7, "18": -9, "19": -10, "20": -10,
}

// quadClass is GDELT's quad class of a CAMEO root code: 1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict.
func quadClass(root string) string {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil:
		return ""
	case n <= 5:
		return "1"
	case n <= 8:
		return "2"
	case n <= 13:
		return "3"
	default:
		return "4"
	}
}

// sectorType is the CAMEO actor type code of a sector.
var sectorType = map[string]string{
	"military": "MIL", "police": "COP", "government": "GOV", "judiciary": "JUD", "rebel": "REB",
	"protester": "OPP", "civilian": "CVL", "media": "MED", "business": "BUS", "religious": "REL",
	"education": "EDU", "health": "HLH", "ngo": "NGO", "igo": "IGO",
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// gdeltActor is the ten actor columns.
func gdeltActor(a *model.Actor) []string {
	out := make([]string, 10)
	if a == nil {
		return out
	}
	if a.CAMEO != nil {
		out[0] = *a.CAMEO
	}
	out[1] = strings.ToUpper(clean(actorName(a)))
	if a.Country != nil {
		if c, ok := lookupCountry(*a.Country); ok {
			out[2] = c.iso3
		}
	}
	if a.Sector != nil {
		out[7] = sectorType[*a.Sector]
	}
	if out[0] == "" {
		out[0] = out[2] + out[7]
	}
	return out
}

// gdeltGeo is the eight geography columns of a place.
func gdeltGeo(p *model.Place) []string {
	out := make([]string, 8)
	if p == nil {
		return out
	}
	us := strings.EqualFold(p.Country, "US")
	switch p.Precision {
	case model.PrecCountry:
		out[0] = "1"
	case model.PrecAdmin1, model.PrecRegion:
		out[0] = "5"
		if us {
			out[0] = "2"
		}
	default:
		out[0] = "4"
		if us {
			out[0] = "3"
		}
	}
	name := []string{p.Name}
	if p.Admin1 != "" && p.Admin1 != p.Name {
		name = append(name, p.Admin1)
	}
	if c, ok := lookupCountry(p.Country); ok && c.name != p.Name {
		name = append(name, c.name)
	}
	out[1] = clean(strings.Join(name, ", "))
	out[2] = fips(p.Country)
	out[3] = out[2]
	out[5] = ftoa(p.Lat, 4)
	out[6] = ftoa(p.Lon, 4)
	if p.GeonameID != nil {
		out[7] = strconv.Itoa(*p.GeonameID)
	}
	return out
}

func (g *gdeltWriter) Write(in *incident.Incident) error {
	r := in.Record()
	id := strconv.FormatInt(in.Seq, 10)
	row := []string{id, "", "", "", ""}
	if t, ok := startDate(r); ok {
		row[1] = t.Format("20060102")
		row[2] = t.Format("200601")
		row[3] = t.Format("2006")
		row[4] = ftoa(float64(t.Year())+float64(t.YearDay())/365, 4)
	}
	row = append(row, gdeltActor(r.Source)...)
	row = append(row, gdeltActor(r.Target)...)
	code := r.CAMEO
	base, root := code, code
	if len(code) > 3 {
		base = code[:3]
	}
	if len(code) > 2 {
		root = code[:2]
	}
	gs := ""
	if v, ok := goldstein[root]; ok {
		gs = ftoa(v, 1)
	}
	outletSet := map[string]bool{}
	for _, s := range r.Sources {
		if s.Outlet != nil {
			outletSet[*s.Outlet] = true
		}
	}
	row = append(row, "1", code, base, root, quadClass(root), gs,
		itoa(len(r.Sources)), itoa(max(1, len(outletSet))), itoa(articles(r)), "0")
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(r.Location)...)
	src := ""
	if len(r.Sources) > 0 {
		s := r.Sources[0]
		src = s.Input
		if s.URL != nil {
			src = *s.URL
		}
	}
	row = append(row, g.opt.Now.Format("20060102150405"), clean(src))
	if len(row) != len(GDELTColumns) {
		return fmt.Errorf("gdelt row of %d columns, want %d", len(row), len(GDELTColumns))
	}
	g.w.WriteString(strings.Join(row, "\t"))
	if err := g.w.WriteByte('\n'); err != nil {
		return err
	}
	if g.m == nil {
		return nil
	}
	eventTime := ""
	if t, ok := startDate(r); ok {
		eventTime = t.Format("20060102") + "000000"
	}
	for _, s := range r.Sources {
		mention := eventTime
		if s.Published != nil {
			mention = strings.ReplaceAll(*s.Published, "-", "") + "000000"
		}
		ident := s.Input
		if s.URL != nil {
			ident = *s.URL
		}
		offset := ""
		if len(s.Evidence) > 0 {
			offset = itoa(s.Evidence[0].Start)
		}
		m := []string{id, eventTime, mention, "1", clean(deref(s.Outlet)), clean(ident), "", "", "", offset,
			"1", itoa(int(r.Confidence * 100)), "", "0", "", ""}
		g.m.WriteString(strings.Join(m, "\t"))
		if err := g.m.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (g *gdeltWriter) Close() error {
	if g.m != nil {
		if err := g.m.Flush(); err != nil {
			return err
		}
	}
	return g.w.Flush()
}
