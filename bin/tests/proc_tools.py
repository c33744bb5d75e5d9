#!/usr/bin/env python3
"""proc_tools.py - the system utilities over /proc, on a made-up QSOE system.

Usage: proc_tools.py DIR   (DIR: the QU_PROC_TEST builds of ps, pidin, slay,
                            mount, umount, df, sysinfo and shutdown)

Writes a /proc tree in QSOE's format (docs/taskman.md, bin/lib/procinfo.h):
taskman, init, a driver RECEIVE-blocked on its channel, a login session
whose shell is REPLY-blocked on the driver, a stopped job, a zombie and a
process of another user; and /proc/mounts. Each check runs a utility on it
and compares its output and exit status with what the made-up system
implies. Where POSIX fixes the output (df -P's header and, for "/", the
sizes statvfs reports), the host's df is the reference.
"""
import os
import time
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile

FAILS = []

# pid -> (name, ppid, pgid, sid, tty, uid, gid, state, threads)
# a thread: (tid, STATE, prio, policy, blocked pid, chid[, thread name])
UID_OTHER = 65534  # nobody
PROCS = {
    1: ("taskman", 0, 1, 1, "-", 0, 0, "running",
        [(1, "RECEIVE", 10, "rr", 0, 1), (2, "RUNNING", 10, "rr", 0, 0, "pool-2")]),
    2: ("init", 1, 2, 2, "-", 0, 0, "running",
        [(1, "REPLY", 10, "rr", 1, 1), (2, "SIGWAITINFO", 10, "rr", 0, 0)]),
    4: ("devc-ser8250", 2, 2, 2, "-", 0, 0, "running", [(1, "RECEIVE", 21, "fifo", 0, 1)]),
    7: ("init", 2, 7, 7, "/dev/console", 0, 0, "running", [(1, "REPLY", 10, "rr", 1, 1)]),
    9: ("login", 7, 9, 7, "/dev/console", UID_OTHER, UID_OTHER, "running",
        [(1, "REPLY", 10, "rr", 1, 1)]),
    10: ("qsh", 9, 10, 7, "/dev/console", UID_OTHER, UID_OTHER, "running",
         [(1, "REPLY", 10, "rr", 4, 1)]),
    11: ("sleep", 10, 11, 7, "/dev/console", UID_OTHER, UID_OTHER, "stopped",
         [(1, "STOPPED", 10, "rr", 0, 0)]),
    12: ("sleep", 10, 12, 7, "/dev/console", UID_OTHER, UID_OTHER, "zombie", []),
    13: ("worker", 2, 13, 13, "-", UID_OTHER, UID_OTHER, "running",
         [(1, "READY", 10, "other", 0, 0), (2, "MUTEX", 10, "other", 0, 0, "disk\\io")]),
}
SELF = 10
# the command lines /proc gives (taskman: none); written with \ooo escapes
ARGS = {10: ["-qsh"], 11: ["sleep", "60"], 13: ["worker", "-d", "a b\\c"]}
# when some were spawned: seconds before "now" on the host's CLOCK_MONOTONIC
STARTED_AGO = {11: 3723, 13: 125}  # (the host may have been up for less than a day)

MOUNTS = """/ attach 1 1 0 0 dir,after
/dev/console attach 4 1 0 0 -
/proc attach 1 1 3 0 dir
/tmp attach 6 1 0 0 dir
/dev/my\\040dir attach 6 1 1 0 dir
/usr link /tmp
"""


