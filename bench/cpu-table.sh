#!/usr/bin/env bash
# Markdown table of hyperfine JSON exports: mean wall time and mean CPU time (user + system)
# per command, so a loaded machine's queueing (wall) can be told from the work done (CPU).
# Usage: bash bench/cpu-table.sh RESULT.json...
set -euo pipefail
python3 - "$@" <<'PY'
import json, sys
print("| command | wall mean [s] | wall min [s] | CPU user+sys [s] |")
print("|:---|---:|---:|---:|")
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"| {r['command']} | {r['mean']:.3f} | {r['min']:.3f} | {r['user'] + r['system']:.3f} |")
PY
