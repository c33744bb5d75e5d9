#!/bin/sh
# qemu.sh - boot QSOE/N in QEMU's virt machine with the console on stdio.
#
#   scripts/qemu.sh [-s SMP] [-m MEM] [-a "bootargs"] [-i] [-g PORT] TARGETDIR
#     -i   deterministic instruction counting (-icount shift=0, forces -smp 1)
#     -g   wait for gdb on tcp PORT
# Quit QEMU with Ctrl-A then X.
set -e
smp=4 mem=512M args="" icount="" gdb=""
while getopts "s:m:a:ig:" o; do
	case $o in
	s) smp=$OPTARG ;;
	m) mem=$OPTARG ;;
	a) args=$OPTARG ;;
	i) icount="-icount shift=0,align=off,sleep=off"; smp=1 ;;
	g) gdb="-gdb tcp:127.0.0.1:$OPTARG -S" ;;
	*) echo "usage: $0 [-s smp] [-m mem] [-a bootargs] [-i] [-g port] targetdir" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
t=${1:?target directory}
# shellcheck disable=SC2086
exec qemu-system-riscv64 -machine virt -nographic -bios default -smp "$smp" -m "$mem" \
	-kernel "$t/skimmer.bin" -initrd "$t/modpkg.cpio" -append "$args" $icount $gdb
