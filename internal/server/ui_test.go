package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sitrep/internal/server"
	"sitrep/internal/server/web"
	"sitrep/internal/store/storetest"
)

// uiServer is a server over an empty database: serving the UI needs no
// data.
func uiServer(t *testing.T) *server.Server {
	t.Helper()
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	s, err := server.New(server.Config{DB: db, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// serveUI sends one request to s; header holds name, value pairs.
func serveUI(s http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w
}

func embedded(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(web.Files, name)
	if err != nil {
		t.Fatalf("embedded %s: %v", name, err)
	}
	return b
}

func TestUIPages(t *testing.T) {
	s := uiServer(t)
	index := embedded(t, "index.html")
	for _, p := range []string{"/", "/?type=ASSAULT&since=2024-01-01", "/incidents/3cc4ea7e22c14f13-ev6", "/incidents/a%20b", "/review", "/login", "/submit"} {
		t.Run(p, func(t *testing.T) {
			w := serveUI(s, "GET", p)
			if w.Code != 200 {
				t.Fatalf("GET %s: got %d, want 200", p, w.Code)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q, want text/html; charset=utf-8", p, ct)
			}
			if !bytes.Equal(w.Body.Bytes(), index) {
				t.Errorf("GET %s: body is not index.html", p)
			}
			if csp := w.Header().Get("Content-Security-Policy"); csp != server.CSP {
				t.Errorf("GET %s: Content-Security-Policy %q, want %q", p, csp, server.CSP)
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("GET %s: Cache-Control %q, want no-cache", p, cc)
			}
			if w.Header().Get("ETag") == "" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET %s: ETag %q, X-Content-Type-Options %q; want an ETag and nosniff", p, w.Header().Get("ETag"), w.Header().Get("X-Content-Type-Options"))
			}
		})
	}
}

func TestUINotFound(t *testing.T) {
	s := uiServer(t)
	for _, p := range []string{"/static/nope.js", "/static/", "/static/vendor", "/static/vendor/leaflet/", "/static/web.go", "/nothing", "/incidents", "/incidents/a/b", "/review/x"} {
		t.Run(p, func(t *testing.T) {
			w := serveUI(s, "GET", p)
			if w.Code != 404 {
				t.Fatalf("GET %s: got %d, want 404", p, w.Code)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q, want JSON", p, ct)
			}
			var b struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(w.Body.Bytes(), &b); err != nil || b.Error.Code != "not_found" || b.Error.Message == "" {
				t.Errorf("GET %s: body %s (%v), want a not_found error", p, w.Body, err)
			}
			if w.Header().Get("Content-Security-Policy") != server.CSP {
				t.Errorf("GET %s: no Content-Security-Policy", p)
			}
		})
	}
}

func TestUIStatic(t *testing.T) {
	s := uiServer(t)
	for _, c := range []struct{ path, ctype string }{
		{"app.js", "text/javascript; charset=utf-8"},
		{"incident.js", "text/javascript; charset=utf-8"},
		{"app.css", "text/css; charset=utf-8"},
		{"index.html", "text/html; charset=utf-8"},
		{"vendor/leaflet/leaflet.js", "text/javascript; charset=utf-8"},
		{"vendor/leaflet/leaflet.css", "text/css; charset=utf-8"},
		{"vendor/leaflet/images/layers.png", "image/png"},
		{"vendor/markercluster/leaflet.markercluster.js", "text/javascript; charset=utf-8"},
		{"vendor/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8"},
		{"vendor/uplot/uPlot.min.css", "text/css; charset=utf-8"},
		{"vendor/topojson-client/topojson-client.min.js", "text/javascript; charset=utf-8"},
		{"vendor/world-atlas/countries-50m.json", "application/json"},
		{"vendor/leaflet/LICENSE", "text/plain; charset=utf-8"},
	} {
		t.Run(c.path, func(t *testing.T) {
			want := embedded(t, c.path)
			w := serveUI(s, "GET", "/static/"+c.path)
			h := w.Header()
			if w.Code != 200 || h.Get("Content-Type") != c.ctype {
				t.Fatalf("GET /static/%s: got %d %q, want 200 %q", c.path, w.Code, h.Get("Content-Type"), c.ctype)
			}
			if !bytes.Equal(w.Body.Bytes(), want) || h.Get("Content-Encoding") != "" {
				t.Errorf("GET /static/%s: got %d bytes (encoding %q), want the %d bytes of the file", c.path, w.Body.Len(), h.Get("Content-Encoding"), len(want))
			}
			if h.Get("Cache-Control") != "no-cache" || h.Get("Content-Security-Policy") != server.CSP || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET /static/%s: Cache-Control %q, CSP %q, nosniff %q", c.path, h.Get("Cache-Control"), h.Get("Content-Security-Policy"), h.Get("X-Content-Type-Options"))
			}
			tag := h.Get("ETag")
			if !regexp.MustCompile(`^"[0-9a-f]+"$`).MatchString(tag) {
				t.Fatalf("GET /static/%s: ETag %q, want a quoted hash", c.path, tag)
			}
			// The same file again costs a 304 and no body.
			w2 := serveUI(s, "GET", "/static/"+c.path, "If-None-Match", tag)
			if w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
				t.Errorf("GET /static/%s If-None-Match %s: got %d with %d bytes, want 304 and none", c.path, tag, w2.Code, w2.Body.Len())
			}
			// A HEAD answers like a GET, without the body.
			if w3 := serveUI(s, "HEAD", "/static/"+c.path); w3.Code != 200 || w3.Header().Get("Content-Type") != c.ctype {
				t.Errorf("HEAD /static/%s: got %d %q", c.path, w3.Code, w3.Header().Get("Content-Type"))
			}
		})
	}
}

