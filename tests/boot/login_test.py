#!/usr/bin/env python3
"""login_test.py - log in on QSOE's console as a person does, work, shut down.

    login_test.py --target DIR --src TOP [--smp N] [--mem M] [--timeout S] [--log FILE]

Boots DIR/skimmer.bin with DIR/modpkg.cpio (no boot arguments: taskman starts
init, init starts the services and getty on the console) and then:

 1. gives a wrong password for "user": login must take at least 2.5 s to say
    "Login incorrect" (the delay) and ask again;
 2. logs in as "user" (the passwords are in the README, "Logging in"), types
    a script into /tmp with a here-document and runs it with qsh: pipes,
    redirections and a dozen utilities on the boot archive and /proc; every
    result is compared with what the source tree (etc/*) and the boot archive
    (DIR/modpkg.cpio) say it must be;
 3. checks that user cannot read /etc/shadow (EACCES from the boot archive,
    which enforces the caller's credentials) nor signal root's processes
    (kill and slay: EPERM), and that the processes survive;
 4. job control at the prompt: ^Z stops a foreground job (ps shows it T),
    bg resumes it, kill %1 ends it (wait %1 gives 143); pidin shows the
    shell REPLY-blocked on taskman while it waits for a command;
 5. logs out: init must start a new getty; logs in as root, checks that
    sloginfo recorded the failed login of step 1 and that root can read
    /etc/shadow (mode 0600, SHA-512 crypt);
 6. runs shutdown: init ends the sessions and services and QEMU must exit
    with status 0.
Prints the console log on failure.
"""
import argparse
import hashlib
import os
import re
import sys
import time

import pexpect

USER, USER_PW = "user", "user"
ROOT, ROOT_PW = "root", "qsoe"


def cpio_names(path):
    """The names of the files in a newc cpio archive."""
    names = []
    data = open(path, "rb").read()
    off = 0
    while off + 110 <= len(data):
        hdr = data[off:off + 110]
        if hdr[:6] != b"070701":
            raise SystemExit(f"{path}: not a newc archive at offset {off}")
        fsize = int(hdr[54:62], 16)
        nsize = int(hdr[94:102], 16)
        name = data[off + 110:off + 110 + nsize - 1].decode()
        off = (off + 110 + nsize + 3) & ~3
        off = (off + fsize + 3) & ~3
        if name == "TRAILER!!!":
            break
        names.append(name)
    return names


def passwd_entries(top):
    """The accounts of etc/passwd: name -> (uid, gid, home, shell)."""
    r = {}
    for line in open(os.path.join(top, "etc", "passwd")):
        f = line.rstrip("\n").split(":")
        if len(f) == 7:
            r[f[0]] = (int(f[2]), int(f[3]), f[5], f[6])
    return r


def group_names(top):
    """etc/group: gid -> name."""
    r = {}
    for line in open(os.path.join(top, "etc", "group")):
        f = line.rstrip("\n").split(":")
        if len(f) == 4:
            r[int(f[2])] = f[0]
    return r


# The script user runs. Each check prints "key=value"; the output is framed
# by @@2@@ and @@4@@, which do not appear in the typed text.
SCRIPT = r"""echo "@@$((1+1))@@"
echo "id=$(id -u):$(id -un):$(id -g):$(id -gn)"
echo "whoami=$(whoami)"
echo "home=$HOME cwd=$(pwd)"
echo "users=$(cut -d: -f1 /etc/passwd | sort | tr '\n' ' ')"
echo "qshusers=$(grep -c ':/bin/qsh$' /etc/passwd)"
echo "nbin=$(ls /bin | wc -l | tr -d ' ')"
echo "etc=$(ls /etc | sort | tr '\n' ' ')"
echo "sha=$(sha256sum /etc/passwd | cut -c1-64)"
echo "find=$(find /etc -name 'pass*' -type f)"
echo "sedgid=$(sed -n 's/^users:x:\([0-9]*\):.*/\1/p' /etc/group)"
echo one > /tmp/r; echo two >> /tmp/r; echo three >> /tmp/r
echo "redir=$(wc -l < /tmp/r | tr -d ' ') $(head -n 1 /tmp/r) $(tail -n 1 /tmp/r)"
cat /nonexistent 2> /tmp/e; echo "nofile=$? $(grep -c 'No such file' /tmp/e)"
echo "procuid=$(grep '^uid:' /proc/self/status)"
echo "procs=$(ls /proc | grep -c '^[0-9][0-9]*$')"
echo "psme=$(ps -o user= -o comm= -p $$)"
echo "uname=$(uname -s)"
echo "df=$(df /tmp | tail -n 1 | cut -d' ' -f1)"
cat /etc/shadow > /dev/null 2> /tmp/e; echo "shadow=$? $(cat /tmp/e)"
test -r /etc/shadow; echo "testr=$?"
/bin/kill -TERM @SER@ 2> /tmp/e; echo "kill=$? $(cat /tmp/e)"
slay -f devc-ser8250 2> /tmp/e; echo "slay=$? $(cat /tmp/e)"
/bin/kill -0 @SER@ 2> /tmp/e; echo "alive=$? $(cat /tmp/e)"
echo "@@$((2+2))@@"
"""


