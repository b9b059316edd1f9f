#!/bin/sh
# Speed and per-file outcome of 'ai-lab project update' against the update sequence of cruft (and,
# for its merge step, copier), scripted with the tools that are here: render the old and the new
# template version with cookiecutter, 'git diff' the two renders, apply that patch to the project
# with 'git apply -3', falling back to 'git apply --reject' (cruft's own sequence; neither cruft
# nor copier is installable here). The same template is written in both syntaxes (Mustache for
# ai-lab, Jinja for cookiecutter); both make byte-identical projects, which the script checks.
#
# Version 1 -> 2 changes 20 template files (18 edited on their first line, 1 new, 1 dropped).
# Scenarios (each project is a git repository: the fresh render committed, then the user's work):
#   files-31    31 files; the user edited the last line of 20 files (11-30), 8 of them also
#               changed by the template (different lines)
#   files-3000  3,000 files; the user edited the last line of 50 files (11-60)
#   overlap     31 files; the user edited the first line of file 1, the line the template changes,
#               before the first commit (the project was edited before it went into git)
#   deleted     31 files; the user deleted file 2 (which the template changes) and committed that
#   deleted-wip 31 files; the user deleted file 2 and has not committed yet
# files-31 and files-3000 are timed with hyperfine (wall, user and system time, same run);
# every scenario gets its per-file outcome table for both tools.
#
#   sh bench/update.sh [RESULTS_DIR]      (default bench/results/update)
# Needs hyperfine, cookiecutter, git, python3 (to read JSON) and a build:
# ./mvnw -q -DskipTests package. RUNS (default 10).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
RESULTS=${1:-$ROOT/bench/results/update}
RUNS=${RUNS:-10}
LAB=${LAB:-$ROOT/bin/ai-lab}   # LAB=/path/to/an/unpacked/distribution/bin/ai-lab measures another build
for tool in hyperfine cookiecutter git python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "update.sh: needs $tool on PATH" >&2; exit 1; }
done
[ -f "$ROOT/cli/target/lib/ai-lab-cli.jar" ] || [ -n "${LAB#"$ROOT"/bin/ai-lab}" ] || { echo "update.sh: build first (./mvnw -q -DskipTests package)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/update-bench.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT INT TERM   # KEEP=1 keeps the projects to look at
# cookiecutter keeps a replay file under HOME; ai-lab its config under XDG: both inside WORK
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
mkdir -p "$HOME" "$RESULTS"
# the launcher trains its class-data archive in the background on the first run with a new cache:
# wait for it, so that no run is timed while the training takes the processors
"$LAB" --version >/dev/null
waited=0
until ls "$XDG_CACHE_HOME"/ai-lab/cds/*.jsa "$XDG_CACHE_HOME"/ai-lab/cds/*.failed >/dev/null 2>&1 || [ "$waited" -ge 180 ]; do
  sleep 2; waited=$((waited + 2))
done

# template_files DIR VAR VERSION N: the N files of the template, VAR being the project name's variable
template_files() {
  i=0
  while [ "$i" -lt 30 ]; do mkdir -p "$1/$(printf 'd%02d' "$i")"; i=$((i + 1)); done
  awk -v root="$1" -v var="$2" -v v2="$([ "$3" = 2 ] && echo 1 || echo 0)" -v n="$4" 'BEGIN {
    for (i = 1; i <= n; i++) {
      if (v2 && i == n) continue                       # dropped in version 2
      f = sprintf("%s/d%02d/f%04d.txt", root, i % 30, i)
      printf "# %s file %d%s\n", var, i, (v2 && i <= 18) ? ", revised in version 2" : "" > f
      for (k = 2; k <= 9; k++) printf "line %d of file %d\n", k, i > f
      printf "end of file %d\n", i > f
      close(f)
    }
    if (v2) { f = root "/new.txt"; printf "new in version 2 for %s\n", var > f; close(f) }
  }'
}

# templates N: ai-lab's (Mustache) and cookiecutter's (Jinja) template, versions 1 and 2
templates() {
  t=$WORK/tpl-$1
  for v in 1 2; do
    mkdir -p "$t/ailab-v$v/files" "$t/cc-v$v"
    printf 'name: bench\nversion: %s.0.0\ndescription: update benchmark\ntiers:\n  basic:\n    - "**"\n' "$v" >"$t/ailab-v$v/template.yaml"
    template_files "$t/ailab-v$v/files" '{{project_name}}' "$v" "$1"
    printf '{"project_name": "demo"}\n' >"$t/cc-v$v/cookiecutter.json"
    template_files "$t/cc-v$v/{{cookiecutter.project_name}}" '{{ cookiecutter.project_name }}' "$v" "$1"
  done
}

# user_edits DIR FIRST LAST: the user changes the last line of files FIRST..LAST
user_edits() {
  i=$2
  while [ "$i" -le "$3" ]; do
    f=$1/$(printf 'd%02d/f%04d.txt' $((i % 30)) "$i")
    sed -i 's/^end of file .*/& (edited by the user)/' "$f"
    i=$((i + 1))
  done
}

