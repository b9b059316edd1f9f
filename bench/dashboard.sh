#!/bin/sh
# The dashboard on a large store: 10,000 work items and 5,000 AI sessions.
#   serve: time from start to the first answer of /api/health (5 starts), next to `ai-lab --version`;
#   /api/items (all 10,000 cards as JSON) against `ai-lab work list --all -o json`, one hyperfine run
#   (repeated requests are answered from the server's cache), then the first answer after a change;
#   the board in headless Chromium: Navigation Timing and when the board was drawn (5 loads);
#   an idle page: requests it makes and CPU the server uses in IDLE seconds (default 60);
#   heap: the server runs with -Xmx128m throughout, and its heap after the loads is reported.
# Run after `./mvnw -q -DskipTests package`:   sh bench/dashboard.sh [RESULTS_DIR]
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
AI_LAB="$ROOT/bin/ai-lab"
RESULTS=${1:-$ROOT/bench/results/dashboard}
IDLE=${IDLE:-60}

for tool in hyperfine curl sqlite3 python3 chromium chromedriver ss jcmd awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "dashboard.sh: needs $tool on PATH" >&2; exit 1; }
done
[ -f "$ROOT/cli/target/lib/ai-lab-cli.jar" ] || { echo "dashboard.sh: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-bench.XXXXXX")
SERVER="" DRIVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi
  if [ -n "$DRIVER" ]; then kill "$DRIVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
mkdir -p "$RESULTS"
export XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
export AI_LAB_JAVA_OPTS="-Xmx128m"
# measure with the launcher's class-data archive, which its first run trains in the background
"$AI_LAB" --version >/dev/null
bash "$ROOT/bench/wait-for-cds.sh" "$XDG_CACHE_HOME"
DB="$XDG_DATA_HOME/ai-lab/ai-lab.db"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# 10,000 items through the CLI's own import; 5,000 sessions over the last 30 days by SQL (there is
# no import for sessions), the first 5,000 items linked to one each.
awk -f "$ROOT/bench/dashboard-items.awk" > "$WORK/items.json"
"$AI_LAB" work import "$WORK/items.json" >/dev/null
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
  INSERT INTO ai_session (agent, model, started_at, ended_at, summary, tokens_in, tokens_out, cost)
  SELECT CASE i % 3 WHEN 0 THEN 'claude' WHEN 1 THEN 'grok' ELSE 'codex' END, 'model-' || (i % 2),
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 30) || ' days'),
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 30) || ' days', '+20 minutes'),
         'bench session', 1000 + i, 200 + i, (i % 50) / 100.0 FROM n;
  INSERT INTO ai_session_work_item (session_id, work_item_id) SELECT id, id FROM ai_session;"
echo "store: $(sqlite3 "$DB" 'SELECT count(*) FROM work_item') items, $(sqlite3 "$DB" 'SELECT count(*) FROM ai_session') sessions"

# serve: ready for its first request.
: > "$RESULTS/serve-ready.txt"
for run in 1 2 3 4 5; do
  PORT=$(free_port)
  start=$(now_ms)
  "$AI_LAB" dashboard serve --port "$PORT" >/dev/null 2>"$WORK/serve.err" &
  SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health"; do
    sleep 0.005
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  done
  ready=$(( $(now_ms) - start ))
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  # The launcher's own floor in the same moment, for a ratio that a busy machine does not skew.
  start=$(now_ms); "$AI_LAB" --version >/dev/null; floor=$(( $(now_ms) - start ))
  echo "run $run: serve ready $ready ms, ai-lab --version $floor ms (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$RESULTS/serve-ready.txt"
done

# One server for the rest.
PORT=$(free_port)
"$AI_LAB" dashboard serve --port "$PORT" >/dev/null 2>"$WORK/serve.err" &
SERVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health"; do sleep 0.01; done
JPID=$(ss -ltnpH "sport = :$PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)

hyperfine -N --warmup 5 --runs "${RUNS:-30}" --export-markdown "$RESULTS/api-items.md" \
  -n "GET /api/items (10,000 cards)" "curl -s -o /dev/null http://127.0.0.1:$PORT/api/items" \
  -n "ai-lab work list --all -o json" "$AI_LAB work list --all -o json"

# The first answer after a change (the cache above is emptied by every change): 10 times, a
# work add through the CLI, then one GET timed by curl.
: > "$RESULTS/api-items-after-change.txt"
for run in 1 2 3 4 5 6 7 8 9 10; do
  "$AI_LAB" work add "changed $run" >/dev/null
  sleep 0.3 # the live loop sees the change and empties the cache
  curl -s -o /dev/null -w "run $run: %{time_total} s\n" "http://127.0.0.1:$PORT/api/items" | tee -a "$RESULTS/api-items-after-change.txt"
done

DPORT=$(free_port)
chromedriver --port="$DPORT" >/dev/null 2>&1 &
DRIVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$DPORT/status"; do sleep 0.05; done
python3 "$ROOT/bench/dashboard_browser.py" "$DPORT" "http://127.0.0.1:$PORT/board" "$IDLE" "$JPID" | tee "$RESULTS/browser.json"

jcmd "$JPID" GC.heap_info | tee "$RESULTS/heap.txt"
echo "results in $RESULTS"
