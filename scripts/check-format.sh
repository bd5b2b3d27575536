#!/usr/bin/env bash
# Fails when any tracked C++ file differs from what clang-format (the committed .clang-format)
# would write, and names the files. scripts/test.sh runs it first, so the tree stays formatted;
# `scripts/check-format.sh --fix` rewrites them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! out=$(clang-format --dry-run -Werror "${files[@]}" 2>&1); then
  grep -oE '^[^:]+\.(cpp|h|hpp):' <<<"$out" | sort -u | sed 's/:$//; s/^/check-format: not formatted: /' >&2
  echo "check-format: run scripts/check-format.sh --fix (clang-format $(clang-format --version | grep -oE '[0-9]+\.[0-9.]+' | head -1))" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
