# lib/c/sources-signal.mk - signals (lib/c/signal: <signal.h>, alarm/setitimer); paths
# relative to the repository root. mk/user.mk includes every lib/c/sources*.mk in libc.so.
LIBC_SRCS += lib/c/signal/sigset.c
LIBC_SRCS += lib/c/signal/stub.c
LIBC_SRCS += lib/c/signal/sigaction.c
LIBC_SRCS += lib/c/signal/sigmask.c
LIBC_SRCS += lib/c/signal/sigwait.c
LIBC_SRCS += lib/c/signal/raise.c
LIBC_SRCS += lib/c/signal/alarm.c
