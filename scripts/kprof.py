#!/usr/bin/env python3
"""kprof.py - where do a benchmark's guest instructions go?

Boots QSOE/N under QEMU (-smp 1, one instruction per translation block),
waits for a marker on the console, then logs every executed pc for a short
window through the QEMU monitor, and attributes the instructions to symbols.
The loop is recognised by an anchor symbol (executed once per iteration),
and counts are given per iteration.

  scripts/kprof.py [-a "run=kbench_ipcsrv,kbench_ipc halt"] \
      [-m 'ipc_rtt_0"'] [--anchor kc_MsgSendv] [--elf user.elf ...] TARGETDIR

Only for development: the numbers in make bench come from -icount runs.
"""
import argparse
import bisect
import collections
import os
import re
import socket
import subprocess
import sys
import tempfile
import time


def symbols(elf):
    out = subprocess.run(["riscv64-linux-gnu-nm", "-n", "--defined-only", elf],
                         capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms


def monitor(path, cmd):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    s.settimeout(2)
    try:
        s.recv(4096)
    except socket.timeout:
        pass
    s.sendall((cmd + "\n").encode())
    time.sleep(0.2)
    s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-a", default="run=kbench_ipcsrv,kbench_ipc halt")
    ap.add_argument("-m", default='"ipc_rtt_0"', help="console marker to start after")
    ap.add_argument("--window", type=float, default=1.0, help="seconds of logging")
    ap.add_argument("--anchor", default="kc_MsgSendv")
    ap.add_argument("--elf", action="append", default=[])
    ap.add_argument("target")
    a = ap.parse_args()

    tmp = tempfile.mkdtemp()
    mon = os.path.join(tmp, "mon")
    log = os.path.join(tmp, "exec.log")
    q = subprocess.Popen(
        ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default", "-smp",
         "1", "-m", "512M", "-kernel", os.path.join(a.target, "skimmer.bin"), "-initrd",
         os.path.join(a.target, "modpkg.cpio"), "-append", a.a, "-singlestep", "-icount", "shift=0,align=off,sleep=off",
         "-monitor", f"unix:{mon},server,nowait", "-serial", "stdio", "-D", log],
        stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        for line in q.stdout:
            if a.m in line:
                break
        else:
            sys.exit("kprof: marker not seen")
        monitor(mon, "log exec,nochain")
        time.sleep(a.window)
        monitor(mon, "log none")
    finally:
        q.kill()
        q.wait()

    syms = symbols(os.path.join(a.target, "skimmer.elf"))
    for e in a.elf:
        syms += symbols(e)
    syms.sort()
    addrs = [s[0] for s in syms]
    pcre = re.compile(r"Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")
    counts = collections.Counter()
    calls = collections.Counter()
    anchors = 0
    started = False
    for line in open(log, errors="replace"):
        m = pcre.match(line)
        if not m:
            continue
        pc = int(m.group(1), 16)
        i = bisect.bisect_right(addrs, pc) - 1
        name = syms[i][1] if i >= 0 and pc - addrs[i] < 0x10000 else f"?{pc:#x}"
        if name == a.anchor and syms[i][0] == pc:
            anchors += 1
            started = True
        if started:
            counts[name] += 1
            if i >= 0 and syms[i][0] == pc:
                calls[name] += 1
    if anchors < 2:
        sys.exit(f"kprof: anchor {a.anchor} seen {anchors} times")
    total = sum(counts.values())
    print(f"{anchors} iterations, {total / anchors:.0f} instructions each")
    for name, n in counts.most_common():
        if n / anchors >= 0.5:
            print(f"{n / anchors:8.1f} {calls[name] / anchors:5.1f}x  {name}")


if __name__ == "__main__":
    main()
