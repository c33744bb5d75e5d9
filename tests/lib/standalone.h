/*
 * standalone.h - for in-OS test and benchmark programs that taskman starts
 * directly (boot argument run=PROGRAM): they begin with no open descriptors
 * and none of the services init would start. sa_setup() starts the services
 * they need and opens the console; sa_teardown() stops what it started, so
 * "run=PROGRAM halt" can power off. Used by /bin/suite, /bin/ubench and the
 * in-guest qsh corpus runner.
 */
#ifndef QSOE_TESTS_STANDALONE_H
#define QSOE_TESTS_STANDALONE_H

#include <stddef.h>
#include <sys/types.h>

/* A service: the path it registers, and its argv (argv[0] is the program). */
struct sa_service {
	const char *path;
	char *const *argv;
};

/*
 * The usual set: the console driver (/dev/ser1), the pipe manager, the
 * system logger and fs-ram at /tmp (64 MiB); SA_NSERVICES entries.
 */
#define SA_NSERVICES 4
extern const struct sa_service sa_services[SA_NSERVICES];

/*
 * If descriptor 1 is open (started by a shell or init) does nothing and
 * returns 0: the caller uses what runs. Otherwise starts every service whose
 * path is missing (ready when posix_spawn returns: POSIX_SPAWN_HOLD), records
 * their pids in started[n] (0: not started), and opens the console as the
 * descriptors 0-2, waiting up to 5 s for it. Returns the number of services
 * started, or -1 if there is no console.
 */
int sa_setup(const struct sa_service *svc, size_t n, pid_t *started);

/* Drains the console, then ends the services sa_setup() started, newest first. */
void sa_teardown(size_t n, const pid_t *started);

#endif
