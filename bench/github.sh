#!/bin/sh
# `ai-lab github sync` against the stand-in GitHub served as a process of its own on loopback
# (StandInGithubMain from integrations' test classes), through the shipped launcher:
#   a first sync of 1,000 issues, a no-op sync, a sync with 10 changes (5 each side), and one
#   with 100 changes (50 each side) to show the requests per change; `ai-lab --version` as the
#   launcher's floor, measured in the same run.
# Wall and CPU time (user+sys) from hyperfine; requests and rate-limit units from the sync's
# own -o json, and the stand-in's count of requests and CPU time from its /stats.
# Run after `./mvnw -q -DskipTests package`:   sh bench/github.sh [RESULTS_DIR]
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
AI_LAB="$ROOT/bin/ai-lab"
RESULTS=${1:-$ROOT/bench/results/github}
RUNS=${RUNS:-10}

for tool in hyperfine curl jq sqlite3 java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "github.sh: needs $tool on PATH" >&2; exit 1; }
done
[ -f "$ROOT/cli/target/lib/ai-lab-cli.jar" ] && [ -f "$ROOT/integrations/target/test-classes/dev/ailab/integrations/github/StandInGithubMain.class" ] \
  || { echo "github.sh: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/github-bench.XXXXXX")
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
mkdir -p "$RESULTS"

export XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
export AI_LAB_DB_URL="jdbc:sqlite:$WORK/hub.db"
# the token only ever in the environment, for both sides
GITHUB_TOKEN="ghp_bench$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export GITHUB_TOKEN
STANDIN_TOKEN=$GITHUB_TOKEN java -XX:+UseSerialGC -cp "$ROOT/integrations/target/test-classes:$ROOT/cli/target/lib/*" \
  dev.ailab.integrations.github.StandInGithubMain > "$WORK/standin.txt" &
SERVER=$!
i=0
while [ ! -s "$WORK/standin.txt" ]; do i=$((i + 1)); [ $i -lt 100 ] || { echo "stand-in did not start" >&2; exit 1; }; sleep 0.1; done
read -r GITHUB_API_URL CONTROL < "$WORK/standin.txt"
export GITHUB_API_URL
curl -fsS -X POST "$CONTROL/seed?count=1000" >/dev/null

# one registered project whose origin is the stand-in's acme/shop
mkdir -p "$WORK/shop/.git"
printf '[remote "origin"]\n\turl = https://github.com/acme/shop.git\n' > "$WORK/shop/.git/config"
"$AI_LAB" project register "$WORK/shop" >/dev/null
cp "$WORK/hub.db" "$WORK/registered.db"
# the first launcher run trains the class-data archive in the background: measure after it
i=0
until ls "$XDG_CACHE_HOME"/ai-lab/cds/*-lean.jsa >/dev/null 2>&1; do
  i=$((i + 1)); [ $i -lt 600 ] || { echo "github.sh: no class-data archive after 300 s; measuring without" >&2; break; }
  sleep 0.5
done
SYNC="$AI_LAB github sync --project shop -o json"

# requests and units of one sync (its JSON), and the stand-in's requests and CPU around it
measure() { # LABEL
  before=$(curl -fsS "$CONTROL/stats")
  $SYNC > "$WORK/last.json" || [ $? -eq 1 ]
  after=$(curl -fsS "$CONTROL/stats")
  jq -r --arg l "$1" --argjson b "$before" --argjson a "$after" '.projects[0] |
    "| \($l) | \(.created_local) imported, \(.pulled) pulled, \(.pushed) pushed | \(.requests) | \(.rate_limit_used) | \($a.requests - $b.requests) | \($a.cpu_ms - $b.cpu_ms) ms |"' "$WORK/last.json"
}
edits() { # N_REMOTE N_LOCAL
  curl -fsS -X POST "$CONTROL/edit?count=$1" >/dev/null
  sqlite3 "$WORK/hub.db" "UPDATE work_item SET title = title || ' (edited here)' WHERE id IN
    (SELECT id FROM work_item ORDER BY updated_at, id LIMIT $2 OFFSET 500)"
}

echo "load before: $(uptime)" | tee "$RESULTS/load.txt"
{
  echo "| sync | what it did | requests (sync's count) | rate-limit units | requests (stand-in's count) | stand-in CPU |"
  echo "| --- | --- | --- | --- | --- | --- |"
  cp "$WORK/registered.db" "$WORK/hub.db"; measure "first, 1,000 issues"
  measure "no-op"
  edits 5 5; measure "10 changes (5 each side)"
  measure "no-op after it"
  edits 50 50; measure "100 changes (50 each side)"
} > "$RESULTS/requests.md"
cat "$RESULTS/requests.md"

hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$RESULTS/floor.json" --export-markdown "$RESULTS/floor.md" \
  -n "ai-lab --version" "$AI_LAB --version"
hyperfine -N --runs "${IMPORT_RUNS:-5}" --export-json "$RESULTS/first.json" --export-markdown "$RESULTS/first.md" \
  --prepare "cp $WORK/registered.db $WORK/hub.db" -n "first sync, 1,000 issues" "$SYNC"
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$RESULTS/noop.json" --export-markdown "$RESULTS/noop.md" \
  -n "no-op sync" "$SYNC"
# each run gets 5 fresh changes on each side (made in --prepare, outside the time)
hyperfine --runs "$RUNS" --export-json "$RESULTS/changes.json" --export-markdown "$RESULTS/changes.md" \
  --prepare "curl -fsS -X POST '$CONTROL/edit?count=5' >/dev/null && sqlite3 '$WORK/hub.db' \"UPDATE work_item SET title = title || ' (edited here)' WHERE id IN (SELECT id FROM work_item ORDER BY updated_at, id LIMIT 5 OFFSET 500)\"" \
  -n "sync with 10 changes" "$SYNC"
echo "load after: $(uptime)" | tee -a "$RESULTS/load.txt"

# wall and CPU (user+sys) per scenario, in seconds
for f in floor first noop changes; do
  jq -r '.results[] | "\(.command): wall \(.mean * 1000 | round) ms ± \(.stddev * 1000 | round), CPU (user+sys) \((.user + .system) * 1000 | round) ms"' "$RESULTS/$f.json"
done | tee "$RESULTS/summary.txt"
