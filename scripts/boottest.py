#!/usr/bin/env python3
"""boottest.py - boot QSOE in QEMU and check what it prints and how it ends.

    boottest.py --target DIR [--smp N] [--mem M] [--args BOOTARGS] [--timeout S]
                [--expect REGEX]... [--reject REGEX]... [--exit N] [--no-initrd]

Boots DIR/skimmer.bin with DIR/modpkg.cpio over OpenSBI, reads the serial
console until QEMU exits or the timeout expires, and passes only if every
--expect pattern appears, no --reject pattern appears, and QEMU's exit
status is --exit (the kernel reports its power-off status through the
sifive,test device: 0 = success). Prints the console log on failure.
"""
import argparse
import os
import re
import subprocess
import sys
import time

DEFAULT_REJECT = [r"skimmer panic", r"kernel trap", r"\bFAIL\b"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True)
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--mem", default="256M")
    ap.add_argument("--args", default="")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--reject", action="append", default=[])
    ap.add_argument("--exit", type=int, default=0)
    ap.add_argument("--no-initrd", action="store_true")
    ap.add_argument("--icount", action="store_true")
    ap.add_argument("--log")
    a = ap.parse_args()

    cmd = ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default",
           "-smp", str(a.smp), "-m", a.mem, "-kernel", os.path.join(a.target, "skimmer.bin"),
           "-append", a.args, "-monitor", "none", "-serial", "stdio"]
    if not a.no_initrd:
        cmd += ["-initrd", os.path.join(a.target, "modpkg.cpio")]
    if a.icount:
        cmd += ["-icount", "shift=0,align=off,sleep=off"]
    start = time.time()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=a.timeout)
        out, status, timed_out = p.stdout.decode(errors="replace"), p.returncode, False
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        status, timed_out = None, True
    elapsed = time.time() - start
    if a.log:
        with open(a.log, "w") as f:
            f.write(out)

    problems = []
    if timed_out:
        problems.append(f"timed out after {a.timeout:.0f} s")
    elif status != a.exit:
        problems.append(f"QEMU exit status {status}, expected {a.exit}")
    for pat in a.expect:
        if not re.search(pat, out, re.M):
            problems.append(f"missing expected output: /{pat}/")
    for pat in DEFAULT_REJECT + a.reject:
        m = re.search(pat, out, re.M)
        if m:
            problems.append(f"unexpected output: /{pat}/ matched {m.group(0)!r}")
    if problems:
        sys.stdout.write("---- console ----\n" + out + "\n---- end ----\n")
        for pr in problems:
            print("boottest: " + pr)
        return 1
    print(f"boottest: passed in {elapsed:.1f} s ({len(a.expect)} expectations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
