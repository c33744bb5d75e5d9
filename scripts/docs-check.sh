#!/bin/sh
# docs-check.sh - fail if a generated file in the tree is not what its
# source of truth in abi/ generates now (run 'make docs' to refresh):
#   abi/kcalls.def  -> docs/abi-kcalls.md
#   abi/taskman.def -> include/qsoe/taskman_codes.h (clang-formatted)
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check GENERATED_TMP TREE_FILE
	if ! cmp -s "$1" "$2"; then
		echo "$2 is stale: run 'make docs'" >&2
		diff -u "$2" "$1" | head -40 >&2
		fail=1
	fi
}
python3 abi/gen.py kcalls-doc abi/kcalls.def "$tmp/abi-kcalls.md" || exit 2
check "$tmp/abi-kcalls.md" docs/abi-kcalls.md
python3 abi/gen.py taskman abi/taskman.def "$tmp/taskman_codes.h" || exit 2
clang-format --assume-filename=include/qsoe/taskman_codes.h < "$tmp/taskman_codes.h" > "$tmp/t.h" && mv "$tmp/t.h" "$tmp/taskman_codes.h"
check "$tmp/taskman_codes.h" include/qsoe/taskman_codes.h
exit $fail
