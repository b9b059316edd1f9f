#!/bin/sh
# Runs every integration test script of {{project_name}}.
set -eu
cd "$(dirname "$0")"
count=0
for t in test_*.sh; do
  [ -e "$t" ] || continue
  echo "integration: $t"
  sh "$t"
  count=$((count + 1))
done
echo "integration: $count test scripts passed"
