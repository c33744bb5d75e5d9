/*
 * signal.h - signals (ISO C 7.14, POSIX). Numbers, flags and structure
 * layouts are QNX Neutrino's, from the ABI fragment qsoe/abi/signal.h.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef int sig_atomic_t;
#ifndef __DEFINED_sigset_t
#define __DEFINED_sigset_t
typedef __sigset_t sigset_t;
#endif
#ifndef __DEFINED_siginfo_t
#define __DEFINED_siginfo_t
typedef __siginfo_t siginfo_t;
#endif
#ifndef __DEFINED_stack_t
#define __DEFINED_stack_t
typedef __stack_t stack_t;
#endif
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif
#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef __uid_t uid_t;
#endif
typedef void (*sighandler_t)(int);

void (*signal(int sig, void (*handler)(int)))(int);
int raise(int sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int sigaction(int sig, const struct sigaction *__restrict act, struct sigaction *__restrict oact);
int sigprocmask(int how, const sigset_t *__restrict set, sigset_t *__restrict oset);
int pthread_sigmask(int how, const sigset_t *__restrict set, sigset_t *__restrict oset);
int pthread_kill(__pthread_t thread, int sig);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *__restrict set, int *__restrict sig);
int sigwaitinfo(const sigset_t *__restrict set, siginfo_t *__restrict info);
int sigtimedwait(const sigset_t *__restrict set, siginfo_t *__restrict info,
                 const struct timespec *__restrict timeout);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigaltstack(const stack_t *__restrict ss, stack_t *__restrict oss);
int siginterrupt(int sig, int flag);
int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
int sigpause(int sig);
void psignal(int sig, const char *s);
void psiginfo(const siginfo_t *info, const char *s);

__END_DECLS

#endif /* _SIGNAL_H */
