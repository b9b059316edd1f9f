#!/usr/bin/env bash
# ai-config's library vs the git command on the same bare repository of 10,000 files (~4 KB each):
#   init vs git clone, a no-change update vs git pull, an update bringing 100 changed files vs
#   git pull, and list/search over the 10,000 files vs git ls-files / git grep.
# Run after: ./mvnw -q -DskipTests package
# Environment: FILES (default 10000), RUNS (default 10), BENCH_DIR (default a temporary folder),
# BENCH_OUT (where the markdown tables go, default bench/results), SECTIONS (default
# "init noop update100 list"), BENCH_RT=1 to run the measured commands with a real-time priority
# (chrt -r 10, root only) so that other work on a shared machine does not distort them; both
# tools get the same priority.
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
SECTIONS=${SECTIONS:-init noop update100 list}
RT=""
if [ "${BENCH_RT:-0}" = 1 ]; then RT="chrt -r 10 "; fi
want() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if [ -d "$W/upstream.git" ] && [ -d "$W/author" ] && [ "${REUSE:-0}" = 1 ]; then
  echo "bench: reusing $W" >&2
else
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
fi
URL="file://$W/upstream.git"

# The launcher records a class-data-sharing archive on the first run after a build and reuses
# it. Make that first run a representative one (health over a library: config, git, index), in
# a cache of our own, rather than whichever command happens to come first.
export XDG_CACHE_HOME="$W/cache"
rm -rf "$XDG_CACHE_HOME" "$W/train"
mkdir -p "$W/train"
git clone -q "$W/src" "$W/train/library"
"$AIC" health --offline --home "$W/train" >/dev/null 2>&1 || true

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

if want init; then
echo "bench: init vs git clone" >&2
hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$OUT/library-init.md" \
  --prepare "rm -rf '$W/aic' '$W/gitclone'" \
  -n "ai-config init" "$RT$AIC init '$URL' --home '$W/aic' -q" \
  -n "git clone" "${RT}git clone -q '$URL' '$W/gitclone'"
fi

if [ ! -d "$W/aic/library" ] || [ ! -d "$W/gitclone" ]; then
  rm -rf "$W/aic" "$W/gitclone"
  "$AIC" init "$URL" --home "$W/aic" -q >/dev/null
  git clone -q "$URL" "$W/gitclone"
fi

if want noop; then
echo "bench: no-change update vs git pull" >&2
git -C "$W/gitclone" pull -q
"$AIC" library update --home "$W/aic" -q >/dev/null
hyperfine --runs "$RUNS" --warmup 2 --export-markdown "$OUT/library-update-noop.md" \
  -n "ai-config library update (no change)" "$RT$AIC library update --home '$W/aic'" \
  -n "git pull (no change)" "${RT}git -C '$W/gitclone' pull -q"
fi

if want update100; then
echo "bench: 100-file update vs git pull" >&2
hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$OUT/library-update-100.md" \
  --prepare "'$W/change100.sh'" \
  -n "ai-config library update (100 files)" "$RT$AIC library update --home '$W/aic'" \
  --prepare "'$W/change100.sh'" \
  -n "git pull (100 files)" "${RT}git -C '$W/gitclone' pull -q"
fi

if want list; then
echo "bench: list and search over $FILES files" >&2
"$AIC" library list --home "$W/aic" >/dev/null
hyperfine --runs "$RUNS" --warmup 2 --export-markdown "$OUT/library-list-search.md" \
  -n "ai-config library list" "$RT$AIC library list --home '$W/aic'" \
  -n "git ls-files" "${RT}git -C '$W/gitclone' ls-files" \
  -n "ai-config library search" "$RT$AIC library search 'prompt 4242:' --home '$W/aic'" \
  -n "git grep" "${RT}git -C '$W/gitclone' grep -F 'prompt 4242:'"
fi

echo "bench: tables in $OUT/library-*.md" >&2
for t in init update-noop update-100 list-search; do
  [ -f "$OUT/library-$t.md" ] && cat "$OUT/library-$t.md"
done
exit 0
