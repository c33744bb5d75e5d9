#!/usr/bin/env python3
"""tty_more.py - drive more on a pseudo-terminal: page, line, quit.

Usage: tty_more.py MORE_BINARY
"""
import os
import pty
import select
import sys
import tempfile
import time


def read_until(fd, token, timeout=5.0):
    """Reads from fd until token appears; returns everything read."""
    out, end = b"", time.time() + timeout
    while token not in out:
        left = end - time.time()
        if left <= 0:
            raise SystemExit(f"timeout waiting for {token!r}; got {out[-300:]!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                break
            out += data
    return out


def main():
    more = sys.argv[1]
    failures = 0
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write("".join(f"line{i}\n" for i in range(1, 101)))
        path = f.name
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"LINES": "10", "COLUMNS": "80", "TERM": "vt100"})
        os.execv(more, [more, path])
    out = read_until(fd, b"--More--")
    checks = [(b"line9\r\n" in out, "first page shows 9 lines"),
              (b"line10" not in out, "first page stops at the prompt")]
    os.write(fd, b" ")
    out = read_until(fd, b"--More--")
    checks.append((b"line18" in out and b"line19" not in out, "space shows the next page"))
    os.write(fd, b"\r")
    out = read_until(fd, b"--More--")
    checks.append((b"line19" in out and b"line20" not in out, "return shows one line"))
    os.write(fd, b"q")
    _, status = os.waitpid(pid, 0)
    checks.append((os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "q exits with 0"))
    os.unlink(path)
    for ok, what in checks:
        print(("ok   " if ok else "FAIL ") + what)
        failures += not ok
    print(f"{len(checks) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
