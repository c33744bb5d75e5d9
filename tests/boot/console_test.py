#!/usr/bin/env python3
"""console_test.py - boot QSOE to its console shell and use it like a person.

    console_test.py --target DIR [--smp N] [--mem M] [--timeout S] [--prompt RE]
                    [--login USER:PASSWORD] [--run "command=>expected regex"]...
                    [--interrupt] [--respawn]

Boots DIR/skimmer.bin with DIR/modpkg.cpio (no run= arguments, so taskman
starts /sbin/init, which starts slogger, devc-ser8250, pipe and the console
session). With --login it first answers getty's "login:" and login's
"Password:" prompts (the console session is getty; see the README, "Logging
in"). Waits for the shell prompt, then for each --run types the command
on the serial console (through the driver's line discipline) and waits for
the expected output and the next prompt. With --interrupt it also starts a
command that waits forever (sloginfo -w) and types ^C: the foreground
process must die of SIGINT and the prompt come back. With --respawn it
kills the pipe manager twice: init must log each death and restart it,
the second time after a longer back-off, and pipes must work again.
Prints the console log on failure.
"""
import argparse
import os
import re
import sys
import time

import pexpect


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True)
    ap.add_argument("--smp", type=int, default=2)
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--prompt", default=r"[#$] $")
    ap.add_argument("--login", help="USER:PASSWORD to log in with on the console")
    ap.add_argument("--run", action="append", default=[])
    ap.add_argument("--interrupt", action="store_true")
    ap.add_argument("--respawn", action="store_true")
    ap.add_argument("--log")
    a = ap.parse_args()

    cmd = ["qemu-system-riscv64", "-machine", "virt", "-nographic", "-bios", "default",
           "-smp", str(a.smp), "-m", a.mem, "-kernel", os.path.join(a.target, "skimmer.bin"),
           "-initrd", os.path.join(a.target, "modpkg.cpio"), "-append", "",
           "-monitor", "none",
           # signal=off: a typed ^C goes to the guest instead of ending QEMU
           "-chardev", "stdio,id=con,signal=off", "-serial", "chardev:con"]
    log = open(a.log, "w") if a.log else None
    transcript = []

    class Tee:
        def write(self, s):
            transcript.append(s)
            if log:
                log.write(s)

        def flush(self):
            if log:
                log.flush()

    child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8", codec_errors="replace",
                          timeout=a.timeout)
    child.logfile_read = Tee()
    start = time.time()
    step = "waiting for the shell prompt"
    try:
        if a.login:
            user, _, password = a.login.partition(":")
            step = "waiting for the login prompt"
            child.expect(r"login: $")
            time.sleep(0.2)
            child.sendline(user)
            step = f"logging in as {user}"
            child.expect(r"Password: ?$")
            time.sleep(0.2)
            child.sendline(password)
            step = "waiting for the shell prompt"
        child.expect(a.prompt)
        for r in a.run:
            command, _, want = r.partition("=>")
            step = f"running {command!r}"
            time.sleep(0.2)
            child.sendline(command)
            if want:
                child.expect(want)
            child.expect(a.prompt)
        if a.interrupt:
            step = "interrupting a waiting command with ^C"
            time.sleep(0.2)
            child.sendline("sloginfo -w")
            child.expect("slogger started")  # it printed the log and now waits
            time.sleep(0.5)
            child.send("\x03")
            child.expect(r"killed by signal 2|\^C")
            child.expect(a.prompt)
        if a.respawn:
            for backoff in (1, 2):
                step = f"killing the pipe manager (back-off {backoff} s expected)"
                m = None
                for m in re.finditer(r"started /sbin/pipe \(pid (\d+)\)", "".join(transcript)):
                    pass
                if m is None:
                    raise pexpect.EOF("no pid of /sbin/pipe on the console")
                time.sleep(0.2)
                child.sendline(f"kill {m.group(1)}")
                child.expect(rf"/sbin/pipe \(pid {m.group(1)}\) was killed by signal 15; "
                             rf"restarting in {backoff} s")
                child.expect(r"started /sbin/pipe \(pid \d+\)")
            step = "using a pipe after the restarts"
            time.sleep(0.5)
            child.sendline("suite pipemgr")
            child.expect(r"[0-9]+ passed, 0 failed")
            child.expect(a.prompt)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        child.terminate(force=True)
        sys.stdout.write("---- console ----\n" + "".join(transcript) + "\n---- end ----\n")
        kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "QEMU ended"
        print(f"console_test: {kind} while {step}")
        return 1
    child.terminate(force=True)
    print(f"console_test: passed in {time.time() - start:.1f} s ({len(a.run)} commands"
          f"{', ^C' if a.interrupt else ''}{', respawn' if a.respawn else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
