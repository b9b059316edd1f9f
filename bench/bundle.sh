#!/usr/bin/env bash
# Benchmark of `vectorweight bundle create` and `bundle verify` with hyperfine, each against the
# same work done by hand, in the same run:
#   create: 6 charts from a local chart repository (python3 http.server on loopback) into one
#           bundle, against `curl` of index.yaml and each package, `tar czf` and `sha256sum`;
#   verify: the bundle against `sha256sum -c` of the same files, unpacked;
#   memory: a bundle with one large file verified with -Xmx256m (size: BIG_MB, default 2048).
# Goals: create within 1.2x of the manual pipeline, verify within 1.2x of sha256sum -c, and
# the large bundle verified in a 256 MB heap.
#
# Usage: ./mvnw -q -DskipTests package && bash bench/bundle.sh
# Results: Markdown tables in $RESULTS_DIR (default: a temporary folder), printed at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vw="$root/bin/vectorweight"
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
RESULTS_DIR=${RESULTS_DIR:-$work/results}
BIG_MB=${BIG_MB:-2048}
mkdir -p "$RESULTS_DIR"
export XDG_CACHE_HOME="$work/cache"
# measure with the launcher's class-data archive, which its first run trains in the background
"$vw" --version >/dev/null
bash "$root/bench/wait-for-cds.sh" "$XDG_CACHE_HOME"
for tool in hyperfine curl python3 sha256sum tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bundle.sh: $tool is required" >&2; exit 1; }
done

