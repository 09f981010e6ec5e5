#!/usr/bin/env bash
# The benchmark cases three ways on this machine: under the JIT, published with NativeAOT for NativeAOT's default
# instruction set, and published with -p:TensorgenInstructionSet=native; then each case's median and the ratios
# AOT/JIT (issue 14's goal: every case <= 1.1x with the default publish). Runs one after another (never two at once).
#   Tests/Tensorgen.AotBench/run.sh [runs=3] [rounds=7] [case filter words...]
# The three binaries run in turn, runs times (so a change of load on a shared machine hits each alike); the table
# gives, per case, the median over the runs of each run's median (CPU time of the calling thread).
# Needs clang or gcc and zlib for the native link (apt-get install -y clang zlib1g-dev).
set -euo pipefail
cd "$(dirname "$0")"
runs=3; args=()
for a in "$@"; do case "$a" in runs=*) runs=${a#runs=} ;; *) args+=("$a") ;; esac; done
[[ " ${args[*]-} " == *" rounds="* ]] || args+=("rounds=7")
out="${TMPDIR:-/tmp}/tensorgen-aotbench"
rm -rf "$out" && mkdir -p "$out"

publish() { # $1 = name, rest = extra properties
  local name=$1; shift
  # The instruction set is not an input NativeAOT's incremental build tracks: start each publish from a clean native dir.
  rm -rf obj/Release/net10.0/linux-x64 bin/Release/net10.0/linux-x64
  dotnet publish -c Release -r linux-x64 -p:PublishAot=true -o "$out/$name" "$@" >"$out/$name.publish.log" 2>&1 \
    || { tail -30 "$out/$name.publish.log"; exit 1; }
  if grep -E '(warning|error) (IL[0-9]+|NETSDK[0-9]+)' "$out/$name.publish.log"; then echo "trimming/AOT warnings publishing $name"; exit 1; fi
}

dotnet build -c Release -v q >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; exit 1; }
publish aot-default
publish aot-native -p:TensorgenInstructionSet=native

for r in $(seq 1 "$runs"); do
  echo "== run $r/$runs: JIT";               dotnet bin/Release/net10.0/Tensorgen.AotBench.dll "${args[@]}" | tee "$out/jit.$r.txt"
  echo "== run $r/$runs: NativeAOT default"; "$out/aot-default/Tensorgen.AotBench" "${args[@]}" | tee "$out/aot-default.$r.txt"
  echo "== run $r/$runs: NativeAOT native";  "$out/aot-native/Tensorgen.AotBench" "${args[@]}" | tee "$out/aot-native.$r.txt"
done

# One table: per case and binary the median of the runs' medians (CPU time), and the ratios to the JIT.
echo
echo "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(grep -q avx512f /proc/cpuinfo && echo AVX-512 || echo 'no AVX-512'), .NET $(dotnet --version); $runs runs of each binary, in turn"
echo "| case | AOT default / JIT | AOT native / JIT | JIT µs | AOT default µs | AOT native µs |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F' [|] ' '
  FNR == 1 { split(FILENAME, parts, "/"); kind = parts[length(parts)]; sub(/[.][0-9]+[.]txt$/, "", kind) }
  /^\| / && $2 ~ /^[0-9.eE+-]+$/ {
    name = substr($1, 3); k = kind SUBSEP name; v[k, ++count[k]] = $2 + 0
    if (!(name in seen)) { seen[name] = 1; order[++n] = name } }
  function median(k,    m, i, j, a, t) {
    m = count[k]; if (m == 0) return ""; for (i = 1; i <= m; i++) a[i] = v[k, i]
    for (i = 2; i <= m; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
  END { for (i = 1; i <= n; i++) { c = order[i]
          j = median("jit" SUBSEP c); d = median("aot-default" SUBSEP c); x = median("aot-native" SUBSEP c)
          printf "| %s | %s | %s | %s | %s | %s |\n", c, ratio(d, j), ratio(x, j), num(j), num(d), num(x) } }
  function num(t) { return t == "" ? "—" : sprintf("%.4g", t) }
  function ratio(t, base) { return t == "" || base == "" ? "—" : sprintf("%.2fx", t / base) }
' $(for r in $(seq 1 "$runs"); do echo "$out/jit.$r.txt" "$out/aot-default.$r.txt" "$out/aot-native.$r.txt"; done)
