#!/usr/bin/env bash
# Installs the Debian 12 packages Algoscope needs to build, run and test. Skips apt when
# everything is already there, so it is cheap to call from every entry script.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6svg6-dev qt6-multimedia-dev libgl-dev
  libboost-dev libboost-system-dev libeigen3-dev libsqlite3-dev libsqlitecpp-dev sqlite3
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev gcc-arm-none-eabi libnewlib-arm-none-eabi
  xvfb xauth fonts-dejavu-core poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
