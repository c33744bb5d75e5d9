#!/usr/bin/env python3
"""run_cases.py - run quser case files against the host's reference utilities.

Each case is a shell command line run twice in the same scratch directory
(recreated between runs): once with our utilities first in PATH, once with only
the system's. stdout, stderr, the exit status and the resulting state of the
scratch directory (names, types, modes, sizes, contents, link targets) must be
identical. See bin/tests/README.md for the case file format.

Usage: run_cases.py --ours DIR [--timeout S] [--only PATTERN] FILE.cases...
"""
import argparse
import hashlib
import os
import pty
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

SYSPATH = "/usr/bin:/bin:/usr/sbin:/sbin"


class Case:
    def __init__(self, path, line, cmd, flags, setup):
        self.path, self.line, self.cmd = path, line, cmd
        self.flags = flags
        self.setup = list(setup)
        self.ref = None
        self.stdin = b""
        self.expect = {}


def unescape(s):
    return s.encode("latin-1").decode("unicode_escape").encode("latin-1")


def parse(path):
    """Reads a case file; returns (utilities, cases)."""
    utils = [os.path.basename(path).rsplit(".", 1)[0]]
    cases, setup, last = [], [], None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            key, _, val = line.strip().partition(":")
            val = val[1:] if val.startswith(" ") else val
            if last is None:
                raise SystemExit(f"{path}:{n}: continuation without a case")
            if key == "ref":
                last.ref = val
            elif key == "stdin":
                last.stdin += unescape(val)
            elif key in ("status", "stdout", "stderr", "stdout-re", "stderr-re"):
                last.expect[key] = val
            else:
                raise SystemExit(f"{path}:{n}: unknown key {key}")
            continue
        if line.startswith("@util "):
            utils = line.split()[1:]
        elif line.startswith("@setup "):
            setup.append(line[7:])
        elif line.strip() == "@reset":
            setup = []
        elif line.startswith("@"):
            raise SystemExit(f"{path}:{n}: unknown directive")
        else:
            flags = {}
            m = re.match(r"\{([^}]*)\}\s*", line)
            if m:
                for f in m.group(1).split():
                    k, _, v = f.partition("=")
                    flags[k] = v or True
                line = line[m.end():]
            last = Case(path, n, line, flags, setup)
            cases.append(last)
    return utils, cases


def snapshot(root, with_mtime):
    """Describes the tree under root as a sorted list of strings."""
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + files):
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            st = os.lstat(p)
            d = f"{rel} {stat.filemode(st.st_mode)}"
            if stat.S_ISLNK(st.st_mode):
                d += " -> " + os.readlink(p)
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    d += f" {st.st_size} {hashlib.sha1(f.read()).hexdigest()[:12]}"
            if with_mtime and not stat.S_ISLNK(st.st_mode):
                d += f" m{int(st.st_mtime)}"
            out.append(d)
    return out


def run_pty(cmd, env, cwd, timeout):
    """Runs cmd with stdout on a pseudo-terminal; returns (out, err, status)."""
    master, slave = pty.openpty()
    p = subprocess.Popen(["/bin/sh", "-c", cmd], stdin=slave, stdout=slave,
                         stderr=subprocess.PIPE, env=env, cwd=cwd,
                         start_new_session=True)
    os.close(slave)
    out, deadline = b"", time.time() + timeout
    while True:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if not data:
                break
            out += data
        elif p.poll() is not None:
            continue
        if time.time() > deadline:
            os.killpg(p.pid, signal.SIGKILL)
            break
    os.close(master)
    err = p.stderr.read()
    p.wait()
    return out.replace(b"\r\n", b"\n"), err, p.returncode


BASE_ENV = {"PATH": SYSPATH, "LC_ALL": "C", "TZ": "UTC", "TERM": "dumb",
            "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0"}
TEMPLATES = {}


def remove_tree(path):
    if os.path.lexists(path):
        subprocess.run(["chmod", "-R", "u+rwx", path], stderr=subprocess.DEVNULL)
        shutil.rmtree(path)


