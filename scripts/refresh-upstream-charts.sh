#!/usr/bin/env bash
# Refreshes the upstream chart sources kept as test data under
# generators/src/test/resources/upstream-charts/, at the versions pinned in
# generators/src/main/java/dev/ailab/generators/charts/UpstreamChart.java.
#
# Usage: scripts/refresh-upstream-charts.sh [--mirror DIR]
#   --mirror DIR  read bare clones DIR/<owner>+<name>/repo instead of cloning from GitHub
#
# After changing a pin in UpstreamChart, change its tag in the table below, run this script
# and then the generators tests: UpstreamValuesKeysTest fails on any generated values key the
# new chart no longer reads, and PodSecurityTest on any pod its namespace would reject.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$here/generators/src/test/resources/upstream-charts"
mirror=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --mirror) mirror="${2:?--mirror needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "refresh-upstream-charts.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

# component  GitHub repository  tag  chart folder  what to keep (all: the whole chart, values: values files only)
# The GPU operator and Argo CD charts are large and have remote dependencies, so only their
# values files are kept; their pods run in namespaces that are privileged or not labelled by us.
charts=(
  "chroma amikos-tech/chromadb-chart chromadb-0.1.23 charts/chromadb-chart all"
  "qdrant qdrant/qdrant-helm qdrant-1.13.4 charts/qdrant all"
  "weaviate weaviate/weaviate-helm v17.3.3 weaviate all"
  "cerbos cerbos/cerbos v0.40.0 deploy/charts/cerbos all"
  "gpu-operator NVIDIA/gpu-operator v24.9.2 deployments/gpu-operator values"
  "argocd argoproj/argo-helm argo-cd-7.8.2 charts/argo-cd values"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for line in "${charts[@]}"; do
  read -r component repo tag folder keep <<<"$line"
  echo "==> $component: $repo $tag $folder" >&2
  clone="$work/$component"
  if [ -n "$mirror" ]; then
    git clone -q --no-checkout "$mirror/${repo/\//+}/repo" "$clone"
  else
    git clone -q --no-checkout --depth 1 --branch "$tag" "https://github.com/$repo.git" "$clone"
  fi
  commit=$(git -C "$clone" rev-parse "$tag^{commit}")
  out="$dest/$component"
  rm -rf "$out"
  mkdir -p "$out/chart"
  if [ "$keep" = all ]; then
    git -C "$clone" archive "$commit" "$folder" | tar -x -C "$work" --transform="s|^$folder|$component-chart|"
    cp -R "$work/$component-chart/." "$out/chart/"
  else
    for f in values.yaml values.schema.json; do
      if git -C "$clone" cat-file -e "$commit:$folder/$f" 2>/dev/null; then
        git -C "$clone" show "$commit:$folder/$f" >"$out/chart/$f"
      fi
    done
  fi
  licence="LICENSE"
  git -C "$clone" show "$commit:$licence" >"$out/LICENSE"
  cat >"$out/SOURCE.md" <<EOF_SOURCE
# $component chart, test data

Copied unchanged from https://github.com/$repo, tag \`$tag\` (commit \`$commit\`),
folder \`$folder\` ($([ "$keep" = all ] && echo "the whole chart" || echo "values.yaml and values.schema.json only")).
Licence: the repository's own, in LICENSE next to this file.
Refresh with \`scripts/refresh-upstream-charts.sh\`; do not edit by hand.
EOF_SOURCE
done
echo "done: $dest" >&2
