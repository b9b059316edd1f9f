#!/usr/bin/env bash
# ai-config's SSH tests start their own sshd (own config, host key and port, as a child of the
# test JVM). sshd refuses to start without its privilege-separation folder, which a fresh
# container may lack; nothing else needs preparing.
set -euo pipefail
if [ -x /usr/sbin/sshd ]; then
  mkdir -p /run/sshd
  chmod 0755 /run/sshd
  echo "ci: sshd found; /run/sshd ready"
else
  echo "ci: /usr/sbin/sshd missing; SSH tests will fail when CI_REQUIRE names sshd" >&2
fi
