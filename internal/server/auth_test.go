package server_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/access"
	"sitrep/internal/server"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// password is every test user's.
const password = "correct horse battery"

// cheap hashes the test users' passwords fast; the server reads the
// parameters from each hash.
var cheap = access.Params{Memory: 64, Time: 1, Threads: 1}

// users are the test users by role: a viewer, a reviewer, an admin.
var users = map[string]string{"vic": "viewer", "alice": "reviewer", "ada": "admin"}

// addUsers stores the test users and an API token for each, and returns
// the tokens by user.
func addUsers(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	tokens := map[string]string{}
	for name, role := range users {
		h, err := access.HashPassword(password, cheap)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddUser(ctx, store.User{Name: name, Role: role}, h); err != nil {
			t.Fatal(err)
		}
		tok := access.NewToken()
		if err := db.AddToken(ctx, access.HashSecret(tok), "test", name); err != nil {
			t.Fatal(err)
		}
		tokens[name] = tok
	}
	return tokens
}

// session is a logged-in client: its cookie's value and CSRF token.
type session struct {
	cookie, csrf string
}

// login logs name in and checks the answer.
func (e *env) login(name string) session {
	e.t.Helper()
	body, _ := json.Marshal(server.LoginRequest{Name: name, Password: password})
	r := e.do("POST", "/api/session", strings.NewReader(string(body)), "Content-Type", "application/json")
	var b server.SessionBody
	e.wantJSON(r, 200, &b)
	if b.User.Name != name || b.User.Role != users[name] || len(b.CSRF) != 43 {
		e.t.Fatalf("log in %s: got %+v, want the user, role %s and a csrf token", name, b, users[name])
	}
	resp := http.Response{Header: r.header}
	for _, c := range resp.Cookies() {
		if c.Name == server.SessionCookie {
			return session{cookie: c.Value, csrf: b.CSRF}
		}
	}
	e.t.Fatalf("log in %s: no %s cookie in %v", name, server.SessionCookie, r.header["Set-Cookie"])
	return session{}
}

// as sends a request with a session's cookie and, when csrf is not
// empty, a CSRF header.
func (e *env) as(s session, csrf, method, path, body string) response {
	e.t.Helper()
	h := []string{"Content-Type", "application/json", "Cookie", server.SessionCookie + "=" + s.cookie}
	if csrf != "" {
		h = append(h, server.CSRFHeader, csrf)
	}
	return e.do(method, path, strings.NewReader(body), h...)
}

// bearer sends a request with a bearer token.
func (e *env) bearer(tok, method, path, body string) response {
	e.t.Helper()
	return e.do(method, path, strings.NewReader(body), "Content-Type", "application/json", "Authorization", "Bearer "+tok)
}

func TestAccess(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		e := setup(t, dsn, db)
		tokens := addUsers(t, db)
		for _, c := range []struct {
			name string
			fn   func(*env, map[string]string)
		}{
			{"log in", testLogin},
			{"writes need credentials", testWriteAccess},
			{"log out", testLogout},
			{"log-in bodies", testLoginBodies},
			{"log-in rate limit", testLoginLimit},
			{"private server", testPrivate},
		} {
			t.Run(c.name, func(t *testing.T) {
				e := *e
				e.t = t
				c.fn(&e, tokens)
			})
		}
	})
}

