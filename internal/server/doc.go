// Package server is sitrep's HTTP server: a JSON API of incidents with
// filters and pagination, one incident with its sources and evidence,
// articles, extraction of a submitted URL or text, exports, an OpenAPI 3
// document, a health check and Prometheus metrics; and the web UI.
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
// Every response carries a Content-Security-Policy that forbids inline
// script, and X-Content-Type-Options: nosniff, so that article text, which
// is untrusted, can never run as HTML: it is only ever sent inside JSON.
// Request bodies are capped at MaxBody bytes (413 beyond). Writes (every
// POST) need the bearer token of Config.Token: 401 without one, 403 with
// a wrong one. That token stands in for the users and roles of a later
// step.
//
// The same server is the browser UI (ui.go): the one page of package web,
// index.html, at /, /incidents/{id}, /review, /login and /submit, and the
// UI's scripts, style sheets and libraries under /static/, each with an
// ETag and Cache-Control: no-cache, compressed with gzip when the client
// takes it. An unknown /static/ file is a JSON 404 like any other.
//
// A merged incident's old id answers 301 Moved Permanently with a Location
// header naming the survivor and a JSON body saying so; clients that
// follow redirects get the survivor.
package server
