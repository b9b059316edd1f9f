#!/usr/bin/env bash
# ai-config's library vs the git command on the same bare repository of 10,000 files (~4 KB each):
#   init vs git clone, a no-change update vs git pull, an update bringing 100 changed files vs
#   git pull, and list/search over the 10,000 files vs git ls-files / git grep.
# Run after: ./mvnw -q -DskipTests package
# Environment: FILES (default 10000), RUNS (default 10), BENCH_DIR (default a temporary folder),
# BENCH_OUT (where the markdown tables go, default bench/results).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
AIC="$ROOT/bin/ai-config"
FILES=${FILES:-10000}
RUNS=${RUNS:-10}
OUT=${BENCH_OUT:-$ROOT/bench/results}
W=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$OUT" "$W"
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
[ -f cli/target/lib/ai-lab-cli.jar ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
export AI_CONFIG_GIT="${AI_CONFIG_GIT:-auto}"

echo "bench: building a repository of $FILES files in $W" >&2
rm -rf "$W/src" "$W/upstream.git" "$W/author"
mkdir -p "$W/src"
for d in $(seq -w 0 99); do mkdir -p "$W/src/d$d"; done
awk -v dir="$W/src" -v n="$FILES" 'BEGIN {
  for (i = 0; i < n; i++) {
    f = sprintf("%s/d%02d/prompt-%05d.md", dir, i % 100, i)
    for (j = 0; j < 60; j++) print "line " j " of prompt " i ": lorem ipsum dolor sit amet, consectetur" > f
    close(f)
  }
}'
printf 'name: bench library\nformat: 1\n' > "$W/src/library.yaml"
git -C "$W/src" init -q -b main
git -C "$W/src" add -A
git -C "$W/src" commit -q -m "10,000 prompts"
git clone -q --bare "$W/src" "$W/upstream.git"
git clone -q "file://$W/upstream.git" "$W/author"
URL="file://$W/upstream.git"

# One new upstream commit touching 100 files, pushed: run before each measured update.
cat > "$W/change100.sh" <<SH
#!/bin/sh
set -e
cd "$W/author"
stamp=\$(date +%s%N)
for i in \$(seq 0 99); do
  f=\$(printf 'd%02d/prompt-%05d.md' \$((i % 100)) \$i)
  echo "changed \$stamp" >> "\$f"
done
git commit -q -am "change 100 files \$stamp"
git push -q origin main
SH
chmod +x "$W/change100.sh"

echo "bench: init vs git clone" >&2
hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$OUT/library-init.md" \
  --prepare "rm -rf '$W/aic' '$W/gitclone'" \
  -n "ai-config init" "$AIC init '$URL' --home '$W/aic' -q" \
  -n "git clone" "git clone -q '$URL' '$W/gitclone'"

rm -rf "$W/aic" "$W/gitclone"
"$AIC" init "$URL" --home "$W/aic" -q >/dev/null
git clone -q "$URL" "$W/gitclone"

echo "bench: no-change update vs git pull" >&2
hyperfine --runs "$RUNS" --warmup 2 --export-markdown "$OUT/library-update-noop.md" \
  -n "ai-config library update (no change)" "$AIC library update --home '$W/aic'" \
  -n "git pull (no change)" "git -C '$W/gitclone' pull -q"

echo "bench: 100-file update vs git pull" >&2
hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$OUT/library-update-100.md" \
  --prepare "'$W/change100.sh'" \
  -n "ai-config library update (100 files)" "$AIC library update --home '$W/aic'" \
  --prepare "'$W/change100.sh'" \
  -n "git pull (100 files)" "git -C '$W/gitclone' pull -q"

echo "bench: list and search over $FILES files" >&2
"$AIC" library list --home "$W/aic" >/dev/null
hyperfine --runs "$RUNS" --warmup 2 --export-markdown "$OUT/library-list-search.md" \
  -n "ai-config library list" "$AIC library list --home '$W/aic'" \
  -n "git ls-files" "git -C '$W/gitclone' ls-files" \
  -n "ai-config library search" "$AIC library search 'prompt 4242:' --home '$W/aic'" \
  -n "git grep" "git -C '$W/gitclone' grep -F 'prompt 4242:'"

echo "bench: tables in $OUT/library-*.md" >&2
cat "$OUT"/library-init.md "$OUT"/library-update-noop.md "$OUT"/library-update-100.md "$OUT"/library-list-search.md
