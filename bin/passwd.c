/*
 * passwd - change a user's password (stored as SHA-512 crypt in /etc/shadow).
 *
 * passwd [user]: a user other than root may change only their own password
 * and must give the current one first. The new password is asked twice.
 */
#include "account.h"
#include "qu.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: passwd [user]\n"
         "Changes the password of user (default: the caller).\n");

int main(int argc, char **argv)
{
	struct qu_acct a;
	struct passwd *me;
	const char *name;
	char *cur, *p1, *p2, *hash;
	uid_t caller;
	int ok;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (argc - qu_optind > 1)
		qu_usage(1, "extra operand");
	caller = qu_acct_caller();
	me = getpwuid(caller);
	if (qu_optind < argc) {
		name = argv[qu_optind];
	} else {
		if (!me)
			qu_die(1, "cannot determine your user name");
		name = me->pw_name;
	}
	if (qu_acct_get(name, &a) != 0)
		qu_die(1, "user %s does not exist", qu_quote(name));
	if (caller != 0 && a.uid != caller)
		qu_die(1, "You may not view or modify password information for %s.", name);
	if (caller != 0 && a.hash_err)
		qu_die_errno(1, a.hash_err,
		             "cannot read %s (QSOE has no set-user-ID programs: only root can "
		             "change passwords)",
		             qu_acct_shadow());
	if (qu_acct_writable() != 0)
		qu_die_errno(1, errno, "cannot change passwords: %s cannot be rewritten",
		             qu_acct_shadow());
	if (caller != 0) {
		cur = qu_getpass("Current password: ");
		ok = cur && qu_acct_check(&a, cur);
		qu_freepass(cur);
		if (!ok) {
			qu_acct_log("failed password change for %s%s", name, "");
			qu_acct_delay(2);
			qu_die(1, "Authentication token manipulation error");
		}
	}
	p1 = qu_getpass("New password: ");
	if (!p1 || !*p1) {
		qu_freepass(p1);
		qu_die(1, "No password supplied");
	}
	p2 = qu_getpass("Retype new password: ");
	if (!p2 || strcmp(p1, p2)) {
		qu_freepass(p1);
		qu_freepass(p2);
		qu_die(1, "Sorry, passwords do not match.");
	}
	hash = qu_acct_newhash(p1);
	qu_freepass(p1);
	qu_freepass(p2);
	if (!hash)
		qu_die(1, "cannot hash the password");
	if (qu_acct_sethash(a.name, hash) != 0)
		qu_die_errno(1, errno, "cannot update the shadow file");
	qu_freepass(hash);
	qu_acct_log("password changed for %s%s", a.name, "");
	qu_acct_free(&a);
	puts("passwd: password updated successfully");
	return 0;
}
