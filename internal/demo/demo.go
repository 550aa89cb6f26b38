// Package demo holds a few short wire reports written by the project
// (a protest in Nairobi, an air strike in Idlib, arrests in Manila and
// others), embedded so that `sitrep demo` can fill a database without
// any file or network: they go through ingest as any report does. They
// are chosen to give the review desk work: some incidents have no place
// on the map or a low confidence.
package demo

import (
	"embed"
	"io/fs"
	"path"

	"sitrep/internal/ingest"
)

//go:embed reports/*.txt
var reports embed.FS

// InputPrefix starts the input name of every demo report, so that its
// sources say where it came from.
const InputPrefix = "demo:"

// Reports returns the demo reports in name order, each named
// demo:FILE.txt.
func Reports() []ingest.Report {
	ents, err := fs.ReadDir(reports, "reports")
	if err != nil {
		panic(err) // the directory is embedded: it is there
	}
	out := make([]ingest.Report, 0, len(ents))
	for _, e := range ents {
		b, err := reports.ReadFile(path.Join("reports", e.Name()))
		if err != nil {
			panic(err)
		}
		out = append(out, ingest.Report{Name: InputPrefix + e.Name(), Body: b})
	}
	return out
}
