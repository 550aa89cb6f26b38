package storefill

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// gen draws synthetic incidents and keeps their rows until flushed.
type gen struct {
	r     *rand.Rand
	days  []string // the days incidents start on
	later []string // the same days and some after, for spans and publication
	aseq  int64    // the last article seq

	incidents, articles, sources, events, members table

	zbuf bytes.Buffer
	zw   *gzip.Writer
}

func newGen(r *rand.Rand, days, later []string) *gen {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return &gen{r: r, days: days, later: later, zw: zw,
		incidents: table{name: "incidents", cols: []string{"id", "seq", "type", "mode", "date_start", "date_end", "sort_date",
			"span_days", "lat", "lon", "country", "admin1", "killed", "n_sources", "data", "sitrep_version", "reviewed", "record"}},
		articles: table{name: "articles", cols: []string{"id", "seq", "url", "outlet", "title", "published", "language",
			"text", "meta", "sitrep_version"}},
		sources: table{name: "article_sources", cols: []string{"raw_hash", "article_id", "input", "url", "outlet", "title",
			"published", "relation", "similarity", "raw", "raw_size", "sitrep_version"}},
		events: table{name: "events", cols: []string{"article_id", "id", "ord", "type", "mode", "modality", "date_start",
			"date_end", "lat", "lon", "country", "admin1", "geonameid", "confidence", "data", "evidence", "pending", "sitrep_version"}},
		members: table{name: "incident_sources", cols: []string{"article_id", "event_id", "incident_id", "ord", "reason",
			"score", "sitrep_version"}},
	}
}

// tables lists the tables in the order their foreign keys need.
func (g *gen) tables() []*table {
	return []*table{&g.articles, &g.sources, &g.events, &g.incidents, &g.members}
}

// bare adds an incident row with no reports. Its draws are those of the
// million-incident benchmark's first version, so that its figures stay
// comparable.
func (g *gen) bare(seq int64) {
	r := g.r
	lat, lon, _ := g.where()
	d := r.IntN(len(g.days))
	start := g.days[d]
	end, span := start, 0
	if r.IntN(10) == 0 {
		span = 1 + r.IntN(3)
		end = g.later[d+span]
	}
	id := fmt.Sprintf("syn%016x-ev1", r.Uint64())
	typ := Type(r)
	// Its record is what the store renders for an incident with no
	// reports.
	rec, err := json.Marshal((&incident.Incident{ID: id, Seq: seq}).Record())
	if err != nil {
		panic(err) // a record of constants
	}
	g.incidents.add(id, seq, typ, nil, start, end, start, span, lat, lon, "XX", nil, r.IntN(20), 1,
		`{"schema":"sitrep/incident/v1"}`, Version, 0, string(rec))
}

// where draws a point: near a hotspot seven times in ten, anywhere
// inhabited otherwise. h is the hotspot, or nil.
func (g *gen) where() (lat, lon float64, h *Hotspot) {
	r := g.r
	if r.Float64() < 0.7 {
		h = &Hotspots[r.IntN(len(Hotspots))]
		lat = h.Lat + r.NormFloat64()*3
		lon = h.Lon + r.NormFloat64()*3
	} else {
		lat, lon = r.Float64()*110-50, r.Float64()*360-180
	}
	return max(-90, min(90, lat)), max(-180, min(180, lon)), h
}

