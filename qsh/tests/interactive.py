#!/usr/bin/env python3
"""interactive.py - drive an interactive qsh through a pseudo-terminal.

    interactive.py path/to/qsh

Covers the emacs line editor (arrows, home/end, ^A ^E ^K ^U ^W ^L), history
(up/down, the history file shared between sessions), tab completion of
commands and paths, job control (^Z, jobs, fg, bg, kill %n, wait, $!),
^C reaching the foreground job, PS1 expansions and the window size.
Exit status 0 if every test passed.
"""
import os
import re
import shutil
import sys
import tempfile
import time

import pexpect

QSH = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "qsh"
PROMPT = "P# "
TIMEOUT = 10
results = []

UP, DOWN, RIGHT, LEFT = "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D"
HOME, END = "\x1b[H", "\x1b[F"


class Session:
    """One interactive qsh in a scratch HOME."""

    def __init__(self, home, rows=24, cols=80, extra_env=None):
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "PS1": PROMPT,
            "TERM": "xterm",
            "HISTFILE": os.path.join(home, "hist"),
        }
        if extra_env:
            env.update(extra_env)
        self.p = pexpect.spawn(QSH, ["-i"], env=env, cwd=home, encoding="utf-8",
                               timeout=TIMEOUT, dimensions=(rows, cols))
        self.p.expect_exact(PROMPT)

    def send(self, s):
        self.p.send(s)

    def run(self, line, expect=None):
        """Type a line; wait for expect (regex) if given, then the prompt."""
        self.p.send(line + "\r")
        if expect is not None:
            self.p.expect(expect)
        self.p.expect_exact(PROMPT)
        return self.p.before

    def prompt(self):
        self.p.expect_exact(PROMPT)

    def close(self):
        try:
            self.p.send("exit\r")
            self.p.expect(pexpect.EOF, timeout=5)
        except Exception:
            pass
        self.p.close(force=True)


def test(fn):
    home = tempfile.mkdtemp(prefix="qshpty")
    try:
        fn(home)
        results.append((fn.__name__, None))
    except Exception as e:  # pexpect timeouts end up here with the screen contents
        results.append((fn.__name__, "%s: %s" % (type(e).__name__, str(e)[:600])))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return fn


@test
def basic_command(home):
    s = Session(home)
    s.run("echo hello-$((6*7))", r"hello-42")
    s.close()


@test
def editing_home_end_arrows(home):
    s = Session(home)
    s.send("cho mid" + HOME + "e" + END + "dle\r")
    s.p.expect(r"\r\nmiddle\r\n")
    s.prompt()
    s.send("echo ac" + LEFT + "b" + RIGHT + "d\r")
    s.p.expect(r"\r\nabcd\r\n")
    s.prompt()
    s.close()


@test
def editing_ctrl_a_e(home):
    s = Session(home)
    s.send("cho ab\x01e\x05c\r")
    s.p.expect(r"\r\nabc\r\n")
    s.prompt()
    s.close()


@test
def editing_ctrl_k_u_w(home):
    s = Session(home)
    s.send("echo keep drop" + LEFT * 5 + "\x0b\r")
    s.p.expect(r"\r\nkeep\r\n")
    s.prompt()
    s.send("garbage text\x15echo clean\r")
    s.p.expect(r"\r\nclean\r\n")
    s.prompt()
    s.send("echo one two\x17three\r")
    s.p.expect(r"\r\none three\r\n")
    s.prompt()
    s.close()


@test
def editing_ctrl_l_and_backspace(home):
    s = Session(home)
    s.send("echo redrawn\x0c")
    s.send("xx\x7f\x7f\r")
    s.p.expect(r"\r\nredrawn\r\n")
    s.prompt()
    s.close()


@test
def history_up_down(home):
    s = Session(home)
    s.run("echo first", r"first")
    s.run("echo second", r"second")
    s.send(UP + UP + "\r")
    s.p.expect(r"\r\nfirst\r\n")
    s.prompt()
    s.send(UP + UP + UP + DOWN + "\r")
    s.p.expect(r"\r\nsecond\r\n")
    s.prompt()
    s.send("\x10\r")  # ^P
    s.p.expect(r"\r\nsecond\r\n")
    s.prompt()
    s.close()


@test
def history_file(home):
    s = Session(home)
    s.run("echo remembered-cmd", r"remembered-cmd")
    s.close()
    with open(os.path.join(home, "hist")) as f:
        text = f.read()
    assert "echo remembered-cmd" in text, "history file: %r" % text
    s = Session(home)
    s.send(UP + UP + "\r")  # the newest entry is the "exit" of the first session
    s.p.expect(r"\r\nremembered-cmd\r\n")
    s.prompt()
    s.run("fc -l", r"echo remembered-cmd")
    s.close()


@test
def completion_path(home):
    with open(os.path.join(home, "uniquefilename.txt"), "w") as f:
        f.write("file-content\n")
    os.mkdir(os.path.join(home, "somedir"))
    with open(os.path.join(home, "somedir", "inner-file"), "w") as f:
        f.write("inner\n")
    s = Session(home)
    s.send("cat uniq\t\r")
    s.p.expect(r"file-content")
    s.prompt()
    s.send("cat som\tinn\t\r")
    s.p.expect(r"\r\ninner\r\n")
    s.prompt()
    s.close()


