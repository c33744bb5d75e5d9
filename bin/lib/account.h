/*
 * account.h - user accounts for login, su and passwd: looking users up,
 * checking and setting SHA-512-crypt passwords in /etc/shadow, reading a
 * password from the terminal and becoming a user.
 *
 * A test build (QU_ACCT_TEST defined; never installed) reads the account
 * files named by QUSER_TEST_PASSWD and QUSER_TEST_SHADOW, takes the caller's
 * uid from QUSER_TEST_UID, does not sleep after failures and, instead of
 * becoming the user, prints what it would do. The installed programs have
 * none of these hooks and always use /etc/passwd (getpwnam) and /etc/shadow.
 */
#ifndef QU_ACCOUNT_H
#define QU_ACCOUNT_H

#include <sys/types.h>

struct qu_acct {
	char *name, *hash, *home, *shell;
	uid_t uid;
	gid_t gid;
	int hash_err; /* errno of reading the shadow file (EACCES: not root), or 0 */
};

/* Looks up user name; returns 0, or -1 if there is no such user. */
int qu_acct_get(const char *name, struct qu_acct *a);
/* Frees the strings of a. */
void qu_acct_free(struct qu_acct *a);
/* Returns 1 if password matches a's hash (an empty hash needs an empty
 * password; "!" or "*" hashes never match). Takes constant time in the
 * comparison. */
int qu_acct_check(const struct qu_acct *a, const char *password);
/* Returns a new "$6$salt$hash" for password (malloc'ed), or NULL. */
char *qu_acct_newhash(const char *password);
/* Replaces the hash of user name in the shadow file (atomically, through a
 * temporary file and rename); returns 0 or -1 with errno. */
int qu_acct_sethash(const char *name, const char *hash);
/* The shadow file's path. */
const char *qu_acct_shadow(void);
/* Checks that the shadow file can be replaced (a temporary file can be
 * created next to it). Returns 0, or -1 with errno (EROFS, EACCES). */
int qu_acct_writable(void);
/* The caller's real user id (QUSER_TEST_UID in the test build). */
uid_t qu_acct_caller(void);
/* Prompts on the terminal and reads a password without echo; returns a
 * malloc'ed string or NULL at end of input. Without a terminal it reads a
 * line from stdin. */
char *qu_getpass(const char *prompt);
/* Wipes and frees a password. */
void qu_freepass(char *p);
/* Waits after a failed authentication (seconds; none in the test build). */
void qu_acct_delay(unsigned s);
/* Logs an authentication event (syslog, facility auth). */
void qu_acct_log(const char *fmt, const char *a, const char *b);
/* Becomes user a (supplementary groups when the caller is root, group,
 * user) and runs its shell, waiting for it (QSOE has no exec): a login
 * shell (argv[0] "-qsh", clean environment, PATH, the home directory as
 * cwd) if login, with "-c cmd" if cmd; HOME, SHELL, USER and LOGNAME are
 * set. While the shell runs the caller ignores SIGINT, SIGQUIT and the
 * job-control stops (the shell gets them back at their defaults).
 * Returns the shell's exit status (128 + signal if it was killed), or -1
 * after a message if the user cannot be become or the shell not started. */
int qu_acct_become(const struct qu_acct *a, int login, const char *cmd);

#endif /* QU_ACCOUNT_H */
