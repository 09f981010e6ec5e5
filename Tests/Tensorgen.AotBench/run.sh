#!/usr/bin/env bash
# The benchmark cases three ways on this machine: under the JIT, published with NativeAOT for NativeAOT's default
# instruction set, and published with -p:TensorgenInstructionSet=native; then each case's median and the ratios
# AOT/JIT (issue 14's goal: every case <= 1.1x with the default publish). Runs one after another (never two at once).
#   Tests/Tensorgen.AotBench/run.sh [rounds=15] [case filter words...]
# Needs clang or gcc and zlib for the native link (apt-get install -y clang zlib1g-dev).
set -euo pipefail
cd "$(dirname "$0")"
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

echo "== JIT";              dotnet bin/Release/net10.0/Tensorgen.AotBench.dll "$@" | tee "$out/jit.txt"
echo "== NativeAOT default"; "$out/aot-default/Tensorgen.AotBench" "$@" | tee "$out/aot-default.txt"
echo "== NativeAOT native";  "$out/aot-native/Tensorgen.AotBench" "$@" | tee "$out/aot-native.txt"

# One table: CPU-time medians of the three runs and the ratios to the JIT (wall times are in the files above).
echo
echo "| case | JIT µs | AOT default µs | AOT native µs | AOT default / JIT | AOT native / JIT |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F' [|] ' '
  FNR == 1 { run++ }
  /^\| / && $2 ~ /^[0-9.eE+-]+$/ { name = substr($1, 3); t[run, name] = $2; if (run == 1) order[++n] = name }
  END { for (i = 1; i <= n; i++) { c = order[i]; j = t[1, c]; d = t[2, c]; v = t[3, c];
          printf "| %s | %.4g | %.4g | %.4g | %.2fx | %.2fx |\n", c, j, d, v, d / j, v / j } }
' "$out/jit.txt" "$out/aot-default.txt" "$out/aot-native.txt"
