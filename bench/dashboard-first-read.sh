#!/bin/sh
# The first /api/items answer after a change, this build against another one (OTHER_ROOT, for
# example the main checkout before a change), both serving the same store of 10,000 items in
# the same run, in turns: a work add, a pause for both live loops to see it, then one GET to each
# (which one goes first alternates). curl's time_total, and the load average beside each pair.
# Run after `./mvnw -q -DskipTests package` in both trees:
#   sh bench/dashboard-first-read.sh OTHER_ROOT [RUNS]
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
OTHER=$(cd "${1:?give the other checkout}" && pwd -P)
RUNS=${2:-20}
for tool in curl python3 awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "dashboard-first-read.sh: needs $tool on PATH" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dashboard-first-read.XXXXXX")
A="" B=""
cleanup() {
  if [ -n "$A" ]; then kill "$A" 2>/dev/null || true; fi
  if [ -n "$B" ]; then kill "$B" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
export AI_LAB_JAVA_OPTS="-Xmx128m"

awk -f "$ROOT/bench/dashboard-items.awk" > "$WORK/items.json"
"$ROOT/bin/ai-lab" work import "$WORK/items.json" >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PA=$(free_port); PB=$(free_port)
"$ROOT/bin/ai-lab" dashboard serve --port "$PA" >/dev/null 2>"$WORK/a.err" & A=$!
"$OTHER/bin/ai-lab" dashboard serve --port "$PB" >/dev/null 2>"$WORK/b.err" & B=$!
for p in "$PA" "$PB"; do
  until curl -sf -o /dev/null "http://127.0.0.1:$p/api/health"; do sleep 0.05; done
done
sleep 3 # both have read the store once (this build loads its cards in the background)
get() { curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$1/api/items"; }
echo "run this_build_ms other_build_ms load"
for run in $(seq 1 "$RUNS"); do
  "$ROOT/bin/ai-lab" work add "changed $run" >/dev/null
  sleep 0.6
  if [ $((run % 2)) -eq 0 ]; then a=$(get "$PA"); b=$(get "$PB"); else b=$(get "$PB"); a=$(get "$PA"); fi
  echo "$run $a $b $(cut -d' ' -f1 /proc/loadavg)" | awk '{ printf "%s %.1f %.1f %s\n", $1, $2 * 1000, $3 * 1000, $4 }'
done
