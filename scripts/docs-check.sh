#!/bin/sh
# docs-check.sh - fail if docs/abi-kcalls.md is not what abi/kcalls.def generates.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 abi/gen.py kcalls-doc abi/kcalls.def "$tmp" || exit 2
if ! cmp -s "$tmp" docs/abi-kcalls.md; then
	echo "docs/abi-kcalls.md is stale: run 'make docs'" >&2
	diff -u docs/abi-kcalls.md "$tmp" | head -40 >&2
	exit 1
fi
