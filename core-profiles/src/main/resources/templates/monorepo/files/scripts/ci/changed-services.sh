#!/bin/sh
# Prints the services changed between two commits, one per line (a JSON array with --json).
# A service is a folder services/NAME holding a Makefile at HEAD. A change under shared/ or
# infrastructure/, or a BASE that is not a commit (a new branch pushes 0000000...), lists them all.
# Usage: scripts/ci/changed-services.sh [--json] BASE HEAD
set -eu

json=0
if [ "${1:-}" = "--json" ]; then
  json=1
  shift
fi
if [ $# -ne 2 ]; then
  echo "usage: $0 [--json] BASE HEAD" >&2
  exit 2
fi
base=$1
head=$2
cd "$(dirname "$0")/../.."

if ! git rev-parse --verify --quiet "$head^{commit}" >/dev/null; then
  echo "$0: '$head' is not a commit of this repository" >&2
  exit 2
fi

all_services() {
  git ls-tree -r --name-only "$head" -- services/ | sed -n 's#^services/\([^/]*\)/Makefile$#\1#p'
}

if git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  changed=$(git diff --name-only "$base" "$head" --)
  if printf '%s\n' "$changed" | grep -q -e '^shared/' -e '^infrastructure/'; then
    services=$(all_services)
  else
    existing=$(all_services)
    services=$(printf '%s\n' "$changed" | sed -n 's#^services/\([^/]*\)/.*#\1#p' | sort -u |
      while read -r name; do
        if printf '%s\n' "$existing" | grep -qxF "$name"; then
          echo "$name"
        fi
      done)
  fi
else
  services=$(all_services)
fi

if [ "$json" -eq 1 ]; then
  printf '['
  sep=
  for name in $services; do
    printf '%s"%s"' "$sep" "$name"
    sep=,
  done
  printf ']\n'
elif [ -n "$services" ]; then
  printf '%s\n' "$services"
fi