class Console:
    """The serial console of a QEMU guest, with a transcript."""

    def __init__(self, a):
        cmd = ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default",
               "-smp", str(a.smp), "-m", a.mem,
               "-kernel", os.path.join(a.target, "skimmer.bin"),
               "-initrd", os.path.join(a.target, "modpkg.cpio"), "-append", "",
               "-monitor", "none",
               "-chardev", "stdio,id=con,signal=off", "-serial", "chardev:con"]
        self.transcript = []
        log = open(a.log, "w") if a.log else None
        outer = self

        class Tee:
            def write(self, s):
                outer.transcript.append(s)
                if log:
                    log.write(s)

            def flush(self):
                if log:
                    log.flush()

        self.child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8",
                                   codec_errors="replace", timeout=a.timeout)
        self.child.logfile_read = Tee()

    def text(self):
        return "".join(self.transcript)

    def expect(self, pat, timeout=-1):
        self.child.expect(pat, timeout=timeout)
        return self.child.match

    def line(self, s):
        time.sleep(0.2)
        self.child.sendline(s)

    def send(self, s):
        time.sleep(0.2)
        self.child.send(s)

    def run(self, cmd, prompt, want=None):
        """Types cmd, waits for want (if any) and the next prompt; returns
        the output between the command line and the prompt."""
        self.line(cmd)
        m = self.expect(want) if want else None
        self.expect(prompt)
        return m


def login(con, user, password, prompt):
    con.expect(r"login: $")
    con.line(user)
    con.expect(r"Password: ?$")
    con.line(password)
    con.expect(prompt)


