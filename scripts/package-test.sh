#!/usr/bin/env bash
# Installs the Debian packages on a minimal Debian 12 root (the cached one of
# scripts/fresh-machine-test.sh) and uses them as a clinic's user would:
#   1. as root:   apt-get install ./algoscope_*.deb ./algoscope-cli_*.deb   (timed; every
#                 dependency comes from the archive; no Recommends, so Depends must suffice)
#   2. as 'clinician' (a normal user, no sudo): algoscope --version, algoscope-cli --help, a
#      headless screenshot of the app on its simulated algometer, algoscope-cli ppt against
#      algoscope-sim into ~/study.sqlite
#   3. upgrade to a package with a higher version: the programs say the new version, every
#      file in the user's home is unchanged and the study reads back the same
#   4. remove; install again and purge: the programs are gone, every file in the user's home
#      remains
# and reports PASS or FAIL with the step. Builds the packages first with scripts/package.sh
# (as the user who ran sudo, so build/ stays theirs): build/pkg/ and, with a version suffix,
# build/pkg-upgrade/.
#
#   sudo scripts/package-test.sh [--keep] [--no-build]
#
# --no-build uses the packages already in build/pkg/ and build/pkg-upgrade/.
# Environment: as scripts/minimal-root.sh (ALGOSCOPE_FRESH_DIR, _CACHE, _MIRROR).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
keep=0
build=1
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    --no-build) build=0 ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-test: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

say() { printf 'package-test: %s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
started=$(date +%s)

source "$repo/scripts/minimal-root.sh"
minimal_root_require_host

pkg=$repo/build/pkg
upgrade_pkg=$repo/build/pkg-upgrade
if ((build)); then
  as_owner=()
  if [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]]; then as_owner=(sudo -u "$SUDO_USER" -H); fi
  say "building the packages (scripts/package.sh)"
  "${as_owner[@]}" "$repo/scripts/package.sh" --out "$pkg"
  say "building the upgrade (scripts/package.sh --version-suffix +upgradetest1)"
  "${as_owner[@]}" "$repo/scripts/package.sh" --out "$upgrade_pkg" --version-suffix +upgradetest1 \
    --no-lintian >"$work/package-upgrade.log" 2>&1 ||
    { tail -n 20 "$work/package-upgrade.log"; fail "building the upgrade (log: $work/package-upgrade.log)"; }
fi
debs=("$pkg"/algoscope_*.deb "$pkg"/algoscope-cli_*.deb)
upgrade_debs=("$upgrade_pkg"/algoscope_*.deb "$upgrade_pkg"/algoscope-cli_*.deb)
for deb in "${debs[@]}" "${upgrade_debs[@]}"; do
  [[ -s $deb ]] || fail "no package $deb (run without --no-build)"
done
version=$(dpkg-deb -f "${debs[0]}" Version)
upgrade_version=$(dpkg-deb -f "${upgrade_debs[0]}" Version)
dpkg --compare-versions "$upgrade_version" gt "$version" ||
  fail "the upgrade's version $upgrade_version is not above $version"

minimal_root_base
root="$work/package-root"
cleanup() {
  minimal_root_unmount
  if ((keep == 0)); then rm -rf --one-file-system "$root"; else say "kept the root at $root"; fi
}
trap cleanup EXIT
minimal_root_enter "$root"
in_root() { minimal_root_run "$root" "$@"; }
as_user() { minimal_root_run_as "$root" clinician "$@"; }
user_home=$root/home/clinician

in_root useradd --create-home --shell /bin/bash clinician
in_root apt-get update -qq >/dev/null
mkdir -p "$root/tmp/pkg" "$root/tmp/pkg-upgrade"
cp "${debs[@]}" "$root/tmp/pkg/"
cp "${upgrade_debs[@]}" "$root/tmp/pkg-upgrade/"

# 1. The install a clinic's IT runs.
log=$work/package-install.log
size_before=$(du -skx "$root" | cut -f1)
t0=$(date +%s%N)
in_root env DEBIAN_FRONTEND=noninteractive bash -c \
  'cd /tmp/pkg && apt-get install -y --no-install-recommends ./algoscope_*.deb ./algoscope-cli_*.deb' \
  >"$log" 2>&1 || { tail -n 20 "$log"; fail "apt-get install (log: $log)"; }
install_s=$(awk -v ns="$(($(date +%s%N) - t0))" 'BEGIN { printf "%.1f", ns / 1e9 }')
size_after=$(du -skx "$root" | cut -f1)
ours_kib=$(in_root dpkg-query -W -f='${Installed-Size}\n' algoscope algoscope-cli | awk '{ s += $1 } END { print s }')
pulled=$(grep -c '^Setting up ' "$log" || true)
say "step 1 passed: apt-get install took ${install_s} s, set up $pulled packages; the root grew by $(((size_after - size_before) / 1024)) MiB; algoscope + algoscope-cli installed size ${ours_kib} KiB"

# 2. A normal user.
shown=$(as_user algoscope --version) || fail "algoscope --version exited non-zero"
[[ $shown == "algoscope $version" ]] || fail "algoscope --version says '$shown', the package is $version"
as_user algoscope-cli --help >"$work/package-cli-help.txt" || fail "algoscope-cli --help exited non-zero"
grep -q '^  ppt ' "$work/package-cli-help.txt" || fail "algoscope-cli --help lists no ppt command"
for page in algoscope algoscope-cli algoscope-cli-ppt algoscope-sim; do
  [[ -s $root/usr/share/man/man1/$page.1.gz ]] || fail "no man page $page(1)"
