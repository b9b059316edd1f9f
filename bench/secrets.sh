#!/usr/bin/env bash
# Benchmarks `ai-lab secrets` and `ai-lab backup` against the tools they replace:
#  - secrets set / secrets verify  vs  age -e / age -d of the same data (1 KB and 100 MB);
#  - backup create / backup verify of a 100 MB deployment folder  vs  tar czf + sha256sum.
# Run after `./mvnw -q -DskipTests package`. Needs hyperfine and age. Writes Markdown tables
# to bench/results/ (override with OUT=DIR). RUNS_SMALL / RUNS_LARGE set the run counts,
# SECTIONS (default "small large backup") which parts run, TAG a suffix for the result files
# (for example TAG=c2 with AI_LAB_JAVA_OPTS=-XX:TieredStopAtLevel=4, which the launcher passes on).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
AI_LAB=${AI_LAB:-$root/bin/ai-lab}
OUT=${OUT:-$root/bench/results}
RUNS_SMALL=${RUNS_SMALL:-20}
RUNS_LARGE=${RUNS_LARGE:-5}
SECTIONS=${SECTIONS:-small large backup}
tag=${TAG:+-$TAG}
want() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
for tool in hyperfine age tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }
done
[ -x "$AI_LAB" ] || { echo "bench: $AI_LAB missing; build with ./mvnw -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ai-lab-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT" "$work/xdg-config"
# A private deployment folder and no user config; the CDS cache stays shared so the
# launcher's archive is reused as it would be on a host.
export AI_LAB_DEPLOY_DIR="$work/ai" XDG_CONFIG_HOME="$work/xdg-config" XDG_STATE_HOME="$work/state"

"$AI_LAB" secrets init >/dev/null
identity="$work/ai/age/identity.txt"
recipient=$(sed -n 's/^# public key: //p' "$identity")

# Payloads end in a letter, so the one trailing newline `secrets set` drops never matters.
head -c 1023 /dev/urandom | base64 -w0 | head -c 1023 > "$work/1k.txt"; printf x >> "$work/1k.txt"
head -c $((100 * 1024 * 1024 - 1)) /dev/urandom > "$work/100m.bin"; printf x >> "$work/100m.bin"
"$AI_LAB" secrets set bench1k < "$work/1k.txt" >/dev/null
"$AI_LAB" secrets set bench100m < "$work/100m.bin" >/dev/null
age -r "$recipient" -o "$work/1k.age" "$work/1k.txt"
age -r "$recipient" -o "$work/100m.age" "$work/100m.bin"

if want small; then
echo "== secrets, 1 KB"
hyperfine --warmup 3 --runs "$RUNS_SMALL" --export-markdown "$OUT/secrets-1k$tag.md" \
  -n "ai-lab --version (start-up floor)" "$AI_LAB --version" \
  -n "ai-lab secrets set (1 KB)" "$AI_LAB secrets set bench1k < $work/1k.txt" \
  -n "age -e (1 KB)" "age -r $recipient -o $work/1k.out.age $work/1k.txt" \
  -n "ai-lab secrets verify (1 KB)" "$AI_LAB secrets verify bench1k" \
  -n "age -d (1 KB)" "age -d -i $identity -o /dev/null $work/1k.age"
fi

if want large; then
echo "== secrets, 100 MB"
hyperfine --warmup 1 --runs "$RUNS_LARGE" --export-markdown "$OUT/secrets-100m$tag.md" \
  -n "ai-lab secrets set (100 MB)" "$AI_LAB secrets set bench100m < $work/100m.bin" \
  -n "age -e (100 MB)" "age -r $recipient -o $work/100m.out.age $work/100m.bin" \
  -n "ai-lab secrets verify (100 MB)" "$AI_LAB secrets verify bench100m" \
  -n "age -d (100 MB)" "age -d -i $identity -o /dev/null $work/100m.age"
fi
rm -f "$work/100m.bin" "$work/100m.age" "$work/100m.out.age" "$work/ai/secrets/bench100m.age"
want backup || exit 0

# A 100 MB deployment folder: 50 MB of incompressible files (models, caches) and 50 MB of
# text (configs, logs) in 200 files.
mkdir -p "$work/ai/state/blobs" "$work/ai/logs" "$work/ai/config"
for i in $(seq 1 50); do head -c $((1024 * 1024)) /dev/urandom > "$work/ai/state/blobs/blob-$i.bin"; done
for i in $(seq 1 150); do
  (seq -f "2026-11-22T10:%g agent=claude level=info msg=\"request handled\" id=$i" 1 9000 || true) \
    | head -c 349525 > "$work/ai/logs/agent-$i.log"
done
echo "pod: ai-agents" > "$work/ai/config/pod.yaml"
echo "deployment folder: $(du -sh --exclude=backups "$work/ai" | cut -f1)"

mkdir -p "$work/out"
"$AI_LAB" backup create --dir "$work/out" >/dev/null
archive=$(find "$work/out" -maxdepth 1 -name "ai-lab-backup-*.tar.gz" | head -1)
tar czf "$work/peer.tar.gz" -C "$work/ai" --exclude=./backups --exclude=./age .
sha256sum "$work/peer.tar.gz" > "$work/peer.tar.gz.sha256"

echo "== backup, 100 MB"
hyperfine --warmup 1 --runs "$RUNS_LARGE" --export-markdown "$OUT/backup-100m$tag.md" \
  --prepare "rm -rf $work/out/new-*" \
  -n "ai-lab backup create" "$AI_LAB backup create --dir $work/out/new-\$RANDOM" \
  -n "tar czf + sha256sum" "tar czf $work/t.tar.gz -C $work/ai --exclude=./backups --exclude=./age . && sha256sum $work/t.tar.gz > $work/t.tar.gz.sha256" \
  -n "ai-lab backup verify" "$AI_LAB backup verify $archive" \
  -n "sha256sum -c + tar tzf" "cd $work && sha256sum -c --quiet peer.tar.gz.sha256 && tar tzf peer.tar.gz > /dev/null"

ls -l "$archive" "$work/peer.tar.gz"
echo "results in $OUT"
