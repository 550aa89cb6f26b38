// Package web holds the files of sitrep's browser UI, embedded in the
// binary so that it needs nothing beside it: the one page index.html,
// which every UI address answers with; the UI's own code, plain ES
// modules (app.js and the modules it imports) that need no build step;
// its style sheet app.css; and, under vendor/, the third-party libraries
// (Leaflet, Leaflet.markercluster, uPlot, topojson-client and the
// world-atlas country outlines), copied from npm with their licences by
// web/build.sh at the repository root and committed.
//
// Package server serves these files; this package only holds them. The
// code builds every element through the DOM and sets text with
// textContent, never innerHTML, and carries no inline script or style, so
// that it runs under the server's Content-Security-Policy.
package web

import "embed"

// Files are the UI's files, named by their path below this folder:
// "index.html", "app.js", "vendor/leaflet/leaflet.js".
//
//go:embed index.html *.js *.css vendor
var Files embed.FS
