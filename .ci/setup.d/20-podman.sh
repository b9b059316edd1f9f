#!/usr/bin/env bash
# Prepares Podman for the host integration test, offline:
#  - a containers.conf that uses runc (crun fails here: "cgroups in hybrid mode not supported")
#    and lowers the default ulimits (the sandbox refuses raising RLIMIT_NPROC/NOFILE);
#  - a test image imported from a root filesystem holding Debian's busybox-static.
# Exports AI_LAB_TEST_CONTAINERS_CONF and AI_LAB_TEST_PODMAN_IMAGE through $CI_ENV_FILE.
set -euo pipefail

image=localhost/ai-lab-test-busybox:latest
work=${AI_LAB_CI_PODMAN_DIR:-/var/tmp/ai-lab-ci-podman}

if ! command -v podman >/dev/null 2>&1; then
  echo "20-podman: podman is not installed; the integration test will fail under CI_REQUIRE=podman" >&2
  exit 0
fi
busybox=$(command -v busybox || true)
for candidate in /bin/busybox /usr/bin/busybox; do
  [ -x "$candidate" ] && busybox=$candidate && break
done
if [ -z "$busybox" ]; then
  echo "20-podman: busybox-static is not installed" >&2
  exit 0
fi

mkdir -p "$work"
conf="$work/containers.conf"
runtime=runc
command -v runc >/dev/null 2>&1 || runtime=crun
cat > "$conf" <<CONF
# Written by .ci/setup.d/20-podman.sh for the ai-lab integration tests.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "$runtime"
CONF

export CONTAINERS_CONF="$conf"
if ! podman image exists "$image"; then
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs/bin" "$rootfs/tmp"
  cp "$busybox" "$rootfs/bin/busybox"
  for applet in sh sleep echo cat ls true; do
    ln -s busybox "$rootfs/bin/$applet"
  done
  tar -C "$rootfs" -cf "$rootfs.tar" .
  podman import --quiet "$rootfs.tar" "$image" >/dev/null
  rm -f "$rootfs.tar"
fi

# A smoke run, so a broken setup shows here and not only as a failing test.
if out=$(podman run --rm --network none "$image" echo podman-ok 2>&1) && [ "$out" = "podman-ok" ]; then
  echo "20-podman: podman runs containers with $runtime ($image)"
else
  echo "20-podman: podman cannot run a container: $out" >&2
fi

{
  echo "AI_LAB_TEST_CONTAINERS_CONF=$conf"
  echo "AI_LAB_TEST_PODMAN_IMAGE=$image"
} >> "${CI_ENV_FILE:-/dev/stdout}"
