#!/usr/bin/env bash
# Refreshes the Flux CRDs kept as test data under generators/src/test/resources/flux-crds/,
# at the controller versions of the Flux release pinned in FluxObjects.FLUX_VERSION (the
# versions its manifests/bases/*/kustomization.yaml name). FluxSchemaTest validates every
# generated Flux object against the openAPIV3Schema of these CRDs.
#
# Usage: scripts/refresh-flux-crds.sh [--mirror DIR]
#   --mirror DIR  read bare clones DIR/fluxcd+<controller>/repo instead of cloning from GitHub
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$here/generators/src/test/resources/flux-crds"
mirror=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --mirror) mirror="${2:?--mirror needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "refresh-flux-crds.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

# Flux v2.9.0: controller, tag, CRD files
controllers=(
  "source-controller v1.9.1 source.toolkit.fluxcd.io_gitrepositories.yaml source.toolkit.fluxcd.io_helmrepositories.yaml source.toolkit.fluxcd.io_ocirepositories.yaml"
  "kustomize-controller v1.9.1 kustomize.toolkit.fluxcd.io_kustomizations.yaml"
  "helm-controller v1.6.1 helm.toolkit.fluxcd.io_helmreleases.yaml"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dest"
mkdir -p "$dest"
{
  echo "# Flux CRDs, test data"
  echo
  echo "Copied unchanged from the Flux controllers' \`config/crd/bases\` at the versions Flux v2.9.0 ships."
  echo "Licence: Apache-2.0 (LICENSE next to this file, from fluxcd/helm-controller)."
  echo "Refresh with \`scripts/refresh-flux-crds.sh\`; do not edit by hand."
  echo
} >"$dest/SOURCE.md"
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
    git -C "$clone" show "$commit:config/crd/bases/$f" >"$dest/$f"
  done
  echo "- https://github.com/fluxcd/$name tag \`$tag\` (commit \`$commit\`): $files" >>"$dest/SOURCE.md"
  git -C "$clone" show "$commit:LICENSE" >"$dest/LICENSE"
done
echo "done: $dest" >&2
