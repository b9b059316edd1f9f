#!/usr/bin/env bash
# Waits (up to 10 minutes) until the launcher's class-data archive under CACHE_HOME exists,
# so a benchmark measures runs with it rather than the background training's head start.
# Usage: bash bench/wait-for-cds.sh CACHE_HOME
set -euo pipefail
dir="$1/ai-lab/cds"
for _ in $(seq 600); do
  if compgen -G "$dir/*-lean.jsa" >/dev/null || compgen -G "$dir/*.failed" >/dev/null; then
    exit 0
  fi
  sleep 1
done
echo "wait-for-cds.sh: no class-data archive in $dir after 10 minutes; measuring without it" >&2
