package server

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3 description of every endpoint.
//
//go:embed openapi.json
var openAPI []byte

// serveOpenAPI answers GET /api/openapi.json.
func serveOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
	return nil
}
