#!/bin/sh
# Runs a make target (build, test, dev, deploy) in every service that has a Makefile.
set -eu
target=${1:-build}
cd "$(dirname "$0")/../.."
found=0
for makefile in services/*/Makefile; do
  [ -e "$makefile" ] || continue
  dir=$(dirname "$makefile")
  echo "== $dir: make $target"
  make -C "$dir" "$target"
  found=$((found + 1))
done
echo "$target: $found services"
