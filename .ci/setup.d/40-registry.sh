#!/usr/bin/env bash
# Starts a real image registry for the airgapped bundle tests, offline:
#  - Debian's docker-registry on a free loopback port, storing under a scratch folder;
#  - a small test image (a root filesystem holding busybox-static, made into an OCI layout by
#    podman) pushed into it with skopeo as lab/busybox:1.36.
# Exports AI_LAB_TEST_REGISTRY (host:port) and AI_LAB_TEST_REGISTRY_IMAGE through $CI_ENV_FILE.
set -euo pipefail

work=${AI_LAB_CI_REGISTRY_DIR:-/var/tmp/ai-lab-ci-registry}
for tool in docker-registry skopeo podman; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "40-registry: $tool is not installed; the bundle image test will fail under CI_REQUIRE" >&2
    exit 0
  fi
done
busybox=""
for candidate in /bin/busybox /usr/bin/busybox; do
  [ -x "$candidate" ] && busybox=$candidate && break
done
if [ -z "$busybox" ]; then
  echo "40-registry: busybox-static is not installed" >&2
  exit 0
fi

mkdir -p "$work/storage"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/config.yml" <<CONF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: 127.0.0.1:$port
CONF
nohup docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
echo $! > "$work/registry.pid"
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break
  sleep 0.2
done

image=localhost/ai-lab-bundle-busybox:1.36
if [ -n "${AI_LAB_TEST_CONTAINERS_CONF:-}" ]; then
  export CONTAINERS_CONF="$AI_LAB_TEST_CONTAINERS_CONF"
fi
if ! podman image exists "$image"; then
  rootfs=$(mktemp -d)
  mkdir -p "$rootfs/bin"
  cp "$busybox" "$rootfs/bin/busybox"
  ln -s busybox "$rootfs/bin/sh"
  tar -C "$rootfs" -cf "$rootfs.tar" .
  podman import --quiet "$rootfs.tar" "$image" >/dev/null
  rm -rf "$rootfs" "$rootfs.tar"
fi
podman push --quiet --tls-verify=false "$image" "docker://127.0.0.1:$port/lab/busybox:1.36"

if [ -n "${CI_ENV_FILE:-}" ]; then
  echo "AI_LAB_TEST_REGISTRY=127.0.0.1:$port" >> "$CI_ENV_FILE"
  echo "AI_LAB_TEST_REGISTRY_IMAGE=127.0.0.1:$port/lab/busybox:1.36" >> "$CI_ENV_FILE"
fi
echo "40-registry: registry on 127.0.0.1:$port with lab/busybox:1.36"
