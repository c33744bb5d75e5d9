#!/usr/bin/env python3
"""header_audit.py - every function a public header declares is defined.

For each include/*.h and include/sys/*.h (each compiled alone with the
cross compiler's -aux-info), the functions it declares are looked up in the
dynamic symbol tables of libc.so, libm.so and libqsoe.so. A declared but
undefined function is a link error waiting for a user program, so the test
fails on any. --list prints a per-header count instead (docs/libc.md).

usage: header_audit.py INCLUDE_DIR LIB_DIR [--list] [--skip HEADER ...]
"""
import os
import re
import subprocess
import sys
import tempfile

CC = os.environ.get("QSOE_CROSS_CC", "riscv64-unknown-elf-gcc")
NM = os.environ.get("QSOE_NM", "nm")


def defined_symbols(libdir):
    names = set()
    for lib in ("libc.so", "libm.so", "libqsoe.so"):
        out = subprocess.run([NM, "-D", "--defined-only", os.path.join(libdir, lib)],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3:
                names.add(parts[2])
    return names


def declared(incdir, header, tmp):
    src = os.path.join(tmp, "t.c")
    aux = os.path.join(tmp, "aux.txt")
    with open(src, "w") as f:
        f.write("#include <%s>\n" % header)
    gccinc = subprocess.run([CC, "-print-file-name=include"], capture_output=True,
                            text=True).stdout.strip()
    r = subprocess.run([CC, "-nostdinc", "-isystem", gccinc, "-I", incdir, "-fsyntax-only",
                        "-aux-info", aux, src], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr
    names = []
    want = os.path.join(incdir, header)
    for line in open(aux):
        m = re.match(r"/\* (\S+):\d+:\w+ \*/ (.*)", line)
        if not m or os.path.normpath(m.group(1)) != os.path.normpath(want):
            continue
        decl = m.group(2)
        if decl.startswith("static") or "inline" in decl:
            continue
        fp = re.search(r"\(\s*\*\s*(\w+)\s*\(", decl)  # a function returning a function pointer
        mm = re.search(r"(\w+)\s*\(", decl)
        name = fp.group(1) if fp else mm.group(1) if mm else None
        if name and name not in names:
            names.append(name)
    return names, None


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    incdir, libdir = os.path.abspath(args[0]), args[1]
    listing = "--list" in args
    skip = set()
    if "--skip" in args:
        skip = set(args[args.index("--skip") + 1:])
    have = defined_symbols(libdir)
    headers = sorted(h for d in ("", "sys/") for h in
                     (d + f for f in os.listdir(os.path.join(incdir, d)) if f.endswith(".h")))
    bad = 0
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for h in headers:
            names, err = declared(incdir, h, tmp)
            if names is None:
                print("%s: does not compile on its own:\n%s" % (h, err))
                bad += 1
                continue
            missing = [n for n in names if n not in have]
            total += len(names)
            if listing:
                print("%-20s %4d functions%s" % (h, len(names),
                      (", undefined: " + " ".join(missing)) if missing else ""))
            elif missing and h not in skip:
                print("%s declares but no library defines: %s" % (h, " ".join(missing)))
                bad += 1
    print("header audit: %d headers, %d functions, %d headers with problems"
          % (len(headers), total, bad))
    return 1 if bad and not listing else 0


if __name__ == "__main__":
    sys.exit(main())
