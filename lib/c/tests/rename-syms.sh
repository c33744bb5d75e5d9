#!/bin/sh
# rename-syms.sh OUT.a OBJ... - archive the objects and rename every global
# symbol NAME (defined or undefined) to q_NAME, except the sanitizer and
# compiler-runtime symbols, so the library can be linked into a glibc
# program without clashing with glibc. See README.md.
set -eu
out=$1
shift
tmp=$out.raw.a
map=$out.syms
rm -f "$tmp" "$out"
ar rcs "$tmp" "$@"
# Sanitizer/runtime prefixes and libgcc helper names (__addtf3, __fixtfdi, ...).
keep='^(__asan|__ubsan|__sanitizer|__lsan|__tsan|__msan|__stack_chk|__gcov|__llvm|_GLOBAL_OFFSET_TABLE_|__tls_get_addr|__dso_handle|_Unwind_|__gcc_personality|__cpu_model|__cpu_indicator_init)'
rt='^__([a-z]+[0-9]|(fix|fixuns|float|floatun|floatuns)[a-z]+)$'
nm -g "$tmp" 2>/dev/null | awk 'NF >= 2 { print $NF }' | sort -u |
	grep -v -E "$keep" | grep -v -E "$rt" | awk '{ print $1 " q_" $1 }' >"$map"
objcopy --redefine-syms="$map" "$tmp" "$out"
rm -f "$tmp"
