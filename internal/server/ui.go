package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"sitrep/internal/server/web"
)

// pages are the addresses of the browser UI. Each answers with the one
// page, web/index.html, whose script shows what the address names.
var pages = []string{"/{$}", "/incidents/{id}", "/review", "/login", "/submit"}

// uiRoutes registers the UI's pages and its static files, which are
// served under /static/ by their path in package web.
func (s *Server) uiRoutes() {
	for _, p := range pages {
		s.mux.Handle("GET "+p, s.wrap(serveIndex))
	}
	s.mux.Handle("GET /static/{path...}", s.wrap(serveStatic))
}

// asset is one embedded file, ready to serve.
type asset struct {
	ctype string
	body  []byte
	etag  string
	// gz is body compressed with gzip, with its own ETag, or nil when
	// compression does not pay.
	gz     []byte
	gzEtag string
}

// contentTypes are the Content-Types of the UI's files by name ending;
// any other file is plain text (the LICENSE files).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".png":  "image/png",
	".svg":  "image/svg+xml",
}

// assets are the embedded files by path, read and compressed once, on
// first use.
var assets = sync.OnceValues(func() (map[string]*asset, error) {
	return loadAssets(web.Files)
})

// loadAssets reads every file of fsys.
func loadAssets(fsys fs.FS) (map[string]*asset, error) {
	m := map[string]*asset{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		a := &asset{ctype: contentTypes[path.Ext(name)], body: body, etag: etag(body, "")}
		if a.ctype == "" {
			a.ctype = "text/plain; charset=utf-8"
		}
		if a.ctype != "image/png" && len(body) > 1024 {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(body)
			if err := zw.Close(); err != nil {
				return err
			}
			if buf.Len() < len(body)*9/10 {
				a.gz, a.gzEtag = buf.Bytes(), etag(body, "-gz")
			}
		}
		m[name] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the UI's embedded files: %w", err)
	}
	return m, nil
}

// etag is a strong validator of body, told apart by suffix per encoding.
func etag(body []byte, suffix string) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + suffix + `"`
}

// serveIndex answers a UI page with index.html.
func serveIndex(w http.ResponseWriter, r *http.Request) error {
	return serveAsset(w, r, "index.html")
}

// serveStatic answers GET /static/PATH with the embedded file PATH, or
// a JSON 404.
func serveStatic(w http.ResponseWriter, r *http.Request) error {
	return serveAsset(w, r, r.PathValue("path"))
}

// serveAsset sends the embedded file name. The files change only with
// the binary, so a client may keep them but must ask again each time
// (Cache-Control: no-cache), which costs a 304 when its ETag still
// matches.
func serveAsset(w http.ResponseWriter, r *http.Request, name string) error {
	all, err := assets()
	if err != nil {
		return err
	}
	a := all[name]
	if a == nil {
		return apiError(NotFound, "not_found", "/static/%s: no such file", name)
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "no-cache")
	body, tag := a.body, a.etag
	if a.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body, tag = a.gz, a.gzEtag
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", tag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	return nil
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
				continue
			}
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
