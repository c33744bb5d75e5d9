/*
 * ubench.h - QSOE's user-space benchmarks (/bin/ubench): guest
 * instructions counted with rdinstret around an operation, under QEMU
 * -icount shift=0 -smp 1 (scripts/bench.py). docs/benchmarks.md says what
 * each metric counts.
 */
#ifndef UBENCH_H
#define UBENCH_H

#include <spawn.h>
#include <stdint.h>
#include <sys/types.h>

/* Samples per metric (after one warm-up run that is not counted). */
#define UB_SAMPLES 16

/* The scratch directory of the benchmarks that need files (fs-ram). */
#define UB_TMP "/tmp/ubench"

/* Retired guest instructions so far (the hart's instret counter). */
static inline uint64_t ub_instret(void)
{
	uint64_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v));
	return v;
}

/* One sample's work: per operations; returns 0, or -1 with errno set. */
typedef int (*ub_op)(void *arg);

/*
 * Runs op once to warm up and then UB_SAMPLES times, each between two
 * rdinstret readings, and prints the line
 *   BENCH {"metric":NAME,"unit":"instructions","n":16,"min":..,"median":..,"max":..}
 * of the per-operation counts (each sample divided by per). Returns 0, or
 * -1 after printing why a run failed (no BENCH line then).
 */
int ub_measure(const char *name, long per, ub_op op, void *arg);

/* Prints "ubench: NAME: what: strerror(errno)" and counts a failure. */
void ub_fail(const char *name, const char *what);

/* Failures so far (ub_measure's and ub_fail's). */
extern int ub_failures;

/*
 * Spawns argv[0] (a path) with argv and the caller's environment, applying
 * fa (NULL: none), and waits for it. Returns 0 if it exited with status 0,
 * else -1 (errno: the spawn's error, or ECHILD/EIO for a failed wait or a
 * non-zero status).
 */
int ub_spawn_wait(char *const argv[], const posix_spawn_file_actions_t *fa);

/*
 * Spawns argv[0] like ub_spawn_wait with its standard output on a pipe,
 * and reads that output into buf (at most size - 1 bytes, then a NUL; the
 * rest is discarded). Returns the length read if the program exited with
 * status 0, else -1 with errno set (EIO for a non-zero status).
 */
ssize_t ub_spawn_output(char *const argv[], char *buf, size_t size);

/* File actions sending a child's standard output to /dev/null. */
extern posix_spawn_file_actions_t ub_quiet;

/* The groups: each measures its metrics (failures go to ub_failures). */
void ub_group_os(void);   /* b_os.c: spawn, /dev/zero, pipes (issue 4) */
void ub_group_qsh(void);  /* b_qsh.c: the shell (issue 5) */
void ub_group_libc(void); /* b_libc.c: the C library (issue 6) */
void ub_group_util(void); /* b_util.c: the utilities (issue 7) */

#endif
