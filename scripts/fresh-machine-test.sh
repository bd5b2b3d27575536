#!/usr/bin/env bash
# Proves the README's two set-up commands on a fresh machine: a minimal Debian 12 root
# (debootstrap --variant=minbase bookworm: no compiler, no python3, no sudo), a clean clone of
# this repository's committed HEAD, then
#   1. as a normal user who may use sudo:  ./scripts/run-app.sh --demo sustained-hold
#                                           --screenshot OUT --after 4      (headless)
#   2. as root:                            ./scripts/test.sh
# and reports PASS or FAIL with the first error. Run it before submitting any change to
# dependencies or scripts.
#
# Needs root (debootstrap, chroot, mounts) and Debian's package archive. The minimal base is
# cached as a tarball, so only the first run downloads it.
#
#   sudo scripts/fresh-machine-test.sh [--keep] [--only-run|--only-test]
#
# Environment: ALGOSCOPE_FRESH_DIR (work folder, default /var/tmp/algoscope-fresh),
# ALGOSCOPE_FRESH_CACHE (base tarball, default /var/cache/algoscope-fresh/bookworm-minbase.tar.gz),
# ALGOSCOPE_FRESH_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
keep=0
steps=(run test)
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    --only-run) steps=(run) ;;
    --only-test) steps=(test) ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-machine-test: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

say() { printf 'fresh-machine-test: %s\n' "$*"; }
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

# The minimal root (made once, cached) is shared with scripts/package-test.sh.
source "$repo/scripts/minimal-root.sh"
# The host needs debootstrap and git; nothing of ours.
minimal_root_require_host git
minimal_root_base

root="$work/root"
cleanup() {
  minimal_root_unmount
  if ((keep == 0)); then rm -rf --one-file-system "$root"; else say "kept the root at $root"; fi
}
trap cleanup EXIT
minimal_root_enter "$root"
in_root() { minimal_root_run "$root" "$@"; }

# A newcomer's account; sudo is what a desktop user already has (it is not in minbase).
say "preparing the root: user 'newcomer' with sudo"
in_root useradd --create-home --shell /bin/bash newcomer
in_root apt-get update -qq >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo >/dev/null
echo 'newcomer ALL=(ALL) NOPASSWD:ALL' >"$root/etc/sudoers.d/newcomer"
chmod 0440 "$root/etc/sudoers.d/newcomer"

checkout="$root/home/newcomer/algoscope"
git clone --quiet --no-hardlinks "$repo" "$checkout"
commit=$(git -C "$checkout" rev-parse --short HEAD)
if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no) ]]; then
  say "note: uncommitted changes in $repo are not tested (clone of HEAD $commit)"
fi
in_root chown -R newcomer:newcomer /home/newcomer/algoscope

first_error() {  # first_error LOG: the first line that looks like an error
  grep -m1 -nE '(^|[^a-z])(error|Error|ERROR|FAILED|fatal|Could not|could not|not found|No such file)' "$1" ||
    tail -n 5 "$1"
}
fail() {  # fail STEP LOG
  say "FAIL at '$1' after $(elapsed)"
  say "first error: $(first_error "$2")"
  say "log: $2"
  cp "$2" "$work/" 2>/dev/null || true
  exit 1
}

for step in "${steps[@]}"; do
  case $step in
    run)
      log="$work/run-app.log"
      say "step 1: as 'newcomer' (sudo): ./scripts/run-app.sh --demo sustained-hold --screenshot ... --after 4"
      t0=$(date +%s)
      if ! minimal_root_run_as "$root" newcomer bash -c 'cd ~/algoscope && ./scripts/run-app.sh --demo sustained-hold --screenshot /home/newcomer/fresh-live.png --after 4' \
        >"$log" 2>&1; then
        fail "run-app.sh" "$log"
      fi
      if [[ ! -s $root/home/newcomer/fresh-live.png ]]; then
        say "FAIL: run-app.sh exited 0 but wrote no screenshot"
        exit 1
      fi
      cp "$root/home/newcomer/fresh-live.png" "$work/fresh-live.png"
      say "step 1 passed in $(($(date +%s) - t0)) s; screenshot: $work/fresh-live.png"
      ;;
    test)
      log="$work/test.log"
      say "step 2: as root: ./scripts/test.sh"
      t0=$(date +%s)
      if ! in_root bash -c 'cd /home/newcomer/algoscope && ./scripts/test.sh' >"$log" 2>&1; then
        fail "test.sh" "$log"
      fi
      summary=$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
      if [[ -z $summary || ! $summary =~ ' 0 failed' ]]; then
        say "FAIL: test.sh gave no clean summary ('${summary:-none}')"
        exit 1
      fi
      say "step 2 passed in $(($(date +%s) - t0)) s: $summary"
      ;;
  esac
done

say "disk used by the root after set-up: $(du -sh "$root" | cut -f1) (base $(du -sh "$cache" | cut -f1) compressed)"
say "PASS (commit $commit) in $(elapsed)"
