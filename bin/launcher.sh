# shellcheck shell=sh
# Shared by bin/ai-lab, bin/vectorweight and bin/ai-config; sourced with MAIN_CLASS, FRONT
# and BIN_DIR (the real bin/ folder) set.
#
# Finds the jars (lib/ of an unpacked distribution, or cli/target/lib/ of a build), picks a
# Java (JAVA_HOME, else java on PATH), and keeps start-up short with a class-data-sharing
# archive made by one training run on first use, per Java, jar folder and flags (a lean one
# and, for the commands that load Hibernate, a full one), and made again when a jar changes.
# Set AI_LAB_CDS=0 to turn the archive off, AI_LAB_JAVA_OPTS to add JVM options.

TOOLKIT_HOME=$(cd "$BIN_DIR/.." && pwd -P)
if [ -f "$TOOLKIT_HOME/lib/ai-lab-cli.jar" ]; then
  LIB_DIR="$TOOLKIT_HOME/lib"
elif [ -f "$TOOLKIT_HOME/cli/target/lib/ai-lab-cli.jar" ]; then
  LIB_DIR="$TOOLKIT_HOME/cli/target/lib"
else
  echo "$FRONT: cannot find ai-lab-cli.jar under $TOOLKIT_HOME/lib or $TOOLKIT_HOME/cli/target/lib" >&2
  echo "hint: build it first with ./mvnw -q -DskipTests package" >&2
  exit 4
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=$(command -v java || true)
  if [ -z "$JAVA" ]; then
    echo "$FRONT: no Java found; install a JDK 17 or newer, or set JAVA_HOME" >&2
    exit 4
  fi
fi

# Short-lived runs start fastest with the serial GC and the client compiler alone (the server
# compiler's threads cost about 0.2 s of a 2-core machine's start-up). Commands that stream
# large data (backups, restores, imports, exports) keep the server compiler: only it uses the
# processor's SHA-256 instructions, several times faster on big files. AI_LAB_JIT=full|quick
# overrides the choice. The archive below works with either compiler setting.
JVM_FLAGS="-XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=error:stderr"
JIT_FLAGS="-XX:TieredStopAtLevel=1"
first=""
second=""
for word in "$@"; do
  case "$word" in
    backup|restore|import|export) JIT_FLAGS="" ;;
    -*) continue ;;
  esac
  if [ -z "$first" ]; then first=$word; elif [ -z "$second" ]; then second=$word; fi
done
# Which archive: every command maps the lean one, without Hibernate's 3,000 classes, since no
# command loads Hibernate (ideas, sessions, projects and work update/delete are plain JDBC like
# the rest of the hub). Debian's JDK 17 maps an archive at a random address and relocates all
# of it on every start, so the lean one starts about 0.02 s sooner than the full one would. A
# command that boots Hibernate (a long-lived server) would be named here to get KIND=full.
KIND=lean
# A secret piped in from a file of more than a megabyte is large data too (one fork of wc,
# only when standard input is a regular file).
if [ -n "$JIT_FLAGS" ] && [ "$first $second" = "secrets set" ] && [ -f /dev/stdin ] \
   && [ "$(wc -c </dev/stdin 2>/dev/null || echo 0)" -gt 1048576 ]; then
  JIT_FLAGS=""
fi
case "${AI_LAB_JIT:-}" in
  full) JIT_FLAGS="" ;;
  quick) JIT_FLAGS="-XX:TieredStopAtLevel=1" ;;
esac
CDS=""

