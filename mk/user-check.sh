#!/bin/sh
# user-check.sh LIBDIR - checks the seam between QSOE's shared libraries.
#
# 1. Every undefined (non-weak) dynamic symbol of libc.so, libqsoe.so and
#    libm.so is defined by one of them: taskman resolves nothing else.
# 2. libc.so contains no ecall: it reaches the kernel only through
#    libqsoe.so, so the same libc.so runs on every kernel.
# 3. libqsoe.so exports only kernel-call functions (Name, Name_r), the
#    __qsoe_* seam functions and the POSIX calls the seam list in docs/abi.md
#    names ("The libc/libqsoe seam": SEAM_POSIX below).
# Prints what is wrong and exits 1, or exits 0 silently.
set -eu
dir=$1
NM=${NM:-riscv64-linux-gnu-nm}
OBJDUMP=${OBJDUMP:-riscv64-linux-gnu-objdump}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
SEAM_POSIX="clock_nanosleep nanosleep"

for lib in libc.so libqsoe.so libm.so; do
	"$NM" -D --defined-only "$dir/$lib" | awk '{print $3}' >>"$tmp/defined"
done
sort -u "$tmp/defined" -o "$tmp/defined"
for lib in libc.so libqsoe.so libm.so; do
	# "U name" lines only: weak undefined ("w") may stay unresolved.
	"$NM" -D --undefined-only "$dir/$lib" | awk '$1 == "U" {print $2}' | sort -u >"$tmp/undef"
	comm -23 "$tmp/undef" "$tmp/defined" >"$tmp/missing"
	if [ -s "$tmp/missing" ]; then
		echo "user-check: $lib needs symbols no QSOE library defines:" >&2
		sed 's/^/    /' "$tmp/missing" >&2
		fail=1
	fi
done

if "$OBJDUMP" -d "$dir/libc.so" | grep -qw ecall; then
	echo "user-check: libc.so contains an ecall (kernel calls belong in libqsoe.so):" >&2
	"$OBJDUMP" -d "$dir/libc.so" | grep -B20 -w ecall | grep '>:$' | sed 's/^/    /' >&2
	fail=1
fi

"$NM" -D --defined-only "$dir/libqsoe.so" | awk '{print $3}' |
	grep -v -e '^__qsoe_' -e '^[A-Z][A-Za-z0-9]*\(_r\)\{0,1\}$' |
	grep -v -x -F "$(printf '%s\n' $SEAM_POSIX)" >"$tmp/extra" || true
if [ -s "$tmp/extra" ]; then
	echo "user-check: libqsoe.so exports names outside the seam:" >&2
	sed 's/^/    /' "$tmp/extra" >&2
	fail=1
fi
exit $fail
