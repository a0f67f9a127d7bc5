#!/usr/bin/env bash
# Lists the C and C++ files of plugin/, host-sdk/, sample-host/ and tests/ that are not formatted as
# the root .clang-format says, and fails when there is one. With --fix, formats them in place.
#
# Left out: tests/abi/compat/v1_0/, the byte-for-byte copy of the headers released as ABI 1.0. The
# compatibility tests build against them as they shipped, so they must never be reformatted (its
# README.md). node_modules/ holds other people's code.
#
# The reference is Debian 12's clang-format (14), which scripts/install-deps.sh installs; other
# versions may format a few constructs differently. CLANG_FORMAT names another binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clang_format="${CLANG_FORMAT:-clang-format}"
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "error: $clang_format not found; scripts/install-deps.sh installs it" >&2
  exit 2
fi

cd "$root"
mapfile -d '' files < <(find plugin host-sdk sample-host tests \
  \( -path tests/abi/compat/v1_0 -o -name node_modules \) -prune -o \
  -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

# One clang-format run for all files; each file it would change is named in a violation line.
report="$("$clang_format" --dry-run --Werror "${files[@]}" 2>&1)" && status=0 || status=$?
mapfile -t unformatted < <(printf '%s\n' "$report" |
  sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ "$status" -ne 0 ] && [ ${#unformatted[@]} -eq 0 ]; then
  printf '%s\n' "$report" >&2
  exit 2
fi

if [ ${#unformatted[@]} -eq 0 ]; then
  echo "${#files[@]} files formatted as .clang-format says"
  exit 0
fi
if [ "${1:-}" = "--fix" ]; then
  "$clang_format" -i "${unformatted[@]}"
  printf 'formatted %s\n' "${unformatted[@]}"
  exit 0
fi
echo "not formatted as .clang-format says ($("$clang_format" --version)):"
printf '  %s\n' "${unformatted[@]}"
echo "run scripts/check-format.sh --fix, or clang-format -i on these files"
exit 1
