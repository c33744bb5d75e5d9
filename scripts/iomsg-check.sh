#!/bin/sh
# iomsg-check.sh - fail if include/sys/iomsg_codes.h is not what abi/iomsg.def generates.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 abi/gen.py iomsg abi/iomsg.def "$tmp" || exit 2
if ! cmp -s "$tmp" include/sys/iomsg_codes.h; then
	echo "include/sys/iomsg_codes.h is stale: run 'make docs'" >&2
	diff -u include/sys/iomsg_codes.h "$tmp" | head -40 >&2
	exit 1
fi
