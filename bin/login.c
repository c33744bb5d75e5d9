/*
 * login - sign on: ask for the user name (unless given) and password,
 * check them against the account database and start the user's login shell.
 *
 * After a failed attempt login waits 3 seconds, logs the failure (syslog,
 * facility auth; slogger on QSOE) and asks again; after 3 failures it exits
 * with status 1. It does not say whether the user or the password was wrong.
 * QSOE has no exec: login runs the shell and waits for it, then exits with
 * status 0 (the session is over; init starts a new getty).
 */
#include "account.h"
#include "qu.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: login [user]\n"
         "Asks for a password and starts the user's login shell.\n");

#define TRIES 3

/* Reads a user name from the terminal after the "login: " prompt (a byte
 * at a time: the password is read from the same descriptor next). */
static char *ask_name(void)
{
	char *line;

	for (;;) {
		fputs("login: ", stdout);
		fflush(stdout);
		line = qu_read_line(STDIN_FILENO);
		if (!line || *line)
			return line;
		free(line);
	}
}

int main(int argc, char **argv)
{
	struct qu_acct a;
	char *name = NULL, *pass;
	int try, ok = 0, have;
	const char *tty = ttyname(STDIN_FILENO);

	qu_init(argv[0]);
	qu_getopt(argc, argv, "p");
	if (argc - qu_optind > 1)
		qu_usage(1, "extra operand");
	if (qu_optind < argc)
		name = qu_strdup(argv[qu_optind]);
	for (try = 0; try < TRIES; try++) {
		if (!name && !(name = ask_name()))
			return 1;
		have = qu_acct_get(name, &a) == 0;
		pass = qu_getpass("Password: ");
		if (!pass) {
			if (have)
				qu_acct_free(&a);
			free(name);
			return 1;
		}
		ok = qu_acct_check(have ? &a : NULL, pass);
		qu_freepass(pass);
		if (ok)
			break;
		qu_acct_log("failed login for %s on %s", name, tty ? tty : "unknown terminal");
		if (have)
			qu_acct_free(&a);
		qu_acct_delay(3);
		puts("Login incorrect");
		free(name);
		name = NULL;
	}
	if (!ok)
		return 1;
	free(name);
	qu_acct_log("login of %s on %s", a.name, tty ? tty : "unknown terminal");
	int st = qu_acct_become(&a, 1, NULL);
	qu_acct_free(&a);
	return st < 0 ? 1 : 0;
}
