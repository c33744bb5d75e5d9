#!/usr/bin/env python3
"""accounts.py - login, su, passwd and getty in their test build.

The test build (QU_ACCT_TEST) reads the account files named by
QUSER_TEST_PASSWD/QUSER_TEST_SHADOW, takes the caller's uid from
QUSER_TEST_UID and prints "become uid=... gid=... home=... shell=... arg0=..."
instead of switching users, so everything runs unprivileged.

Usage: accounts.py TEST_BIN_DIR
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

results = []


def check(ok, what, detail=""):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else "\n     " + detail))


def main():
    bindir = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="qu-acct-")
    passwd = os.path.join(tmp, "passwd")
    shadow = os.path.join(tmp, "shadow")
    with open(passwd, "w") as f:
        f.write("root:x:0:0:root:/:/bin/qsh\n"
                "user:x:1000:1000:User:/home/user:/bin/sh\n"
                "locked:x:1001:1001::/home/locked:/bin/sh\n"
                "nopw::1002:1002::/tmp:\n")
    with open(shadow, "w") as f:
        f.write("root:!:19000:0:99999:7:::\nuser:!:19000:0:99999:7:::\n"
                "locked:!:19000:0:99999:7:::\n")
    os.chmod(shadow, 0o600)
    env = dict(os.environ, QUSER_TEST_PASSWD=passwd, QUSER_TEST_SHADOW=shadow,
               ASAN_OPTIONS="detect_leaks=0", LC_ALL="C")

    def run(prog, args, stdin, uid=None, extra=None):
        e = dict(env)
        if uid is not None:
            e["QUSER_TEST_UID"] = str(uid)
        if extra:
            e.update(extra)
        p = subprocess.run([os.path.join(bindir, prog)] + args, input=stdin.encode(),
                           capture_output=True, env=e, timeout=30)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    # root sets the passwords
    r, out, err = run("passwd", ["user"], "skimmer\nskimmer\n", uid=0)
    check(r == 0 and "updated successfully" in out, "root sets user's password", out + err)
    r, out, err = run("passwd", ["root"], "QSOE\nQSOE\n", uid=0)
    check(r == 0, "root sets root's password", out + err)
    lines = dict(l.split(":", 1) for l in open(shadow).read().splitlines())
    h = lines["user"].split(":")[0]
    check(h.startswith("$6$") and len(h.split("$")[2]) == 16 and len(h.split("$")[3]) == 86,
          "the hash is SHA-512 crypt with a 16-character salt", h)
    check(lines["root"].split(":")[0] != h, "different passwords, different hashes")
    check(stat.S_IMODE(os.stat(shadow).st_mode) == 0o600, "shadow file keeps mode 0600")
    check(lines["locked"].startswith("!:"), "other entries are kept")
    check(not os.path.exists(shadow + ".new"), "no temporary file left")
    ossl = shutil.which("openssl")
    if ossl:
        salt = h.split("$")[2]
        ref = subprocess.run([ossl, "passwd", "-6", "-salt", salt, "skimmer"],
                             capture_output=True, text=True).stdout.strip()
        check(ref == h, "hash agrees with openssl passwd -6", f"{ref} != {h}")

    # login
    r, out, err = run("login", ["user"], "skimmer\n")
    check(r == 0 and "become uid=1000 gid=1000 home=/home/user shell=/bin/sh arg0=-sh" in out,
          "login with the right password starts a login shell", out + err)
    r, out, err = run("login", [], "user\nskimmer\n")
    check(r == 0 and out.startswith("login: ") and "become uid=1000" in out,
          "login asks for the user name", out + err)
    r, out, err = run("login", ["user"], "wrong\nuser\nbad\nuser\nworse\n")
    check(r == 1 and out.count("Login incorrect") == 3 and "become" not in out,
          "three wrong passwords: refused", out + err)
    check(err.count("[log] failed login for user") == 3, "failed logins are logged", err)
    r, out, err = run("login", ["user"], "wrong\nuser\nskimmer\n")
    check(r == 0 and out.count("Login incorrect") == 1 and "become uid=1000" in out,
          "second attempt succeeds", out + err)
    r, out, err = run("login", ["nosuch"], "x\n")
    check(r == 1 and "Login incorrect" in out, "unknown user looks like a wrong password",
          out + err)
    r, out, err = run("login", ["locked"], "\n\n\n")
    check(r == 1 and "become" not in out, "locked account cannot log in", out + err)
    r, out, err = run("login", ["nopw"], "\n")
    check(r == 0 and "become uid=1002" in out and "shell=/bin/sh" in out,
          "empty password field: empty password, default shell", out + err)
    r, out, err = run("login", ["root"], "QSOE\n")
    check(r == 0 and "become uid=0 gid=0 home=/ shell=/bin/qsh arg0=-qsh" in out,
          "root logs in", out + err)
    r, out, err = run("login", ["user"], "")
    check(r == 1 and "become" not in out, "end of input: no login", out + err)

    # su
    r, out, err = run("su", [], "QSOE\n", uid=1000)
    check(r == 0 and "become uid=0" in out and "arg0=qsh" in out, "su to root with its password",
          out + err)
    r, out, err = run("su", [], "skimmer\n", uid=1000)
    check(r == 1 and "Authentication failure" in err and "become" not in out,
          "su with a wrong password fails", out + err)
    r, out, err = run("su", ["user"], "", uid=0)
    check(r == 0 and "become uid=1000" in out, "root needs no password", out + err)
    r, out, err = run("su", ["-", "user", ], "", uid=0)
    check(r == 0 and "arg0=-sh" in out, "su - gives a login shell", out + err)
    r, out, err = run("su", ["-c", "id -u", "user"], "", uid=0)
    check(r == 0 and "cmd=id -u" in out, "su -c runs a command", out + err)
    r, out, err = run("su", ["nosuch"], "", uid=0)
    check(r == 1 and "does not exist" in err, "su to an unknown user", out + err)

    # passwd by the user
    r, out, err = run("passwd", ["root"], "skimmer\n", uid=1000)
    check(r == 1 and "You may not" in err, "a user cannot change root's password", out + err)
    r, out, err = run("passwd", ["user"], "wrong\nnew1\nnew1\n", uid=1000)
    check(r == 1 and "Authentication token" in err, "wrong current password", out + err)
    r, out, err = run("passwd", ["user"], "skimmer\nnew1\nnew2\n", uid=1000)
    check(r == 1 and "do not match" in err, "mismatched new passwords", out + err)
    r, out, err = run("passwd", ["user"], "skimmer\n\n", uid=1000)
    check(r == 1 and "No password supplied" in err, "empty new password", out + err)
    r, out, err = run("passwd", ["user"], "skimmer\nfresh pass\nfresh pass\n", uid=1000)
    check(r == 0, "user changes own password", out + err)
    r, out, err = run("login", ["user"], "skimmer\nuser\nfresh pass\n")
    check(r == 0 and out.count("Login incorrect") == 1 and "become uid=1000" in out,
          "old password refused, new one accepted", out + err)
    r, out, err = run("passwd", ["nosuch"], "", uid=0)
    check(r == 1 and "does not exist" in err, "passwd for an unknown user", out + err)

    # getty hands the name to login
    fake = os.path.join(tmp, "fakelogin")
    with open(fake, "w") as f:
        f.write("#!/bin/sh\necho \"login called with: $*\"\n")
    os.chmod(fake, 0o755)
    r, out, err = run("getty", [], "\n-x\nuser\n", extra={"QUSER_TEST_LOGIN": fake})
    check(r == 0 and out.count("login: ") == 3 and "login called with: user" in out,
          "getty prompts until a valid name and runs login", out + err)
    r, out, err = run("getty", [], "", extra={"QUSER_TEST_LOGIN": fake})
    check(r == 1 and "login called" not in out, "getty at end of input", out + err)

    shutil.rmtree(tmp)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
