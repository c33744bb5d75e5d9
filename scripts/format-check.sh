#!/bin/sh
# format-check.sh - fail if any tracked C file differs from clang-format's output.
cd "$(dirname "$0")/.." || exit 2
files=$(git ls-files '*.c' '*.h' 2>/dev/null | grep -v -e '^tests/.*/cases/')
[ -z "$files" ] && exit 0
# shellcheck disable=SC2086
if ! clang-format --dry-run --Werror $files; then
	echo "format-check: run 'make format' to fix the files above" >&2
	exit 1
fi
