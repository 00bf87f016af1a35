#!/usr/bin/env bash
# End-to-end test of `sitrep serve` and its dashboard in a real browser.
#
# Needs: Debian's chromium (/usr/bin/chromium, or $CHROMIUM) and node with
# npm. Installs playwright-core from package-lock.json if missing; never
# downloads a browser. Builds the binary, fills a temporary database with the
# demo articles plus one article carrying a <script> tag, serves it on a free
# loopback port, drives Chromium through the checks in dashboard.test.mjs,
# and stops the server whatever happens. Screenshots land in tests/browser/out/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! -x "$chromium" ]]; then
  echo "browser test: $chromium not found (apt-get install -y chromium)" >&2
  exit 1
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

echo "== building sitrep"
(cd "$root" && cargo build --bin sitrep)
target_dir="${CARGO_TARGET_DIR:-$root/target}"
[[ "$target_dir" = /* ]] || target_dir="$root/$target_dir"
sitrep="$target_dir/debug/sitrep"

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== demo database"
"$sitrep" demo --db "$tmp/demo.db" > "$tmp/demo.out"

# One article whose text carries markup, and a clear event around it.
cat > "$tmp/hostile.txt" <<'ARTICLE'
Gunmen kill five villagers in Zamfara

GUSAU, Nigeria, March 10 (Test Wire) - Gunmen killed five villagers in an attack on Tsafe in Zamfara state, Nigeria, on Sunday, police said. <script>window.__pwned=1</script> Residents said the attackers also burned several homes before fleeing.
ARTICLE
"$sitrep" extract --db "$tmp/demo.db" --published 2024-03-10 --source "Test Wire" \
  "$tmp/hostile.txt" > "$tmp/hostile.jsonl"
# And one leadership loss, for the leaders page.
cat > "$tmp/leader.txt" <<'ARTICLE'
MAIDUGURI, Nigeria, June 10 (Test Wire) - Troops fought insurgents near Bama on Monday. Boko Haram commander Abubakar Kaka was killed in the fighting, the army said.
ARTICLE
"$sitrep" extract --db "$tmp/demo.db" --published 2024-06-11 --source "Test Wire" \
  "$tmp/leader.txt" > /dev/null
hostile_event_id="$(node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  if (!lines.length) { console.error("the hostile article produced no event"); process.exit(1); }
  console.log(JSON.parse(lines[0]).event_id);
' "$tmp/hostile.jsonl")"

port="$(node -e '
  const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
')"
echo "== serving on 127.0.0.1:$port"
"$sitrep" serve --db "$tmp/demo.db" --bind "127.0.0.1:$port" > "$tmp/server.log" 2>&1 &
server_pid=$!

echo "== browser checks"
status=0
BASE_URL="http://127.0.0.1:$port" HOSTILE_EVENT_ID="$hostile_event_id" OUT_DIR="$here/out" \
  CHROMIUM="$chromium" node "$here/dashboard.test.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- server log" >&2
  cat "$tmp/server.log" >&2
fi
exit $status
