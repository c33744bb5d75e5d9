#!/usr/bin/env python3
"""bench.py - run QSOE's benchmarks and print one JSON line per metric.

    bench.py TARGETDIR [--out FILE]

Every benchmark runs under qemu-system-riscv64 -icount shift=0,align=off,
sleep=off -smp 1, where rdinstret counts retired guest instructions exactly
and repeatably. Benchmark programs print lines "BENCH {json}" with min,
median and max over their own samples; the boot metrics are one value per
boot, sampled over 16 boots here. This script adds the commit and the
version the booted kernel reports, and appends every line to FILE (default:
TARGETDIR/../bench.jsonl). It exits 1 if a benchmark program reports a
failure (after writing what was measured).
See docs/benchmarks.md for what each metric means.
"""
import json
import os
import re
import statistics
import subprocess
import sys


# The version the booted kernel reports ("Skimmer <version> (QSOE/N)"): the
# build that was measured, which may differ from the checkout's commit.
kernel_version = None


def boot(target, args, timeout=300):
    global kernel_version
    cmd = ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default",
           "-smp", "1", "-m", "256M", "-kernel", os.path.join(target, "skimmer.bin"),
           "-initrd", os.path.join(target, "modpkg.cpio"), "-append", args,
           "-icount", "shift=0,align=off,sleep=off", "-monitor", "none", "-serial", "stdio"]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        sys.stderr.write((e.stdout or b"").decode(errors="replace"))
        raise SystemExit(f"bench: QEMU timed out after {timeout} s for '{args}'")
    out = p.stdout.decode(errors="replace")
    if p.returncode != 0:
        sys.stderr.write(out)
        raise SystemExit(f"bench: QEMU exited with {p.returncode} for '{args}'")
    m = re.search(r"Skimmer (\S+) \(QSOE/N\)", out)
    if m:
        kernel_version = m.group(1)
    return out


def boot_samples(target, args, metric, n=16):
    """Boots n times with args; returns the "value" of metric printed in each boot."""
    samples = []
    for _ in range(n):
        out = boot(target, args)
        m = re.search(r'"metric":"%s".*"value":(\d+)' % re.escape(metric), out)
        if not m:
            sys.stderr.write(out)
            raise SystemExit(f"bench: no {metric} measurement")
        samples.append(int(m.group(1)))
    return {"metric": metric, "unit": "instructions", "n": len(samples), "min": min(samples),
            "median": int(statistics.median(samples)), "max": max(samples)}


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
    # (A run= program is needed for "halt": without one taskman starts init.)
    results.append(boot_samples(target, "bench.boot run=ktest_true halt",
                                "boot_to_first_user_instruction"))
    # Boot to the login: prompt (init, the services, getty), watched by
    # /bin/ubench-login from below every other priority.
    results.append(boot_samples(target, "init=/sbin/init run=ubench-login halt",
                                "boot_to_login_prompt"))

    # Programs that measure themselves.
    for progs in ["kbench", "kbench_ipcsrv,kbench_ipc"]:
        results.extend(bench_lines(boot(target, f"run={progs} halt")))

    # The user-space benchmarks (bench/): they say "ubench: N failure(s)".
    failed = []
    out = boot(target, "run=ubench halt", timeout=900)
    results.extend(bench_lines(out))
    m = re.search(r"^ubench: (\d+) failure", out, re.M)
    if not m or m.group(1) != "0":
        failed = [l.strip() for l in re.findall(r"^ubench: .*$", out, re.M)
                  if "samples per metric" not in l] or ["ubench: no report"]

    with open(out_file, "a") as f:
        for r in results:
            r["commit"] = commit
            r["kernel"] = kernel_version or "unknown"
            r["setup"] = "qemu-virt -icount shift=0 -smp 1"
            line = json.dumps(r, sort_keys=False)
            print(line)
            f.write(line + "\n")
    if failed:
        sys.stderr.write("\n".join(failed) + "\nbench: ubench reported failures\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
