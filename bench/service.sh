#!/bin/sh
# Speed of 'ai-lab service add' and 'service remove' on a monorepo that already has 30 services
# (goal: each under 1 s), in one hyperfine run beside two references: rendering the same service
# without wiring it ('create-project --dir services', what adding a service meant before) and
# the start-up floor ('ai-lab --version').
#   sh bench/service.sh [RESULTS_FILE]      (default bench/results/service-add-remove.md)
# Needs hyperfine and a build: ./mvnw -q -DskipTests package. RUNS (default 10).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
RESULTS=${1:-$ROOT/bench/results/service-add-remove.md}
RUNS=${RUNS:-10}
LAB=$ROOT/bin/ai-lab
command -v hyperfine >/dev/null 2>&1 || { echo "service.sh: needs hyperfine on PATH" >&2; exit 1; }
[ -f "$ROOT/cli/target/lib/ai-lab-cli.jar" ] || { echo "service.sh: build first (./mvnw -q -DskipTests package)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/service-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
cd "$WORK"
"$LAB" --version >/dev/null
"$LAB" create-project platform --template monorepo --profile advanced --defaults >/dev/null
cd platform
i=1
while [ "$i" -le 30 ]; do
  case $((i % 3)) in
    0) t=java ;;
    1) t=python ;;
    *) t=agent-os ;;
  esac
  "$LAB" service add "svc$i" --template "$t" >/dev/null
  i=$((i + 1))
done
echo "service.sh: monorepo with $("$LAB" service list -o json | grep -o '"name"' | wc -l) services in $WORK/platform" >&2

mkdir -p "$(dirname "$RESULTS")"
hyperfine --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS" \
  --prepare "'$LAB' service remove extra --force >/dev/null 2>&1 || true; rm -rf .ai-lab/removed" \
  --command-name "ai-lab service add extra (31st service)" "'$LAB' service add extra" \
  --prepare "'$LAB' service add extra >/dev/null" \
  --command-name "ai-lab service remove extra" "'$LAB' service remove extra" \
  --prepare "'$LAB' service remove extra --force >/dev/null 2>&1 || true; rm -rf services/extra .ai-lab/removed" \
  --command-name "ai-lab create-project extra --dir services (render only, no wiring)" \
  "'$LAB' create-project extra --template python --dir services --defaults" \
  --prepare "true" \
  --command-name "ai-lab --version (start-up floor)" "'$LAB' --version"
echo "service.sh: results in $RESULTS" >&2
