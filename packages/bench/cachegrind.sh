#!/bin/sh
# Cache misses and instructions per engine check, simulated by valgrind's callgrind on the benchmark's fixture (an
# 8 MB last-level cache by default). Usage: ./cachegrind.sh OUT.callgrind [CHECKS] [LL_BYTES]; the measured checks' counts
# are in the dump, one file per thread: OUT.callgrind.1-01 is the main thread (the checks), the others V8's compiler and
# collector threads; the process's exit is in OUT.callgrind-NN. See docs/benchmarks.md.
set -eu
out=$1
checks=${2:-200000}
ll=${3:-8388608}
dir=$(mktemp -d)
cd "$(dirname "$0")"
valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 --LL="$ll",16,64 \
  --callgrind-out-file="$out" node --max-old-space-size=8192 --max-semi-space-size=64 --import tsx \
  src/check-loop.ts --checks "$checks" --signal "$dir" >"$dir/log" 2>&1 &
vg=$!
wait_for() { while [ ! -e "$dir/$1" ]; do sleep 1; done; }
wait_for warm.ready
callgrind_control -i on "$vg" >/dev/null
touch "$dir/warm"
wait_for measure.ready
callgrind_control -z "$vg" >/dev/null
touch "$dir/measure"
wait_for measure.done
callgrind_control -d "$vg" >/dev/null
touch "$dir/exit"
wait "$vg" || true
rm -rf "$dir"