# The six charts of the table, as packages of a Helm repository, each with ~2 MB of templates
# (random data base64-encoded in a ConfigMap, so the packages do not compress to nothing).
repo="$work/repo"
mkdir -p "$repo"
charts="argo-cd:7.8.2 gpu-operator:v24.9.2 weaviate:17.3.3 qdrant:1.13.4 chromadb:0.1.23 cerbos:0.40.0"
{
  echo "apiVersion: v1"
  echo "entries:"
} > "$repo/index.yaml"
for c in $charts; do
  name=${c%%:*} version=${c#*:}
  src="$work/src/$name"
  mkdir -p "$src/templates"
  printf 'apiVersion: v2\nname: %s\nversion: %s\n' "$name" "$version" > "$src/Chart.yaml"
  printf 'image:\n  repository: registry.example.com/%s\n  tag: "1.0"\n' "$name" > "$src/values.yaml"
  {
    printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\nspec:\n  template:\n    spec:\n' "$name"
    printf '      containers:\n        - name: main\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n'
  } > "$src/templates/deployment.yaml"
  {
    printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-data\ndata:\n  blob: |\n' "$name"
    head -c 1500000 /dev/urandom | base64 -w 76 | sed 's/^/    /'
  } > "$src/templates/data.yaml"
  tar -C "$work/src" -czf "$repo/$name-$version.tgz" "$name"
  printf '  %s:\n    - name: %s\n      version: %s\n      digest: %s\n      urls:\n        - %s-%s.tgz\n' \
    "$name" "$name" "$version" "$(sha256sum "$repo/$name-$version.tgz" | cut -d' ' -f1)" "$name" "$version" >> "$repo/index.yaml"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$repo" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server_pid=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/index.yaml" >/dev/null 2>&1 && break; sleep 0.1; done
url="http://127.0.0.1:$port"

# A config that needs all six: three clusters for the three vector stores, Cerbos, GPUs.
cat > "$work/vw.yaml" <<CONF
project_name: bench-lab
environment: production
clusters:
  - {name: a, domain: a.lab.example.com, size: medium, vector_store: weaviate, cerbos_enabled: true, gpu_enabled: true}
  - {name: b, domain: b.lab.example.com, size: medium, vector_store: qdrant}
  - {name: c, domain: c.lab.example.com, size: medium, vector_store: chroma}
enable_gpu_operator: true
github: {owner: bench}
CONF

# The manual pipeline as a script of its own (hyperfine runs commands through sh).
cat > "$work/manual.sh" <<MANUAL
#!/usr/bin/env bash
set -euo pipefail
d="$work/manual"
rm -rf "\$d" && mkdir -p "\$d"
curl -fsS -o "\$d/index.yaml" "$url/index.yaml"
for c in $charts; do
  curl -fsS -o "\$d/\${c%%:*}-\${c#*:}.tgz" "$url/\${c%%:*}-\${c#*:}.tgz"
done
tar -C "\$d" -czf "$work/manual.tar.gz" .
sha256sum "$work/manual.tar.gz" > "$work/manual.sha256"
MANUAL
bash "$work/manual.sh"

"$vw" bundle create -c "$work/vw.yaml" --file "$work/warm.bundle" --chart-repository "$url" >/dev/null 2>&1

# The JVM's start is measured in the same run (--version loads no domain code), so the ratio can
# be given with and without it; the cold case empties the render cache before every run.
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "$RESULTS_DIR/bundle-create.md" \
  --export-json "$RESULTS_DIR/bundle-create.json" \
  --prepare "true" --prepare "rm -rf $XDG_CACHE_HOME/ai-lab/bundle-renders" --prepare "true" --prepare "true" \
  -n "vectorweight bundle create (6 charts)" \
  "$vw bundle create -c $work/vw.yaml --file $work/b.bundle --chart-repository $url" \
  -n "vectorweight bundle create (6 charts, cold render cache)" \
  "$vw bundle create -c $work/vw.yaml --file $work/b.bundle --chart-repository $url" \
  -n "vectorweight --version" "$vw --version" \
  -n "curl + tar czf + sha256sum (6 charts)" "bash $work/manual.sh"

# Verify: the bundle, against sha256sum -c over the same files unpacked.
mkdir -p "$work/unpacked"
tar -C "$work/unpacked" -xf "$work/b.bundle"
(cd "$work/unpacked" && find . -type f ! -name manifest.json.sha256 -printf '%P\n' | sort | xargs sha256sum > "$work/sums")
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "$RESULTS_DIR/bundle-verify.md" \
  --export-json "$RESULTS_DIR/bundle-verify.json" \
  -n "vectorweight bundle verify" "$vw bundle verify $work/b.bundle" \
  -n "vectorweight --version" "$vw --version" \
  -n "sha256sum -c (same files)" "cd $work/unpacked && sha256sum --quiet -c $work/sums"

# Memory: one large file in a bundle, verified with a 256 MB heap. The bundle is made by
# python's tarfile with a manifest in our format, so no chart has to be that large.
python3 - "$work/big.bundle" "$BIG_MB" <<'PY'
import hashlib, io, json, os, sys, tarfile
path, mb = sys.argv[1], int(sys.argv[2])
chunk = os.urandom(1 << 20)
h = hashlib.sha256()
for _ in range(mb):
    h.update(chunk)
manifest = {"format": 1, "toolkit_version": "bench", "generator_version": "2", "project": "big", "mode": "internet",
            "config_sha256": "0" * 64, "charts": [], "images": [],
            "files": [{"path": "images/blobs/sha256/big", "size": mb << 20, "sha256": h.hexdigest()}]}
raw = (json.dumps(manifest, indent=2) + "\n").encode()
class Repeat(io.RawIOBase):
    def __init__(self): self.left = mb << 20
    def readable(self): return True
    def readinto(self, b):
        n = min(len(b), self.left, len(chunk))
        if n == 0: return 0
        b[:n] = chunk[:n]; self.left -= n; return n
with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as t:
    for name, data in (("manifest.json", raw),
                       ("manifest.json.sha256", (hashlib.sha256(raw).hexdigest() + "  manifest.json\n").encode())):
        i = tarfile.TarInfo(name); i.size = len(data); t.addfile(i, io.BytesIO(data))
    i = tarfile.TarInfo("images/blobs/sha256/big"); i.size = mb << 20
    t.addfile(i, io.BufferedReader(Repeat(), 1 << 20))
PY
big_size=$(stat -c %s "$work/big.bundle")
AI_LAB_JAVA_OPTS="-Xmx256m" /usr/bin/time -f "%e s, max RSS %M KB" "$vw" bundle verify "$work/big.bundle" \
  > "$RESULTS_DIR/bundle-big.txt" 2>&1
# The floor: reading and hashing the same bytes once.
/usr/bin/time -f "sha256sum of the same bundle: %e s, max RSS %M KB" sha256sum "$work/big.bundle" \
  >/dev/null 2>> "$RESULTS_DIR/bundle-big.txt"
echo "bundle of $big_size bytes (BIG_MB=$BIG_MB), verified with AI_LAB_JAVA_OPTS=-Xmx256m:" | cat - "$RESULTS_DIR/bundle-big.txt" \
  > "$RESULTS_DIR/bundle-big.tmp" && mv "$RESULTS_DIR/bundle-big.tmp" "$RESULTS_DIR/bundle-big.txt"

# Ratios against the peer: wall and CPU (user+sys), with and without the JVM start (--version).
python3 - "$RESULTS_DIR" > "$RESULTS_DIR/ratios.md" <<'PY'
import json, sys
d = sys.argv[1]
print("| case | wall s | CPU s | wall ratio | CPU ratio | CPU ratio without JVM start |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for f in ("bundle-create.json", "bundle-verify.json"):
    rs = {r["command"]: r for r in json.load(open(f"{d}/{f}"))["results"]}
    peer = [r for n, r in rs.items() if not n.startswith("vectorweight")][0]
    start = rs["vectorweight --version"]
    cpu = lambda r: r["user"] + r["system"]
    for n, r in rs.items():
        if not n.startswith("vectorweight bundle"):
            continue
        print(f"| {n} | {r['mean']:.3f} | {cpu(r):.3f} | {r['mean'] / peer['mean']:.2f} | {cpu(r) / cpu(peer):.2f} | "
              f"{(cpu(r) - cpu(start)) / cpu(peer):.2f} |")
    print(f"| {peer['command']} (peer) | {peer['mean']:.3f} | {cpu(peer):.3f} | 1 | 1 | 1 |")
    print(f"| vectorweight --version | {start['mean']:.3f} | {cpu(start):.3f} | | | |")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS_DIR/ratios.md"
cat "$RESULTS_DIR"/bundle-create.md "$RESULTS_DIR"/bundle-verify.md "$RESULTS_DIR"/ratios.md "$RESULTS_DIR"/bundle-big.txt
