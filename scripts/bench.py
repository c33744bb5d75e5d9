#!/usr/bin/env python3
"""bench.py - run QSOE's benchmarks and print one JSON line per metric.

    bench.py TARGETDIR [--out FILE]

Every benchmark runs under qemu-system-riscv64 -icount shift=0,align=off,
sleep=off -smp 1, where rdinstret counts retired guest instructions exactly
and repeatably. Benchmark programs print lines "BENCH {json}" with min,
median and max over their own samples; this script adds the commit and
appends every line to FILE (default: TARGETDIR/../bench.jsonl).
See docs/benchmarks.md for what each metric means.
"""
import json
import os
import re
import statistics
import subprocess
import sys


def boot(target, args, timeout=300):
    cmd = ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default",
           "-smp", "1", "-m", "256M", "-kernel", os.path.join(target, "skimmer.bin"),
           "-initrd", os.path.join(target, "modpkg.cpio"), "-append", args,
           "-icount", "shift=0,align=off,sleep=off", "-monitor", "none", "-serial", "stdio"]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode(errors="replace")
    if p.returncode != 0:
        sys.stderr.write(out)
        raise SystemExit(f"bench: QEMU exited with {p.returncode} for '{args}'")
    return out


def bench_lines(out):
    for m in re.finditer(r"^BENCH (\{.*\})\s*$", out, re.M):
        yield json.loads(m.group(1))


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    target = os.path.abspath(sys.argv[1])
    out_file = os.path.join(os.path.dirname(target), "bench.jsonl")
    if "--out" in sys.argv:
        out_file = sys.argv[sys.argv.index("--out") + 1]
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    results = []

    # Boot to the first user instruction: deterministic, so sampled over 16 boots.
    samples = []
    for _ in range(16):
        out = boot(target, "bench.boot halt")
        m = re.search(r'"metric":"boot_to_first_user_instruction".*"value":(\d+)', out)
        if not m:
            sys.stderr.write(out)
            raise SystemExit("bench: no boot measurement")
        samples.append(int(m.group(1)))
    results.append({"metric": "boot_to_first_user_instruction", "unit": "instructions",
                    "n": len(samples), "min": min(samples),
                    "median": int(statistics.median(samples)), "max": max(samples)})

    # Programs that measure themselves.
    for progs in ["kbench", "kbench_ipcsrv,kbench_ipc"]:
        results.extend(bench_lines(boot(target, f"run={progs} halt")))

    with open(out_file, "a") as f:
        for r in results:
            r["commit"] = commit
            r["setup"] = "qemu-virt -icount shift=0 -smp 1"
            line = json.dumps(r, sort_keys=False)
            print(line)
            f.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
