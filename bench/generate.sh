#!/usr/bin/env bash
# Benchmark of `vectorweight generate` (GitOps generation) with hyperfine.
#
# Cases, each through the real launcher (bin/vectorweight), so JVM start-up is included:
#   full generate into an empty folder, 1 cluster and 50 clusters;
#   re-run with nothing changed (1 and 50);
#   re-run after one of the 50 clusters changed;
#   and, as floors, `cp -r` of the same 50-cluster output and `vectorweight --version`
#   (JVM and command-line framework start, no work).
#   the same 50 clusters with `gitops.engine: flux` (full and nothing changed).
# Goals: 50 clusters fully generated in under 2 s; a no-change re-run under 0.5 s; both
# for either engine.
#
# Usage: ./mvnw -q -DskipTests package && bash bench/generate.sh
# Results: Markdown tables in $RESULTS_DIR (default: a temporary folder), printed at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vw="$root/bin/vectorweight"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RESULTS_DIR=${RESULTS_DIR:-$work/results}
mkdir -p "$RESULTS_DIR"
# Keep the launcher's class-data-sharing archive inside the work folder, made by a generate run.
export XDG_CACHE_HOME="$work/cache"

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "generate.sh: hyperfine is required (apt-get install hyperfine)" >&2
  exit 1
fi

# $1 clusters; $2 size of the first cluster (to make the one-cluster change)
config() {
  local n=$1 first_size=${2:-medium}
  echo "project_name: bench-lab"
  echo "environment: production"
  echo "clusters:"
  local i size store
  for ((i = 1; i <= n; i++)); do
    size=small
    store=qdrant
    case $((i % 4)) in
      0) store=weaviate ;;
      1) store=chroma ;;
      2) store=none ;;
    esac
    if ((i % 3 == 0)); then size=large; fi
    if ((i == 1)); then size=$first_size; fi
    printf '  - name: c%02d\n    domain: c%02d.lab.example.com\n    size: %s\n' "$i" "$i" "$size"
    printf '    vector_store: %s\n    cerbos_enabled: %s\n' "$store" "$([ $((i % 2)) -eq 0 ] && echo true || echo false)"
    if ((i % 5 == 0)); then echo "    gpu_enabled: true"; fi
  done
  echo "enable_gpu_operator: true"
  echo "auto_create_repositories: false"
  echo "github:"
  echo "  owner: bench"
}

config 1 > "$work/one.yaml"
config 50 medium > "$work/fifty.yaml"
config 50 large > "$work/fifty-changed.yaml"
{ cat "$work/fifty.yaml"; printf 'gitops:\n  engine: flux\n'; } > "$work/fifty-flux.yaml"

# First run makes the CDS archive from a real generate, as a user's first run would.
"$vw" generate -c "$work/fifty.yaml" --dir "$work/warm" >/dev/null 2>&1
bash "$root/bench/wait-for-cds.sh" "$XDG_CACHE_HOME"
files=$(find "$work/warm" -type f | wc -l)
echo "50-cluster output: $files files, $(du -sh "$work/warm" | cut -f1)" >&2

hyperfine --warmup 1 --runs 10 --export-markdown "$RESULTS_DIR/full.md" --export-json "$RESULTS_DIR/full.json" \
  -n "generate 1 cluster (empty folder)" \
  --prepare "rm -rf '$work/o1'" "'$vw' generate -c '$work/one.yaml' --dir '$work/o1'" \
  -n "generate 50 clusters (empty folder)" \
  --prepare "rm -rf '$work/o50'" "'$vw' generate -c '$work/fifty.yaml' --dir '$work/o50'" \
  -n "cp -r of the 50-cluster output" \
  --prepare "rm -rf '$work/copy'" "cp -r '$work/warm' '$work/copy'"

"$vw" generate -c "$work/one.yaml" --dir "$work/o1" >/dev/null 2>&1
"$vw" generate -c "$work/fifty.yaml" --dir "$work/o50" >/dev/null 2>&1
hyperfine --warmup 1 --runs 10 --export-markdown "$RESULTS_DIR/rerun.md" --export-json "$RESULTS_DIR/rerun.json" \
  -n "floor: vectorweight --version (JVM + CLI start)" "'$vw' --version" \
  -n "re-run, nothing changed, 1 cluster" "'$vw' generate -c '$work/one.yaml' --dir '$work/o1'" \
  -n "re-run, nothing changed, 50 clusters" "'$vw' generate -c '$work/fifty.yaml' --dir '$work/o50'" \
  -n "plan, nothing changed, 50 clusters" "'$vw' plan -c '$work/fifty.yaml' --dir '$work/o50'" \
  -n "re-run, one of 50 clusters changed" \
  --prepare "cp '$work/fifty.yaml' '$work/cur.yaml' && '$vw' generate -c '$work/cur.yaml' --dir '$work/o50c' >/dev/null 2>&1 && cp '$work/fifty-changed.yaml' '$work/cur.yaml'" \
  "'$vw' generate -c '$work/cur.yaml' --dir '$work/o50c'"

"$vw" generate -c "$work/fifty-flux.yaml" --dir "$work/f50" >/dev/null 2>&1
echo "50-cluster Flux output: $(find "$work/f50" -type f | wc -l) files" >&2
hyperfine --warmup 1 --runs 10 --export-markdown "$RESULTS_DIR/flux.md" --export-json "$RESULTS_DIR/flux.json" \
  -n "floor: vectorweight --version (JVM + CLI start)" --prepare "true" "'$vw' --version" \
  -n "flux: generate 50 clusters (empty folder)" \
  --prepare "rm -rf '$work/f50x'" "'$vw' generate -c '$work/fifty-flux.yaml' --dir '$work/f50x'" \
  -n "flux: re-run, nothing changed, 50 clusters" --prepare "true" "'$vw' generate -c '$work/fifty-flux.yaml' --dir '$work/f50'" \
  -n "cp -r of the 50-cluster Flux output" \
  --prepare "rm -rf '$work/fcopy'" "cp -r '$work/f50' '$work/fcopy'"

cat "$RESULTS_DIR/full.md" "$RESULTS_DIR/rerun.md" "$RESULTS_DIR/flux.md"
# CPU time (user + system) beside the wall time: on a shared machine it is the steadier figure
bash "$root/bench/cpu-table.sh" "$RESULTS_DIR"/full.json "$RESULTS_DIR"/rerun.json "$RESULTS_DIR"/flux.json | tee "$RESULTS_DIR/cpu.md"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS_DIR/cpu.md"
