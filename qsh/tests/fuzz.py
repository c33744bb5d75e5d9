#!/usr/bin/env python3
"""fuzz.py - mutation fuzzer for qsh (host only, not part of make test).

    fuzz.py [--shell qsh-asan] [--seconds N] [--seed S] [--out DIR]

Takes the corpus scripts as seeds, mutates them (truncation, deletion,
duplication, splicing, insertion of shell syntax fragments and random
bytes) and runs the sanitizer build of qsh on each mutant in a scratch
directory with a short timeout. A mutant that makes qsh die of a signal or
print a sanitizer/internal error is saved in DIR (default: the regression
corpus tests/fuzz/) so it becomes a permanent test (qsh-fuzz-regress).
Mutants that could touch the host (kill, cd, rm, exec, absolute redirections)
are skipped.
"""
import argparse
import glob
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FRAGMENTS = [
    "$(", "${", "$((", "((", "))", "[[", "]]", "'", '"', "`", "\\", "<<EOF\n", "\nEOF\n",
    "<<-", "<<<", "|", "||", "&&", "&", ";", ";;", ";&", ";|", "{", "}", "(", ")", "\n",
    "${x#", "${x//", "${x:", "${#", "${!", "${x@Q}", "$@", "$*", "$#", "$?", "$$", "*(",
    "@(", "+(", "!(", "?(", "[!", "[[:alpha:]]", "for i in", "do", "done", "if", "then",
    "fi", "case x in", "esac", "while", "function f", "f()", "typeset -i", "set -A a",
    "a[", "]=", "=(", "let", "$'\\x", "\\u", "#", "~", "2>&1", ">&-", "<&", "3<>",
    "select", "time", "!", "eval", "trap", "read -r", "print -", "alias", "${ ", "${|",
]
UNSAFE = ["kill", "cd", "rm", "mv", "exec", "chmod", "ln", "rename", "..", ">/", "> /",
          "<>/", "touch /", "mkdir /", "ulimit", "umask", "sleep", "/dev/", "suspend"]


def mutate(rng, seeds):
    s = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        n = len(s)
        if op == 0 and n:
            del s[rng.randrange(n):]
        elif op == 1 and n:
            a = rng.randrange(n)
            del s[a:a + rng.randint(1, 16)]
        elif op == 2 and n:
            a = rng.randrange(n)
            b = min(n, a + rng.randint(1, 32))
            s[a:a] = s[a:b] * rng.randint(1, 4)
        elif op == 3:
            other = rng.choice(seeds)
            if other:
                a = rng.randrange(len(other))
                s[rng.randrange(n + 1):0] = other[a:a + rng.randint(1, 64)]
        elif op == 4:
            frag = rng.choice(FRAGMENTS).encode()
            p = rng.randrange(n + 1)
            s[p:p] = frag
        elif op == 5:
            p = rng.randrange(n + 1)
            s[p:p] = bytes(rng.randrange(1, 256) for _ in range(rng.randint(1, 4)))
        else:
            frag = rng.choice(FRAGMENTS).encode()
            s[rng.randrange(n + 1):0] = frag * rng.randint(2, 50)
    return bytes(s)


def safe(data):
    try:
        text = data.decode("latin-1")
    except Exception:
        return False
    return not any(u in text for u in UNSAFE)


def run_one(shell, data, timeout):
    d = tempfile.mkdtemp(prefix="qshfuzz")
    try:
        path = os.path.join(d, "case.sh")
        with open(path, "wb") as f:
            f.write(data)
        env = {"PATH": "/usr/bin:/bin", "TMPDIR": d}
        p = subprocess.Popen([shell, "case.sh"], cwd=d, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return "timeout"
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        err = err.decode("latin-1")
        for bad in ("AddressSanitizer", "runtime error:", "internal error"):
            if bad in err:
                return bad
        if p.returncode < 0 and -p.returncode not in (signal.SIGPIPE,):
            return "signal %d" % -p.returncode
        return None
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shell", default="qsh-asan")
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--out", default=os.path.join(HERE, "fuzz"))
    ap.add_argument("--timeout", type=float, default=3.0)
    ap.add_argument("--keep-timeouts", default=None)
    a = ap.parse_args()
    seeds = []
    for f in sorted(glob.glob(os.path.join(HERE, "cases", "*", "*.sh"))):
        with open(f, "rb") as fh:
            seeds.append(fh.read())
    rng = random.Random(a.seed)
    end = time.time() + a.seconds
    runs = crashes = timeouts = 0
    os.makedirs(a.out, exist_ok=True)
    while time.time() < end:
        data = mutate(rng, seeds)
        if not safe(data):
            continue
        runs += 1
        r = run_one(a.shell, data, a.timeout)
        if r == "timeout":
            timeouts += 1
            if a.keep_timeouts:
                with open(os.path.join(a.keep_timeouts, "timeout-%d.sh" % runs), "wb") as f:
                    f.write(data)
        elif r:
            crashes += 1
            name = os.path.join(a.out, "crash-%d-%d.sh" % (a.seed, runs))
            with open(name, "wb") as f:
                f.write(data)
            print("CRASH (%s): %s" % (r, name), flush=True)
    print("seed %d: %d runs, %d crashes, %d timeouts" % (a.seed, runs, crashes, timeouts))


if __name__ == "__main__":
    main()