# scenario NAME N: both projects made, edited and committed; kept as tar files to start each run from
scenario() {
  name=$1 n=$2 s=$WORK/$1
  mkdir -p "$s/ours" "$s/peer"
  "$LAB" create-project demo --template-dir "$WORK/tpl-$n/ailab-v1" --profile basic --defaults --dir "$s/ours" >/dev/null
  (cd "$s/peer" && cookiecutter --no-input "$WORK/tpl-$n/cc-v1" >/dev/null)
  if ! diff -r -x .ai-lab "$s/ours/demo" "$s/peer/demo" >/dev/null; then
    echo "update.sh: the two templates do not render the same project ($name)" >&2; exit 1
  fi
  for side in ours peer; do
    p=$s/$side/demo
    case $name in
      overlap)
        sed -i '1s/.*/& (edited by the user)/' "$p/d01/f0001.txt"
        git -C "$p" init -q && git -C "$p" add -A && git -C "$p" commit -qm "made and edited" ;;
      *)
        git -C "$p" init -q && git -C "$p" add -A && git -C "$p" commit -qm "made by the template"
        case $name in
          files-31) user_edits "$p" 11 30 ;;
          files-3000) user_edits "$p" 11 60 ;;
          deleted|deleted-wip) rm "$p/d02/f0002.txt" ;;
        esac
        [ "$name" = deleted-wip ] || git -C "$p" commit -qam "the user's work" ;;
    esac
    tar -C "$s/$side" -cf "$s/$side.tar" demo
  done
}

# the peer's update, as cruft does it: both renders, their diff, git apply -3 then --reject
cat >"$WORK/peer-update.sh" <<'EOF'
#!/bin/sh
# peer-update.sh TEMPLATE_V1 TEMPLATE_V2 PROJECT LOG
set -u
r=$(mktemp -d)
(cd "$r" && mkdir old new && cookiecutter --no-input -o old "$1" >/dev/null && cookiecutter --no-input -o new "$2" >/dev/null) || exit 3
(cd "$r" && git diff --no-index --binary --no-color --no-ext-diff old/demo new/demo >patch.diff)
cd "$3" || exit 3
if git apply -3 -v -p3 "$r/patch.diff" >"$4" 2>&1; then
  status=0
else
  echo "== fallback: git apply --reject" >>"$4"
  git apply --reject -v -p3 "$r/patch.diff" >>"$4" 2>&1
  status=$?
fi
rm -rf "$r"
exit "$status"
EOF

echo "update.sh: making templates and projects in $WORK" >&2
templates 31
templates 3000
for sc in files-31:31 files-3000:3000 overlap:31 deleted:31 deleted-wip:31; do
  scenario "${sc%%:*}" "${sc##*:}"
done

# restore.sh SCENARIO SIDE: the project as it was before the update (run by hyperfine's --prepare);
# the index is refreshed, since the extracted files have new inodes and 'git apply -3' would
# otherwise take every file for changed
cat >"$WORK/restore.sh" <<EOF
#!/bin/sh
d=$WORK/\$1/\$2
rm -rf "\$d/demo" && tar -C "\$d" -xf "\$d.tar" && git -C "\$d/demo" update-index -q --refresh >/dev/null || true
EOF
restore() { sh "$WORK/restore.sh" "$1" "$2"; }

