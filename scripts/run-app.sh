#!/usr/bin/env bash
# Installs what is missing, builds, and starts Algoscope on its built-in simulated
# algometer. Extra arguments go to the app (e.g. --demo sustained-hold).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

build=${ALGOSCOPE_BUILD_DIR:-build/app}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALGOSCOPE_BUILD_TESTS=OFF
cmake --build "$build" -j "${ALGOSCOPE_JOBS:-2}" --target algoscope algoscope-cli algoscope-sim

# No display (a server, a container): run under a virtual X server so the app still starts.
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
  echo "run-app: no display found; starting under xvfb-run (set DISPLAY to see the window)"
  exec xvfb-run -a "$build/src/app/algoscope" "$@"
fi
exec "$build/src/app/algoscope" "$@"