if [ "${AI_LAB_CDS:-1}" != "0" ]; then
  # Few processes on this path (each costs a millisecond or two of every run): readlink and
  # cksum only; the Java version comes from the JDK's release file read by the shell itself.
  java_real=$(readlink -f "$JAVA" 2>/dev/null || echo "$JAVA")
  java_version=""
  if [ -r "${java_real%/bin/java}/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) java_version=${line#JAVA_VERSION=}; java_version=${java_version#\"}; java_version=${java_version%\"} ;; esac
    done <"${java_real%/bin/java}/release"
  fi
  if [ -n "$java_version" ]; then
    key=$(printf '%s\n' "$java_real" "$LIB_DIR" "$JVM_FLAGS ${AI_LAB_JAVA_OPTS:-}" | cksum)
    key=${key%% *}
    cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/ai-lab/cds"
    archive="$cache_dir/toolkit-$java_version-$key-$KIND.jsa"
    # A failed attempt leaves "$archive.failed", so a Java that cannot dump is not retried on
    # every run. A jar (or the jar folder) newer than the archive or that mark means a new
    # build: both are dropped and made again below. (-nt is in dash, bash, busybox and zsh.)
    for made in "$archive" "$archive.failed"; do
      if [ -f "$made" ]; then
        for jar in "$LIB_DIR" "$LIB_DIR"/*.jar; do
          # shellcheck disable=SC3013
          if [ "$jar" -nt "$made" ]; then
            rm -f "$made" 2>/dev/null
            break
          fi
        done
      fi
    done
    if [ ! -f "$archive" ] && [ ! -f "$archive.failed" ] && mkdir -p "$cache_dir" 2>/dev/null && [ -w "$cache_dir" ]; then
      # One training run (about 20 s with the dump, once per Java, jar set and kind) drives the
      # common paths of all three fronts and lists the classes they load; a static archive is
      # then dumped from that list (the lean one leaves Hibernate's packages out). A static archive, unlike one made at exit, can hold picocli's Java 5 classes
      # (about 190 of them, loaded on every run), as long as nothing links them while dumping.
      # The list's lambda-proxy lines are left out: some link picocli's interfaces, and JDK 17
      # crashes dumping some of JGit's and Hibernate's; their lambdas are made at run time.
      # Both files get private names and the archive is moved into place, so concurrent first
      # runs never see half an archive.
      tmp_list="$cache_dir/.toolkit-$$.classlist"
      tmp_archive="$cache_dir/.toolkit-$$.jsa"
      # shellcheck disable=SC2086 # flag lists split on purpose
      "$JAVA" $JVM_FLAGS -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$tmp_list" ${AI_LAB_JAVA_OPTS:-} \
        -cp "$LIB_DIR/ai-lab-cli.jar" dev.ailab.cli.CdsTraining </dev/null >/dev/null 2>&1 || true
      leave_out='^@lambda-proxy'
      if [ "$KIND" = lean ]; then
        leave_out='^@lambda-proxy\|^org/hibernate/\|^org/antlr/\|^jakarta/persistence/\|^net/bytebuddy/\|^org/glassfish/\|^jakarta/xml/'
      fi
      if [ -s "$tmp_list" ] && grep -v "$leave_out" "$tmp_list" >"$tmp_list.kept" 2>/dev/null; then
        # shellcheck disable=SC2086
        "$JAVA" $JVM_FLAGS -XX:TieredStopAtLevel=1 ${AI_LAB_JAVA_OPTS:-} -Xshare:dump \
          -XX:SharedClassListFile="$tmp_list.kept" -XX:SharedArchiveFile="$tmp_archive" \
          -cp "$LIB_DIR/ai-lab-cli.jar" </dev/null >/dev/null 2>&1 || true
      fi
      rm -f "$tmp_list" "$tmp_list.kept"
      if [ -s "$tmp_archive" ]; then
        mv -f "$tmp_archive" "$archive" 2>/dev/null || rm -f "$tmp_archive"
        # Archives of earlier builds or Javas (40 to 75 MB each): keep the four newest.
        # shellcheck disable=SC2012 # the names are ours and have no spaces
        ls -t "$cache_dir"/toolkit-*.jsa 2>/dev/null | tail -n +5 | while read -r old; do rm -f "$old" "$old.failed"; done
      else
        rm -f "$tmp_archive"
        : >"$archive.failed" 2>/dev/null || true
      fi
    fi
    [ -f "$archive" ] && CDS="-XX:SharedArchiveFile=$archive"
  fi
fi

# Progress bars go to stderr only when it is a terminal: a shell test, no process; Java alone
# cannot tell stderr from stdout. (A -D property does not touch the class-data archive.)
STDERR_TTY=false
[ -t 2 ] && STDERR_TTY=true
# shellcheck disable=SC2086
exec "$JAVA" $JVM_FLAGS $JIT_FLAGS $CDS ${AI_LAB_JAVA_OPTS:-} -Dailab.stderr.tty=$STDERR_TTY -cp "$LIB_DIR/ai-lab-cli.jar" "$MAIN_CLASS" "$@"
