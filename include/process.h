/*
 * process.h - QNX's spawn*() family (and getpid & co. through <unistd.h>).
 * mode is P_WAIT (run the program and return its exit status), P_NOWAIT
 * (return its pid) or P_NOWAITO (return its pid; nobody will wait for it).
 * P_OVERLAY would replace the calling program, which QSOE cannot do (there
 * is no exec): it fails with ENOSYS.
 */
#ifndef _PROCESS_H
#define _PROCESS_H

#include <sys/cdefs.h>
#include <unistd.h>

__BEGIN_DECLS

#define P_WAIT    0
#define P_NOWAIT  1
#define P_OVERLAY 2
#define P_NOWAITO 3

int spawnl(int mode, const char *path, const char *arg0, ...);
int spawnle(int mode, const char *path, const char *arg0, ...);
int spawnlp(int mode, const char *file, const char *arg0, ...);
int spawnlpe(int mode, const char *file, const char *arg0, ...);
int spawnv(int mode, const char *path, char *const argv[]);
int spawnve(int mode, const char *path, char *const argv[], char *const envp[]);
int spawnvp(int mode, const char *file, char *const argv[]);
int spawnvpe(int mode, const char *file, char *const argv[], char *const envp[]);

__END_DECLS

#endif /* _PROCESS_H */
