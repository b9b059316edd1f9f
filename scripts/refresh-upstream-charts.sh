#!/usr/bin/env bash
# Refreshes the upstream sources kept as test data: the charts under
# generators/src/test/resources/upstream-charts/, at the versions pinned in
# generators/src/main/java/dev/ailab/generators/charts/UpstreamChart.java, and the Flux CRDs
# under generators/src/test/resources/flux-crds/, at the controller versions of the Flux
# release pinned in FluxObjects.FLUX_VERSION (the ones its manifests/bases/*/kustomization.yaml
# name); FluxOutputTest validates every generated Flux object against them.
#
# Usage: scripts/refresh-upstream-charts.sh [--mirror DIR]
#   --mirror DIR  read bare clones DIR/<owner>+<name>/repo instead of cloning from GitHub
#
# After changing a pin in UpstreamChart, change its tag in the table below, run this script
# and then the generators tests: UpstreamValuesKeysTest fails on any generated values key the
# new chart no longer reads, and PodSecurityTest on any pod its namespace would reject.
# After changing FLUX_VERSION, change the controller tags in the second table.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$here/generators/src/test/resources/upstream-charts"
mirror=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --mirror) mirror="${2:?--mirror needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# Flux v2.9.0: controller, tag, CRD files
controllers=(
  "source-controller v1.9.1 source.toolkit.fluxcd.io_gitrepositories.yaml source.toolkit.fluxcd.io_helmrepositories.yaml source.toolkit.fluxcd.io_ocirepositories.yaml"
  "kustomize-controller v1.9.1 kustomize.toolkit.fluxcd.io_kustomizations.yaml"
  "helm-controller v1.6.1 helm.toolkit.fluxcd.io_helmreleases.yaml"
)
crds="$here/generators/src/test/resources/flux-crds"
rm -rf "$crds"
mkdir -p "$crds"
{
  echo "# Flux CRDs, test data"
  echo
  echo "Copied unchanged from the Flux controllers' \`config/crd/bases\` at the versions Flux v2.9.0 ships."
  echo "Licence: Apache-2.0 (LICENSE next to this file, from fluxcd/helm-controller)."
  echo "Refresh with \`scripts/refresh-upstream-charts.sh\`; do not edit by hand."
  echo
} >"$crds/SOURCE.md"
for line in "${controllers[@]}"; do
  read -r name tag files <<<"$line"
  clone="$work/$name"
  if [ -n "$mirror" ]; then
    git clone -q --no-checkout "$mirror/fluxcd+$name/repo" "$clone"
  else
    git clone -q --no-checkout --depth 1 --branch "$tag" "https://github.com/fluxcd/$name.git" "$clone"
  fi
  commit=$(git -C "$clone" rev-parse "$tag^{commit}")
  for f in $files; do
    git -C "$clone" show "$commit:config/crd/bases/$f" >"$crds/$f"
  done
  echo "- https://github.com/fluxcd/$name tag \`$tag\` (commit \`$commit\`): $files" >>"$crds/SOURCE.md"
  git -C "$clone" show "$commit:LICENSE" >"$crds/LICENSE"
done
echo "done: $dest $crds" >&2