func TestUIGzip(t *testing.T) {
	s := uiServer(t)
	name := "vendor/world-atlas/countries-50m.json"
	plain := serveUI(s, "GET", "/static/"+name)
	w := serveUI(s, "GET", "/static/"+name, "Accept-Encoding", "br;q=1.0, gzip;q=0.8")
	if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" || w.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("gzip: got %d, Content-Encoding %q, Vary %q; want 200 gzip Accept-Encoding", w.Code, w.Header().Get("Content-Encoding"), w.Header().Get("Vary"))
	}
	if w.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Errorf("gzip: ETag %s is the same as the plain file's", w.Header().Get("ETag"))
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, embedded(t, name)) {
		t.Errorf("gzip: decompressed %d bytes (%v), want the file's %d", len(got), err, plain.Body.Len())
	}
	if w := serveUI(s, "GET", "/static/"+name, "Accept-Encoding", "gzip;q=0"); w.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0: got Content-Encoding %q, want none", w.Header().Get("Content-Encoding"))
	}
}

// TestIndexHTML parses index.html: no inline script or style, no event
// handler attribute, every script and style sheet it names is embedded,
// and the elements the browser test relies on are there.
func TestIndexHTML(t *testing.T) {
	doc, err := html.Parse(bytes.NewReader(embedded(t, "index.html")))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*html.Node{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("<%s %s=%q>: inline style and event handlers break the CSP", n.Data, a.Key, a.Val)
				}
				if strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("<%s %s=%q>: javascript: URL", n.Data, a.Key, a.Val)
				}
			}
			if id := attr["id"]; id != "" {
				if ids[id] != nil {
					t.Errorf("id %q: used twice", id)
				}
				ids[id] = n
			}
			switch n.Data {
			case "script":
				if attr["src"] == "" || n.FirstChild != nil {
					t.Errorf("<script>: inline script, want only <script src>")
				}
				staticFile(t, attr["src"])
			case "style":
				t.Errorf("<style>: inline style, want a style sheet")
			case "link":
				if attr["rel"] == "stylesheet" {
					staticFile(t, attr["href"])
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, id := range []string{"map", "timeline", "filters", "list", "login", "whoami", "queue", "submit-form", "view-incident"} {
		if ids[id] == nil {
			t.Errorf("index.html: no element #%s", id)
		}
	}
	for form, names := range map[string][]string{
		"filters":     {"since", "until", "type", "country", "q", "reviewed"},
		"login":       {"name", "password"},
		"submit-form": {"text", "url"},
	} {
		f := ids[form]
		if f == nil {
			continue
		}
		for _, name := range names {
			if findNamed(f, name) == nil {
				t.Errorf("#%s: no input named %q", form, name)
			}
		}
	}
}

// staticFile checks that src, an address in index.html, is an embedded
// file.
func staticFile(t *testing.T, src string) {
	t.Helper()
	name, ok := strings.CutPrefix(src, "/static/")
	if !ok {
		t.Errorf("%q: want a file under /static/", src)
		return
	}
	if _, err := fs.Stat(web.Files, name); err != nil {
		t.Errorf("%q: %v", src, err)
	}
}

// findNamed finds the input, select or textarea named name under n.
func findNamed(n *html.Node, name string) *html.Node {
	if n.Type == html.ElementNode && (n.Data == "input" || n.Data == "select" || n.Data == "textarea") {
		for _, a := range n.Attr {
			if a.Key == "name" && a.Val == name {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findNamed(c, name); f != nil {
			return f
		}
	}
	return nil
}

// TestUIScriptsBuildDOM checks that the UI's own modules never parse
// strings as HTML or code, which with untrusted article text would be
// the way in for script injection.
func TestUIScriptsBuildDOM(t *testing.T) {
	forbidden := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*['"](style|on)`)
	mods, err := fs.Glob(web.Files, "*.js")
	if err != nil || len(mods) < 2 {
		t.Fatalf("modules: %v %v", mods, err)
	}
	for _, m := range mods {
		src := string(embedded(t, m))
		for i, line := range strings.Split(src, "\n") {
			if loc := forbidden.FindString(line); loc != "" {
				t.Errorf("%s:%d: %s", m, i+1, strings.TrimSpace(line))
			}
		}
		// Every module it imports is embedded.
		for _, imp := range regexp.MustCompile(`from '\./([^']+)'`).FindAllStringSubmatch(src, -1) {
			if _, err := fs.Stat(web.Files, path.Clean(imp[1])); err != nil {
				t.Errorf("%s imports %s: %v", m, imp[1], err)
			}
		}
	}
}

// TestVendorFiles checks that web/build.sh's copies are embedded, each
// with its licence.
func TestVendorFiles(t *testing.T) {
	for _, name := range []string{
		"vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "vendor/leaflet/LICENSE",
		"vendor/leaflet/images/layers.png", "vendor/leaflet/images/layers-2x.png",
		"vendor/leaflet/images/marker-icon.png", "vendor/leaflet/images/marker-icon-2x.png", "vendor/leaflet/images/marker-shadow.png",
		"vendor/markercluster/leaflet.markercluster.js", "vendor/markercluster/MarkerCluster.css",
		"vendor/markercluster/MarkerCluster.Default.css", "vendor/markercluster/LICENSE",
		"vendor/uplot/uPlot.iife.min.js", "vendor/uplot/uPlot.min.css", "vendor/uplot/LICENSE",
		"vendor/topojson-client/topojson-client.min.js", "vendor/topojson-client/LICENSE",
		"vendor/world-atlas/countries-50m.json", "vendor/world-atlas/LICENSE",
	} {
		b, err := fs.ReadFile(web.Files, name)
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v; run web/build.sh", name, len(b), err)
		}
	}
	var topo struct {
		Type    string `json:"type"`
		Objects struct {
			Countries json.RawMessage `json:"countries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(embedded(t, "vendor/world-atlas/countries-50m.json"), &topo); err != nil || topo.Type != "Topology" || topo.Objects.Countries == nil {
		t.Errorf("countries-50m.json: type %q, countries %t (%v); want a TopoJSON Topology with countries", topo.Type, topo.Objects.Countries != nil, err)
	}
}
