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

#endif /* QU_RUN_H */