func testLogin(e *env, tokens map[string]string) {
	var wrong, unknown struct {
		Error struct{ Code, Message string }
	}
	r := e.do("POST", "/api/session", strings.NewReader(`{"name":"alice","password":"wrong password"}`), "Content-Type", "application/json")
	e.wantError(r, 401, "bad_credentials")
	json.Unmarshal(r.body, &wrong)
	if r.header.Get("Set-Cookie") != "" {
		e.t.Errorf("a failed log-in sets a cookie: %s", r.header.Get("Set-Cookie"))
	}
	r = e.do("POST", "/api/session", strings.NewReader(`{"name":"nobody","password":"`+password+`"}`), "Content-Type", "application/json")
	e.wantError(r, 401, "bad_credentials")
	json.Unmarshal(r.body, &unknown)
	if wrong != unknown {
		e.t.Errorf("wrong password %+v, unknown name %+v: want the same answer", wrong, unknown)
	}

	body := `{"name":"alice","password":"` + password + `"}`
	r = e.do("POST", "/api/session", strings.NewReader(body), "Content-Type", "application/json")
	var b server.SessionBody
	e.wantJSON(r, 200, &b)
	resp := http.Response{Header: r.header}
	cs := resp.Cookies()
	if len(cs) != 1 {
		e.t.Fatalf("cookies: got %d, want 1", len(cs))
	}
	c := cs[0]
	if c.Name != "sitrep_session" || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.MaxAge != 7*24*3600 || c.Secure || len(c.Value) != 43 {
		e.t.Errorf("cookie: got %+v, want sitrep_session, 43 characters, HttpOnly, SameSite=Strict, Path=/, Max-Age=604800, not Secure over plain HTTP", c)
	}
	// Only the cookie's hash is stored.
	ctx := context.Background()
	if _, u, err := e.db.Session(ctx, access.HashSecret(c.Value)); err != nil || u.Name != "alice" {
		e.t.Errorf("session by the cookie's hash: got %s, %v; want alice", u.Name, err)
	}
	if _, _, err := e.db.Session(ctx, c.Value); !errors.Is(err, store.ErrNotFound) {
		e.t.Errorf("session by the cookie itself: got %v, want not found (stored hashed)", err)
	}

	s := session{cookie: c.Value, csrf: b.CSRF}
	var got server.SessionBody
	e.wantJSON(e.as(s, "", "GET", "/api/session", ""), 200, &got)
	if got != b {
		e.t.Errorf("GET /api/session: got %+v, want the log-in's %+v", got, b)
	}
	e.wantError(e.get("/api/session"), 401, "unauthorized")
	e.wantError(e.as(session{cookie: "forged"}, "", "GET", "/api/session", ""), 401, "unauthorized")
	// A bearer token is no session.
	e.wantError(e.bearer(tokens["ada"], "GET", "/api/session", ""), 401, "unauthorized")

	// Over TLS the cookie is Secure.
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/session", strings.NewReader(body))
	req.TLS = &tls.ConnectionState{}
	e.api.ServeHTTP(rec, req)
	if rec.Code != 200 || len(rec.Result().Cookies()) != 1 || !rec.Result().Cookies()[0].Secure {
		e.t.Errorf("log in over TLS: got %d, cookies %v; want a Secure cookie", rec.Code, rec.Result().Cookies())
	}
}

func testWriteAccess(e *env, tokens map[string]string) {
	ids := []string{e.all[0].ID, e.all[1].ID}
	confirm := func(i int) string { return "/api/incidents/" + ids[i] + "/confirm" }
	r := e.do("POST", confirm(0), strings.NewReader(`{}`), "Content-Type", "application/json")
	e.wantError(r, 401, "unauthorized")
	if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
		e.t.Errorf("401: WWW-Authenticate %q, want Bearer", r.header.Get("WWW-Authenticate"))
	}
	vic, alice := e.login("vic"), e.login("alice")
	e.wantError(e.as(vic, vic.csrf, "POST", confirm(0), `{}`), 403, "forbidden")
	e.wantError(e.as(alice, "", "POST", confirm(0), `{}`), 403, "csrf")
	e.wantError(e.as(alice, vic.csrf, "POST", confirm(0), `{}`), 403, "csrf")
	e.wantError(e.as(alice, alice.csrf+"x", "POST", confirm(0), `{}`), 403, "csrf")
	// A cookie without its CSRF token does not even reach the role check.
	e.wantError(e.as(vic, "", "POST", confirm(0), `{}`), 403, "csrf")
	if rec := e.record(ids[0]); rec.Review.Status != "unreviewed" {
		e.t.Fatalf("after refused writes: status %s, want unreviewed", rec.Review.Status)
	}
	e.wantJSON(e.as(alice, alice.csrf, "POST", confirm(0), `{}`), 200, nil)
	if rec := e.record(ids[0]); rec.Review.Status != "confirmed" || rec.Review.By == nil || *rec.Review.By != "alice" {
		e.t.Errorf("confirmed with the cookie: got %+v, want confirmed by alice", rec.Review)
	}

	e.wantError(e.bearer(tokens["vic"], "POST", confirm(1), `{}`), 403, "forbidden")
	e.wantError(e.bearer("sitrep_unknown", "POST", confirm(1), `{}`), 403, "forbidden")
	e.wantJSON(e.bearer(tokens["alice"], "POST", confirm(1), `{}`), 200, nil)
	// The server's own token is an admin, logged as (token).
	e.wantJSON(e.bearer(token, "POST", "/api/incidents/"+ids[1]+"/reject", `{}`), 200, nil)
	var log server.AuditBody
	e.wantJSON(e.get("/api/incidents/"+ids[1]+"/audit"), 200, &log)
	if len(log.Entries) != 2 || log.Entries[0].User != server.TokenUser || log.Entries[1].User != "alice" {
		e.t.Errorf("audit log: got %+v, want the rejection by %s after alice's confirmation", log.Entries, server.TokenUser)
	}
	// A bearer token needs no CSRF token, even beside a cookie.
	r = e.do("POST", confirm(1), strings.NewReader(`{}`), "Content-Type", "application/json",
		"Cookie", server.SessionCookie+"="+vic.cookie, "Authorization", "Bearer "+tokens["ada"])
	e.wantJSON(r, 200, nil)

	// Extraction and the queue need a reviewer.
	text := `{"text":"Police said protesters marched in Lima on Monday."}`
	e.wantError(e.bearer(tokens["vic"], "POST", "/api/extract", text), 403, "forbidden")
	e.wantJSON(e.bearer(tokens["alice"], "POST", "/api/extract", text), 200, nil)
	e.wantError(e.get("/api/review/queue"), 401, "unauthorized")
	e.wantError(e.as(vic, "", "GET", "/api/review/queue", ""), 403, "forbidden")
	e.wantJSON(e.as(alice, "", "GET", "/api/review/queue", ""), 200, nil)
}

