#!/usr/bin/env bash
# Installs every Debian 12 package Algoscope needs to build, run and test (the app, the CLI,
# the simulator, the test suite, the fuzz run and the Cortex-M4 firmware build), on a minimal
# Debian 12 (debootstrap --variant=minbase: no compiler, no python3, no sudo). Skips apt when
# everything is already there, so it is cheap to call from every entry script.
#
#   scripts/install-deps.sh              install what is missing (as root, or through sudo)
#   scripts/install-deps.sh --list       print the packages, one per line, and exit
#   scripts/install-deps.sh --recommends print what apt's Recommends would add on top, and exit
#
# Installs use --no-install-recommends, so every package the build reads must be named here,
# even where another package only Recommends it. scripts/fresh-machine-test.sh proves the list
# on a minimal root; run it after changing anything here.
set -euo pipefail

packages=(
  # Tool chain and build
  build-essential cmake ninja-build pkg-config git ca-certificates
  # The formatting check of scripts/test.sh
  clang-format
  # Qt 6: Qt6Charts' CMake config needs Qt6OpenGL, which qt6-base-dev only Recommends
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6svg6-dev qt6-multimedia-dev
  libgl-dev
  # Core libraries (zlib compresses the font a report PDF embeds)
  libboost-dev libboost-system-dev libeigen3-dev libsqlite3-dev libsqlitecpp-dev sqlite3
  nlohmann-json3-dev libcli11-dev zlib1g-dev
  # The shared study: libpq (the C client API) in algocore; the tests start a throwaway
  # PostgreSQL 15 server (scripts/pg-test-server.sh) and use psql as an outsider would
  libpq-dev postgresql-15 postgresql-client-15
  # Tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # Fuzzing (clang's libFuzzer and sanitizer runtimes)
  clang libclang-rt-14-dev
  # Cortex-M4 firmware build: compiler, C library, and the C++ headers/library for the target
  gcc-arm-none-eabi libnewlib-arm-none-eabi libnewlib-dev
  libstdc++-arm-none-eabi-newlib libstdc++-arm-none-eabi-dev
  # Running headless: virtual X server, fonts, PDF rendering for the certificate test and
  # text extraction for the report tests. fonts-dejavu-core is also read by the build: the
  # report writer compiles DejaVu Sans into the programs (src/core/report/CMakeLists.txt)
  xvfb xauth fonts-dejavu-core fontconfig poppler-utils
)

case ${1:-} in
  --list)
    printf '%s\n' "${packages[@]}"
    exit 0
    ;;
  --recommends)
    # What installing with Recommends would have added: useful to know, not needed.
    apt-cache depends --no-depends --no-suggests --no-conflicts --no-breaks --no-replaces \
      --no-enhances "${packages[@]}" 2>/dev/null |
      sed -n 's/^ *Recommends: <\{0,1\}\([^>]*\)>\{0,1\}$/\1/p' | sort -u |
      grep -vxF -f <(printf '%s\n' "${packages[@]}") || true
    exit 0
    ;;
  "") ;;
  *)
    echo "install-deps: unknown option '$1' (use --list or --recommends)" >&2
    exit 2
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: these packages are missing: ${missing[*]}" >&2
    echo "install-deps: run this script as root, or install sudo and run it as a user who may use it" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