def write_proc(root):
    os.makedirs(os.path.join(root, "proc"))
    for pid, (name, ppid, pgid, sid, tty, uid, gid, state, threads) in PROCS.items():
        d = os.path.join(root, "proc", str(pid))
        os.makedirs(d)
        lines = [f"name: {name}"]
        if pid in ARGS:
            lines.append("args: " + " ".join(
                "".join(f"\\{ord(c):03o}" if c in " \t\n\\" else c for c in a)
                for a in ARGS[pid]))
        if pid in STARTED_AGO:
            lines.append(f"started: {time.monotonic_ns() - STARTED_AGO[pid] * 10**9}")
        lines += [f"pid: {pid}", f"ppid: {ppid}", f"pgid: {pgid}",
                 f"sid: {sid}", f"tty: {tty}", f"uid: {uid} {uid} {uid}",
                 f"gid: {gid} {gid} {gid}", f"groups: {gid}", f"state: {state}",
                 f"memory: {pid * 4096}", f"cpu_ns: {pid * 1500000000}",
                 f"threads: {len(threads)}"]
        for tid, st, prio, pol, bpid, chid, *tname in threads:
            t = f"thread {tid}: {st} prio {prio} cpu 0 policy {pol} time 0"
            if bpid:
                t += f" pid {bpid}"
            if chid and st in ("SEND", "REPLY", "RECEIVE"):
                t += f" chid {chid}"
            if tname:  # blanks and backslashes as \ooo, as taskman writes them
                t += " name " + "".join(f"\\{ord(c):03o}" if c in " \t\n\\" else c
                                        for c in tname[0])
            lines.append(t)
        open(os.path.join(d, "status"), "w").write("\n".join(lines) + "\n")
    open(os.path.join(root, "proc", "mounts"), "w").write(MOUNTS)
    os.makedirs(os.path.join(root, "proc", "self"))  # not a pid: skipped
    sysd = os.path.join(root, "sys")
    os.makedirs(sysd)
    for k, v in {"osname": "QSOE", "version": "v-test", "kernel": "Skimmer",
                 "board": "made-up-board", "cmdline": "quiet"}.items():
        open(os.path.join(sysd, k), "w").write(v + "\n")


def user(uid):
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def run(d, root, argv, env=None, name=None):
    e = dict(os.environ, QUSER_TEST_PROC=os.path.join(root, "proc"),
             QUSER_TEST_SYS=os.path.join(root, "sys"), QUSER_TEST_SELF=str(SELF))
    e.update(env or {})
    exe = os.path.join(d, name or argv[0])
    p = subprocess.run([exe] + argv[1:], capture_output=True, text=True, env=e, timeout=30)
    return p.returncode, p.stdout, p.stderr


def check(what, got, want):
    if got != want:
        FAILS.append(f"{what}:\n  got  {got!r}\n  want {want!r}")


def check_re(what, text, pat):
    if not re.search(pat, text, re.M):
        FAILS.append(f"{what}: no /{pat}/ in\n{text}")


def words(out):
    return [ln.split() for ln in out.splitlines()]


