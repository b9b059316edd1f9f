#!/bin/sh
# Start-up through the shipped launcher, with hyperfine:
#   the first `ai-lab --version`, `work list` and `idea list` after a fresh build (a fresh cache
#   folder before each run, so no class-data archive: what a build or a Java update leaves);
#   `work list` run right after another first command (while a background training, if the
#   launcher does one, is still going: the first command a user types after `make demo`);
#   every hub command warm (the archive made, a small store).
# Run after `./mvnw -q -DskipTests package`:   sh bench/startup.sh [RESULTS_DIR]
# Tables (hyperfine --export-markdown) land in RESULTS_DIR (default bench/results/startup).
# AI_LAB=/path/to/bin/ai-lab measures another launcher (an older checkout's, say) the same way.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SELF="$ROOT/bench/startup.sh"

# Used by hyperfine's --prepare (`--reset-cache CACHE [COMMAND...]`): ends the background
# training a launcher started in the cache folder CACHE (the training is its own session: the
# whole group goes), empties CACHE, then runs COMMAND with its output discarded.
if [ "${1:-}" = --reset-cache ]; then
  cache=$2
  shift 2
  for lock in "$cache"/ai-lab/cds/*.lock; do
    [ -L "$lock" ] || continue
    pid=$(readlink "$lock") || continue
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
  done
  rm -rf "$cache"
  mkdir -p "$cache"
  if [ "$#" -gt 0 ]; then "$@" >/dev/null; fi
  exit 0
fi

AI_LAB=${AI_LAB:-$ROOT/bin/ai-lab}
RESULTS=${1:-$ROOT/bench/results/startup}
RUNS=${RUNS:-10}
FIRST_RUNS=${FIRST_RUNS:-5}

command -v hyperfine >/dev/null 2>&1 || { echo "startup.sh: needs hyperfine on PATH" >&2; exit 1; }
[ -x "$AI_LAB" ] || { echo "startup.sh: no launcher at $AI_LAB; build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")
trap 'sh "$SELF" --reset-cache "$WORK/cache"; rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$RESULTS"

export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" \
  XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
export COLUMNS=120
unset AI_LAB_CDS AI_LAB_JAVA_OPTS AI_LAB_JIT
mkdir -p "$HOME" "$XDG_CACHE_HOME"

# A small store: what a user has before rebuilding.
echo "preparing a store (launcher: $AI_LAB)" >&2
AI_LAB_CDS=0 "$AI_LAB" work add "Benchmark item" --label bench >/dev/null
AI_LAB_CDS=0 "$AI_LAB" work add "Second item" --priority high >/dev/null
AI_LAB_CDS=0 "$AI_LAB" idea add "Benchmark idea" >/dev/null
AI_LAB_CDS=0 "$AI_LAB" session start --agent bench >/dev/null

reset="sh $SELF --reset-cache $XDG_CACHE_HOME"

hyperfine -N --runs "$FIRST_RUNS" --prepare "$reset" --export-markdown "$RESULTS/first.md" \
  -n "first ai-lab --version" "$AI_LAB --version" \
  -n "first ai-lab work list" "$AI_LAB work list" \
  -n "first ai-lab idea list" "$AI_LAB idea list"

hyperfine -N --runs "$FIRST_RUNS" --prepare "$reset $AI_LAB --version" --export-markdown "$RESULTS/second.md" \
  -n "ai-lab work list right after a first --version" "$AI_LAB work list"

# Warm: the archive made (by the training a first run starts, in the background or not).
sh "$SELF" --reset-cache "$XDG_CACHE_HOME"
"$AI_LAB" --version >/dev/null
"$AI_LAB" idea list >/dev/null
tries=0
while ls "$XDG_CACHE_HOME"/ai-lab/cds/*.lock >/dev/null 2>&1 && [ "$tries" -lt 600 ]; do sleep 0.5; tries=$((tries + 1)); done
ls "$XDG_CACHE_HOME"/ai-lab/cds/*.jsa >/dev/null 2>&1 \
  || echo "startup.sh: warning: no class-data archive; warm runs measure without it" >&2

hyperfine -N --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS/warm.md" \
  -n "ai-lab --version" "$AI_LAB --version" \
  -n "work add" "$AI_LAB work add 'One more benchmark item' --label bench" \
  -n "work list" "$AI_LAB work list" \
  -n "work show" "$AI_LAB work show 1" \
  -n "work update" "$AI_LAB work update 1 --title 'Renamed benchmark item'" \
  -n "work start" "$AI_LAB work start 2" \
  -n "work done" "$AI_LAB work done 2" \
  -n "idea add" "$AI_LAB idea add 'One more idea'" \
  -n "idea list" "$AI_LAB idea list" \
  -n "session start" "$AI_LAB session start --agent bench" \
  -n "session list" "$AI_LAB session list" \
  -n "project list" "$AI_LAB project list" \
  -n "db info" "$AI_LAB db info"

# work delete needs a new item each run: made in --prepare, its id read back by the shell
# (hyperfine subtracts the shell's start; the $(cat) is a fork more than the others).
hyperfine --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS/warm-delete.md" \
  --prepare "$AI_LAB work add 'To be deleted' >$WORK/doomed" \
  -n "work delete" "$AI_LAB work delete \"\$(cat $WORK/doomed)\" --yes"

echo "tables written to $RESULTS" >&2