// incident adds an incident with one to four reports: their articles,
// inputs, events and places in the incident.
func (g *gen) incident(seq int64) error {
	r := g.r
	lat, lon, h := g.where()
	country, iso3 := "", ""
	if h != nil {
		country, iso3 = h.Country, h.ISO3
	}
	typ := Type(r)
	vs := variants[typ]
	v := vs[r.IntN(len(vs))]
	town := g.name(2 + r.IntN(2))
	region := g.name(2) + regionSuffix[r.IntN(len(regionSuffix))]
	gid := 100000 + r.IntN(9000000)
	city := &model.Place{Text: town, Name: town, GeonameID: &gid, Lat: round(lat, 5), Lon: round(lon, 5),
		Admin1: region, Country: country, Feature: "PPL", Precision: model.PrecCity}
	if r.IntN(5) == 0 {
		city.Feature = "PPLA"
	}
	d := r.IntN(len(g.days))
	start, end, prec := g.days[d], g.days[d], model.DateDay
	if r.IntN(10) == 0 {
		end, prec = g.later[d+1+r.IntN(3)], model.DateWeek
	}
	wd, _ := time.Parse(time.DateOnly, start)
	dayText := "on " + wd.Weekday().String()
	if prec == model.DateWeek {
		dayText = "over several days"
	}
	src, tgt := g.actor(v.src, country, iso3), g.actor(v.tgt, country, iso3)
	n := 1 + int(math.Exp(r.Float64()*4))
	issue := issues[r.IntN(len(issues))]

	k := 1 + int(4*math.Pow(r.Float64(), 2.2)) // 1 to 4 reports, mostly one or two
	var in *incident.Incident
	for i := range k {
		m, err := g.report(reportSpec{v: v, typ: typ, city: city, region: region, start: start, end: end, prec: prec,
			dayText: dayText, day: d, src: src, tgt: tgt, n: n, issue: issue, first: i == 0})
		if err != nil {
			return err
		}
		if i == 0 {
			in = incident.New(m, seq)
			continue
		}
		m.Reason = g.reason(typ, m, city, start)
		m.Score = round(0.55+0.4*r.Float64(), 2)
		in.Add(m)
	}
	for i, m := range in.Members {
		g.members.add(m.Article, m.Event.ID, in.ID, i, m.Reason, m.Score, Version)
	}

	rec := in.Record()
	head := *rec
	head.Sources = nil
	data, err := json.Marshal(&head)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	rs, re := *rec.Date.Start, *rec.Date.End
	s, _ := time.Parse(time.DateOnly, rs)
	e, _ := time.Parse(time.DateOnly, re)
	var plat, plon *float64
	var pcountry, padmin1 *string
	if p := rec.Location; p != nil {
		plat, plon = &p.Lat, &p.Lon
		pcountry, padmin1 = nonEmpty(p.Country), nonEmpty(p.Admin1)
	}
	var killed *int
	if rec.Counts.Killed != nil {
		killed = &rec.Counts.Killed.Min
	}
	reviewed := 0
	if r.IntN(30) == 0 {
		reviewed = 1
	}
	// The stored record, as the store renders it from the rows written
	// here (TestFill checks that it is): written with the row, so that
	// the table is as compact as one written once, not twice.
	full, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	g.incidents.add(in.ID, seq, rec.Type, rec.Mode, rs, re, rs, int(e.Sub(s).Hours()/24+0.5), plat, plon, pcountry, padmin1,
		killed, len(in.Members), string(data), Version, reviewed, string(full))
	return nil
}

// reportSpec is what the reports of one incident share.
type reportSpec struct {
	v                variant
	typ              string
	city             *model.Place
	region           string
	start, end, prec string
	dayText          string
	day              int
	src, tgt         *model.Actor
	n                int
	issue            string
	first            bool // the founding report, which always has a date and a place
}

