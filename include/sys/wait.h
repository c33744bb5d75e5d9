/*
 * sys/wait.h - declarations for waiting (POSIX). Options and the status
 * encoding are QNX Neutrino's: exit status in bits 8..15 with 0 in the low
 * 7 bits; the terminating signal in the low 7 bits; 0x7f when stopped.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <signal.h>

__BEGIN_DECLS

#ifndef __DEFINED_id_t
#define __DEFINED_id_t
typedef __id_t id_t;
#endif
typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

#define WEXITED         0x0001
#define WTRAPPED        0x0002
#define WUNTRACED       0x0004
#define WSTOPPED        WUNTRACED
#define WCONTINUED      0x0008
#define WNOHANG         0x0040
#define WNOWAIT         0x0080

#define WIFEXITED(s)    (((s)&0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  ((signed char)(((s)&0x7f) + 1) >= 2)
#define WTERMSIG(s)     ((s)&0x7f)
#define WIFSTOPPED(s)   (((s)&0xff) == 0x7f)
#define WSTOPSIG(s)     (((s) >> 8) & 0xff)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s)    (((s)&0x80) != 0)

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);
pid_t wait3(int *status, int options, struct rusage *ru);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

__END_DECLS

#endif /* _SYS_WAIT_H */
