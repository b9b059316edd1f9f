# shellcheck shell=sh
# Shared by bin/ai-lab, bin/vectorweight and bin/ai-config; sourced with MAIN_CLASS, FRONT
# and BIN_DIR (the real bin/ folder) set.
#
# Finds the jars (lib/ of an unpacked distribution, or cli/target/lib/ of a build), picks a
# Java (JAVA_HOME, else java on PATH), and keeps start-up short with a class-data-sharing
# archive per Java, jar folder and flags. The first run after a build or a Java update does
# not wait for it: it starts without the archive while cds-train.sh trains it in the
# background, and the runs after that map it. It is made again when a jar changes.
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
# large data (backups, restores, imports, exports, bundles) keep the server compiler: only it uses the
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
# The archive leaves out Hibernate's 3,000 classes, since no command loads Hibernate (the
# hub's commands are plain JDBC). Debian's JDK 17 maps an archive at a random address and
# relocates all of it on every start, so a smaller one starts sooner.
# A secret piped in from a file of more than a megabyte is large data too (one fork of wc,
# only when standard input is a regular file).
# vectorweight's bundle verify hashes every byte of a bundle, create --images every image layer:
# large ones (over 64 MiB, or with images) are large data too; a small bundle starts sooner
# with the client compiler alone.
if [ -n "$JIT_FLAGS" ] && [ "$FRONT $first" = "vectorweight bundle" ]; then
  for word in "$@"; do
    if [ "$second" = create ] && [ "$word" = --images ]; then JIT_FLAGS=""; fi
    if [ "$second" = verify ] && [ "$word" != verify ] && [ -f "$word" ] \
       && [ "$(stat -c %s "$word" 2>/dev/null || echo 0)" -gt 67108864 ]; then JIT_FLAGS=""; fi
  done
fi
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
    base="$cache_dir/toolkit-$java_version-$key"
    archive="$base-lean.jsa"
    # A failed attempt leaves "$archive.failed", so a Java that cannot dump is not retried on
    # every run. A jar (or the jar folder) newer than the archive or that mark means a new
    # build: either is dropped and the archive made again. (-nt is in dash, bash, busybox and zsh.)
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
    if [ -f "$archive" ]; then
      CDS="-XX:SharedArchiveFile=$archive"
    elif [ ! -f "$archive.failed" ]; then
      # No archive yet: this command runs at once without it (on the JDK's own archive), and
      # cds-train.sh makes it in the background (about 20 s of CPU, once per Java, jar
      # set and flags), detached from this terminal: nohup, the lowest CPU and I/O priority, its
      # own session when setsid is there, no standard streams or other descriptors of ours (so
      # nothing waiting for this command's output waits for the training), output in
      # "$base.log". Its lock "$base.lock" (a symbolic link to the training's process id)
      # keeps it to one training at a time: started while a live one holds it, it just ends.
      # The archive is renamed into place whole, so a run never maps half of it.
      if { [ -d "$cache_dir" ] || mkdir -p "$cache_dir" 2>/dev/null; } && [ -w "$cache_dir" ]; then
        detach=""
        command -v setsid >/dev/null 2>&1 && detach=setsid
        # shellcheck disable=SC2086 # detach is empty or one word
        nohup nice -n 19 $detach sh "$BIN_DIR/cds-train.sh" "$JAVA" "$LIB_DIR" "$base" "$JVM_FLAGS" \
          </dev/null >/dev/null 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
      fi
    fi
  fi
fi

# Progress bars go to stderr only when it is a terminal: a shell test, no process; Java alone
# cannot tell stderr from stdout. (A -D property does not touch the class-data archive.)
STDERR_TTY=false
[ -t 2 ] && STDERR_TTY=true
# shellcheck disable=SC2086
exec "$JAVA" $JVM_FLAGS $JIT_FLAGS $CDS ${AI_LAB_JAVA_OPTS:-} -Dailab.stderr.tty=$STDERR_TTY -cp "$LIB_DIR/ai-lab-cli.jar" "$MAIN_CLASS" "$@"
