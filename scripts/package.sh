#!/usr/bin/env bash
# Builds the two Debian 12 packages a user installs (docs/packaging.md):
#   algoscope-cli  the command line, the simulator, the reference tables, the udev rule (no Qt)
#   algoscope      the desktop app; depends on algoscope-cli of the same version
# A Release build without tests (Debian's hardening flags, stripped), man pages made from the
# programs' own --help, then CPack into build/pkg/, then the checks: lintian (no errors),
# appstreamcli validate, desktop-file-validate, and --version of the built programs equal to
# the package version.
#
#   scripts/package.sh [--out DIR] [--build-dir DIR] [--version-suffix SUFFIX] [--no-lintian]
#
# --version-suffix appends to the version (scripts/package-test.sh builds its upgrade so).
# Installs the tools it needs (help2man, rsvg-convert, dpkg-dev, lintian, appstream,
# desktop-file-utils) with apt-get like scripts/install-deps.sh, through sudo when not root.
# Environment: ALGOSCOPE_JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

out=build/pkg
build=build/release
suffix=""
lint=1
while (($#)); do
  case $1 in
    --out) out=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --version-suffix) suffix=$2; shift 2 ;;
    --no-lintian) lint=0; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
say() { printf 'package: %s\n' "$*"; }
out=$(realpath -m "$out")

bash scripts/install-deps.sh
# The packaging tools: only this script needs them, so scripts/install-deps.sh stays lean.
tools=(help2man librsvg2-bin dpkg-dev lintian appstream desktop-file-utils file)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  say "installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's hardening flags (PIE, stack protector, fortify, full RELRO); -O2 -g make way for
# the Release build type's optimisation, and the binaries are stripped anyway.
flags() {
  DEB_BUILD_MAINT_OPTIONS="hardening=+all" DEB_CFLAGS_MAINT_STRIP="-g -O2" \
    DEB_CXXFLAGS_MAINT_STRIP="-g -O2" dpkg-buildflags --get "$1"
}
cppflags=$(flags CPPFLAGS)
# Dates written into the packages (the man pages') are the commit's, so a rebuild is identical.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DALGOSCOPE_BUILD_TESTS=OFF \
  -DALGOSCOPE_PACKAGE=ON -DALGOSCOPE_VERSION_SUFFIX="$suffix" -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_C_FLAGS="$cppflags $(flags CFLAGS)" -DCMAKE_CXX_FLAGS="$cppflags $(flags CXXFLAGS)" \
  -DCMAKE_EXE_LINKER_FLAGS="$(flags LDFLAGS)" "${launcher[@]}" >/dev/null
cmake --build "$build" -j "${ALGOSCOPE_JOBS:-2}"

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
for program in src/cli/algoscope-cli src/sim/algoscope-sim src/app/algoscope; do
  shown=$("$build/$program" --version)
  if [[ $shown != "$(basename "$program") $version" ]]; then
    say "FAIL: $program --version says '$shown', the package is $version (reconfigure: the tree changed)"
    exit 1
  fi
done

rm -rf "$out"
mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out" >cpack.log 2>&1) ||
  { say "FAIL: cpack (see $build/cpack.log)"; tail -n 20 "$build/cpack.log"; exit 1; }
rm -rf "$out/_CPack_Packages"
debs=("$out"/algoscope_*.deb "$out"/algoscope-cli_*.deb)

for deb in "${debs[@]}"; do
  say "$(basename "$deb"): $(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
  say "  Depends: $(dpkg-deb -f "$deb" Depends)"
done

# The metadata a software centre and the menu read.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
dpkg-deb -x "$out"/algoscope_*.deb "$staging"
desktop-file-validate "$staging"/usr/share/applications/*.desktop
appstreamcli validate --no-net --pedantic "$staging"/usr/share/metainfo/*.metainfo.xml

if ((lint)); then
  # Errors fail the build; warnings are fixed or listed with the reason in docs/packaging.md
  # (the overrides ship in the packages, so lintian prints what is left).
  lintian --info --display-info --pedantic "${debs[@]}" | tee "$out/lintian.txt" || true
  if grep -q '^E: ' "$out/lintian.txt"; then
    say "FAIL: lintian reports errors (above; saved in $out/lintian.txt)"
    exit 1
  fi
  say "lintian: $(grep -c '^E: ' "$out/lintian.txt") errors, $(grep -c '^W: ' "$out/lintian.txt") warnings, $(grep -c '^[IP]: ' "$out/lintian.txt") info/pedantic"
fi
say "packages in $out: $(cd "$out" && echo *.deb)"