// report adds the rows of one report of an incident, and returns it as a
// member of the incident.
func (g *gen) report(sp reportSpec) (*incident.Member, error) {
	r := g.r
	o := outlets[r.IntN(len(outlets))]
	att := attributions[r.IntN(len(attributions))]
	n := sp.n
	if !sp.first && r.IntN(3) == 0 {
		n += r.IntN(5) // a later report, a higher toll
	}
	fill := strings.NewReplacer("{src}", actorText(sp.src), "{Src}", capital(actorText(sp.src)), "{tgt}", actorText(sp.tgt),
		"{place}", sp.city.Name, "{region}", sp.region, "{day}", sp.dayText, "{n}", strconv.Itoa(n), "{att}", att.text,
		"{issue}", sp.issue, "{outlet}", o.name)

	// The body: a dateline and the lead, which is the first evidence,
	// then background, with up to two more evidence sentences in it.
	var text strings.Builder
	var sents []model.Sentence
	var evid []model.Evidence
	var spans []incident.Evidence
	add := func(s string, trigger string) {
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		st := text.Len()
		text.WriteString(s)
		if trigger != "" {
			evid = append(evid, model.Evidence{Sentence: len(sents), Start: st, End: text.Len(), Trigger: trigger})
			spans = append(spans, incident.Evidence{Start: st, End: text.Len(), Text: s})
		}
		sents = append(sents, model.Sentence{Start: st, End: text.Len()})
	}
	add(strings.ToUpper(sp.city.Name)+" — "+fill.Replace(sp.v.lead), sp.v.trigger)
	more := r.IntN(3)
	for i, nb := 0, 4+r.IntN(9); i < nb; i++ {
		if more > 0 && r.IntN(3) == 0 {
			add(fill.Replace(followUps[r.IntN(len(followUps))]), followTriggers[r.IntN(len(followTriggers))])
			more--
			continue
		}
		add(fill.Replace(background[r.IntN(len(background))]), "")
	}
	body := text.String()

	g.aseq++
	aid := g.hex(16)
	pub := g.later[sp.day+r.IntN(3)]
	title := fill.Replace(sp.v.title)
	url := "https://" + o.domain + "/" + strings.ReplaceAll(pub, "-", "/") + "/" + slug(title) + "-" + aid[:6]
	meta, err := json.Marshal(&model.Article{ID: aid, URL: &url, Outlet: &o.name, Title: title, Titles: []string{title},
		Published: &pub, Language: "en", Sentences: sents})
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", aid, err)
	}
	g.articles.add(aid, g.aseq, url, o.name, title, pub, "en", body, string(meta), Version)
	raw := g.gzip("<html><head><title>" + title + "</title></head><body><article><p>" + body + "</p></article></body></html>")
	g.sources.add(g.hex(32), aid, url, url, o.name, title, pub, "original", 1.0, raw, len(body)+80, Version)

	m := &incident.Member{Article: aid, Seq: g.aseq, Input: url, URL: &url, Outlet: &o.name, Title: title, Published: &pub,
		Evidence: spans}
	if r.IntN(10) == 0 {
		// A near duplicate syndicated by another outlet.
		c := outlets[r.IntN(len(outlets))]
		curl := "https://" + c.domain + "/news/" + slug(title) + "-" + g.hex(4)
		ctitle := title + " | " + c.name
		sim := round(0.8+0.17*r.Float64(), 3)
		g.sources.add(g.hex(32), aid, curl, curl, c.name, ctitle, pub, "near", sim, raw, len(body)+120, Version)
		m.Copies = []incident.Copy{{Input: curl, URL: &curl, Outlet: &c.name, Title: ctitle, Published: &pub,
			Relation: "near", Similarity: sim}}
	}

	ev := &model.Event{ID: "ev" + strconv.Itoa(1+r.IntN(3)), Type: sp.typ, CAMEO: sp.v.cameo, Source: sp.src, Target: sp.tgt,
		Modality: model.Asserted, Evidence: evid, Confidence: round(0.5+0.45*r.Float64(), 2)}
	if sp.v.mode != "" {
		ev.Mode = &sp.v.mode
	}
	if sp.v.acled[0] != "" {
		ev.ACLED = &model.ACLED{EventType: sp.v.acled[0], SubEventType: sp.v.acled[1]}
	}
	switch x := r.IntN(20); {
	case x < 2:
		ev.Modality = model.Alleged
	case x < 3:
		ev.Modality = model.Claimed
	}
	ev.Location = sp.city
	if !sp.first {
		switch x := r.IntN(20); {
		case x < 3:
			gid := *sp.city.GeonameID + 1
			ev.Location = &model.Place{Text: sp.region, Name: sp.region, GeonameID: &gid, Lat: round(sp.city.Lat+0.4, 5),
				Lon: round(sp.city.Lon-0.3, 5), Admin1: sp.region, Country: sp.city.Country, Feature: "ADM1", Precision: model.PrecAdmin1}
		case x < 4:
			ev.Location = nil
		}
	}
	start, end := sp.start, sp.end
	ev.Date = &model.Date{Text: sp.dayText, Start: &start, End: &end, Precision: sp.prec}
	if !sp.first && r.IntN(10) == 0 {
		ev.Date = &model.Date{Text: sp.dayText, Precision: model.DateUnknown}
	}
	var tally *model.Range
	switch {
	case sp.v.count == "":
	case sp.v.count == "participants":
		tally = &model.Range{Min: 1000 * n, Text: "thousands of people"}
	case r.IntN(2) == 0:
		tally = &model.Range{Min: n, Max: &n, Text: strconv.Itoa(n) + " people"}
	default:
		tally = &model.Range{Min: n, Text: "at least " + strconv.Itoa(n)}
	}
	switch sp.v.count {
	case "killed":
		ev.Counts.Killed = tally
		if r.IntN(3) == 0 {
			hurt := n + r.IntN(3*n+1)
			ev.Counts.Injured = &model.Range{Min: hurt, Max: &hurt, Text: strconv.Itoa(hurt) + " others"}
		}
	case "arrested":
		ev.Counts.Arrested = tally
	case "injured":
		ev.Counts.Injured = tally
	case "participants":
		ev.Counts.Participants = tally
	}
	if r.IntN(2) == 0 {
		ev.Attribution = &model.Attribution{Text: att.text + " said", Source: &model.Actor{Text: att.text, Kind: "group",
			Sector: att.sector}}
	}
	m.Event = ev

	data, err := json.Marshal(ev)
	if err != nil {
		return nil, fmt.Errorf("encode event of %s: %w", aid, err)
	}
	ej, err := json.Marshal(spans)
	if err != nil {
		return nil, fmt.Errorf("encode evidence of %s: %w", aid, err)
	}
	var plat, plon *float64
	var pcountry, padmin1 *string
	var pgid *int
	if p := ev.Location; p != nil {
		plat, plon, pgid = &p.Lat, &p.Lon, p.GeonameID
		pcountry, padmin1 = nonEmpty(p.Country), nonEmpty(p.Admin1)
	}
	ord, _ := strconv.Atoi(ev.ID[2:])
	g.events.add(aid, ev.ID, ord-1, ev.Type, ev.Mode, ev.Modality, ev.Date.Start, ev.Date.End, plat, plon, pcountry, padmin1,
		pgid, ev.Confidence, string(data), string(ej), 0, Version)
	return m, nil
}

