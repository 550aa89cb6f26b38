// Package server is sitrep's HTTP server: a JSON API of incidents with
// filters and pagination, one incident with its sources and evidence,
// articles, extraction of a submitted URL or text, exports, log-in and the
// review desk, an OpenAPI 3 document, a health check and Prometheus
// metrics; and the web UI.
//
// Every handler returns an error rather than writing one; the error's
// kind decides the HTTP status in exactly one place (statusOf in
// errors.go), and the body is always JSON of the form
//
//	{"error": {"code": "not_found", "message": "incident x: not found"}}
//
// whose code is stable and meant for programs, and whose message is for
// people.
//
// GET /api/incidents, the busiest endpoint, writes its page from the
// records the store keeps rendered (store.DB.PageRecords): stored JSON
// joined, byte for byte the page that encoding the records would give,
// with no decoding. One incident (GET /api/incidents/{id}), the review
// queue and the exports render records afresh.
//
// Every response carries a Content-Security-Policy that forbids inline
// script, and X-Content-Type-Options: nosniff, so that article text, which
// is untrusted, can never run as HTML: it is only ever sent inside JSON.
// Request bodies are capped at MaxBody bytes (413 beyond).
//
// # Access
//
// Users log in with POST /api/session and get a session cookie
// (sitrep_session: HttpOnly, SameSite=Strict, Secure over TLS, 7 days;
// only its SHA-256 is stored) and a CSRF token. Programs send an API
// token (sitrep token add) or the server's Config.Token, which acts as
// an admin, as Authorization: Bearer TOKEN. Roles go viewer < reviewer <
// admin (package access). Reads are public unless Config.Private, when
// they need a viewer; the review desk and extraction need a reviewer.
// Every write made with the cookie must also send the session's CSRF
// token in the X-CSRF-Token header. guard (auth.go) checks all this
// before a handler reads the body: 401 unauthorized without credentials,
// 403 forbidden for too low a role or an unknown token, 403 csrf for a
// missing or wrong CSRF token. Failed log-ins are limited per client
// address and per user name (429 too_many_requests; ratelimit.go), and
// an unknown name costs the same password check as a wrong password.
//
// # Review
//
// Reviewers confirm, reject, edit, merge and split incidents
// (review.go). An edit is stored as overrides that the store applies over
// the reconciled values every time the incident is rebuilt, so a later
// report, a new version of one or a merge never undoes it. Every action
// is written to the audit log with the values before and after. Rejected
// incidents are left out of lists and exports unless ?review= asks for
// them. GET /api/review/queue lists unreviewed incidents, those with the
// most needs (low confidence, conflicting figures, no place) first.
//
// The same server is the browser UI (ui.go): the one page of package web,
// index.html, at /, /incidents/{id}, /review, /login and /submit, and the
// UI's scripts, style sheets and libraries under /static/, each with an
// ETag and Cache-Control: no-cache, compressed with gzip when the client
// takes it. An unknown /static/ file is a JSON 404 like any other.
//
// A merged incident's old id answers 301 Moved Permanently with a Location
// header naming the survivor and a JSON body saying so; clients that
// follow redirects get the survivor. A review action on an old id is
// 409 incident_merged: the client should look at the survivor first.
package server
