#!/usr/bin/env python3
"""robust.py - feed random binary data and very long lines to the text
utilities of the ASan+UBSan build and check that none crashes, hangs or
reports a sanitizer error. The inputs come from a fixed seed (reproducible);
a failure prints the utility, arguments and input kind.

Usage: robust.py ASAN_BIN_DIR
"""
import os
import random
import subprocess
import sys
import tempfile
import time

TIMEOUT = 20

COMMANDS = [
    ["cat"], ["cat", "-vet"], ["cat", "-ns"],
    ["head", "-n", "5"], ["head", "-c", "100"], ["tail", "-n", "5"], ["tail", "-c", "77"],
    ["tail", "-n", "+3"], ["wc"], ["wc", "-m"], ["wc", "-lw"],
    ["grep", "a"], ["grep", "-c", "-E", "(a|b)+c*"], ["grep", "-F", "-i", "-w", "abc"],
    ["grep", "-v", "-n", "x"], ["grep", "-o", "[a-z][a-z]*"], ["grep", "-x", ".*"],
    ["sed", "s/a/b/g"], ["sed", "-n", "/x/p"], ["sed", "y/ab/ba/"], ["sed", "$!N;P;D"],
    ["sed", "s/\\(.\\)\\(.\\)/\\2\\1/g"], ["sed", "-E", "s/(a+|b*)/<&>/g"], ["sed", "-n", "l"],
    ["sed", "G;h"],
    ["sort"], ["sort", "-n"], ["sort", "-t,", "-k2,2", "-k1n"], ["sort", "-u", "-f", "-r"],
    ["sort", "-d", "-b"],
    ["uniq", "-c"], ["uniq", "-i", "-f", "1", "-s", "2"], ["uniq", "-d"],
    ["cut", "-c", "1-10,20-"], ["cut", "-f", "2", "-d", " "], ["cut", "-b", "3"],
    ["tr", "a-z", "A-Z"], ["tr", "-d", "\\000-\\037"], ["tr", "-s", " "],
    ["tr", "-cs", "[:alnum:]", "\\n"],
    ["od"], ["od", "-c"], ["od", "-t", "x4", "-t", "c"], ["od", "-A", "x", "-t", "f8"],
    ["sha256sum"], ["sha512sum"], ["tee", "/dev/null"], ["more"],
    ["xargs", "-0", "-n", "50", "true"], ["xargs", "-r", "true"],
    ["cmp", "-", "FILE2"], ["cmp", "-l", "-", "FILE2"], ["diff", "-", "FILE2"],
    ["diff", "-u", "-", "FILE2"], ["diff", "-c", "-i", "-w", "-", "FILE2"],
]


def inputs(rng):
    """The input kinds: name -> bytes."""
    text = "".join(rng.choice("abc xyz\n,\t01") for _ in range(20000)).encode()
    return {
        "random-binary": bytes(rng.getrandbits(8) for _ in range(32768)),
        "long-line": b"a" * (1 << 20),
        "long-binary-line": bytes(rng.choice(b"ab\0\xff ,") for _ in range(1 << 18)),
        "text": text,
        "empty": b"",
        "nul-lines": b"\0\n" * 1000 + b"x\0y" * 1000,
    }


SLOW = []


def run(cmd, data, label):
    """Runs one command; returns an error string or None."""
    t0 = time.time()
    try:
        return run1(cmd, data, label)
    finally:
        SLOW.append((time.time() - t0, label))


def run1(cmd, data, label):
    """Runs one command; returns an error string or None."""
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0", LC_ALL="C")
    try:
        p = subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return f"timeout: {label}"
    err = p.stderr.decode(errors="replace")
    if p.returncode < 0:
        return f"killed by signal {-p.returncode}: {label}"
    for bad in ("AddressSanitizer", "runtime error", "LeakSanitizer", "UndefinedBehavior"):
        if bad in err:
            return f"sanitizer: {label}\n{err[:2000]}"
    return None


def main():
    bindir = sys.argv[1]
    rng = random.Random(1234)
    ins = inputs(rng)
    failures = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        other = os.path.join(tmp, "other")
        with open(other, "wb") as f:
            f.write(bytes(rng.getrandbits(8) for _ in range(30000)) + b"\nabc\n" * 100)
        for cmd in COMMANDS:
            argv = [os.path.join(bindir, cmd[0])] + [other if a == "FILE2" else a
                                                     for a in cmd[1:]]
            for name, data in ins.items():
                if cmd[0] == "sed" and cmd[-1].endswith("g"):
                    # ASan's regexec interceptor reads the whole rest of the
                    # line at every match, so a global substitution over a
                    # megabyte line takes minutes under ASan (not without it)
                    data = data[:40000]
                e = run(argv, data, f"{' '.join(cmd)} < {name}")
                if e:
                    failures += 1
                    print("FAIL " + e)
                else:
                    passed += 1
        # random format strings and arguments for printf, expr, test and date
        for i in range(150):
            fmt = "".join(rng.choice("%%%sdxbcfge*.-+ 0123456789\\abnqz'\"") for _ in range(12))
            args = ["".join(rng.choice("0123456789-+.xe'a\\%") for _ in range(rng.randint(0, 6)))
                    for _ in range(rng.randint(0, 4))]
            for argv in ([os.path.join(bindir, "printf"), fmt] + args,
                         [os.path.join(bindir, "expr")] + args + [fmt[:3]] + args,
                         [os.path.join(bindir, "test")] + args + ["-a"] + args,
                         [os.path.join(bindir, "date"), "-d", "@0", "+" + fmt]):
                e = run(argv, b"", " ".join(argv[1:]))
                if e:
                    failures += 1
                    print("FAIL " + e)
                else:
                    passed += 1
        # random regular expressions for grep and sed
        for i in range(100):
            pat = "".join(rng.choice("ab.*+?[](){}|\\^$1-") for _ in range(rng.randint(1, 10)))
            for argv in ([os.path.join(bindir, "grep"), "-E", "-e", pat],
                         [os.path.join(bindir, "grep"), "-e", pat],
                         [os.path.join(bindir, "sed"), "-E", "s/" + pat.replace("/", "") + "/x/g"]):
                e = run(argv, ins["text"][:4000], " ".join(argv[1:]))
                if e:
                    failures += 1
                    print("FAIL " + e)
                else:
                    passed += 1
    if "-v" in sys.argv:
        for t, label in sorted(SLOW)[-10:]:
            print(f"{t:6.2f}s {label}")
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
