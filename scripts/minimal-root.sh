# Sourced (not run) by scripts/fresh-machine-test.sh and scripts/package-test.sh: a minimal
# Debian 12 root (debootstrap --variant=minbase bookworm: no compiler, no python3, no sudo)
# made once and cached as a tarball, unpacked afresh for each run, with /proc, /sys and /dev
# mounted and services kept from starting.
#
# Environment: ALGOSCOPE_FRESH_DIR (work folder, default /var/tmp/algoscope-fresh),
# ALGOSCOPE_FRESH_CACHE (base tarball, default /var/cache/algoscope-fresh/bookworm-minbase.tar.gz),
# ALGOSCOPE_FRESH_MIRROR (default http://deb.debian.org/debian).
# The caller sets `set -euo pipefail` and defines say().

work=${ALGOSCOPE_FRESH_DIR:-/var/tmp/algoscope-fresh}
cache=${ALGOSCOPE_FRESH_CACHE:-/var/cache/algoscope-fresh/bookworm-minbase.tar.gz}
mirror=${ALGOSCOPE_FRESH_MIRROR:-http://deb.debian.org/debian}
minimal_root_mounts=()

# Needs root; installs debootstrap on the host when missing.
minimal_root_require_host() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "$(basename "$0"): needs root for debootstrap and chroot (try: sudo $0)" >&2
    exit 2
  fi
  local tool
  for tool in debootstrap "$@"; do
    if ! command -v "$tool" >/dev/null; then
      say "installing $tool on the host"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool"; }
    fi
  done
}

# The cached base tarball, made with debootstrap the first time.
minimal_root_base() {
  [[ -s $cache ]] && return 0
  say "building the minimal Debian 12 base (debootstrap minbase, once; cached at $cache)"
  mkdir -p "$(dirname "$cache")" "$work"
  local base="$work/base-build"
  rm -rf --one-file-system "$base"
  debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { say "FAIL: debootstrap failed; see $work/debootstrap.log"; tail -n 20 "$work/debootstrap.log"; exit 1; }
  tar -C "$base" -czf "$cache.tmp" . && mv "$cache.tmp" "$cache"
  rm -rf --one-file-system "$base"
}

# Unmounts what minimal_root_enter mounted (call from the caller's EXIT trap).
minimal_root_unmount() {
  local i
  for ((i = ${#minimal_root_mounts[@]} - 1; i >= 0; i--)); do
    umount -l "${minimal_root_mounts[i]}" 2>/dev/null || true
  done
  minimal_root_mounts=()
}

# minimal_root_enter ROOT: a fresh copy of the base at ROOT, mounted and ready for chroot.
minimal_root_enter() {
  local root=$1 m
  if [[ -d $root ]]; then
    # A root left by an interrupted run may still have mounts.
    for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
  fi
  mkdir -p "$root"
  tar -C "$root" -xzf "$cache"
  for m in proc sys dev dev/pts; do
    case $m in
      proc) mount -t proc proc "$root/proc" ;;
      sys) mount -t sysfs sys "$root/sys" ;;
      dev) mount --bind /dev "$root/dev" ;;
      dev/pts) mount --bind /dev/pts "$root/dev/pts" ;;
    esac
    minimal_root_mounts+=("$root/$m")
  done
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # Packages must not start services inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
}

# minimal_root_run ROOT COMMAND...: as root inside ROOT, with a clean environment.
minimal_root_run() {
  local root=$1
  shift
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 HOME=/root TERM=dumb "$@"
}

# minimal_root_run_as ROOT USER COMMAND...: as USER (a login-like environment) inside ROOT.
minimal_root_run_as() {
  local root=$1 user=$2
  shift 2
  chroot --userspec="$user:$user" "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin \
    HOME="/home/$user" LANG=C.UTF-8 USER="$user" TERM=dumb "$@"
}