// served is the part of an incident's JSON the review tests read.
type served struct {
	ID     string
	Review struct {
		Status    string
		By, At    *string
		Overrides map[string]json.RawMessage
		Needs     []string
	}
	Reviewed bool
}

// record returns an incident as served.
func (e *env) record(id string) served {
	e.t.Helper()
	var rec served
	e.wantJSON(e.get("/api/incidents/"+id), 200, &rec)
	return rec
}

func testLogout(e *env, _ map[string]string) {
	s := e.login("alice")
	e.wantError(e.as(s, "", "DELETE", "/api/session", ""), 403, "csrf")
	r := e.as(s, s.csrf, "DELETE", "/api/session", "")
	if r.status != 204 {
		e.t.Fatalf("log out: got %d %s, want 204", r.status, r.body)
	}
	resp := http.Response{Header: r.header}
	if cs := resp.Cookies(); len(cs) != 1 || cs[0].Name != server.SessionCookie || cs[0].MaxAge >= 0 || cs[0].Value != "" {
		e.t.Errorf("log out: cookies %+v, want sitrep_session cleared", cs)
	}
	if _, _, err := e.db.Session(context.Background(), access.HashSecret(s.cookie)); !errors.Is(err, store.ErrNotFound) {
		e.t.Errorf("session after log-out: got %v, want it deleted", err)
	}
	e.wantError(e.as(s, "", "GET", "/api/session", ""), 401, "unauthorized")
	e.wantError(e.as(s, s.csrf, "POST", "/api/incidents/"+e.all[2].ID+"/confirm", `{}`), 401, "unauthorized")
	e.wantError(e.as(s, s.csrf, "DELETE", "/api/session", ""), 401, "unauthorized")
}

func testLoginBodies(e *env, _ map[string]string) {
	post := func(body string, h ...string) response {
		return e.do("POST", "/api/session", strings.NewReader(body), append([]string{"Content-Type", "application/json"}, h...)...)
	}
	e.wantError(post(`{"name":"alice",`), 400, "bad_json")
	e.wantError(post(`{"name":"alice","password":"`+password+`","remember":true}`), 400, "bad_json")
	e.wantError(post(`{"name":"alice","password":"`+password+`"}`, "Content-Type", "text/plain"), 400, "bad_content_type")
	e.wantError(post(`{"name":"alice","password":"`+strings.Repeat("x", server.MaxBody)+`"}`), 413, "body_too_large")
}

// serve sends a request from addr straight to a server.
func serve(s *server.Server, addr, method, path, body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = addr + ":40000"
	req.Header.Set("Content-Type", "application/json")
	s.ServeHTTP(rec, req)
	return rec
}

func wantCode(t *testing.T, what string, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	var b struct{ Error struct{ Code string } }
	json.Unmarshal(rec.Body.Bytes(), &b)
	if rec.Code != status || b.Error.Code != code {
		t.Errorf("%s: got %d %s, want %d %s", what, rec.Code, rec.Body, status, code)
	}
}