done
[[ -s $root/usr/lib/udev/rules.d/60-algoscope.rules ]] || fail "no udev rule"

as_user env QT_QPA_PLATFORM=offscreen algoscope --demo sustained-hold --after 8 \
  --screenshot /home/clinician/algoscope-live.png >"$work/package-app.log" 2>&1 ||
  { cat "$work/package-app.log"; fail "the app's headless screenshot"; }
cp "$user_home/algoscope-live.png" "$work/package-test-live.png"
rm "$user_home/algoscope-live.png"

# The simulator in the background, the PPT series against it into the user's study.
as_user bash -c 'algoscope-sim --autostart --scenario ppt-ramp --seed 7 --link ~/algometer \
  >~/sim.out 2>~/sim.err & echo $! >~/sim.pid; for _ in $(seq 50); do [[ -e ~/algometer ]] && exit 0; sleep 0.1; done; exit 1' ||
  fail "algoscope-sim did not come up"
as_user algoscope-cli ppt --port /home/clinician/algometer --db /home/clinician/study.sqlite \
  --subject S001 --site "upper trapezius" --side L --preset dfns --trials 1 --timeout 300 \
  >"$work/package-ppt.json" 2>"$work/package-ppt.err" ||
  { cat "$work/package-ppt.err"; fail "algoscope-cli ppt"; }
kill "$(cat "$user_home/sim.pid")" 2>/dev/null || true
for _ in $(seq 50); do [[ -e $user_home/algometer ]] || break; sleep 0.1; done
rm -f "$user_home/sim.pid" "$user_home/sim.out" "$user_home/sim.err"
grep -q '"ppt_kpa"' "$work/package-ppt.json" || fail "algoscope-cli ppt printed no threshold"
as_user algoscope-cli history --db /home/clinician/study.sqlite --subject S001 --json \
  >"$work/package-history-before.json" || fail "algoscope-cli history"
say "step 2 passed: version $version, help, man pages, screenshot ($work/package-test-live.png), ppt: $(grep -c '"ppt_kpa"' "$work/package-ppt.json") trial lines into ~/study.sqlite"

# Every file in the user's home, with its checksum: what upgrade, remove and purge must keep.
home_files() { (cd "$user_home" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
home_files >"$work/package-home-before.txt"
[[ -s $work/package-home-before.txt ]] || fail "the user's home is empty"
same_home() { # same_home STEP
  home_files >"$work/package-home-$1.txt"
  diff -u "$work/package-home-before.txt" "$work/package-home-$1.txt" ||
    fail "$1 changed the user's files (above)"
}

# 3. Upgrade.
in_root env DEBIAN_FRONTEND=noninteractive bash -c \
  'cd /tmp/pkg-upgrade && apt-get install -y --no-install-recommends ./algoscope_*.deb ./algoscope-cli_*.deb' \
  >"$work/package-upgrade-install.log" 2>&1 || fail "upgrade (log: $work/package-upgrade-install.log)"
for program in algoscope algoscope-cli algoscope-sim; do
  shown=$(as_user "$program" --version)
  [[ $shown == "$program $upgrade_version" ]] || fail "after the upgrade $program says '$shown'"
done
same_home upgrade
as_user algoscope-cli history --db /home/clinician/study.sqlite --subject S001 --json \
  >"$work/package-history-after.json" || fail "algoscope-cli history after the upgrade"
cmp -s "$work/package-history-before.json" "$work/package-history-after.json" ||
  fail "the study reads back differently after the upgrade"
same_home upgrade-read
say "step 3 passed: upgraded to $upgrade_version; $(wc -l <"$work/package-home-before.txt") files in the home unchanged, the study reads back the same"

# 4. Remove; then install again and purge (a package without conffiles is gone after remove,
#    so purge is tried on an installed one).
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y algoscope algoscope-cli \
  >"$work/package-remove.log" 2>&1 || fail "apt-get remove (log: $work/package-remove.log)"
[[ ! -e $root/usr/bin/algoscope && ! -e $root/usr/bin/algoscope-cli ]] || fail "programs left after remove"
same_home remove
in_root env DEBIAN_FRONTEND=noninteractive bash -c \
  'cd /tmp/pkg-upgrade && apt-get install -y --no-install-recommends ./algoscope_*.deb ./algoscope-cli_*.deb' \
  >"$work/package-reinstall.log" 2>&1 || fail "installing again (log: $work/package-reinstall.log)"
[[ -x $root/usr/bin/algoscope ]] || fail "installing again left no /usr/bin/algoscope"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y algoscope algoscope-cli \
  >"$work/package-purge.log" 2>&1 || fail "apt-get purge (log: $work/package-purge.log)"
if in_root dpkg-query -W -f='${db:Status-Abbrev}\n' algoscope algoscope-cli 2>/dev/null | grep -q '^.[^n]'; then
  fail "a package is still (partly) installed after purge"
fi
[[ ! -e $root/usr/bin/algoscope && ! -e $root/usr/share/algoscope && ! -e $root/usr/lib/udev/rules.d/60-algoscope.rules ]] ||
  fail "package files left after purge"
same_home purge
say "step 4 passed: removed; installed again and purged; the user's files remain"
say "PASS in $(($(date +%s) - started)) s (packages $version -> $upgrade_version)"
