package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/incident"
	"sitrep/internal/ingest"
	"sitrep/internal/pipeline"
	"sitrep/internal/server"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

const token = "test-token"

var extractor = sync.OnceValues(func() (*pipeline.Extractor, error) { return pipeline.New() })

// reports is where the project's example reports are.
const reports = "../../testdata/reports"

// xssPage is a report whose text, once extracted, holds script and event
// handler payloads (written as entities in the HTML, so they survive
// extraction as literal text).
const xssPage = `<html><head><title>Gunmen kill three in Omdurman</title></head><body><article>
<h1>Gunmen kill three in Omdurman</h1>
<p>KHARTOUM, Sudan — Police said on Monday that gunmen killed three people in Omdurman, a city across the Nile from the capital.</p>
<p>A leaflet found at the scene read &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; in large letters, witnesses said.</p>
<p>The attackers fled on motorcycles, according to the police, who said they had opened an investigation into the killings.</p>
</article></body></html>`

// env is a server over a database filled from the example reports.
type env struct {
	t   *testing.T
	dsn string
	db  *store.DB
	api *server.Server
	srv *httptest.Server
	all []*incident.Record // every incident, newest first
}

func setup(t *testing.T, dsn string, db *store.DB) *env {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sum, err := ingest.Run(ctx, db, x, []string{reports}, ingest.Options{Workers: 4,
		// The reports carry no date of their own: give them one so that
		// their relative dates ("on Monday") resolve.
		Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		Failed:    func(in string, err error) { t.Errorf("ingest %s: %v", in, err) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New == 0 || sum.Incidents == 0 {
		t.Fatalf("ingest: got %s, want new articles and incidents", sum)
	}
	s, err := server.New(server.Config{DB: db, Extractor: x, Token: token,
		Logger: slog.New(slog.DiscardHandler),
		Fetch:  fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	e := &env{t: t, dsn: dsn, db: db, api: s, srv: hs}
	ins, err := db.Incidents(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		e.all = append(e.all, in.Record())
	}
	return e
}

// response is what a request got.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request, without following redirects.
func (e *env) do(method, path string, body io.Reader, header ...string) response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		e.t.Errorf("%s %s: Content-Security-Policy %q, want script-src 'self' and no unsafe-inline", method, path, csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		e.t.Errorf("%s %s: no X-Content-Type-Options: nosniff", method, path)
	}
	return response{resp.StatusCode, resp.Header, b}
}

func (e *env) get(path string) response { e.t.Helper(); return e.do("GET", path, nil) }

// post sends a JSON body with the token.
func (e *env) post(path, body string) response {
	e.t.Helper()
	return e.do("POST", path, strings.NewReader(body), "Content-Type", "application/json", "Authorization", "Bearer "+token)
}

// wantJSON decodes a JSON response of status into v.
func (e *env) wantJSON(r response, status int, v any) {
	e.t.Helper()
	if r.status != status {
		e.t.Fatalf("status: got %d, want %d; body %.300s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		e.t.Errorf("Content-Type: got %q, want application/json", ct)
	}
	if v != nil {
		if err := json.Unmarshal(r.body, v); err != nil {
			e.t.Fatalf("decode %s: %v", r.body, err)
		}
	}
}

// wantError checks an error response's status and code.
func (e *env) wantError(r response, status int, code string) {
	e.t.Helper()
	var b struct {
		Error struct{ Code, Message string }
	}
	e.wantJSON(r, status, &b)
	if b.Error.Code != code || b.Error.Message == "" {
		e.t.Errorf("error: got code %q message %q, want code %q and a message", b.Error.Code, b.Error.Message, code)
	}
}

type page struct {
	Incidents  []*incident.Record `json:"incidents"`
	Limit      int                `json:"limit"`
	NextCursor *string            `json:"next_cursor"`
}

func (e *env) list(query string) page {
	e.t.Helper()
	var p page
	e.wantJSON(e.get("/api/incidents?"+query), http.StatusOK, &p)
	return p
}

func ids(rs []*incident.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func TestAPI(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		e := setup(t, dsn, db)
		t.Run("healthz", func(t *testing.T) {
			e := *e
			e.t = t
			var b map[string]string
			e.wantJSON(e.get("/healthz"), 200, &b)
			if b["status"] != "ok" {
				t.Errorf("healthz: got %v, want status ok", b)
			}
		})
		for _, c := range []struct {
			name string
			fn   func(*env)
		}{
			{"list", testList},
			{"list as encoded", testListBytes},
			{"pagination", testPagination},
			{"filters", testFilters},
			{"incident", testIncident},
			{"article", testArticle},
			{"extract", testExtract},
			{"writes need a token", testAuth},
			{"bad bodies", testBadBodies},
			{"script in article text", testScriptPayload},
			{"export", testExport},
			{"openapi", testOpenAPI},
			{"routing errors", testRouting},
			{"merged incident", testRedirect},
			{"metrics", testMetrics},
		} {
			t.Run(c.name, func(t *testing.T) {
				e := *e
				e.t = t
				c.fn(&e)
			})
		}
	})
}

func testList(e *env) {
	p := e.list("")
	if len(p.Incidents) != min(len(e.all), server.DefaultLimit) {
		e.t.Fatalf("incidents: got %d, want %d", len(p.Incidents), min(len(e.all), server.DefaultLimit))
	}
	if got, want := strings.Join(ids(p.Incidents), " "), strings.Join(ids(e.all[:len(p.Incidents)]), " "); got != want {
		e.t.Errorf("order: got %s, want the store's newest first %s", got, want)
	}
	// Newest first: dated incidents in falling order of start date.
	last := "9999"
	for _, r := range p.Incidents {
		if r.Date == nil || r.Date.Start == nil {
			continue
		}
		if *r.Date.Start > last {
			e.t.Errorf("order: %s (%s) after an incident of %s", r.ID, *r.Date.Start, last)
		}
		last = *r.Date.Start
	}
	for _, r := range p.Incidents {
		if r.Schema != "sitrep/incident/v1" || len(r.Sources) == 0 {
			e.t.Errorf("%s: got schema %q and %d sources, want incident-v1 with sources", r.ID, r.Schema, len(r.Sources))
		}
	}
	if p.NextCursor != nil && len(e.all) <= server.DefaultLimit {
		e.t.Errorf("next_cursor: got %q on the last page, want null", *p.NextCursor)
	}
	e.wantJSON(e.get("/api/incidents?sort=newest"), 200, nil)
	e.wantError(e.get("/api/incidents?sort=oldest"), 400, "bad_parameter")
}

// testListBytes checks that the list, which joins stored records, sends
// byte for byte what encoding a page of records rendered afresh gives.
func testListBytes(e *env) {
	ctx := context.Background()
	shown := []string{incident.Unreviewed, incident.Confirmed, incident.Edited}
	for _, c := range []struct {
		query string
		f     store.Filter
	}{
		{"", store.Filter{Review: shown, Limit: server.DefaultLimit}},
		{"limit=3", store.Filter{Review: shown, Limit: 3}},
		{"limit=500&review=all", store.Filter{Limit: 500}},
		{"bbox=-180,-90,180,90&since=2024-01-01&until=2024-12-31&limit=7", store.Filter{Review: shown, Limit: 7,
			BBox: &store.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}, Since: "2024-01-01", Until: "2024-12-31"}},
		{"bbox=0,0,0.001,0.001", store.Filter{Review: shown, Limit: server.DefaultLimit,
			BBox: &store.BBox{MinLon: 0, MinLat: 0, MaxLon: 0.001, MaxLat: 0.001}}},
	} {
		r := e.get("/api/incidents?" + c.query)
		var got page
		e.wantJSON(r, http.StatusOK, &got)
		ins, next, err := e.db.Page(ctx, c.f)
		if err != nil {
			e.t.Fatal(err)
		}
		want := page{Incidents: make([]*incident.Record, 0, len(ins)), Limit: c.f.Limit}
		for _, in := range ins {
			want.Incidents = append(want.Incidents, in.Record())
		}
		if next != nil {
			// The cursor's form is the server's own.
			if got.NextCursor == nil {
				e.t.Errorf("%q: next_cursor null, want one", c.query)
			}
			want.NextCursor = got.NextCursor
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(&want); err != nil {
			e.t.Fatal(err)
		}
		if !bytes.Equal(r.body, buf.Bytes()) {
			i := 0
			for i < len(r.body) && i < buf.Len() && r.body[i] == buf.Bytes()[i] {
				i++
			}
			e.t.Errorf("%q: body differs from a page encoded afresh at byte %d:\n got ...%.200s\nwant ...%.200s",
				c.query, i, r.body[max(0, i-60):], buf.Bytes()[max(0, i-60):])
		}
		if l := r.header.Get("Content-Length"); l != strconv.Itoa(len(r.body)) {
			e.t.Errorf("%q: Content-Length %s, body of %d bytes", c.query, l, len(r.body))
		}
	}
}

func testPagination(e *env) {
	const n = 5
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		q := fmt.Sprintf("limit=%d", n)
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		p := e.list(q)
		if len(p.Incidents) > n {
			e.t.Fatalf("page %d: got %d incidents, want at most %d", pages, len(p.Incidents), n)
		}
		got = append(got, ids(p.Incidents)...)
		if p.NextCursor == nil {
			break
		}
		cursor = *p.NextCursor
		if pages > len(e.all) {
			e.t.Fatal("cursor never ends")
		}
	}
	if g, w := strings.Join(got, " "), strings.Join(ids(e.all), " "); g != w {
		e.t.Errorf("walking the cursor: got %s, want %s", g, w)
	}
	e.wantJSON(e.get("/api/incidents?limit=500"), 200, nil)
	for _, q := range []string{"limit=501", "limit=0", "limit=x", "offset=4", "cursor=%21%21", "cursor=e30", "cursor=" + url.QueryEscape(*e.list("limit=1").NextCursor) + "&offset=1"} {
		e.wantError(e.get("/api/incidents?"+q), 400, "bad_parameter")
	}
}

func testFilters(e *env) {
	// Pick an incident with a type, a country, a date and a place.
	var pick *incident.Record
	for _, r := range e.all {
		if r.Location != nil && r.Location.Country != "" && r.Date != nil && r.Date.Start != nil && r.Date.End != nil {
			pick = r
			break
		}
	}
	if pick == nil {
		e.t.Fatal("no incident with a place and a date")
	}
	lat, lon := pick.Location.Lat, pick.Location.Lon
	check := func(q string, keep func(*incident.Record) bool) {
		e.t.Helper()
		p := e.list("limit=500&" + q)
		var want []string
		for _, r := range e.all {
			if keep(r) {
				want = append(want, r.ID)
			}
		}
		if g, w := strings.Join(ids(p.Incidents), " "), strings.Join(want, " "); g != w {
			e.t.Errorf("%s: got [%s], want [%s]", q, g, w)
		}
		if len(want) == 0 {
			e.t.Errorf("%s: selects nothing; the test wants a filter that keeps something", q)
		}
	}
	inBox := func(r *incident.Record, b [4]float64) bool {
		return r.Location != nil && b[0] <= r.Location.Lon && r.Location.Lon <= b[2] && b[1] <= r.Location.Lat && r.Location.Lat <= b[3]
	}
	check("type="+strings.ToLower(pick.Type), func(r *incident.Record) bool { return r.Type == pick.Type })
	check("country="+strings.ToLower(pick.Location.Country), func(r *incident.Record) bool {
		return r.Location != nil && r.Location.Country == pick.Location.Country
	})
	box := [4]float64{lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5}
	check(fmt.Sprintf("bbox=%g,%g,%g,%g", box[0], box[1], box[2], box[3]), func(r *incident.Record) bool { return inBox(r, box) })
	world := [4]float64{-180, -90, 180, 90}
	check("bbox=-180,-90,180,90", func(r *incident.Record) bool { return inBox(r, world) })
	check("reviewed=false", func(r *incident.Record) bool { return !r.Reviewed })
	check(fmt.Sprintf("type=%s&bbox=%g,%g,%g,%g&reviewed=false", pick.Type, box[0], box[1], box[2], box[3]), func(r *incident.Record) bool {
		return r.Type == pick.Type && inBox(r, box)
	})
	if p := e.list("reviewed=true"); len(p.Incidents) != 0 {
		e.t.Errorf("reviewed=true: got %d incidents, want none (nothing is reviewed yet)", len(p.Incidents))
	}
	// The date filters keep incidents whose dates overlap the range.
	day := *pick.Date.Start
	p := e.list("limit=500&since=" + day + "&until=" + day)
	found := false
	for _, r := range p.Incidents {
		found = found || r.ID == pick.ID
	}
	if !found {
		e.t.Errorf("since=until=%s: %s missing", day, pick.ID)
	}
	if p := e.list("since=2100-01-01"); len(p.Incidents) != 0 {
		e.t.Errorf("since 2100: got %d incidents, want none", len(p.Incidents))
	}
	if p := e.list("until=1900-01-01"); len(p.Incidents) != 0 {
		e.t.Errorf("until 1900: got %d incidents, want none", len(p.Incidents))
	}
	// Text search: a word of the picked incident's headline finds it.
	var word string
	for _, w := range strings.Fields(pick.Sources[0].Title) {
		if len(w) > 5 && strings.Trim(w, ".,:;'\"") == w {
			word = w
			break
		}
	}
	if word != "" {
		p := e.list("limit=500&q=" + url.QueryEscape(word))
		found := false
		for _, r := range p.Incidents {
			found = found || r.ID == pick.ID
		}
		if !found || len(p.Incidents) == len(e.all) && len(e.all) > 1 {
			e.t.Errorf("q=%s: got %d incidents (picked one found: %v), want a subset holding %s", word, len(p.Incidents), found, pick.ID)
		}
	}
	if p := e.list("q=zzyzxnotaword"); len(p.Incidents) != 0 {
		e.t.Errorf("q=zzyzxnotaword: got %d incidents, want none", len(p.Incidents))
	}
	for _, q := range []string{"since=yesterday", "until=2024-13-01", "type=a-b", "country=SDN", "bbox=1,2,3", "bbox=0,50,10,40", "bbox=a,b,c,d", "bbox=0,0,200,10", "reviewed=maybe"} {
		e.wantError(e.get("/api/incidents?"+q), 400, "bad_parameter")
	}
}

func testIncident(e *env) {
	want := e.all[0]
	var got incident.Record
	e.wantJSON(e.get("/api/incidents/"+want.ID), 200, &got)
	if got.ID != want.ID || len(got.Sources) != len(want.Sources) {
		e.t.Errorf("incident: got %s with %d sources, want %s with %d", got.ID, len(got.Sources), want.ID, len(want.Sources))
	}
	withEvidence := false
	for _, s := range got.Sources {
		for _, ev := range s.Evidence {
			withEvidence = withEvidence || ev.Text != ""
		}
	}
	if !withEvidence {
		e.t.Errorf("incident %s: no evidence text in its sources", got.ID)
	}
	e.wantError(e.get("/api/incidents/no-such-incident"), 404, "incident_not_found")
}

func testArticle(e *env) {
	src := e.all[0].Sources[0]
	var v server.ArticleView
	e.wantJSON(e.get("/api/articles/"+src.Article), 200, &v)
	if v.Article == nil || v.Article.ID != src.Article || v.Article.Text == "" {
		e.t.Fatalf("article: got %+v, want %s with its text", v.Article, src.Article)
	}
	if len(v.Inputs) == 0 || v.Inputs[0].Relation != "original" || v.Inputs[0].Input != src.Input {
		e.t.Errorf("inputs: got %+v, want the original %s first", v.Inputs, src.Input)
	}
	found := false
	for _, id := range v.Incidents {
		found = found || id == e.all[0].ID
	}
	if !found {
		e.t.Errorf("incidents: got %v, want %s among them", v.Incidents, e.all[0].ID)
	}
	for _, ev := range src.Evidence {
		if ev.End <= len(v.Article.Text) && v.Article.Text[ev.Start:ev.End] != ev.Text {
			e.t.Errorf("evidence [%d:%d]: the article text there is not %q", ev.Start, ev.End, ev.Text)
		}
	}
	e.wantError(e.get("/api/articles/0000"), 404, "article_not_found")
}

type document struct {
	Schema  string `json:"schema"`
	Article struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"article"`
	Events []json.RawMessage `json:"events"`
}

func testExtract(e *env) {
	raw, err := os.ReadFile(filepath.Join(reports, "03_lima_protest.txt"))
	if err != nil {
		e.t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"text": string(raw), "published": "2024-01-01"})
	var d document
	e.wantJSON(e.post("/api/extract", string(body)), 200, &d)
	if d.Schema != "sitrep/extract/v1" || d.Article.Text == "" || len(d.Events) == 0 {
		e.t.Errorf("extract text: got schema %q, %d bytes of text, %d events; want extract-v1 with events", d.Schema, len(d.Article.Text), len(d.Events))
	}
	// A URL, served by a stand-in for the internet.
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, xssPage)
	}))
	defer page.Close()
	var u document
	e.wantJSON(e.post("/api/extract", `{"url":"`+page.URL+`/omdurman"}`), 200, &u)
	if !strings.Contains(u.Article.Text, "Omdurman") {
		e.t.Errorf("extract url: text %q, want the report", u.Article.Text)
	}
	dead := httptest.NewServer(http.NotFoundHandler())
	defer dead.Close()
	e.wantError(e.post("/api/extract", `{"url":"`+dead.URL+`/gone"}`), 502, "fetch_failed")
	e.wantError(e.post("/api/extract", `{"url":"ftp://example.org/x"}`), 400, "bad_parameter")
	e.wantError(e.post("/api/extract", `{"text":"   "}`), 422, "no_text")
	e.wantError(e.post("/api/extract", `{"text":"x","url":"http://example.org/"}`), 400, "bad_request")
	e.wantError(e.post("/api/extract", `{}`), 400, "bad_request")
	e.wantError(e.post("/api/extract", `{"text":"x","published":"soon"}`), 400, "bad_parameter")
	e.wantError(e.post("/api/extract?store=perhaps", `{"text":"x"}`), 400, "bad_parameter")

	// store=1 stores the report as ingest does. The Lima report's bytes
	// are those of the file ingested already: a duplicate.
	before, _ := e.db.Counts(context.Background())
	r := e.post("/api/extract?store=1", string(body))
	e.wantJSON(r, 201, &d)
	if got := r.header.Get("Sitrep-Stored"); got != store.Duplicate {
		e.t.Errorf("store the Lima report again: Sitrep-Stored %q, want %s", got, store.Duplicate)
	}
	// A new report becomes an article whose events are placed in
	// incidents.
	fresh := strings.Replace(xssPage, "three people", "four people", 1)
	fresh = strings.Replace(fresh, "Omdurman", "Bahri", -1)
	fb, _ := json.Marshal(map[string]string{"text": fresh, "published": "2024-03-04"})
	r = e.post("/api/extract?store=1", string(fb))
	e.wantJSON(r, 201, &d)
	if r.header.Get("Sitrep-Stored") != store.New || r.header.Get("Location") != "/api/articles/"+d.Article.ID {
		e.t.Errorf("store a new report: Sitrep-Stored %q, Location %q; want new and /api/articles/%s",
			r.header.Get("Sitrep-Stored"), r.header.Get("Location"), d.Article.ID)
	}
	after, _ := e.db.Counts(context.Background())
	if after.Articles != before.Articles+1 || after.Events != before.Events+len(d.Events) {
		e.t.Errorf("counts: got %+v, want one more article and %d more events than %+v", after, len(d.Events), before)
	}
	var v server.ArticleView
	e.wantJSON(e.get(r.header.Get("Location")), 200, &v)
	if !strings.Contains(v.Article.Text, "Bahri") {
		e.t.Errorf("stored article: text %q, want the report", v.Article.Text)
	}
	if len(d.Events) == 0 || len(v.Incidents) == 0 {
		e.t.Errorf("stored article: %d events, in incidents %v; want events placed in incidents", len(d.Events), v.Incidents)
	}
	for _, id := range v.Incidents {
		var rec incident.Record
		e.wantJSON(e.get("/api/incidents/"+id), 200, &rec)
	}
}

func testAuth(e *env) {
	body := `{"text":"Police said protesters marched in Lima on Monday."}`
	r := e.do("POST", "/api/extract", strings.NewReader(body), "Content-Type", "application/json")
	e.wantError(r, 401, "unauthorized")
	if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
		e.t.Errorf("401: WWW-Authenticate %q, want Bearer", r.header.Get("WWW-Authenticate"))
	}
	e.wantError(e.do("POST", "/api/extract", strings.NewReader(body), "Content-Type", "application/json", "Authorization", "Basic dXNlcjpwYXNz"), 401, "unauthorized")
	e.wantError(e.do("POST", "/api/extract", strings.NewReader(body), "Content-Type", "application/json", "Authorization", "Bearer wrong"), 403, "forbidden")
	e.wantError(e.do("POST", "/api/extract?store=1", strings.NewReader(body), "Content-Type", "application/json", "Authorization", "Bearer "+token+"x"), 403, "forbidden")
	// A server started with no token knows no bearer token but its
	// users' API tokens.
	s, err := server.New(server.Config{DB: e.db, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		e.t.Fatal(err)
	}
	defer s.Close()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/extract", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer ")
	s.ServeHTTP(rec, req)
	if rec.Code != 401 {
		e.t.Errorf("empty bearer: got %d, want 401", rec.Code)
	}
	rec = httptest.NewRecorder()
	req = httptest.NewRequest("POST", "/api/extract", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer anything")
	s.ServeHTTP(rec, req)
	if rec.Code != 403 || !strings.Contains(rec.Body.String(), `"forbidden"`) {
		e.t.Errorf("no server token: got %d %s, want 403 forbidden", rec.Code, rec.Body)
	}
}

func testBadBodies(e *env) {
	for _, c := range []struct{ name, body, code string }{
		{"truncated", `{"text":`, "bad_json"},
		{"not an object", `["text"]`, "bad_json"},
		{"wrong type", `{"text":5}`, "bad_json"},
		{"unknown field", `{"txt":"x"}`, "bad_json"},
		{"two values", `{"text":"x"} {"text":"y"}`, "bad_json"},
		{"empty", ``, "bad_json"},
	} {
		e.t.Run(c.name, func(t *testing.T) {
			e := *e
			e.t = t
			e.wantError(e.post("/api/extract", c.body), 400, c.code)
		})
	}
	e.wantError(e.do("POST", "/api/extract", strings.NewReader(`{"text":"x"}`), "Content-Type", "text/plain", "Authorization", "Bearer "+token), 400, "bad_content_type")
	big := `{"text":"` + strings.Repeat("a", server.MaxBody) + `"}`
	e.wantError(e.post("/api/extract", big), 413, "body_too_large")
	// Refused before the token is even looked at? No: the token first,
	// so an anonymous client cannot make the server read a large body.
	e.wantError(e.do("POST", "/api/extract", strings.NewReader(big), "Content-Type", "application/json"), 401, "unauthorized")
}

func testScriptPayload(e *env) {
	b, _ := json.Marshal(map[string]string{"text": xssPage, "published": "2024-03-04"})
	var d document
	r := e.post("/api/extract?store=1", string(b))
	e.wantJSON(r, 201, &d)
	loc := r.header.Get("Location")
	for _, body := range [][]byte{r.body} {
		if bytes.Contains(body, []byte("<script")) || bytes.Contains(body, []byte("<img")) {
			e.t.Errorf("extract response holds unescaped markup: %s", body)
		}
	}
	a := e.get(loc)
	var v server.ArticleView
	e.wantJSON(a, 200, &v)
	if ct := a.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		e.t.Errorf("Content-Type: got %q, want application/json; charset=utf-8", ct)
	}
	if !strings.Contains(v.Article.Text, "<script>alert(1)</script>") || !strings.Contains(v.Article.Text, "onerror=alert(2)") {
		e.t.Fatalf("article text %q: want the payloads kept as text", v.Article.Text)
	}
	for _, bad := range []string{"<script", "</script", "<img", "<"} {
		if bytes.Contains(a.body, []byte(bad)) {
			e.t.Errorf("raw body holds %q unescaped: %s", bad, a.body)
		}
	}
	if !bytes.Contains(a.body, []byte(`\u003cscript\u003e`)) {
		e.t.Errorf("raw body: want <script> escaped as \\u003cscript\\u003e; got %s", a.body)
	}
	// The same text reaches the incident's evidence and the exports
	// escaped too.
	for _, p := range []string{"/api/incidents?limit=500&q=leaflet", "/api/export?format=jsonl&q=leaflet", "/api/export?format=geojson&q=leaflet"} {
		r := e.get(p)
		if r.status != 200 || bytes.Contains(r.body, []byte("<script")) {
			e.t.Errorf("%s: got %d, or unescaped <script> in %s", p, r.status, r.body)
		}
	}
}

func testExport(e *env) {
	for _, c := range []struct{ format, ctype string }{
		{"jsonl", "application/x-ndjson"},
		{"acled", "text/csv"},
		{"gdelt", "text/tab-separated-values"},
		{"geojson", "application/geo+json"},
	} {
		r := e.get("/api/export?format=" + c.format)
		if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), c.ctype) {
			e.t.Errorf("export %s: got %d %q, want 200 %s", c.format, r.status, r.header.Get("Content-Type"), c.ctype)
		}
		if len(r.body) == 0 {
			e.t.Errorf("export %s: empty", c.format)
		}
	}
	ctx := context.Background()
	total, _ := e.db.Counts(ctx)
	lines := func(b []byte) []map[string]any {
		var out []map[string]any
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				e.t.Fatalf("jsonl line: %v", err)
			}
			out = append(out, m)
		}
		return out
	}
	all := lines(e.get("/api/export").body)
	if len(all) != total.Incidents {
		e.t.Errorf("export jsonl: got %d lines, want %d incidents", len(all), total.Incidents)
	}
	typ := e.all[0].Type
	for _, m := range lines(e.get("/api/export?format=jsonl&type=" + typ).body) {
		if m["type"] != typ {
			e.t.Errorf("export type=%s: got an incident of type %v", typ, m["type"])
		}
	}
	if got := lines(e.get("/api/export?format=jsonl&limit=2").body); len(got) != min(2, total.Incidents) {
		e.t.Errorf("export limit=2: got %d lines", len(got))
	}
	if got := lines(e.get("/api/export?format=jsonl&limit=1&bbox=-180,-90,180,90").body); len(got) != 1 {
		e.t.Errorf("export limit=1 with bbox: got %d lines, want 1", len(got))
	}
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(e.get("/api/export?format=geojson&bbox=-180,-90,180,90").body, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		e.t.Errorf("export geojson: got %v, %s with %d features", err, fc.Type, len(fc.Features))
	}
	e.wantError(e.get("/api/export?format=xml"), 400, "bad_parameter")
	e.wantError(e.get("/api/export?since=x"), 400, "bad_parameter")
}

func testOpenAPI(e *env) {
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	e.wantJSON(e.get("/api/openapi.json"), 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		e.t.Errorf("openapi: got version %q, want 3.x", doc.OpenAPI)
	}
	eps := []struct{ method, path string }{
		{"get", "/api/incidents"}, {"get", "/api/incidents/{id}"}, {"patch", "/api/incidents/{id}"},
		{"post", "/api/incidents/{id}/confirm"}, {"post", "/api/incidents/{id}/reject"},
		{"post", "/api/incidents/{id}/merge"}, {"post", "/api/incidents/{id}/split"},
		{"get", "/api/incidents/{id}/audit"}, {"get", "/api/review/queue"},
		{"get", "/api/articles/{id}"}, {"post", "/api/extract"}, {"get", "/api/export"},
		{"post", "/api/session"}, {"get", "/api/session"}, {"delete", "/api/session"},
		{"get", "/api/openapi.json"}, {"get", "/healthz"}, {"get", "/metrics"},
	}
	ops := 0
	for _, ep := range eps {
		if doc.Paths[ep.path][ep.method] == nil {
			e.t.Errorf("openapi: %s %s not described", ep.method, ep.path)
		}
	}
	for _, p := range doc.Paths {
		ops += len(p)
	}
	if ops != len(eps) {
		e.t.Errorf("openapi: got %d operations, want the %d endpoints", ops, len(eps))
	}
}

func testRouting(e *env) {
	r := e.do("DELETE", "/api/incidents", nil)
	e.wantError(r, 405, "method_not_allowed")
	if r.header.Get("Allow") != "GET" {
		e.t.Errorf("405: Allow %q, want GET", r.header.Get("Allow"))
	}
	e.wantError(e.get("/api/extract"), 405, "method_not_allowed")
	e.wantError(e.get("/api/nothing"), 404, "not_found")
	e.wantError(e.get("/nothing"), 404, "not_found")
}

// testRedirect merges one incident into another, as a later report that
// bridges them would, and asks for the absorbed one.
func testRedirect(e *env) {
	ctx := context.Background()
	if len(e.all) < 2 {
		e.t.Skip("needs two incidents")
	}
	first, _, err := e.db.Incident(ctx, e.all[0].ID)
	if err != nil {
		e.t.Fatal(err)
	}
	second, _, err := e.db.Incident(ctx, e.all[1].ID)
	if err != nil {
		e.t.Fatal(err)
	}
	err = e.db.Update(ctx, func(tx *store.Tx) error {
		first.Absorb(second, "test")
		return tx.SaveIncident(ctx, first, []*incident.Incident{second})
	})
	if err != nil {
		e.t.Fatal(err)
	}
	r := e.get("/api/incidents/" + second.ID)
	var b struct{ ID, MergedInto, Location string }
	e.wantJSON(r, 301, &b)
	want := "/api/incidents/" + first.ID
	if r.header.Get("Location") != want || !strings.Contains(string(r.body), `"merged_into":"`+first.ID+`"`) {
		e.t.Errorf("merged: Location %q, body %s; want %s", r.header.Get("Location"), r.body, want)
	}
	// A client that follows redirects gets the survivor.
	resp, err := http.Get(e.srv.URL + "/api/incidents/" + second.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var got incident.Record
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 || got.ID != first.ID {
		e.t.Errorf("followed: got %d %s (%v), want 200 %s", resp.StatusCode, got.ID, err, first.ID)
	}
}

func testMetrics(e *env) {
	e.get("/api/incidents?limit=1")
	r := e.get("/metrics")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain; version=0.0.4") {
		e.t.Fatalf("metrics: got %d %q", r.status, r.header.Get("Content-Type"))
	}
	body := string(r.body)
	for _, want := range []string{
		"# TYPE sitrep_http_requests_total counter",
		`sitrep_http_requests_total{route="GET /api/incidents",code="200"} `,
		`sitrep_http_requests_total{route="GET /api/incidents",code="400"} `,
		`sitrep_http_requests_total{route="POST /api/extract",code="401"} `,
		`sitrep_http_requests_total{route="POST /api/extract",code="403"} `,
		"# TYPE sitrep_http_request_duration_seconds histogram",
		`sitrep_http_request_duration_seconds_bucket{route="GET /api/incidents",le="0.05"} `,
		`sitrep_http_request_duration_seconds_bucket{route="GET /api/incidents",le="+Inf"} `,
		`sitrep_http_request_duration_seconds_count{route="GET /api/incidents"} `,
	} {
		if !strings.Contains(body, want) {
			e.t.Errorf("metrics: no line starting %q", want)
		}
	}
	// Every sample line is NAME{LABELS} VALUE or NAME VALUE.
	sample := regexp.MustCompile(`^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (\S+)$`)
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		m := sample.FindStringSubmatch(line)
		if m == nil {
			e.t.Errorf("metrics: malformed line %q", line)
			continue
		}
		if _, err := strconv.ParseFloat(m[3], 64); err != nil {
			e.t.Errorf("metrics: line %q: value not a number", line)
		}
	}
}
