#!/usr/bin/env bash
# Cost of loading and checking the config in a cold JVM (through the shipped launcher, with
# its CDS archive), against Python's PyYAML + jsonschema checking the same file against the
# same JSON Schema (what check-jsonschema does), and yamllint (syntax and style only).
# Run after: ./mvnw -q -DskipTests package
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
AI_LAB="$ROOT/bin/ai-lab"
OUT=${BENCH_OUT:-$ROOT/target/bench}
RUNS=${RUNS:-20}
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
mkdir -p "$work/proj/.ai-lab"
cp "$ROOT/examples/config.yaml" "$work/proj/.ai-lab/config.yaml"
cp "$ROOT/docs/schema/toolkit-config.schema.json" "$work/schema.json"
cat > "$work/check.py" <<'PY'
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
doc = yaml.safe_load(open(sys.argv[2]))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
for e in errors:
    print(e.message, file=sys.stderr)
sys.exit(2 if errors else 0)
PY
cd "$work/proj"
# The launcher archives the classes of its first run (CDS): train it with a config load, as
# most commands load the config. CDS_TRAIN=--version shows the cost when it was not.
read -r -a train <<< "${CDS_TRAIN:-config show}"
"$AI_LAB" "${train[@]}" >/dev/null
hyperfine --style basic --warmup 2 --runs "$RUNS" --export-markdown "$OUT/config.md" \
  -n 'ai-lab --version (start-up only)' "$AI_LAB --version" \
  -n 'ai-lab config show' "$AI_LAB config show" \
  -n 'ai-lab config show --origin' "$AI_LAB config show --origin" \
  -n 'ai-lab config validate FILE' "$AI_LAB config validate .ai-lab/config.yaml" \
  -n 'python3 PyYAML + jsonschema (peer)' "python3 $work/check.py $work/schema.json .ai-lab/config.yaml" \
  -n 'yamllint (syntax only)' "yamllint -d relaxed .ai-lab/config.yaml"
cat "$OUT/config.md"