// reason says why a report joined its incident, in the words of package
// incident.
func (g *gen) reason(typ string, m *incident.Member, city *model.Place, start string) string {
	parts := []string{"same type " + typ}
	if m.Event.Date.Start != nil {
		parts = append(parts, "same date "+start)
	} else {
		parts = append(parts, fmt.Sprintf("undated, report published within %d days after %s", incident.UndatedWindow, start))
	}
	switch p := m.Event.Location; {
	case p == nil:
		parts = append(parts, "place unknown")
	case p.Precision == model.PrecCity:
		parts = append(parts, "same place "+city.Name)
	case p.Country == "":
		parts = append(parts, "same region "+p.Admin1)
	default:
		parts = append(parts, fmt.Sprintf("same region %s (%s)", p.Admin1, p.Country))
	}
	if m.Event.Mode != nil {
		parts = append(parts, "same mode "+*m.Event.Mode)
	}
	return strings.Join(parts, "; ")
}

// actor draws an actor from a pool, or nil for an empty pool.
func (g *gen) actor(pool []actor, country, iso3 string) *model.Actor {
	if len(pool) == 0 {
		return nil
	}
	a := pool[g.r.IntN(len(pool))]
	ent := "e" + strconv.Itoa(1+g.r.IntN(9))
	out := &model.Actor{Text: a.text, Entity: &ent, Kind: a.kind, Sector: &a.sector}
	code := sectorCode[a.sector]
	if a.state && country != "" {
		out.Country = &country
		code = iso3 + code
	}
	out.CAMEO = &code
	return out
}

var syllables = []string{"ka", "ma", "ra", "bu", "lo", "ni", "sa", "ta", "dor", "al", "im", "ze", "gu", "he", "shi",
	"mon", "tar", "el", "wa", "ko", "ba", "ri", "na", "qu", "ist"}

// name draws a place name of n syllables.
func (g *gen) name(n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteString(syllables[g.r.IntN(len(syllables))])
	}
	return capital(sb.String())
}

// hex draws n random bytes as hex.
func (g *gen) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 0, 2*n)
	for len(b) < 2*n {
		x := g.r.Uint64()
		for i := 0; i < 16 && len(b) < 2*n; i++ {
			b = append(b, digits[x&15])
			x >>= 4
		}
	}
	return string(b)
}

// gzip compresses s as AddArticle stores a raw input.
func (g *gen) gzip(s string) []byte {
	g.zbuf.Reset()
	g.zw.Reset(&g.zbuf)
	g.zw.Write([]byte(s))
	g.zw.Close()
	return bytes.Clone(g.zbuf.Bytes())
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func actorText(a *model.Actor) string {
	if a == nil {
		return "unknown assailants"
	}
	return a.Text
}

// slug makes the path part of a URL of a title.
func slug(s string) string {
	var b []byte
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, byte(c))
			dash = false
		case !dash && len(b) > 0:
			b = append(b, '-')
			dash = true
		}
	}
	return strings.TrimSuffix(string(b), "-")
}
