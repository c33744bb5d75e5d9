/*
 * init.h - init: starts the services listed in /etc/init.conf, restarts
 * those that die, and finally runs the console session (the shell).
 *
 * Configuration: one service per line, flags first, then the absolute
 * path of the program and its arguments (words separated by blanks;
 * "double quotes" group words; # starts a comment):
 *
 *   daemon        wait until the program calls procmgr_daemon() (it has
 *                 attached its paths) before starting the next line
 *   wait=PATH     wait until PATH exists before starting the next line
 *   once          run it to the end before starting the next line
 *   respawn       start it again when it ends (back-off: 1 s, doubling to
 *                 60 s while it keeps ending within 10 s of starting)
 *   tty=PATH      run it as a new session on terminal PATH: standard input,
 *                 output and error, the controlling terminal, the
 *                 foreground process group
 *   alt=PATH      if the program does not exist, run PATH instead
 *
 * A tty= service that exits with status 0 (a user logged out) is started
 * again at once; any other end of a respawn service is an error and the
 * restart waits (back-off).
 *
 * Power off and reboot: SIGPWR (power off) or SIGUSR1 (reboot), sent by
 * root (the shutdown and reboot utilities), make init end the sessions
 * and every other process, then the daemon services in reverse order,
 * sync and ask taskman to power off or reboot (shutdown.c).
 */
#ifndef INIT_H
#define INIT_H

#include <sys/types.h>
#include <stdint.h>

#define SVC_DAEMON  0x01
#define SVC_ONCE    0x02
#define SVC_RESPAWN 0x04

struct service {
	struct service *next;
	unsigned flags;
	char *wait;  /* wait=PATH */
	char *tty;   /* tty=PATH */
	char *alt;   /* alt=PATH */
	char **argv; /* argv[0] is the program's path */
	int line;
	/* run time */
	pid_t pid;
	int64_t started;    /* ns, monotonic */
	int64_t restart_at; /* ns; 0: not waiting to restart */
	int64_t backoff;    /* ns */
	unsigned restarts;
};

/*
 * Parses a configuration text. Returns the list of services (in order),
 * or NULL with *err set to a message (and *errline to the line) for the
 * first bad line; an empty configuration gives NULL with *err NULL.
 */
struct service *conf_parse(const char *text, const char **err, int *errline);
void conf_free(struct service *s);

/* shutdown.c: init_lock guards the services' run-time fields against the
 * shutdown thread; init_stopping (under it) stops all (re)starts. */
#include <pthread.h>
extern pthread_mutex_t init_lock;
extern int init_stopping;
/* Blocks SIGPWR and SIGUSR1 and starts the thread that waits for them.
 * Returns 0 or an errno. */
int init_shutdown_start(struct service *list);
/* init.c: logs a message to the system logger and the console. */
void init_say(int severity, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif /* INIT_H */
