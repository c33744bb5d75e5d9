#!/bin/sh
# gen-expected.sh - (re)generate the expected results of corpus cases with
# Debian's mksh (R59c). Usage: gen-expected.sh [case.sh | directory]...
# (default: every case under cases/). For each NAME.sh it writes NAME.out,
# NAME.err and NAME.st, running "mksh NAME.sh" from the case's directory
# with stdin from /dev/null and the environment PATH=/usr/bin:/bin
# TMPDIR=<fresh empty directory>, exactly as the runner (runner.c) does.
# The results are committed so the corpus runs where mksh is absent.
MKSH=${MKSH:-/usr/bin/mksh}
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$MKSH" ] || { echo "gen-expected.sh: $MKSH not found" >&2; exit 2; }
[ $# -eq 0 ] && set -- "$here"/cases/*
gen_one() {
	dir=$(dirname "$1")
	name=$(basename "$1" .sh)
	scratch=$(mktemp -d /tmp/qshgenXXXXXX) || exit 2
	mkdir "$scratch/tmp"
	(
		cd "$dir" || exit 2
		env -i PATH=/usr/bin:/bin TMPDIR="$scratch/tmp" \
			timeout -s KILL 20 "$MKSH" "$name.sh" </dev/null >"$name.out" 2>"$name.err"
		echo $? >"$name.st"
	)
	chmod -R u+rwx "$scratch" 2>/dev/null
	rm -rf "$scratch"
}
for p in "$@"; do
	if [ -d "$p" ]; then
		for c in "$p"/*.sh; do
			[ -f "$c" ] && gen_one "$c"
		done
	else
		gen_one "$p"
	fi
done
