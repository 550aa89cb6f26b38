#!/bin/sh
# build.sh installs the browser libraries of sitrep's web UI from npm, at
# the versions of package-lock.json, and copies the files the UI loads,
# with their licences, into internal/server/web/vendor/. The copies are
# committed, so building sitrep needs neither npm nor this script: run it
# only to change a library's version (edit package.json, run
# `npm install` here to update the lock file, then this script).
#
# The UI's own files (internal/server/web/*.js, *.css, index.html) are
# plain ES modules and CSS that need no build step.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/../internal/server/web/vendor"

cd "$here"
npm ci --ignore-scripts --no-audit --no-fund

nm="$here/node_modules"
rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/markercluster" "$out/uplot" "$out/topojson-client" "$out/world-atlas"

# copy SRC DST copies one file (to DST, or into DST when it is a folder),
# failing loudly when a release of the package moved it.
copy() {
	if [ ! -f "$1" ]; then
		echo "build.sh: $1: not found (did the package layout change?)" >&2
		exit 1
	fi
	dst=$2
	if [ -d "$dst" ]; then
		dst="$dst/$(basename "$1")"
	fi
	cp "$1" "$dst"
	chmod 644 "$dst"
}

copy "$nm/leaflet/dist/leaflet.js" "$out/leaflet/"
copy "$nm/leaflet/dist/leaflet.css" "$out/leaflet/"
for f in layers.png layers-2x.png marker-icon.png marker-icon-2x.png marker-shadow.png; do
	copy "$nm/leaflet/dist/images/$f" "$out/leaflet/images/"
done
copy "$nm/leaflet/LICENSE" "$out/leaflet/LICENSE"

copy "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" "$out/markercluster/"
copy "$nm/leaflet.markercluster/dist/MarkerCluster.css" "$out/markercluster/"
copy "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$out/markercluster/"
copy "$nm/leaflet.markercluster/MIT-LICENCE.txt" "$out/markercluster/LICENSE"

copy "$nm/uplot/dist/uPlot.iife.min.js" "$out/uplot/"
copy "$nm/uplot/dist/uPlot.min.css" "$out/uplot/"
copy "$nm/uplot/LICENSE" "$out/uplot/LICENSE"

copy "$nm/topojson-client/dist/topojson-client.min.js" "$out/topojson-client/"
copy "$nm/topojson-client/LICENSE" "$out/topojson-client/LICENSE"

copy "$nm/world-atlas/countries-50m.json" "$out/world-atlas/"
copy "$nm/world-atlas/LICENSE" "$out/world-atlas/LICENSE"

# Record what was copied from which version, for the licence notices
# and for review of an update.
{
	echo "Copied by web/build.sh from these npm packages; do not edit by hand."
	for p in leaflet leaflet.markercluster uplot topojson-client world-atlas; do
		echo "$p $(node -p "require('$nm/$p/package.json').version")"
	done
} >"$out/VERSIONS"

echo "build.sh: vendor files in $out"
