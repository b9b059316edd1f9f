#!/bin/sh
# Two builds of the toolkit side by side on the commands every front runs most, in one
# hyperfine run per command, so a change can show it made nothing slower on a busy machine
# (the ratio between the two is what to trust, not the absolute times).
#   sh bench/compare.sh OLD_CHECKOUT NEW_CHECKOUT [RESULTS_DIR]
# Both checkouts must be built (./mvnw -q -DskipTests package). RUNS (default 10).
set -eu

[ $# -ge 2 ] || { echo "usage: compare.sh OLD_CHECKOUT NEW_CHECKOUT [RESULTS_DIR]" >&2; exit 2; }
OLD=$(cd "$1" && pwd -P)
NEW=$(cd "$2" && pwd -P)
RESULTS=${3:-$NEW/bench/results/compare}
RUNS=${RUNS:-10}
command -v hyperfine >/dev/null 2>&1 || { echo "compare.sh: needs hyperfine on PATH" >&2; exit 1; }
for root in "$OLD" "$NEW"; do
  [ -f "$root/cli/target/lib/ai-lab-cli.jar" ] || { echo "compare.sh: build $root first" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$RESULTS"

# Runs a command with the XDG folders of one build's home.
in_home() { # home command...
  h=$1; shift
  XDG_CONFIG_HOME="$h/config" XDG_DATA_HOME="$h/data" XDG_STATE_HOME="$h/state" XDG_CACHE_HOME="$h/cache" "$@"
}

# Each build gets its own XDG folders (store, caches, class-data archive) with the same data.
setup() { # name root
  home="$WORK/$1"
  mkdir -p "$home/config" "$home/data" "$home/state" "$home/cache"
  env="XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache"
  # First runs train the class-data archive (in the background on newer builds): wait for it.
  in_home "$home" "$2/bin/ai-lab" --version >/dev/null
  i=0
  while [ "$i" -lt 90 ]; do
    for f in "$home"/cache/ai-lab/cds/*.jsa; do [ -f "$f" ] && i=90; done
    sleep 1; i=$((i + 1))
  done
  awk 'BEGIN { print "["; for (i = 1; i <= 1000; i++) printf "{\"title\": \"item %d\", \"project\": \"p%d\", \"labels\": [\"l%d\"]}%s\n", i, i % 7, i % 5, (i < 1000 ? "," : ""); print "]" }' > "$home/items.json"
  in_home "$home" "$2/bin/ai-lab" work import "$home/items.json" >/dev/null 2>&1 || true
  in_home "$home" "$2/bin/vectorweight" init --template production --file "$home/vw.yaml" >/dev/null 2>&1 \
    || in_home "$home" "$2/bin/vectorweight" init --template production --output "$home/vw.yaml" >/dev/null 2>&1
  in_home "$home" "$2/bin/vectorweight" generate -c "$home/vw.yaml" --dir "$home/out" >/dev/null 2>&1 \
    || in_home "$home" "$2/bin/vectorweight" generate -c "$home/vw.yaml" -o "$home/out" >/dev/null 2>&1
  echo "$env"
}
OLD_ENV=$(setup old "$OLD")
NEW_ENV=$(setup new "$NEW")

compare() { # file label command-args-for-ai-lab-or-full
  hyperfine --style basic --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS/$1.md" \
    -n "old: $2" "export $OLD_ENV; $3" -n "new: $2" "export $NEW_ENV; $4" >/dev/null
  tail -n 2 "$RESULTS/$1.md"
}
compare version '--version' "$OLD/bin/ai-lab --version" "$NEW/bin/ai-lab --version"
compare work-list 'work list, 1,000 items' "$OLD/bin/ai-lab work list --all" "$NEW/bin/ai-lab work list --all"
compare config-show 'config show' "$OLD/bin/ai-lab config show" "$NEW/bin/ai-lab config show"
compare create-project 'create-project python, standard' \
  "rm -rf $WORK/cp-old && $OLD/bin/ai-lab create-project cp --template python --dir $WORK/cp-old --defaults" \
  "rm -rf $WORK/cp-new && $NEW/bin/ai-lab create-project cp --template python --dir $WORK/cp-new --defaults"
compare vw-rerun 'vectorweight generate, nothing changed' \
  "$OLD/bin/vectorweight generate -c $WORK/old/vw.yaml -o $WORK/old/out" \
  "$NEW/bin/vectorweight generate -c $WORK/new/vw.yaml --dir $WORK/new/out"
compare vw-validate 'vectorweight validate' \
  "$OLD/bin/vectorweight validate -c $WORK/old/vw.yaml" "$NEW/bin/vectorweight validate -c $WORK/new/vw.yaml"
echo "tables in $RESULTS"