# timed: both tools on both sizes, one hyperfine run
LOAD_BEFORE=$(uptime)
set --
for sc in files-31:31 files-3000:3000; do
  name=${sc%%:*} n=${sc##*:}
  set -- "$@" \
    --prepare "sh '$WORK/restore.sh' $name ours" \
    --command-name "ai-lab project update ($name)" \
    "'$LAB' project update '$WORK/$name/ours/demo' --template-dir '$WORK/tpl-$n/ailab-v2' >/dev/null" \
    --prepare "sh '$WORK/restore.sh' $name peer" \
    --command-name "cruft-style peer ($name)" \
    "sh '$WORK/peer-update.sh' '$WORK/tpl-$n/cc-v1' '$WORK/tpl-$n/cc-v2' '$WORK/$name/peer/demo' /dev/null"
done
hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --export-json "$RESULTS/times.json" --export-markdown "$RESULTS/times.md" "$@"
LOAD_AFTER=$(uptime)

# outcomes: each scenario once more, read per file
for sc in files-31:31 files-3000:3000 overlap:31 deleted:31 deleted-wip:31; do
  name=${sc%%:*} n=${sc##*:}
  restore "$name" ours
  restore "$name" peer
  set +e
  "$LAB" project update "$WORK/$name/ours/demo" --template-dir "$WORK/tpl-$n/ailab-v2" -o json >"$RESULTS/$name-ours.json" 2>"$RESULTS/$name-ours.err"
  echo $? >"$RESULTS/$name-ours.rc"
  sh "$WORK/peer-update.sh" "$WORK/tpl-$n/cc-v1" "$WORK/tpl-$n/cc-v2" "$WORK/$name/peer/demo" "$RESULTS/$name-peer.log"
  echo $? >"$RESULTS/$name-peer.rc"
  set -e
  # what is left in the project: .rej files, files holding markers, and whether a deleted file came back
  p=$WORK/$name/peer/demo
  {
    echo "rej=$(find "$p" -name '*.rej' | wc -l)"
    echo "markers=$(grep -rl --exclude-dir=.git '^<<<<<<<' "$p" | wc -l)"
    echo "f0002_present=$([ -f "$p/d02/f0002.txt" ] && echo yes || echo no)"
    echo "f0001_has_template_change=$(grep -c 'revised in version 2' "$p/d01/f0001.txt" || true)"
    echo "same_as_ours=$(diff -r -x .ai-lab -x .git -x '*.orig' "$p" "$WORK/$name/ours/demo" >/dev/null && echo yes || echo no)"
  } >"$RESULTS/$name-peer.state"
done

python3 - "$RESULTS" "$LOAD_BEFORE" "$LOAD_AFTER" <<'EOF'
import json, re, sys, collections
results, load_before, load_after = sys.argv[1], sys.argv[2], sys.argv[3]
scenarios = ["files-31", "files-3000", "overlap", "deleted", "deleted-wip"]
ours_cols = ["unchanged", "updated", "kept", "merged", "conflict", "added", "removed", "kept-modified", "kept-deleted"]
out = []
times = json.load(open(f"{results}/times.json"))["results"]
out.append("Load average: before `" + load_before.strip() + "`, after `" + load_after.strip() + "`.\n")
out.append("| command | wall mean ± σ | min | max | user + sys (mean) |")
out.append("| --- | ---: | ---: | ---: | ---: |")
for t in times:
    out.append(f"| {t['command']} | {t['mean']:.3f} s ± {t['stddev'] or 0:.3f} | {t['min']:.3f} s | {t['max']:.3f} s | {t['user'] + t['system']:.3f} s |")
by = {t["command"]: t for t in times}
out.append("")
for name in ["files-31", "files-3000"]:
    o, p = by[f"ai-lab project update ({name})"], by[f"cruft-style peer ({name})"]
    out.append(f"- {name}: ai-lab / peer = {o['mean'] / p['mean']:.2f} (wall), {(o['user'] + o['system']) / (p['user'] + p['system']):.2f} (CPU)")
out.append("\nai-lab, files per outcome (exit code last):\n")
out.append("| scenario | " + " | ".join(ours_cols) + " | exit |")
out.append("| --- |" + " ---: |" * (len(ours_cols) + 1))
for name in scenarios:
    files = json.load(open(f"{results}/{name}-ours.json"))["files"]
    c = collections.Counter(f["outcome"] for f in files)
    rc = open(f"{results}/{name}-ours.rc").read().strip()
    out.append(f"| {name} | " + " | ".join(str(c.get(k, 0)) for k in ours_cols) + f" | {rc} |")
out.append("\ncruft-style peer, files of the patch per result (files outside the patch are left as they are):\n")
out.append("| scenario | -3: applied | -3: three-way clean | -3: three-way with markers | -3 refused, fell back | --reject: applied | --reject: .rej | --reject: skipped (error) | deleted file back | template change kept out | exit |")
out.append("| --- |" + " ---: |" * 10)
for name in scenarios:
    log = open(f"{results}/{name}-peer.log").read()
    three, _, reject = log.partition("== fallback: git apply --reject")
    fell = bool(reject)
    direct = set(re.findall(r"^Applied patch (\S+) cleanly\.$", three, re.M))
    merged = set(re.findall(r"^Applied patch to '(.+)' cleanly\.$", three, re.M))
    marked = set(re.findall(r"^Applied patch to '(.+)' with conflicts\.$", three, re.M))
    direct -= merged | marked  # git lists every file applied at the end, the three-way ones too
    if fell:
        direct, merged, marked = set(), set(), set()
    r_applied = set(re.findall(r"^Applied patch (\S+) cleanly\.$", reject, re.M))
    r_rej = set(re.findall(r"^Applying patch (\S+) with \d+ reject", reject, re.M))
    r_err = set(re.findall(r"^error: (\S+): No such file or directory$", reject, re.M))
    state = dict(l.strip().split("=", 1) for l in open(f"{results}/{name}-peer.state"))
    back = "yes" if name.startswith("deleted") and state["f0002_present"] == "yes" else "no"
    kept_out = "yes" if name == "overlap" and state["f0001_has_template_change"] == "0" else "no"
    rc = open(f"{results}/{name}-peer.rc").read().strip()
    out.append(f"| {name} | {len(direct)} | {len(merged)} | {len(marked)} | {'yes' if fell else 'no'} | {len(r_applied)} | "
               f"{state['rej']} | {len(r_err)} | {back} | {kept_out} | {rc} |")
out.append("\nSame files as ai-lab's result (outside .ai-lab/ and .git/): "
           + ", ".join(f"{n} {dict(l.strip().split('=', 1) for l in open(f'{results}/{n}-peer.state'))['same_as_ours']}" for n in scenarios))
text = "\n".join(out) + "\n"
open(f"{results}/summary.md", "w").write(text)
print(text)
EOF
echo "update.sh: results in $RESULTS (summary.md, times.json, per-scenario logs)" >&2
