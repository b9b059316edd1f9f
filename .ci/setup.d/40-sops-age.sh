#!/usr/bin/env bash
# sops-age (npm), an independent SOPS implementation the tests decrypt our SOPS files with.
set -euo pipefail
dir=/opt/ai-lab-ci/sops-age
# npm comes with NodeSource's nodejs, and conflicts with it as a Debian package: only a Debian
# nodejs without npm gets Debian's npm.
if ! command -v npm >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
if [ ! -f "$dir/node_modules/sops-age/package.json" ]; then
  mkdir -p "$dir"
  npm install --no-audit --no-fund --prefix "$dir" sops-age@4.0.2 >/dev/null
fi
echo "AI_LAB_SOPS_AGE_DIR=$dir" >>"${CI_ENV_FILE:-/dev/stdout}"