func testLoginLimit(e *env, _ map[string]string) {
	s, err := server.New(server.Config{DB: e.db, Logger: slog.New(slog.DiscardHandler), LoginBurst: 3, LoginEvery: time.Hour})
	if err != nil {
		e.t.Fatal(err)
	}
	t := e.t
	bad := func(name string) string { return `{"name":"` + name + `","password":"wrong"}` }
	good := func(name string) string { return `{"name":"` + name + `","password":"` + password + `"}` }
	for i := range 3 {
		wantCode(t, "failure "+strconv.Itoa(i+1), serve(s, "192.0.2.1", "POST", "/api/session", bad("alice")), 401, "bad_credentials")
	}
	rec := serve(s, "192.0.2.1", "POST", "/api/session", bad("alice"))
	wantCode(t, "failure 4", rec, 429, "too_many_requests")
	if ra, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || ra < 1 || ra > 3601 {
		t.Errorf("429: Retry-After %q, want seconds up to an hour", rec.Header().Get("Retry-After"))
	}
	// Refused even with the right password: the limit is on trying.
	wantCode(t, "right password while limited", serve(s, "192.0.2.1", "POST", "/api/session", good("alice")), 429, "too_many_requests")
	// By name: alice from elsewhere is refused too.
	wantCode(t, "same name, other address", serve(s, "192.0.2.2", "POST", "/api/session", good("alice")), 429, "too_many_requests")
	// By address: another name from the first address is refused.
	wantCode(t, "same address, other name", serve(s, "192.0.2.1", "POST", "/api/session", good("ada")), 429, "too_many_requests")
	// Another name from another address is not.
	if rec := serve(s, "192.0.2.2", "POST", "/api/session", good("ada")); rec.Code != 200 {
		t.Errorf("other name, other address: got %d %s, want 200", rec.Code, rec.Body)
	}
	// A good log-in forgets the name's failures (not the address's).
	for i, addr := range []string{"192.0.2.10", "192.0.2.11"} {
		wantCode(t, "vic failure "+strconv.Itoa(i+1), serve(s, addr, "POST", "/api/session", bad("vic")), 401, "bad_credentials")
	}
	if rec := serve(s, "192.0.2.12", "POST", "/api/session", good("vic")); rec.Code != 200 {
		t.Fatalf("vic: got %d %s, want 200", rec.Code, rec.Body)
	}
	for i, addr := range []string{"192.0.2.13", "192.0.2.14", "192.0.2.15"} {
		wantCode(t, "vic failure after a good log-in "+strconv.Itoa(i+1), serve(s, addr, "POST", "/api/session", bad("vic")), 401, "bad_credentials")
	}
	wantCode(t, "vic failure 4 after a good log-in", serve(s, "192.0.2.16", "POST", "/api/session", bad("vic")), 429, "too_many_requests")
}

func testPrivate(e *env, tokens map[string]string) {
	s, err := server.New(server.Config{DB: e.db, Private: true, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		e.t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	defer hs.Close()
	p := *e
	p.srv = hs
	id := e.all[3].ID
	art := e.all[3].Sources[0].Article
	reads := []string{"/api/incidents", "/api/incidents/" + id, "/api/incidents/" + id + "/audit", "/api/articles/" + art, "/api/export"}
	for _, path := range reads {
		p.wantError(p.get(path), 401, "unauthorized")
		if r := p.bearer(tokens["vic"], "GET", path, ""); r.status != 200 {
			p.t.Errorf("private %s as a viewer: got %d %s, want 200", path, r.status, r.body)
		}
	}
	p.wantError(p.bearer("sitrep_unknown", "GET", "/api/incidents", ""), 403, "forbidden")
	// A session reads without a CSRF token: reads change nothing.
	vic := p.login("vic")
	p.wantJSON(p.as(vic, "", "GET", "/api/incidents", ""), 200, nil)
	for _, path := range []string{"/healthz", "/api/openapi.json"} {
		if r := p.get(path); r.status != 200 {
			p.t.Errorf("private %s: got %d, want 200 for anyone", path, r.status)
		}
	}
	// The same reads are public on the usual server.
	for _, path := range reads {
		if r := e.get(path); r.status != 200 {
			e.t.Errorf("public %s: got %d, want 200", path, r.status)
		}
	}
}