def template(case, top):
    """Runs the case's setup once in a template directory (cached per setup
    script) and returns its path, or an error string."""
    key = "\n".join(case.setup)
    if key in TEMPLATES:
        return TEMPLATES[key]
    t = os.path.join(top, "t%d" % len(TEMPLATES))
    os.mkdir(t)
    res = t
    for s in case.setup:
        r = subprocess.run(["/bin/sh", "-c", s], cwd=t, env=dict(BASE_ENV, HOME=t),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
        if r.returncode:
            res = "setup failed: " + r.stderr.decode(errors="replace") + f" [{s}]"
            break
    TEMPLATES[key] = res
    return res


def run_one(case, cmd, pathdir, bdir, work, timeout):
    """Sets up the scratch directory (a copy of the setup's template, made
    with cp -a so that modes, times, links and FIFOs are kept), runs cmd and
    returns the observations."""
    remove_tree(work)
    os.mkdir(work)
    tpl = template(case, os.path.dirname(work))
    if not os.path.isdir(tpl):
        return {"setup-error": tpl}
    if os.listdir(tpl):
        r = subprocess.run(["cp", "-a", tpl + "/.", work], stderr=subprocess.PIPE)
        if r.returncode:
            return {"setup-error": r.stderr.decode(errors="replace")}
    env = dict(BASE_ENV, HOME=work)
    if pathdir:
        env["PATH"] = pathdir + ":" + SYSPATH
    env["B"] = bdir
    try:
        if "tty" in case.flags:
            out, err, st = run_pty(cmd, env, work, timeout)
        else:
            p = subprocess.run(["/bin/sh", "-c", cmd], cwd=work, env=env, input=case.stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout, start_new_session=True)
            out, err, st = p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out, err, st = e.stdout or b"", (e.stderr or b"") + b"[TIMEOUT]", "timeout"
    if bdir:
        err = err.replace(bdir.encode() + b"/", b"")
    res = {"stdout": out, "stderr": err, "status": st}
    if "nostate" not in case.flags:
        res["state"] = snapshot(work, "mtime" in case.flags)
    return res


def loose_err(e):
    """Stderr reduced to whether it is empty and the program prefix of line 1."""
    if not e:
        return b""
    return e.split(b"\n")[0].split(b":")[0] + b": ..."


def compare(case, ours, ref):
    """Returns a list of differences (empty when the case passes)."""
    diffs = []
    for r in (ours, ref):
        if r and "setup-error" in r:
            return [r["setup-error"]]
    for key in ("status", "stdout", "stderr", "state"):
        a = ours.get(key)
        if ref is None:
            continue
        b = ref.get(key)
        if key == "stderr":
            if "noerr" in case.flags:
                a, b = bool(a), bool(b)
            elif "loose" in case.flags:
                a, b = loose_err(a), loose_err(b)
        if key == "stdout" and "sort" in case.flags:
            a, b = sorted(a.split(b"\n")), sorted(b.split(b"\n"))
        if key == "status" and "anyfail" in case.flags:
            a, b = a != 0, b != 0
        if a != b:
            diffs.append(f"{key}: ours={show(a)}\n{' ' * len(key)}   ref={show(b)}")
    ex = case.expect
    if "status" in ex and str(ours["status"]) != ex["status"]:
        diffs.append(f"status: {ours['status']}, expected {ex['status']}")
    if "stdout" in ex and ours["stdout"] != unescape(ex["stdout"]):
        diffs.append(f"stdout: {show(ours['stdout'])}, expected {ex['stdout']}")
    if "stderr" in ex and ours["stderr"] != unescape(ex["stderr"]):
        diffs.append(f"stderr: {show(ours['stderr'])}, expected {ex['stderr']}")
    for k in ("stdout-re", "stderr-re"):
        if k in ex and not re.search(ex[k].encode(), ours[k[:6]], re.S):
            diffs.append(f"{k[:6]}: {show(ours[k[:6]])} does not match {ex[k]}")
    return diffs


def show(v, limit=600):
    s = repr(v)
    return s if len(s) <= limit else s[:limit] + "...(%d chars)" % len(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", required=True, help="directory with our utilities")
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--only", help="run only cases whose command matches this regex")
    ap.add_argument("-v", action="store_true", help="print every case")
    ap.add_argument("--sample", type=int, default=1,
                    help="run only every Nth case of each file (a quicker subset)")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    ours_dir = os.path.abspath(a.ours)
    top = tempfile.mkdtemp(prefix="qu-cases-")
    work = os.path.join(top, "w")
    ovr = os.path.join(top, "ovr")
    passed = failed = 0
    try:
        for f in a.files:
            utils, cases = parse(f)
            if os.path.isdir(ovr):
                shutil.rmtree(ovr)
            os.mkdir(ovr)
            for u in utils:
                src = os.path.join(ours_dir, u)
                if not os.path.exists(src):
                    raise SystemExit(f"{f}: {src} missing")
                os.symlink(src, os.path.join(ovr, u))
            refb = shutil.which(utils[0], path=SYSPATH)
            refb = os.path.dirname(refb) if refb else "/usr/bin"
            for i, c in enumerate(cases):
                if a.only and not re.search(a.only, c.cmd):
                    continue
                if i % a.sample:
                    continue
                t = float(c.flags.get("timeout", a.timeout))
                ours = run_one(c, c.cmd, ovr, ovr, work, t)
                noref = any(k in c.expect for k in ("status", "stdout", "stdout-re"))
                ref = None
                if c.ref is not None or not noref:
                    ref = run_one(c, c.ref if c.ref is not None else c.cmd, None, refb, work, t)
                d = compare(c, ours, ref)
                if d:
                    failed += 1
                    print(f"FAIL {c.path}:{c.line}: {c.cmd}")
                    for x in d:
                        print("    " + x.replace("\n", "\n    "))
                else:
                    passed += 1
                    if a.v:
                        print(f"ok   {c.path}:{c.line}: {c.cmd}")
    finally:
        remove_tree(top)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