def main():
    d = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="qu-proc-")
    write_proc(tmp)
    live = sorted(PROCS)

    # ps: -e selects every process; -o with "=" suppresses the header
    st, out, err = run(d, tmp, ["ps", "-e", "-o", "pid=", "-o", "ppid=", "-o", "user=",
                                "-o", "comm="])
    check("ps -e status", st, 0)
    check("ps -e rows", words(out),
          [[str(p), str(PROCS[p][1]), user(PROCS[p][5]), PROCS[p][0]] for p in live])
    # the headers POSIX gives the -o names, as the host's ps (procps) prints them;
    # and its exit status when -p selects nothing
    # (POSIX's table of ps -o names and headers; procps when the host has it)
    posix_headers = {"ruser": "RUSER", "user": "USER", "rgroup": "RGROUP", "group": "GROUP",
                     "pid": "PID", "ppid": "PPID", "pgid": "PGID", "pcpu": "%CPU",
                     "vsz": "VSZ", "nice": "NI", "etime": "ELAPSED", "time": "TIME",
                     "tty": "TT", "comm": "COMMAND", "args": "COMMAND"}
    host_ps = shutil.which("ps")
    for name, header in posix_headers.items():
        st, out, err = run(d, tmp, ["ps", "-p", "1", "-o", name])
        got = out.splitlines()[0].strip() if out else out
        check(f"ps -o {name} header (POSIX)", got, header)
        if host_ps:
            ref = subprocess.run([host_ps, "-p", "1", "-o", name], capture_output=True,
                                 text=True)
            check(f"ps -o {name} header (host ps)", got, ref.stdout.splitlines()[0].strip())
    # args: the command line when /proc gives one, else the name
    st, out, err = run(d, tmp, ["ps", "-p", "1,11,13", "-o", "pid=", "-o", "args="])
    check("ps -o args", [l.split(None, 1) for l in out.splitlines()],
          [["1", "taskman"], ["11", "sleep 60"], ["13", "worker -d a b\\c"]])
    # etime from the start time (POSIX [[dd-]hh:]mm:ss), "-" where /proc gives none;
    # pcpu is CPU time over elapsed time (11 used 16.5 s in 3723 s)
    st, out, err = run(d, tmp, ["ps", "-p", "1,11,13", "-o", "pid=", "-o", "etime=",
                                "-o", "pcpu="])
    rows = [l.split() for l in out.splitlines()]
    check("ps -o etime rows", [r[0] for r in rows], ["1", "11", "13"])
    check("ps etime unknown", rows[0][1:], ["-", "-"])
    check_re("ps etime 11", rows[1][1], r"^01:02:0[3-9]$")
    check_re("ps etime 13", rows[2][1], r"^02:(0[5-9]|1[0-9])$")
    check("ps pcpu 11", rows[1][2], f"{100 * 11 * 1.5 / 3723:.1f}")
    st, out, err = run(d, tmp, ["pidin", "-p", "10", "arg"])
    check("pidin arg", out.splitlines()[1:], [f"{10:8d} -qsh"])
    st, out, err = run(d, tmp, ["ps", "-p", "99999999", "-o", "pid"])
    check("ps -p (none) status and header", (st, out.split()), (1, ["PID"]))
    if host_ps:
        ref = subprocess.run([host_ps, "-p", "99999999", "-o", "pid"], capture_output=True,
                             text=True)
        check("ps -p (none) as the host's ps", (st, out.split()),
              (ref.returncode, ref.stdout.split()))
    # "name=header": the header is the rest of the argument (POSIX)
    st, out, err = run(d, tmp, ["ps", "-p", "1", "-o", "pid=P,ppid=Q"])
    check("ps -o pid=P,ppid=Q", out.splitlines()[0].split(), ["P,ppid=Q"])
    # the default: the caller's effective user and terminal, PID TTY TIME CMD
    st, out, err = run(d, tmp, ["ps"])
    mine = [p for p in live if PROCS[p][5] == PROCS[SELF][5] and PROCS[p][4] == PROCS[SELF][4]]
    check("ps header", out.splitlines()[0].split(), ["PID", "TTY", "TIME", "CMD"])
    check("ps default selection", [int(w[0]) for w in words(out)[1:]], mine)
    check("ps tty column", {w[1] for w in words(out)[1:]}, {"console"})
    # -p: one process; TIME from cpu_ns ([dd-]hh:mm:ss)
    st, out, err = run(d, tmp, ["ps", "-p", "13", "-o", "pid,time,nlwp,stat"])
    check("ps -p 13", words(out), [["PID", "TIME", "NLWP", "S"], ["13", "00:00:19", "2", "R"]])
    st, out, err = run(d, tmp, ["ps", "-o", "stat=", "-p", "11,12,4"])
    check("ps stat of 4, 11, 12", words(out), [["S"], ["T"], ["Z"]])
    st, out, err = run(d, tmp, ["ps", "-u", user(0), "-o", "pid="])
    check("ps -u root", [int(x) for x in out.split()], [p for p in live if PROCS[p][5] == 0])
    st, out, err = run(d, tmp, ["ps", "-t", "console", "-o", "pid="])
    check("ps -t console", [int(x) for x in out.split()],
          [p for p in live if PROCS[p][4] == "/dev/console"])
    st, out, err = run(d, tmp, ["ps", "-g", "7", "-o", "pid="])
    check("ps -g 7 (session)", [int(x) for x in out.split()],
          [p for p in live if PROCS[p][3] == 7])
    st, out, err = run(d, tmp, ["ps", "-f", "-p", "1"])
    check("ps -f header", out.splitlines()[0].split(),
          ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
    st, out, err = run(d, tmp, ["ps", "-p", "999"])
    check("ps -p 999 status", st, 1)
    st, out, err = run(d, tmp, ["ps", "-o", "nosuchcolumn"])
    check("ps -o nosuchcolumn status", st, 1)
    check_re("ps -o nosuchcolumn message", err, r"nosuchcolumn")
    st, out, err = run(d, tmp, ["ps", "-Y"])
    check("ps -Y status", st, 1)
    check_re("ps -Y usage", err, r"^Usage: ps ")
    st, out, err = run(d, tmp, ["ps", "-e"], env={"QUSER_TEST_PROC": tmp + "/nothing"})
    check("ps without /proc status", st, 1)
    check_re("ps without /proc message", err, r"nothing: No such file or directory")

    # pidin: a line per thread; Blocked: the server pid for SEND/REPLY, the
    # channel for RECEIVE
    st, out, err = run(d, tmp, ["pidin"])
    check("pidin status", st, 0)
    rows = words(out)
    check("pidin header", rows[0], ["pid", "tid", "name", "prio", "STATE", "Blocked"])
    want = []
    for p in live:
        name, threads = PROCS[p][0], PROCS[p][8]
        if not threads:
            want.append([str(p), "-", name, "DEAD"])
        for tid, stt, prio, pol, bpid, chid, *tname in threads:
            # a named thread shows its own name
            w = [str(p), str(tid), tname[0] if tname else name, f"{prio}{pol[0]}", stt]
            if stt in ("SEND", "REPLY"):
                w.append(str(bpid))
            elif stt == "RECEIVE":
                w.append(str(chid))
            want.append(w)
    check("pidin rows", rows[1:], want)
    st, out, err = run(d, tmp, ["pidin", "-p", "qsh"])
    check("pidin -p qsh", words(out)[1:], [["10", "1", "qsh", "10r", "REPLY", "4"]])
    st, out, err = run(d, tmp, ["pidin", "-p", "2", "family"])
    check("pidin family", words(out), [["pid", "name", "ppid", "pgrp", "sid"],
                                       ["2", "init", "1", "2", "2"]])
    st, out, err = run(d, tmp, ["pidin", "-p", "13", "times"])
    check("pidin times", words(out)[1:], [["13", "worker", "19.500"]])
    st, out, err = run(d, tmp, ["pidin", "-p", "nosuch"])
    check("pidin -p nosuch status", st, 1)
    st, out, err = run(d, tmp, ["pidin", "nosuchformat"])
    check("pidin nosuchformat status", st, 1)
    check_re("pidin nosuchformat usage", err, r"^Usage: pidin")

    # slay: signals every process of that name (printed by the test build),
    # not zombies (12) nor itself (SELF)
    st, out, err = run(d, tmp, ["slay", "-f", "init"])
    check("slay -f init", (st, out), (0, f"kill 2 {signal.SIGTERM}\nkill 7 {signal.SIGTERM}\n"))
    st, out, err = run(d, tmp, ["slay", "sleep"])
    check("slay sleep (zombie skipped)", (st, out), (0, f"kill 11 {signal.SIGTERM}\n"))
    st, out, err = run(d, tmp, ["slay", "-s", "KILL", "worker"])
    check("slay -s KILL worker", (st, out), (0, f"kill 13 {signal.SIGKILL}\n"))
    st, out, err = run(d, tmp, ["slay", "-9", "13"])
    check("slay -9 13", (st, out), (0, f"kill 13 {signal.SIGKILL}\n"))
    st, out, err = run(d, tmp, ["slay", "-p", "devc-ser8250"])
    check("slay -p devc-ser8250", (st, out), (0, "4\n"))
    st, out, err = run(d, tmp, ["slay", "-p", str(SELF)])
    check("slay -p (itself)", (st, out), (1, ""))
    st, out, err = run(d, tmp, ["slay", "nosuch"])
    check("slay nosuch", st, 1)
    check_re("slay nosuch message", err, r"unable to find process .?nosuch")
    st, out, err = run(d, tmp, ["slay", "-s", "NOSIG", "qsh"])
    check("slay -s NOSIG", st, 1)

    # mount: the pathname space; umount: no server takes unmounts yet
    st, out, err = run(d, tmp, ["mount"])
    check("mount status", st, 0)
    check_re("mount /", out, r"^taskman \(pid 1\) on / type any \(dir,after\)$")
    check_re("mount console", out, r"^devc-ser8250 \(pid 4\) on /dev/console type any$")
    check_re("mount escaped path", out, r" on /dev/my dir type ")
    check_re("mount link", out, r"^/usr -> /tmp \(link\)$")
    st, out, err = run(d, tmp, ["mount", "-t", "nosuchfs", "/mnt"])
    check("mount -t nosuchfs status", st != 0, True)
    check_re("mount -t nosuchfs message", err, r"nosuchfs")
    st, out, err = run(d, tmp, ["umount", "/tmp"])
    check("umount /tmp status", st, 1)
    check_re("umount /tmp message", err, r"/tmp.*(not supported|Operation not supported)")
    st, out, err = run(d, tmp, ["umount", "/not/a/mount"])
    check("umount /not/a/mount", st, 1)
    st, out, err = run(d, tmp, ["umount"])
    check_re("umount usage", err, r"^Usage: umount")

    # df -P: POSIX's header; for "/" the same sizes as the host's df
    # (GNU df follows POSIX's 512-byte blocks of -P only with POSIXLY_CORRECT;
    # POSIX fixes the fields of each line, not the blanks between them)
    for opts in (["-P"], ["-P", "-k"]):
        st, out, err = run(d, tmp, ["df"] + opts + ["/"])
        ref = subprocess.run(["df"] + opts + ["/"], capture_output=True, text=True,
                             env=dict(os.environ, POSIXLY_CORRECT="1"))
        check(f"df {' '.join(opts)} status", st, 0)
        mine, theirs = words(out), words(ref.stdout)
        check(f"df {' '.join(opts)} header", mine[0], theirs[0])
        if len(mine) == 2 and len(theirs) == 2:
            check(f"df {' '.join(opts)} total blocks", mine[1][1], theirs[1][1])
            check(f"df {' '.join(opts)} mounted on", mine[1][5], theirs[1][5])
            for col in (2, 3):  # used, available: the disk may change a little meanwhile
                a, b = int(mine[1][col]), int(theirs[1][col])
                if abs(a - b) > max(1024, b // 100):
                    FAILS.append(f"df {' '.join(opts)} column {col}: {a} vs {b}")
        else:
            FAILS.append(f"df {' '.join(opts)} /: {out!r} vs {ref.stdout!r}")
    st, out, err = run(d, tmp, ["df", "/no/such/file"])
    check("df /no/such/file status", st, 1)
    check_re("df /no/such/file message", err, r"/no/such/file: No such file or directory")
    st, out, err = run(d, tmp, ["df", "-Y"])
    check("df -Y status", st, 1)

    # sysinfo: /sys and the process count
    st, out, err = run(d, tmp, ["sysinfo"])
    check("sysinfo status", st, 0)
    check_re("sysinfo system", out, r"^System: +QSOE v-test \(kernel Skimmer\)$")
    check_re("sysinfo board", out, r"^Board: +made-up-board$")
    nthreads = sum(len(v[8]) for v in PROCS.values())
    check_re("sysinfo processes", out, rf"^Processes: +{len(PROCS)} \({nthreads} threads\)$")
    check_re("sysinfo boot args", out, r"^Boot args: +quiet$")

    # shutdown and reboot: root only; ask init (SIGPWR / SIGUSR1), or -f: taskman
    st, out, err = run(d, tmp, ["shutdown"], env={"QUSER_TEST_UID": str(UID_OTHER)})
    check("shutdown as a user", st, 1)
    check_re("shutdown as a user message", err, r"Operation not permitted")
    st, out, err = run(d, tmp, ["shutdown"], env={"QUSER_TEST_UID": "0"})
    check("shutdown", (st, out), (0, f"kill 2 {signal.SIGPWR}\n"))
    st, out, err = run(d, tmp, ["shutdown", "-r", "now"], env={"QUSER_TEST_UID": "0"})
    check("shutdown -r now", (st, out), (0, f"kill 2 {signal.SIGUSR1}\n"))
    st, out, err = run(d, tmp, ["shutdown", "-f"], env={"QUSER_TEST_UID": "0"})
    check("shutdown -f", (st, out), (0, "TM_SHUTDOWN poweroff\n"))
    st, out, err = run(d, tmp, ["shutdown", "later"], env={"QUSER_TEST_UID": "0"})
    check("shutdown later", st, 1)
    check_re("shutdown later usage", err, r"^Usage: shutdown")
    rb = os.path.join(tmp, "reboot")
    os.symlink(os.path.join(os.path.abspath(d), "shutdown"), rb)
    st, out, err = run(tmp, tmp, ["reboot"], env={"QUSER_TEST_UID": "0"})
    check("reboot", (st, out), (0, f"kill 2 {signal.SIGUSR1}\n"))
    st, out, err = run(tmp, tmp, ["reboot", "-f"], env={"QUSER_TEST_UID": "0"})
    check("reboot -f", (st, out), (0, "TM_SHUTDOWN reboot\n"))

    shutil.rmtree(tmp)
    if FAILS:
        for f in FAILS:
            print("FAIL " + f)
        print(f"proc_tools: {len(FAILS)} failure(s)")
        return 1
    print("proc_tools: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
