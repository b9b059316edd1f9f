#!/usr/bin/env bash
# Benchmark of `vectorweight secrets set` (one value into a SOPS-encrypted Secret) with hyperfine.
#
# Cases, through the real launcher (bin/vectorweight), JVM start-up included:
#   set one value into a new Secret (2 age recipients);
#   add a second key to an existing Secret (decrypts it first with the identity);
#   floor: `vectorweight --version`; peer: `age -e` of the same value to the same 2 recipients
#   (age is what SOPS wraps the data key with; sops itself is not packaged for Debian).
# Goal: set of one value under 0.5 s.
#
# Usage: ./mvnw -q -DskipTests package && bash bench/sops.sh
# Results: Markdown table in $RESULTS_DIR (default: a temporary folder), printed at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vw="$root/bin/vectorweight"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RESULTS_DIR=${RESULTS_DIR:-$work/results}
mkdir -p "$RESULTS_DIR"
export XDG_CACHE_HOME="$work/cache"

for tool in hyperfine age age-keygen; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "sops.sh: $tool is required (apt-get install hyperfine age)" >&2
    exit 1
  fi
done

age-keygen -o "$work/cluster.txt" 2>/dev/null
age-keygen -o "$work/admin.txt" 2>/dev/null
cluster=$(age-keygen -y "$work/cluster.txt")
admin=$(age-keygen -y "$work/admin.txt")
cat >"$work/vw.yaml" <<EOF_CONFIG
project_name: bench
clusters:
  - name: lab
    domain: lab.example.com
    age_recipients: [$cluster]
sops:
  recipients: [$admin]
EOF_CONFIG
printf 'bench-value-0123456789\n' >"$work/value.txt"
cd "$work"
# first run makes the class-data archive
"$vw" secrets set -c vw.yaml lab warm token <value.txt >/dev/null 2>&1
# the launcher trains the archive in the background at the lowest priority: on a loaded
# machine that takes minutes, and runs before it ends would measure no archive at all
bash "$root/bench/wait-for-cds.sh" "$XDG_CACHE_HOME"

hyperfine --warmup 1 --runs 10 --export-markdown "$RESULTS_DIR/sops.md" --export-json "$RESULTS_DIR/sops.json" \
  -n "floor: vectorweight --version" --prepare "true" "'$vw' --version" \
  -n "secrets set, one value, new Secret" \
  --prepare "rm -f '$work/bench-deployment/clusters/lab/secrets/s.yaml'" \
  "'$vw' secrets set -c vw.yaml lab s token < value.txt" \
  -n "secrets set, second key of an existing Secret" \
  --prepare "'$vw' secrets set -c vw.yaml lab t token < value.txt >/dev/null 2>&1 || true" \
  "SOPS_AGE_KEY_FILE='$work/admin.txt' '$vw' secrets set -c vw.yaml lab t other < value.txt" \
  -n "peer: age -e to 2 recipients" --prepare "true" "age -e -r $cluster -r $admin -a -o /dev/null value.txt"

cat "$RESULTS_DIR/sops.md"
# CPU time (user + system) beside the wall time: on a shared machine it is the steadier figure
bash "$root/bench/cpu-table.sh" "$RESULTS_DIR/sops.json" | tee "$RESULTS_DIR/cpu.md"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS_DIR/cpu.md"
