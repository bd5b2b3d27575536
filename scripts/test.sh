#!/usr/bin/env bash
# Installs what is missing, builds everything with -Werror and runs the whole test suite:
# unit, integration, GUI (offscreen), the shared study on a real PostgreSQL 15 server, a bounded
# fuzz run, and the Cortex-M4 firmware build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/check-format.sh

build=${ALGOSCOPE_BUILD_DIR:-build/ci}
jobs=${ALGOSCOPE_JOBS:-2}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALGOSCOPE_WERROR=ON
cmake --build "$build" -j "$jobs"

export QT_QPA_PLATFORM=offscreen
# ctest starts a throwaway PostgreSQL server for the tests labelled postgres (fixture
# postgres, scripts/pg-test-server.sh) and stops it after them; should ctest be interrupted,
# this stops whatever it left running.
trap 'bash scripts/pg-test-server.sh stop "$build/pgtest" >/dev/null 2>&1 || true' EXIT
ctest_log="$build/ctest-summary.log"
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 600 | tee "$ctest_log"

for extra in scripts/fuzz.sh scripts/firmware-arm.sh; do
  if [[ -x $extra ]]; then "$extra" "$build"; fi
done

# One closing line that any reader can count: "N passed, N failed".
summary=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$ctest_log" | tail -n 1)
failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$summary")
total=$(sed -E 's/.* tests failed out of ([0-9]+).*/\1/' <<<"$summary")
echo "tests: $((total - failed)) passed, $failed failed"
