#!/usr/bin/env bash
# Man pages from the programs' own --help (help2man), so they cannot drift from the code:
# algoscope(1), algoscope-sim(1), algoscope-cli(1) and one page per algoscope-cli command,
# found by walking the "Subcommands:" lists of --help (algoscope-cli-train-record(1) for
# `algoscope-cli train record`). Written gzipped (-n: no timestamp) into OUT.
#
#   make-man-pages.sh OUT VERSION INCLUDE_DIR algoscope-cli algoscope-sim [algoscope]
set -euo pipefail
out=$1 version=$2 includes=$3 cli=$4 sim=$5 app=${6:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Started by bare name, so every usage line says "algoscope-cli", not a build path.
mkdir "$work/bin"
ln -s "$(realpath "$cli")" "$work/bin/algoscope-cli"
ln -s "$(realpath "$sim")" "$work/bin/algoscope-sim"
[[ -n $app ]] && ln -s "$(realpath "$app")" "$work/bin/algoscope"
export PATH="$work/bin:$PATH" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
rm -rf "$out"
mkdir -p "$out"

page() { # page NAME DESCRIPTION [help2man options...]
  local name=$1 description=$2
  shift 2
  help2man --no-info --section=1 --version-string="$version" --name="$description" \
    --output="$work/$name.1" "$@" "$name"
  gzip -9n <"$work/$name.1" >"$out/$name.1.gz"
}

# The commands below `algoscope-cli WORDS...`, as "name<TAB>description" lines.
subcommands() {
  algoscope-cli "$@" --help | awk '
    /^Subcommands:/ { listing = 1; next }
    listing && /^$/ { listing = 0 }
    listing && /^  [a-z]/ { name = $1; sub(/^  [^ ]+ +/, ""); print name "\t" $0 }'
}

commands=() # every command path, e.g. "ppt", "train", "train record"
walk() {
  local name description
  while IFS=$'\t' read -r name description; do
    commands+=("${*:+$* }$name")
    printf '%s\t%s\n' "${*:+$* }$name" "$description" >>"$work/descriptions"
    walk "$@" "$name"
  done < <(subcommands "$@")
}
: >"$work/descriptions"
walk
if ((${#commands[@]} == 0)); then
  echo "make-man-pages: algoscope-cli --help lists no commands; did its help format change?" >&2
  exit 1
fi

see_also() { # see_also PAGE... : a [SEE ALSO] include naming the pages
  printf '[SEE ALSO]\n'
  local first=1 p
  for p in "$@"; do
    ((first)) || printf ',\n'
    printf '.BR %s (1)' "$p"
    first=0
  done
  printf '\n'
}

command_pages=()
for command in "${commands[@]}"; do
  command_pages+=("algoscope-cli-${command// /-}")
done

see_also algoscope "${command_pages[@]}" algoscope-sim >"$work/cli-see-also.h2m"
page algoscope-cli "headless pressure algometry" \
  --include="$includes/serial-ports.h2m" --include="$includes/files.h2m" \
  --include="$work/cli-see-also.h2m"

see_also algoscope-cli >"$work/command-see-also.h2m"
while IFS=$'\t' read -r command description; do
  name="algoscope-cli-${command// /-}"
  printf '#!/bin/sh\nexec algoscope-cli %s "$@"\n' "$command" >"$work/bin/$name"
  chmod +x "$work/bin/$name"
  page "$name" "$description" --include="$work/command-see-also.h2m"
done <"$work/descriptions"

see_also algoscope algoscope-cli >"$work/sim-see-also.h2m"
page algoscope-sim "simulated Algoscope pressure algometer on a pseudo-terminal" \
  --include="$work/sim-see-also.h2m"

if [[ -n $app ]]; then
  see_also algoscope-cli algoscope-sim >"$work/app-see-also.h2m"
  page algoscope "live pressure algometry (desktop app)" \
    --include="$includes/serial-ports.h2m" --include="$includes/files.h2m" \
    --include="$work/app-see-also.h2m"
fi
echo "make-man-pages: $(ls "$out" | wc -l) pages in $out"
