#!/bin/sh
# Trains the launchers' class-data-sharing archive in the background. launcher.sh starts it
# detached (nohup, nice, setsid when present; standard input, output and error away from the
# user's terminal) when an archive for this Java, jar folder and flags is missing, and runs the
# user's command at once without it; later runs map the archive.
#
#   sh cds-train.sh JAVA LIB_DIR BASE "JVM_FLAGS"
#
# BASE is the cache path without its suffix ($XDG_CACHE_HOME/ai-lab/cds/toolkit-VERSION-KEY):
# the archive is BASE-lean.jsa (no command loads Hibernate, so its classes are left out), a
# failed dump leaves BASE-lean.jsa.failed (not retried until a jar changes), the trainings'
# output is appended to BASE.log, and BASE.lock (a symbolic link whose target is the
# training's process id) lets one training at a time run for that BASE.
# AI_LAB_JAVA_OPTS is read from the environment, as the launcher passes it to every run.
set -u

JAVA=$1
LIB_DIR=$2
BASE=$3
JVM_FLAGS=$4
archive="$BASE-lean.jsa"
lock="$BASE.lock"
cache_dir=${BASE%/*}

# True when LOCK is held by a training that is still running and started less than 30 minutes
# ago (a lock left by a killed training, or whose process id now belongs to another process
# after a reboot, is stale).
lock_is_live() {
  holder=$(readlink "$1" 2>/dev/null) || return 1
  case "$holder" in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$holder" 2>/dev/null || return 1
  [ -z "$(find "$1" -maxdepth 0 -mmin +30 2>/dev/null)" ]
}

# The lock is a symbolic link made in one step (ln -s fails when it exists), so two launchers
# starting this at the same moment cannot both take it. A stale one is moved aside first
# (a rename: only one of two racing trainings gets it) and then taken afresh.
if ! ln -s "$$" "$lock" 2>/dev/null; then
  if lock_is_live "$lock"; then
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) not started: training $holder is running" >>"$BASE.log"
    exit 0
  fi
  mv -f "$lock" "$lock.stale.$$" 2>/dev/null || exit 0
  rm -f "$lock.stale.$$"
  ln -s "$$" "$lock" 2>/dev/null || exit 0
fi

tmp_home=""
started="$BASE.started.$$"
tmp_list="$cache_dir/.toolkit-$$.classlist"
# shellcheck disable=SC2317 # called through the trap
cleanup() {
  rm -f "$tmp_list" "$tmp_list.kept" "$tmp_list.lambdas" "$cache_dir/.toolkit-$$.jsa" "$started"
  if [ -n "$tmp_home" ]; then rm -rf "$tmp_home"; fi
  if [ "$(readlink "$lock" 2>/dev/null)" = "$$" ]; then rm -f "$lock"; fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Only now, holding the lock, does this run write the log (appended: one training a build;
# started afresh past 64 KB).
if [ -n "$(find "$BASE.log" -size +64k 2>/dev/null)" ]; then : >"$BASE.log"; fi
exec >>"$BASE.log" 2>&1
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) training $$ started: class-data archive for $LIB_DIR with $JAVA"
# Idle I/O priority where the system has it (the CPU priority came from nice at the start).
if command -v ionice >/dev/null 2>&1; then ionice -c3 -p "$$" >/dev/null 2>&1 || true; fi

# True when a jar (or the jar folder) is newer than FILE.
older_than_a_jar() {
  for jar in "$LIB_DIR" "$LIB_DIR"/*.jar; do
    # shellcheck disable=SC3013 # -nt is in dash, bash, busybox and zsh
    if [ "$jar" -nt "$1" ]; then return 0; fi
  done
  return 1
}

# An archive or failure mark older than a jar belongs to an earlier build: it goes, so this
# training makes the archive for the new jars.
for made in "$archive" "$archive.failed"; do
  if [ -f "$made" ] && older_than_a_jar "$made"; then rm -f "$made"; fi
done
if [ -f "$archive" ] || [ -f "$archive.failed" ]; then
  echo "nothing to train: the archive is there or marked failed"
  exit 0
fi

# A jar newer than this mark when a dump is done means a build ran meanwhile: the archive
# would not match the new jars, so it is thrown away and the next run trains again.
: >"$started" || exit 1

# The training drives the common paths of all three fronts in a throw-away home: HOME, the
# XDG folders and user.home (read by JGit for its own config) all point there, so nothing
# of the user's is read or written.
tmp_home=$(mktemp -d "${TMPDIR:-/tmp}/ai-lab-cds-home.XXXXXX") || exit 1
# shellcheck disable=SC2086 # flag lists split on purpose
HOME="$tmp_home" XDG_CONFIG_HOME="$tmp_home/config" XDG_DATA_HOME="$tmp_home/data" \
XDG_STATE_HOME="$tmp_home/state" XDG_CACHE_HOME="$tmp_home/cache" \
  "$JAVA" $JVM_FLAGS -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$tmp_list" ${AI_LAB_JAVA_OPTS:-} \
  -Duser.home="$tmp_home" -cp "$LIB_DIR/ai-lab-cli.jar" dev.ailab.cli.CdsTraining </dev/null
echo "training run exited with $?"
if [ ! -s "$tmp_list" ]; then
  echo "no class list was written"
fi

# A static archive, unlike one made at exit, can hold picocli's Java 5 classes (about 190 of
# them, loaded on every run), as long as nothing links them while dumping. Hibernate's
# packages are left out (only the training's hub checks touch them). The list's lambda-proxy
# lines are kept, except those that name picocli or JGit (the first link picocli's interfaces,
# and JDK 17 crashes dumping some of the second) or a left-out package: a lambda made at run
# time costs about a millisecond, and create-project alone makes some fifty. Should a Java
# fail to dump them, the archive is dumped again without any. It is dumped under a private
# name and renamed into place, so a run starting meanwhile never maps half an archive.
tmp_archive="$cache_dir/.toolkit-$$.jsa"
leave_out='^org/hibernate/\|^org/antlr/\|^jakarta/persistence/\|^net/bytebuddy/\|^org/glassfish/\|^jakarta/xml/'
lambdas_out='picocli\|jgit\|org/hibernate/\|org/antlr/\|jakarta/persistence/\|net/bytebuddy/\|org/glassfish/\|jakarta/xml/'
# dump LIST: the archive from the class list LIST; true when it was written.
dump() {
  rm -f "$tmp_archive"
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS -XX:TieredStopAtLevel=1 ${AI_LAB_JAVA_OPTS:-} -Xshare:dump \
    -XX:SharedClassListFile="$1" -XX:SharedArchiveFile="$tmp_archive" \
    -cp "$LIB_DIR/ai-lab-cli.jar" </dev/null >/dev/null
  code=$?
  echo "dump of the archive ($(wc -l <"$1") classes and lambdas) exited with $code"
  [ "$code" -eq 0 ] && [ -s "$tmp_archive" ]
}
if [ -s "$tmp_list" ] && grep -v '^@lambda-proxy' "$tmp_list" | grep -v "$leave_out" >"$tmp_list.kept"; then
  { cat "$tmp_list.kept"; grep '^@lambda-proxy' "$tmp_list" | grep -v "$lambdas_out"; } >"$tmp_list.lambdas"
  dump "$tmp_list.lambdas" || dump "$tmp_list.kept"
fi
if older_than_a_jar "$started"; then
  echo "a jar changed during the training: nothing kept, the next run trains again"
  exit 0
fi
if [ -s "$tmp_archive" ] && mv -f "$tmp_archive" "$archive"; then
  echo "wrote $archive"
else
  rm -f "$tmp_archive"
  : >"$archive.failed"
  echo "no archive: $archive.failed marks it, so it is not tried again until a jar changes"
fi

# Archives of earlier builds or Javas (about 40 MB each): keep the four newest, and the logs
# of the two newest trainings; leftovers of killed trainings go after an hour.
# shellcheck disable=SC2012 # the names are ours and have no spaces
ls -t "$cache_dir"/toolkit-*.jsa 2>/dev/null | tail -n +5 | while read -r old; do rm -f "$old" "$old.failed"; done
# shellcheck disable=SC2012
ls -t "$cache_dir"/toolkit-*.log 2>/dev/null | tail -n +3 | while read -r old; do rm -f "$old"; done
find "$cache_dir" -maxdepth 1 \( -name '.toolkit-*' -o -name 'toolkit-*.started.*' \) -mmin +60 -exec rm -f {} + 2>/dev/null
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) training $$ done"
exit 0
