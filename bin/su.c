/*
 * su - run a shell as another user (root by default).
 *
 * su [-] [-l] [-c command] [user]: "-" or -l starts a login shell (clean
 * environment, the user's home directory). A caller other than root must
 * give the target user's password; failures are delayed and logged.
 */
#include "account.h"
#include "qu.h"

#include <pwd.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: su [-] [-l] [-c command] [user]\n"
         "  -, -l  login shell   -c  run command with the user's shell\n");

int main(int argc, char **argv)
{
	struct qu_acct a;
	const char *user = "root", *cmd = NULL;
	int c, login = 0, ok;
	char *pass;
	struct passwd *me;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "lc:")) != -1) {
		if (c == 'l')
			login = 1;
		else
			cmd = qu_optarg;
	}
	if (qu_optind < argc && !strcmp(argv[qu_optind], "-")) {
		login = 1;
		qu_optind++;
	}
	if (qu_optind < argc)
		user = argv[qu_optind++];
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	if (qu_acct_get(user, &a) != 0)
		qu_die(1, "user %s does not exist", user);
	me = getpwuid(qu_acct_caller());
	if (qu_acct_caller() != 0) {
		if (a.hash_err)
			qu_die_errno(1, a.hash_err,
			             "cannot check the password of %s: %s (QSOE has no set-user-ID "
			             "programs; log in as %s instead)",
			             user, qu_acct_shadow(), user);
		pass = qu_getpass("Password: ");
		ok = pass && qu_acct_check(&a, pass);
		qu_freepass(pass);
		if (!ok) {
			qu_acct_log("failed su to %s by %s", user,
			            me ? me->pw_name : "unknown user");
			qu_acct_delay(2);
			qu_acct_free(&a);
			qu_die(1, "Authentication failure");
		}
	}
	qu_acct_log("su to %s by %s", user, me ? me->pw_name : "unknown user");
	int st = qu_acct_become(&a, login, cmd);
	qu_acct_free(&a);
	return st < 0 ? 1 : st;
}