def check(problems, what, got, want):
    if got != want:
        problems.append(f"{what}: got {got!r}, want {want!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True)
    ap.add_argument("--src", required=True, help="the top of the source tree (for etc/)")
    ap.add_argument("--smp", type=int, default=2)
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--log")
    a = ap.parse_args()

    accounts = passwd_entries(a.src)
    groups = group_names(a.src)
    names = cpio_names(os.path.join(a.target, "modpkg.cpio"))
    nbin = len([n for n in names if re.fullmatch(r"bin/[^/]+", n)])
    etc = sorted(n[4:] for n in names if re.fullmatch(r"etc/[^/]+", n))
    passwd_sha = hashlib.sha256(open(os.path.join(a.src, "etc", "passwd"), "rb").read())
    shadow_lines = open(os.path.join(a.src, "etc", "shadow")).read().splitlines()
    uid, gid, home, _ = accounts[USER]
    user_prompt, root_prompt = r"\$ $", r"# $"

    con = Console(a)
    problems = []
    step = "waiting for the login prompt"
    start = time.time()
    try:
        # 1. a wrong password: delayed, then asked again
        con.expect(r"login: $")
        boot = con.text()
        ser = re.search(r"started /sbin/devc-ser8250 \(pid (\d+)\)", boot)
        if not ser:
            raise pexpect.EOF("init did not report the pid of devc-ser8250")
        ser = ser.group(1)
        step = "a wrong password"
        con.line(USER)
        con.expect(r"Password: ?$")
        con.line("not-" + USER_PW)
        t0 = time.time()
        con.expect("Login incorrect")
        delay = time.time() - t0
        if delay < 2.5:
            problems.append(f"a failed login answered after {delay:.1f} s (no delay)")

        # 2. log in as user and run the script
        step = f"logging in as {USER}"
        con.line(USER)
        con.expect(r"Password: ?$")
        con.line(USER_PW)
        con.expect(user_prompt)
        step = "typing the script"
        con.line("cat > /tmp/check.sh <<'EOF'")
        for ln in SCRIPT.replace("@SER@", ser).splitlines():
            con.line(ln)
        con.line("EOF")
        con.expect(user_prompt)
        step = "running the script"
        con.line("qsh /tmp/check.sh > /tmp/check.out 2>&1; echo status=$?; cat /tmp/check.out")
        status = con.expect(r"status=(\d+)\r*\n").group(1)
        step = "reading the script's output"
        con.expect("@@4@@")
        m = re.search(r"@@2@@\r*\n([^@]*)$", con.child.before)
        step = "waiting for the prompt after the script's output"
        con.expect(user_prompt)
        out = {}
        for ln in (m.group(1) if m else "").replace("\r", "").splitlines():
            k, _, v = ln.partition("=")
            out[k] = v
        check(problems, "script status", status, "0")
        check(problems, "id", out.get("id"), f"{uid}:{USER}:{gid}:{groups[gid]}")
        check(problems, "whoami", out.get("whoami"), USER)
        check(problems, "home", out.get("home"), f"{home} cwd={home}")
        check(problems, "users", out.get("users"), " ".join(sorted(accounts)) + " ")
        check(problems, "qshusers", out.get("qshusers"),
              str(sum(1 for v in accounts.values() if v[3] == "/bin/qsh")))
        check(problems, "nbin", out.get("nbin"), str(nbin))
        check(problems, "etc", out.get("etc"), " ".join(etc) + " ")
        check(problems, "sha", out.get("sha"), passwd_sha.hexdigest())
        check(problems, "find", out.get("find"), "/etc/passwd")
        check(problems, "sedgid", out.get("sedgid"),
              str([g for g, n in groups.items() if n == "users"][0]))
        check(problems, "redir", out.get("redir"), "3 one three")
        check(problems, "nofile", out.get("nofile"), "1 1")
        check(problems, "procuid", out.get("procuid"), f"uid: {uid} {uid} {uid}")
        procs = int(out.get("procs") or 0)
        if procs < 9:  # taskman, init, 4 services, session, getty, login, qsh...
            problems.append(f"/proc lists {procs} processes")
        check(problems, "psme", re.sub(r"\s+", " ", out.get("psme", "")).strip(), f"{USER} qsh")
        check(problems, "uname", out.get("uname"), "QSOE")
        check(problems, "df", out.get("df"), "fs-ram")
        check(problems, "shadow", out.get("shadow"),
              "1 cat: /etc/shadow: Permission denied")
        check(problems, "testr", out.get("testr"), "1")
        check(problems, "kill", out.get("kill"), f"1 kill: ({ser}): Operation not permitted")
        slay = out.get("slay", "")
        if not re.fullmatch(r"1 slay: .*" + ser + r".*Operation not permitted", slay):
            problems.append(f"slay of root's devc-ser8250: {slay!r}")
        check(problems, "alive", out.get("alive"), f"1 kill: ({ser}): Operation not permitted")

        # 4. job control at the prompt
        step = "stopping a foreground job with ^Z"
        con.line("sleep 60")
        time.sleep(1)
        con.send("\x1a")
        con.expect(r"\[1\] \+ Stopped\s+sleep 60")
        con.expect(user_prompt)
        step = "ps of the stopped job"
        con.run("ps -o stat= -o comm=", user_prompt, r"\n\s*T sleep\r*\n")
        step = "bg"
        con.run("bg", user_prompt, r"\[1\] sleep 60")
        con.run("jobs", user_prompt, r"\[1\] \+ Running\s+\\?sleep 60")
        step = "pidin of the shell and the sleep"
        con.run("pidin -p qsh -p sleep", user_prompt,
                r"\n\s+\d+\s+1 qsh\s+\d+[a-z?]\s+REPLY\s+1\r*\n"
                r"\s+\d+\s+1 sleep\s+\d+[a-z?]\s+NANOSLEEP")
        step = "kill %1"
        # (on one line: the shell cannot report and forget the job before wait)
        con.run("kill %1; wait %1; echo waited=$?", user_prompt, r"waited=143\r*\n")
        con.run("ps -o comm= > /tmp/ps; grep -c sleep /tmp/ps", user_prompt, r"\n0\r*\n")

        # 5. log out, log in as root
        step = "logging out"
        con.line("exit")
        step = "logging in as root after the logout"
        login(con, ROOT, ROOT_PW, root_prompt)
        step = "sloginfo of the failed login"
        con.run("sloginfo > /tmp/log; grep -c 'failed login for user' /tmp/log", root_prompt,
                r"\n1\r*\n")
        step = "interactive pipelines"
        # The first command may end (a zombie) before the next one joins
        # its process group: that group still exists until it is reaped.
        con.run("echo a | tail -1", root_prompt, r"\na\r*\n")
        con.run("cat /etc/group | head -1 | cut -d: -f1", root_prompt, r"\nroot\r*\n")
        step = "root reads /etc/shadow"
        con.run("ls -l /etc/shadow", root_prompt, r"-rw------- +1 root +root ")
        con.run("cut -c1-8 /etc/shadow", root_prompt,
                r"\n" + r"\r*\n".join(re.escape(x[:8]) for x in shadow_lines) + r"\r*\n")
        con.run("grep -c '^[a-z]*:\\$6\\$' /etc/shadow", root_prompt,
                rf"\n{len(shadow_lines)}\r*\n")

        # 6. shut down
        step = "shutdown"
        con.line("shutdown")
        con.expect(r"init: power off: ending the sessions")
        con.expect(r"taskman: power off requested by pid")
        con.expect(pexpect.EOF)
        con.child.close()
        if con.child.exitstatus != 0:
            problems.append(f"QEMU exit status {con.child.exitstatus} after shutdown")
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        con.child.terminate(force=True)
        kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "QEMU ended"
        problems.append(f"{kind} while {step}")
    for pat in (r"skimmer panic", r"kernel trap"):
        if re.search(pat, con.text()):
            problems.append(f"the console shows /{pat}/")
    if problems:
        sys.stdout.write("---- console ----\n" + con.text() + "\n---- end ----\n")
        for p in problems:
            print("login_test: " + p)
        return 1
    print(f"login_test: passed in {time.time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
