#!/usr/bin/env bash
# Scaffolding speed: `ai-lab create-project` against `cookiecutter --no-input`, both rendering
# the same files (a ~30-file and a ~3,000-file template, generated here), plus `ai-lab --version`
# start-up. Needs hyperfine and cookiecutter, and a build: ./mvnw -q -DskipTests package
#
#   bash bench/scaffold.sh            # results in bench/results/scaffold-*.md
#   RUNS=5 SMALL=31 LARGE=3000 bash bench/scaffold.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
AI_LAB="$ROOT/bin/ai-lab"
RUNS=${RUNS:-10}
LARGE_RUNS=${LARGE_RUNS:-5}
SMALL=${SMALL:-31}
LARGE=${LARGE:-3000}
RESULTS="$ROOT/bench/results"

for tool in hyperfine cookiecutter; do
  command -v "$tool" >/dev/null || { echo "scaffold.sh: $tool is not installed" >&2; exit 1; }
done
[ -f cli/target/lib/ai-lab-cli.jar ] || { echo "scaffold.sh: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ai-lab-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$RESULTS"
# The launcher keeps its class-data-sharing archive here. The first run trains it in the
# background, so wait for it: otherwise the runs measure the training's competition.
export XDG_CACHE_HOME="$WORK/cache"
"$AI_LAB" --version >/dev/null
bash "$ROOT/bench/wait-for-cds.sh" "$XDG_CACHE_HOME"

# make_templates NAME COUNT: the same COUNT files for both tools, in folders of 50, each file
# about 1 KiB with four variables; only the variable spelling differs between the two trees.
make_templates() {
  local name=$1 count=$2
  local cc="$WORK/cc-$name" al="$WORK/al-$name"
  mkdir -p "$cc/{{cookiecutter.project_name}}" "$al/files"
  cat >"$cc/cookiecutter.json" <<JSON
{"project_name": "bench", "author": "Ada Lovelace", "version": "0.1.0", "license": "MIT"}
JSON
  cat >"$al/template.yaml" <<YAML
name: bench-$name
version: 1.0.0
questions:
  - { name: author, default: Ada Lovelace }
  - { name: version, default: 0.1.0 }
  - { name: license, default: MIT }
tiers:
  basic: ["**"]
YAML
  python3 - "$cc/{{cookiecutter.project_name}}" "$al/files" "$count" <<'PY'
import os, sys
cc, al, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = ("# {v:project_name} by {v:author}\n"
        "version = \"{v:version}\"  license = \"{v:license}\"\n"
        + "".join(f"line {i}: plain text that needs no rendering, kept the same in every file.\n" for i in range(12)))
for i in range(count):
    rel = os.path.join(f"pkg{i // 50:03d}", f"module_{i:05d}.txt")
    for root, spell in ((cc, "cookiecutter.{}"), (al, "{}")):
        text = body
        for var in ("project_name", "author", "version", "license"):
            text = text.replace("{v:" + var + "}", "{{" + spell.format(var) + "}}")
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
PY
}

bench() {
  local name=$1 runs=$2
  local out="$WORK/out-$name"
  mkdir -p "$out"
  hyperfine --style basic --warmup 1 --runs "$runs" \
    --prepare "rm -rf '$out/bench'" \
    --export-markdown "$RESULTS/scaffold-$name.md" \
    --command-name "ai-lab create-project ($name)" \
    "'$AI_LAB' create-project bench --template-dir '$WORK/al-$name' --dir '$out' --defaults" \
    --command-name "cookiecutter --no-input ($name)" \
    "cookiecutter --no-input -o '$out' '$WORK/cc-$name'"
  # Same output from both tools (ai-lab adds its .ai-lab/ record).
  rm -rf "$out/bench" "$out/cc"
  "$AI_LAB" create-project bench --template-dir "$WORK/al-$name" --dir "$out" --defaults >/dev/null
  mv "$out/bench" "$out/al" && rm -rf "$out/al/.ai-lab"
  cookiecutter --no-input -o "$out" "$WORK/cc-$name"
  if diff -r -q "$out/al" "$out/bench" >/dev/null; then
    echo "outputs identical: $(find "$out/bench" -type f | wc -l) files"
  else
    echo "scaffold.sh: the two tools made different files" >&2
    exit 1
  fi
}

make_templates small "$SMALL"
make_templates large "$LARGE"
bench small "$RUNS"
bench large "$LARGE_RUNS"

hyperfine --style basic --warmup 2 --runs "$RUNS" --export-markdown "$RESULTS/scaffold-startup.md" \
  --command-name "ai-lab --version" "'$AI_LAB' --version" \
  --command-name "cookiecutter --version" "cookiecutter --version"

echo
for f in small large startup; do
  cat "$RESULTS/scaffold-$f.md"
  echo
done
