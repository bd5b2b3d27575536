#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in their own build dir and runs each
# for a bounded time. Exits 0 when no crash was found; a crash leaves its input in the run
# dir and fails the script.
# Usage: scripts/fuzz.sh [BUILD_DIR]   (uses BUILD_DIR-fuzz; ALGOSCOPE_FUZZ_SECONDS, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}-fuzz
seconds=${ALGOSCOPE_FUZZ_SECONDS:-30}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt install clang libclang-rt-14-dev)" >&2
  exit 1
fi
cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALGOSCOPE_WERROR=ON >/dev/null
cmake --build "$build" -j "${ALGOSCOPE_JOBS:-2}" \
  --target proto_decoder_fuzz firmware_rx_fuzz proto_fuzz_seeds

# Two thirds of the time to the decoder, the rest to the firmware's command input.
decoder_s=$((seconds * 2 / 3))
firmware_s=$((seconds - decoder_s))
run() {  # run <target> <seconds>
  local target=$1 secs=$2
  local corpus="$build/corpus-$target"
  mkdir -p "$corpus" "$build/artifacts"
  "$build/proto_fuzz_seeds" "$corpus"
  echo "fuzz: $target for ${secs}s"
  "$build/$target" "$corpus" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=1024 -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
    >"$build/$target.log" 2>&1 || {
      echo "fuzz: $target FAILED; last lines of $build/$target.log:" >&2
      tail -n 40 "$build/$target.log" >&2
      exit 1
    }
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/$target.log" | sed 's/^/  /'
}
run proto_decoder_fuzz "$decoder_s"
run firmware_rx_fuzz "$firmware_s"
echo "fuzz: no crash"
