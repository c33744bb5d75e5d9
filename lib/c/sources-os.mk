# lib/c/sources-os.mk - the OS-facing half of libc.so (start-up, POSIX I/O
# over _IO_* messages, processes, threads, OS time, system information);
# paths relative to the repository root. mk/user.mk builds libc.so from
# this list together with sources.mk (part A) and sources-b.mk (part B).

# start-up and exit (crt1.o is built separately: lib/c/startup/riscv64/crt1.S)
LIBC_SRCS += lib/c/startup/start.c
LIBC_SRCS += lib/c/startup/inherit.c
LIBC_SRCS += lib/c/startup/init.c
LIBC_SRCS += lib/c/startup/exit.c
LIBC_SRCS += lib/c/startup/tls.c

# POSIX I/O over _IO_* messages
LIBC_SRCS += lib/c/io/msg.c
LIBC_SRCS += lib/c/io/path.c
LIBC_SRCS += lib/c/io/fdpath.c
LIBC_SRCS += lib/c/io/cwd.c
LIBC_SRCS += lib/c/io/connect.c
LIBC_SRCS += lib/c/io/open.c
LIBC_SRCS += lib/c/io/fd.c
LIBC_SRCS += lib/c/io/rw.c
LIBC_SRCS += lib/c/io/attr.c
LIBC_SRCS += lib/c/io/names.c
LIBC_SRCS += lib/c/io/fcntl.c
LIBC_SRCS += lib/c/io/devctl.c
LIBC_SRCS += lib/c/io/termios.c
LIBC_SRCS += lib/c/io/dir.c
LIBC_SRCS += lib/c/io/poll.c
LIBC_SRCS += lib/c/io/pipe.c
LIBC_SRCS += lib/c/io/select.c
LIBC_SRCS += lib/c/io/pty.c
LIBC_SRCS += lib/c/io/flock.c

# processes, memory
LIBC_SRCS += lib/c/process/spawn.c
LIBC_SRCS += lib/c/process/posix_spawn.c
LIBC_SRCS += lib/c/process/qnxspawn.c
LIBC_SRCS += lib/c/process/exec.c
LIBC_SRCS += lib/c/process/wait.c
LIBC_SRCS += lib/c/process/ids.c
LIBC_SRCS += lib/c/process/pgrp.c
LIBC_SRCS += lib/c/process/mman.c
LIBC_SRCS += lib/c/process/name.c

# threads (pthreads over ThreadCreate and <qsoe/syncfast.h>), semaphores, scheduling
LIBC_SRCS += lib/c/thread/pthread.c
LIBC_SRCS += lib/c/thread/cancel.c
LIBC_SRCS += lib/c/thread/key.c
LIBC_SRCS += lib/c/thread/attr.c
LIBC_SRCS += lib/c/thread/mutex.c
LIBC_SRCS += lib/c/thread/cond.c
LIBC_SRCS += lib/c/thread/rwlock.c
LIBC_SRCS += lib/c/thread/spin.c
LIBC_SRCS += lib/c/thread/barrier.c
LIBC_SRCS += lib/c/thread/once.c
LIBC_SRCS += lib/c/thread/sem.c
LIBC_SRCS += lib/c/thread/sched.c
LIBC_SRCS += lib/c/thread/c11.c

# clocks, sleeping, CPU time
LIBC_SRCS += lib/c/time_os/clock.c
LIBC_SRCS += lib/c/time_os/sleep.c
LIBC_SRCS += lib/c/time_os/times.c
LIBC_SRCS += lib/c/time_os/timer.c

# system information
LIBC_SRCS += lib/c/misc/sysconf.c
LIBC_SRCS += lib/c/misc/uname.c
LIBC_SRCS += lib/c/misc/login.c
LIBC_SRCS += lib/c/misc/statvfs.c
LIBC_SRCS += lib/c/misc/getentropy.c
LIBC_SRCS += lib/c/misc/random_bytes.c
LIBC_SRCS += lib/c/misc/daemon.c
LIBC_SRCS += lib/c/misc/loadavg.c

# ftw.h (file tree walks over opendir/stat)
LIBC_SRCS += lib/c/misc/ftw.c
