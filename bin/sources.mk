# bin/sources.mk - the quser utilities and their sources.
#
# Read by the cross build (the lead's mk/ fragment) and by bin/CMakeLists.txt
# for the host build. For each utility NAME:
#   QUSER_PROGS += NAME
#   NAME_SRCS   := source files (paths from the top of the tree)
#   NAME_DEFS   := extra preprocessor definitions (optional)
#   NAME_HOSTLIBS := libraries needed only on the host (optional; e.g. crypt,
#                  which QSOE's libc provides itself)
# QUSER_LINKS += LINK=TARGET installs TARGET a second time under LINK.
# QUSER_QSOE_PROGS lists utilities that use QSOE's own interfaces (taskman's
# messages): the cross build builds them, the host build only in the test
# variant (-DQU_PROC_TEST, bin/tests/CMakeLists.txt).
# Every utility is compiled with -std=c11 -D_POSIX_C_SOURCE=200809L and
# -Ibin/lib (and -Iinclude for sha2.h).

QU_CORE := bin/lib/msg.c bin/lib/getopt.c bin/lib/io.c bin/lib/num.c
QU_MODE := bin/lib/mode.c
QU_WALK := bin/lib/walk.c

QUSER_PROGS += true
true_SRCS := bin/true.c $(QU_CORE)
QUSER_PROGS += false
false_SRCS := bin/false.c $(QU_CORE)
QUSER_PROGS += yes
yes_SRCS := bin/yes.c $(QU_CORE)
QUSER_PROGS += echo
echo_SRCS := bin/echo.c $(QU_CORE)
QUSER_PROGS += cat
cat_SRCS := bin/cat.c $(QU_CORE)
QUSER_PROGS += basename
basename_SRCS := bin/basename.c $(QU_CORE)
QUSER_PROGS += dirname
dirname_SRCS := bin/dirname.c $(QU_CORE)
QUSER_PROGS += sleep
sleep_SRCS := bin/sleep.c $(QU_CORE)
QUSER_PROGS += sync
sync_SRCS := bin/sync.c $(QU_CORE)
sync_DEFS := _XOPEN_SOURCE=700
QUSER_PROGS += whoami
whoami_SRCS := bin/whoami.c $(QU_CORE)
QUSER_PROGS += hostname
hostname_SRCS := bin/hostname.c $(QU_CORE)
QUSER_PROGS += clear
clear_SRCS := bin/clear.c $(QU_CORE)
QUSER_PROGS += tee
tee_SRCS := bin/tee.c $(QU_CORE)
QUSER_PROGS += head
head_SRCS := bin/head.c $(QU_CORE)
QUSER_PROGS += wc
wc_SRCS := bin/wc.c $(QU_CORE)
QUSER_PROGS += seq
seq_SRCS := bin/seq.c $(QU_CORE)
seq_HOSTLIBS := m
QUSER_PROGS += env
env_SRCS := bin/env.c $(QU_CORE)
QUSER_PROGS += id
id_SRCS := bin/id.c $(QU_CORE)
id_DEFS := _XOPEN_SOURCE=700
QUSER_PROGS += uname
uname_SRCS := bin/uname.c $(QU_CORE)
QUSER_PROGS += which
which_SRCS := bin/which.c $(QU_CORE)
QUSER_PROGS += kill
kill_SRCS := bin/kill.c bin/lib/signame.c $(QU_CORE)
QUSER_PROGS += printf
printf_SRCS := bin/printf.c $(QU_CORE)
QUSER_PROGS += test
test_SRCS := bin/test.c $(QU_CORE)
QUSER_LINKS += [=test
QUSER_PROGS += expr
expr_SRCS := bin/expr.c $(QU_CORE)
QUSER_PROGS += mkdir
mkdir_SRCS := bin/mkdir.c $(QU_CORE) $(QU_MODE)
QUSER_PROGS += rmdir
rmdir_SRCS := bin/rmdir.c $(QU_CORE)
QUSER_PROGS += touch
touch_SRCS := bin/touch.c bin/lib/datetime.c $(QU_CORE)
QUSER_PROGS += ln
ln_SRCS := bin/ln.c $(QU_CORE)
QUSER_PROGS += cp
cp_SRCS := bin/cp.c bin/lib/copy.c $(QU_CORE) $(QU_WALK)
QUSER_PROGS += mv
mv_SRCS := bin/mv.c bin/lib/copy.c $(QU_CORE) $(QU_WALK)
QUSER_PROGS += rm
rm_SRCS := bin/rm.c $(QU_CORE) $(QU_WALK)
QUSER_PROGS += chmod
chmod_SRCS := bin/chmod.c $(QU_CORE) $(QU_MODE) $(QU_WALK)
QUSER_PROGS += chown
chown_SRCS := bin/chown.c $(QU_CORE) $(QU_WALK)
QUSER_PROGS += stat
stat_SRCS := bin/stat.c $(QU_CORE) $(QU_MODE)
stat_DEFS := _XOPEN_SOURCE=700
QUSER_PROGS += du
du_SRCS := bin/du.c $(QU_CORE) $(QU_WALK)
du_DEFS := _XOPEN_SOURCE=700
QUSER_PROGS += dd
dd_SRCS := bin/dd.c $(QU_CORE)
QUSER_PROGS += ls
ls_SRCS := bin/ls/ls.c bin/ls/ls_out.c $(QU_CORE) $(QU_MODE)
ls_DEFS := _XOPEN_SOURCE=700
QUSER_PROGS += tail
tail_SRCS := bin/tail.c $(QU_CORE)
QUSER_PROGS += cut
cut_SRCS := bin/cut.c $(QU_CORE)
QUSER_PROGS += tr
tr_SRCS := bin/tr.c $(QU_CORE)
QUSER_PROGS += uniq
uniq_SRCS := bin/uniq.c $(QU_CORE)
QUSER_PROGS += sort
sort_SRCS := bin/sort/sort.c bin/sort/keys.c $(QU_CORE)
QUSER_PROGS += od
od_SRCS := bin/od.c $(QU_CORE)
QUSER_PROGS += cmp
cmp_SRCS := bin/cmp.c $(QU_CORE)
QUSER_PROGS += sha256sum
sha256sum_SRCS := bin/sha256sum.c bin/lib/shasum.c lib/c/crypt/sha2.c $(QU_CORE)
QUSER_PROGS += sha512sum
sha512sum_SRCS := bin/sha512sum.c bin/lib/shasum.c lib/c/crypt/sha2.c $(QU_CORE)
QUSER_PROGS += grep
grep_SRCS := bin/grep/grep.c bin/grep/match.c bin/lib/lines.c $(QU_CORE) $(QU_WALK)
QUSER_PROGS += sed
sed_SRCS := bin/sed/sed.c bin/sed/compile.c bin/sed/execute.c bin/lib/lines.c $(QU_CORE)
QUSER_PROGS += diff
diff_SRCS := bin/diff/diff.c bin/diff/myers.c bin/diff/output.c $(QU_CORE)
QUSER_PROGS += find
find_SRCS := bin/find/find.c bin/find/parse.c bin/lib/run.c $(QU_CORE) $(QU_MODE) $(QU_WALK)
QUSER_PROGS += xargs
xargs_SRCS := bin/xargs.c bin/lib/lines.c bin/lib/run.c $(QU_CORE)
QUSER_PROGS += date
date_SRCS := bin/date.c bin/lib/datetime.c $(QU_CORE)
QUSER_PROGS += time
time_SRCS := bin/time.c bin/lib/run.c $(QU_CORE)
QUSER_PROGS += use
use_SRCS := bin/use.c $(QU_CORE)
QUSER_PROGS += more
more_SRCS := bin/more.c $(QU_CORE)
QU_ACCT := bin/lib/account.c bin/lib/run.c
QUSER_PROGS += login
login_SRCS := bin/login.c $(QU_ACCT) $(QU_CORE)
login_DEFS := _XOPEN_SOURCE=700
login_HOSTLIBS := crypt
QUSER_PROGS += su
su_SRCS := bin/su.c $(QU_ACCT) $(QU_CORE)
su_DEFS := _XOPEN_SOURCE=700
su_HOSTLIBS := crypt
QUSER_PROGS += passwd
passwd_SRCS := bin/passwd.c $(QU_ACCT) $(QU_CORE)
passwd_DEFS := _XOPEN_SOURCE=700
passwd_HOSTLIBS := crypt
QUSER_PROGS += getty
getty_SRCS := bin/getty.c bin/lib/run.c $(QU_CORE)
getty_DEFS := _XOPEN_SOURCE=700

# System utilities over /proc (procinfo.c reads QSOE's /proc/<pid>/status
# and /proc/mounts; their host tests use the QU_PROC_TEST variant).
QU_PROC := bin/lib/procinfo.c
QUSER_PROGS += ps
ps_SRCS := bin/ps.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += pidin
pidin_SRCS := bin/pidin.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += slay
slay_SRCS := bin/slay.c bin/lib/signame.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += mount
mount_SRCS := bin/mount.c bin/lib/run.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += umount
umount_SRCS := bin/umount.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += df
df_SRCS := bin/df.c $(QU_PROC) $(QU_CORE)
QUSER_PROGS += sysinfo
sysinfo_SRCS := bin/sysinfo.c $(QU_PROC) $(QU_CORE)
QUSER_QSOE_PROGS += shutdown
shutdown_SRCS := bin/shutdown.c $(QU_PROC) $(QU_CORE)
shutdown_DEFS := _XOPEN_SOURCE=700
QUSER_LINKS += reboot=shutdown
