#!/bin/sh
# Work items: `ai-lab work` against taskwarrior doing the same work, with hyperfine.
#   add into a store of 1,000 items; list 1,000 and 10,000 items; import 10,000 items in one call.
# Run after `./mvnw -q -DskipTests package`:   sh bench/workitems.sh [RESULTS_DIR]
# Tables (hyperfine --export-markdown) land in RESULTS_DIR (default bench/results/workitems).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
AI_LAB="$ROOT/bin/ai-lab"
RESULTS=${1:-$ROOT/bench/results/workitems}
RUNS=${RUNS:-20}

for tool in hyperfine task awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "workitems.sh: needs $tool on PATH" >&2; exit 1; }
done
[ -f "$ROOT/cli/target/lib/ai-lab-cli.jar" ] || { echo "workitems.sh: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/workitems-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$RESULTS"

# Our tool: its own XDG folders (so the launcher's class-data-sharing archive is made fresh,
# on the first run below), one SQLite file per store size.
export XDG_DATA_HOME="$WORK/data" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
export COLUMNS=120

# Items to import: the same titles, priorities and labels for both tools.
gen_ai_lab() { # COUNT FILE
  awk -v n="$1" 'BEGIN {
    pri[0] = "low"; pri[1] = "normal"; pri[2] = "high"; pri[3] = "urgent";
    print "[";
    for (i = 1; i <= n; i++) {
      printf "{\"title\": \"Benchmark item %d: tidy the module and write its tests\", \"project\": \"p%d\", \"priority\": \"%s\", \"labels\": [\"l%d\", \"bench\"]}%s\n",
        i, i % 10, pri[i % 4], i % 7, (i < n ? "," : "");
    }
    print "]";
  }' > "$2"
}
gen_task() { # COUNT FILE
  awk -v n="$1" 'BEGIN {
    pri[0] = "L"; pri[1] = ""; pri[2] = "M"; pri[3] = "H";
    print "[";
    for (i = 1; i <= n; i++) {
      p = pri[i % 4] == "" ? "" : sprintf(", \"priority\": \"%s\"", pri[i % 4]);
      printf "{\"description\": \"Benchmark item %d: tidy the module and write its tests\", \"project\": \"p%d\", \"status\": \"pending\", \"entry\": \"20261122T100000Z\", \"tags\": [\"l%d\", \"bench\"]%s}%s\n",
        i, i % 10, i % 7, p, (i < n ? "," : "");
    }
    print "]";
  }' > "$2"
}
gen_ai_lab 1000 "$WORK/ai-1000.json"
gen_ai_lab 10000 "$WORK/ai-10000.json"
gen_task 1000 "$WORK/task-1000.json"
gen_task 10000 "$WORK/task-10000.json"

# taskwarrior: its own rc and data folders, no prompts, no colour, fixed width.
taskrc() { # DATA_DIR RC_FILE
  mkdir -p "$1"
  cat > "$2" <<RC
data.location=$1
confirmation=off
color=off
detection=off
defaultwidth=120
hooks=off
news.version=2.6.2
RC
}
taskrc "$WORK/task-1k" "$WORK/taskrc-1k"
taskrc "$WORK/task-10k" "$WORK/taskrc-10k"
taskrc "$WORK/task-imp" "$WORK/taskrc-imp"

DB1="jdbc:sqlite:$WORK/ai-1k.db"
DB10="jdbc:sqlite:$WORK/ai-10k.db"
echo "preparing stores (the first ai-lab run also makes the launcher's CDS archive)" >&2
AI_LAB_DB_URL="$DB1" "$AI_LAB" work import "$WORK/ai-1000.json" >&2
AI_LAB_DB_URL="$DB10" "$AI_LAB" work import "$WORK/ai-10000.json" >&2
TASKRC="$WORK/taskrc-1k" task import "$WORK/task-1000.json" >/dev/null 2>&1
TASKRC="$WORK/taskrc-10k" task import "$WORK/task-10000.json" >/dev/null 2>&1

export WORK AI_LAB DB1 DB10

hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown "$RESULTS/add.md" \
  -n "ai-lab work add (1,000 items)" "env AI_LAB_DB_URL=$DB1 $AI_LAB work add 'One more benchmark item' --project p1 --label bench" \
  -n "task add (1,000 tasks)" "env TASKRC=$WORK/taskrc-1k task add One more benchmark item project:p1 +bench"

hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown "$RESULTS/list-1k.md" \
  -n "ai-lab work list (1,000 items)" "env AI_LAB_DB_URL=$DB1 $AI_LAB work list" \
  -n "task list (1,000 tasks)" "env TASKRC=$WORK/taskrc-1k task list"

hyperfine -N --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS/list-10k.md" \
  -n "ai-lab work list (10,000 items)" "env AI_LAB_DB_URL=$DB10 $AI_LAB work list" \
  -n "task list (10,000 tasks)" "env TASKRC=$WORK/taskrc-10k task list"

hyperfine --warmup 1 --runs "${IMPORT_RUNS:-5}" --export-markdown "$RESULTS/import-10k.md" \
  -n "ai-lab work import (10,000 items)" \
  --prepare "rm -f $WORK/ai-imp.db $WORK/ai-imp.db-wal $WORK/ai-imp.db-shm" \
  "AI_LAB_DB_URL=jdbc:sqlite:$WORK/ai-imp.db $AI_LAB work import $WORK/ai-10000.json" \
  -n "task import (10,000 tasks)" \
  --prepare "rm -rf $WORK/task-imp && mkdir -p $WORK/task-imp" \
  "TASKRC=$WORK/taskrc-imp task import $WORK/task-10000.json"

echo "tables written to $RESULTS" >&2
