#!/usr/bin/env bash
# The browser test: builds sitrep, fills a scratch database with the demo
# reports and the seed report from ../shared, adds a reviewer, serves it on
# loopback and drives it in Debian's Chromium with playwright-core
# (browser.mjs). Screenshots go to e2e/artifacts/.
#
# It installs what it needs where it is missing: Debian's chromium package
# and the npm packages pinned in e2e/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
e2e=$(pwd)
root=$(cd .. && pwd)
seed=$(ls "$root"/../shared/seed/*.txt 2>/dev/null | head -1 || true)
if [ -z "$seed" ]; then
	echo "browser test skipped: the seed report (../shared/seed beside the checkout) is absent"
	exit 0
fi

if ! command -v chromium >/dev/null 2>&1; then
	echo "installing Debian's chromium"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules/playwright-core ]; then
	npm ci --no-audit --no-fund --silent
fi

work=$(mktemp -d)
server=
server2=
cleanup() {
	for p in $server $server2; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && go build -o "$work/sitrep" ./cmd/sitrep)
db="$work/e2e.db"
"$work/sitrep" demo --db "$db" >/dev/null
"$work/sitrep" ingest --db "$db" --published 2022-09-26 "$seed" >/dev/null
user=reviewer
pass=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$pass" | "$work/sitrep" user add "$user" --role reviewer --db "$db" >/dev/null

# A free port on loopback, chosen by the kernel.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$work/sitrep" serve --db "$db" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
	curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
	sleep 0.1
done

# A second server: 10,000 synthetic incidents for the many-markers check.
many=10000
(cd "$root" && go run ./e2e/fill -db "$work/many.db" -n "$many")
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$work/sitrep" serve --db "$work/many.db" --addr "127.0.0.1:$port2" 2>"$work/serve-many.log" &
server2=$!
for _ in $(seq 1 100); do
	curl -fsS "http://127.0.0.1:$port2/healthz" >/dev/null 2>&1 && break
	sleep 0.1
done

mkdir -p "$e2e/artifacts"
SITREP_URL="http://127.0.0.1:$port" SITREP_URL_MANY="http://127.0.0.1:$port2" SITREP_MANY="$many" SITREP_USER="$user" SITREP_PASS="$pass" ARTIFACTS="$e2e/artifacts" \
	node "$e2e/browser.mjs" || { echo "server log:"; tail -20 "$work/serve.log"; exit 1; }
