/*
 * run.h - running a program and waiting for it (posix_spawnp; QSOE has no
 * fork).
 */
#ifndef QU_RUN_H
#define QU_RUN_H

/* Runs argv[0] (searched in PATH) with the arguments argv and waits for it.
 * Returns the wait status, or -1 with errno set if it could not be started
 * (ENOENT: not found). stdout is flushed first. */
int qu_spawn_wait(char *const argv[]);

/* Runs path (not searched in PATH) with argv and waits for it, as getty,
 * login and su run the next program of a session: while it runs the
 * caller ignores SIGINT, SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU, which the
 * program gets at their defaults. Returns its exit status (128 + signal if
 * it was killed), or -1 with errno if it could not be started. */
int qu_run_session(const char *path, char *const argv[]);

#endif /* QU_RUN_H */
