#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan in their own build dir
# and runs every target for an equal share of one time budget. Exits 0 when no crash was
# found; a crash leaves its input in BUILD_DIR-fuzz/artifacts and fails the script.
# Usage: scripts/fuzz.sh [BUILD_DIR]   (uses BUILD_DIR-fuzz)
#   ALGOSCOPE_FUZZ_SECONDS  total run time shared by all targets (default 140, so the whole
#                           run stays under 3 minutes after the build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}-fuzz
total_s=${ALGOSCOPE_FUZZ_SECONDS:-140}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (apt install clang libclang-rt-14-dev)" >&2
  exit 1
fi

# target:max_len. Seeds come from tests/fuzz/seeds/<target> (the proto targets generate
# theirs); whatever a run finds is kept in the build dir for the next run.
targets=(
  proto_decoder_fuzz:1024
  firmware_rx_fuzz:1024
  gauge_lines_fuzz:2048
  capture_reader_fuzz:4096
  calibration_record_fuzz:16384
  calibration_csv_fuzz:4096
  scenario_csv_fuzz:4096
  trace_blob_fuzz:4096
)
names=()
for t in "${targets[@]}"; do names+=("${t%%:*}"); done

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALGOSCOPE_WERROR=ON >/dev/null
cmake --build "$build" -j "${ALGOSCOPE_JOBS:-2}" --target "${names[@]}" proto_fuzz_seeds

per_target_s=$((total_s / ${#targets[@]}))
if ((per_target_s < 5)); then per_target_s=5; fi
mkdir -p "$build/artifacts"
summary=()
for t in "${targets[@]}"; do
  target=${t%%:*}
  max_len=${t##*:}
  corpus="$build/corpus-$target"
  mkdir -p "$corpus"
  seeds=()
  case $target in
    proto_decoder_fuzz | firmware_rx_fuzz) "$build/proto_fuzz_seeds" "$corpus" ;;
    *) seeds=("tests/fuzz/seeds/$target") ;;
  esac
  echo "fuzz: $target for ${per_target_s}s"
  "$build/$target" "$corpus" "${seeds[@]}" -max_total_time="$per_target_s" -timeout=10 \
    -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" >"$build/$target.log" 2>&1 || {
      echo "fuzz: $target FAILED; last lines of $build/$target.log:" >&2
      tail -n 40 "$build/$target.log" >&2
      exit 1
    }
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$target.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$build/$target.log")
  summary+=("$(printf '  %-24s %10s execs in %3ss (%s/s), peak RSS %s MB' "$target" "$execs" \
    "$per_target_s" "$((execs / per_target_s))" "$rss")")
done
echo "fuzz: no crash"
printf '%s\n' "${summary[@]}"