@test
def completion_command(home):
    s = Session(home)
    s.send("ech\tcompleted\r")
    s.p.expect(r"\r\ncompleted\r\n")
    s.prompt()
    s.run("myuniquefunc() { echo from-func; }")
    s.send("myuniq\t\r")
    s.p.expect(r"from-func")
    s.prompt()
    s.close()


@test
def completion_list(home):
    for n in ("alpha1", "alpha2"):
        open(os.path.join(home, n), "w").close()
    s = Session(home)
    s.send("echo alp\t\t")
    s.p.expect(r"alpha1\s+alpha2")
    s.send("\x15\r")
    s.prompt()
    s.close()


@test
def ctrl_c_foreground(home):
    s = Session(home)
    s.send("sleep 30\r")
    time.sleep(0.5)
    start = time.time()
    s.send("\x03")
    s.prompt()
    assert time.time() - start < 5, "^C did not stop sleep"
    s.run("echo status=$?", r"status=130")
    s.close()


@test
def ctrl_c_line(home):
    s = Session(home)
    s.send("echo never-run\x03")
    s.prompt()
    s.run("echo after-intr", r"after-intr")
    s.close()


@test
def job_control_stop_fg_bg(home):
    s = Session(home)
    s.send("sleep 30\r")
    time.sleep(0.5)
    s.send("\x1a")  # ^Z
    s.p.expect(r"Stopped")
    s.prompt()
    s.run("jobs", r"\[1\] \+ Stopped\s+sleep 30")
    s.run("bg", r"\[1\] sleep 30")
    s.run("jobs", r"\[1\] \+ Running\s+sleep 30")
    # One line: the job must not be reported done (and forgotten) at a prompt
    # between the kill and the wait.
    s.run("kill %1; wait %1; echo waited=$?", r"waited=143")
    s.close()


@test
def job_control_fg(home):
    s = Session(home)
    s.send("sleep 30 &\r")
    s.p.expect(r"\[1\] \d+")
    s.prompt()
    s.send("fg\r")
    s.p.expect(r"sleep 30")
    time.sleep(0.3)
    s.send("\x03")
    s.prompt()
    s.run("jobs; echo jobs-done", r"jobs-done")
    s.close()


@test
def background_and_wait(home):
    s = Session(home)
    s.send("sleep 0.3 &\r")
    s.p.expect(r"\[1\] (\d+)")
    pid = s.p.match.group(1)
    s.prompt()
    s.run("echo bang=$!", r"bang=" + pid)
    s.run("wait $!; echo rc=$?", r"rc=0")
    s.run("(exit 7) & wait $!; echo rc=$?", r"rc=7")
    s.close()


@test
def job_done_notification(home):
    s = Session(home)
    s.send("sleep 0.2 &\r")
    s.p.expect(r"\[1\] \d+")
    s.prompt()
    time.sleep(0.6)
    s.send("\r")
    s.p.expect(r"\[1\] \+ Done\s+\\?sleep 0.2")
    s.prompt()
    s.close()


@test
def kill_percent(home):
    s = Session(home)
    s.send("sleep 40 &\r")
    s.p.expect(r"\[1\]")
    s.prompt()
    s.send("sleep 41 &\r")
    s.p.expect(r"\[2\]")
    s.prompt()
    s.run("kill %2; wait %2; echo k2=$?", r"k2=143")
    s.run("jobs", r"\[1\] \+ Running\s+\\?sleep 40")
    s.run("kill -9 %1; wait; echo all-done", r"all-done")
    s.close()


@test
def ps1_expansions(home):
    s = Session(home)
    s.send("PS1='[$((1+2))|${USER_ID:+u}|!|$(echo cmd)]# '\r")
    s.p.expect(r"\[3\|u\|\d+\|cmd\]# ")
    s.send("PS1='" + PROMPT + "'\r")
    s.prompt()
    s.close()


@test
def window_size(home):
    s = Session(home, rows=30, cols=100)
    s.run("echo cols=$COLUMNS lines=$LINES", r"cols=100 lines=30")
    s.p.setwinsize(40, 120)
    time.sleep(0.2)
    s.run("echo cols=$COLUMNS lines=$LINES", r"cols=120 lines=40")
    s.close()


@test
def long_line_scrolls(home):
    s = Session(home, cols=40)
    word = "x" * 150
    s.run("echo " + word + " end", word + " end")
    s.close()


@test
def env_startup_file(home):
    rc = os.path.join(home, "rc")
    with open(rc, "w") as f:
        f.write("startup_var=from-env-file\nalias hi='echo hi-alias'\n")
    s = Session(home, extra_env={"ENV": rc})
    s.run("echo $startup_var", r"from-env-file")
    s.run("hi", r"hi-alias")
    s.close()


@test
def multiline_ps2(home):
    s = Session(home)
    s.send("for i in 1 2; do\r")
    s.p.expect_exact("> ")
    s.send("echo item$i; done\r")
    s.p.expect(r"item1\r\nitem2")
    s.prompt()
    s.close()


@test
def eof_exits(home):
    s = Session(home)
    s.send("\x04")
    s.p.expect(pexpect.EOF)
    s.p.close()


def main():
    failed = [(n, e) for n, e in results if e]
    for n, e in results:
        print("%s %s" % ("FAIL" if e else "PASS", n))
        if e:
            print("    " + e.replace("\n", "\n    "))
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
