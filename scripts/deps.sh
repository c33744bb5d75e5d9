#!/bin/sh
# deps.sh - make sure the Debian packages QSOE needs are installed.
#
# As root, installs whatever is missing with apt-get. Not as root, prints the
# one apt-get line needed and fails. Exits 0 when everything is present.
set -e

PKGS="make gcc libc6-dev gcc-riscv64-unknown-elf binutils-riscv64-linux-gnu \
qemu-system-misc opensbi u-boot-qemu cmake ninja-build cpio python3 \
device-tree-compiler clang-format expect python3-pexpect python3-mpmath mksh \
gdisk fdisk mtools dosfstools e2fsprogs"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "QSOE needs these Debian packages:$missing" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
