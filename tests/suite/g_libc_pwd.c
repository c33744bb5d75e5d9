/*
 * g_libc_pwd.c - group "libc_pwd": pwd.h, grp.h, shadow.h and crypt
 * inside QSOE, over the /etc files of the boot archive (etc/passwd,
 * etc/group, etc/shadow): each entry the functions return is compared
 * with the line read from the file here, the _r forms with short buffers,
 * group lists, and SHA-512 crypt against the specification's vector and
 * the shadow entry of root.
 */
#include <crypt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <shadow.h>
#include <stdlib.h>
#include <unistd.h>
#include "suite.h"

/* The line of /etc/passwd (or group) that starts with "name:", in buf; 0 if found. */
static int find_line(const char *file, const char *name, char *buf, size_t len)
{
	FILE *f = fopen(file, "r");
	size_t n = strlen(name);

	if (!f)
		return -1;
	while (fgets(buf, (int)len, f))
		if (strncmp(buf, name, n) == 0 && buf[n] == ':') {
			buf[strcspn(buf, "\n")] = 0;
			fclose(f);
			return 0;
		}
	fclose(f);
	return -1;
}

static void accounts(void)
{
	char line[512];
	if (find_line("/etc/passwd", "root", line, sizeof(line)) != 0) {
		suite_note("no /etc/passwd with root: account functions not tested");
		return;
	}
	struct passwd *pw = getpwnam("root");
	CHECK(pw != NULL, "getpwnam(root)");
	if (pw) {
		char expect[512];
		snprintf(expect, sizeof(expect), "%s:%s:%u:%u:%s:%s:%s", pw->pw_name, pw->pw_passwd,
		         (unsigned)pw->pw_uid, (unsigned)pw->pw_gid, pw->pw_gecos, pw->pw_dir,
		         pw->pw_shell);
		CHECK(strcmp(expect, line) == 0, "the entry is the file's line (%s / %s)", expect,
		      line);
		CHECK(pw->pw_uid == 0, "root is uid 0");
	}
	pw = getpwuid(0);
	CHECK(pw && strcmp(pw->pw_name, "root") == 0, "getpwuid(0)");
	errno = 0;
	CHECK(getpwnam("no-such-user") == NULL, "getpwnam of an unknown user: NULL");

	struct passwd pwd, *res = NULL;
	char small[8], big[1024];
	CHECK(getpwnam_r("root", &pwd, small, sizeof(small), &res) == ERANGE && res == NULL,
	      "getpwnam_r with a short buffer: ERANGE");
	CHECK(getpwnam_r("root", &pwd, big, sizeof(big), &res) == 0 && res == &pwd &&
	              strcmp(pwd.pw_name, "root") == 0,
	      "getpwnam_r");
	CHECK(getpwnam_r("no-such-user", &pwd, big, sizeof(big), &res) == 0 && res == NULL,
	      "getpwnam_r of an unknown user: 0 and NULL");

	int users = 0, has_root = 0;
	setpwent();
	while ((pw = getpwent()) != NULL) {
		users++;
		has_root += pw->pw_uid == 0;
	}
	endpwent();
	CHECK(users >= 1 && has_root == 1, "getpwent enumerates (%d users)", users);

	if (find_line("/etc/group", "root", line, sizeof(line)) == 0) {
		struct group *gr = getgrnam("root");
		CHECK(gr && gr->gr_gid == (gid_t)strtoul(strchr(strchr(line, ':') + 1, ':') + 1,
		                                         NULL, 10),
		      "getgrnam(root) has the file's gid");
		gr = getgrgid(0);
		CHECK(gr && strcmp(gr->gr_name, "root") == 0, "getgrgid(0)");
	}
	/* a user's groups: its own and those that list it */
	pw = getpwnam("user");
	if (pw) {
		gid_t gl[NGROUPS_MAX];
		int n = NGROUPS_MAX, listed = 0;
		CHECK(getgrouplist("user", pw->pw_gid, gl, &n) >= 1 && gl[0] == pw->pw_gid,
		      "getgrouplist starts with the login group");
		struct group *gr;
		setgrent();
		while ((gr = getgrent()) != NULL)
			for (char **m = gr->gr_mem; *m; m++)
				if (strcmp(*m, "user") == 0 && gr->gr_gid != pw->pw_gid)
					listed++;
		endgrent();
		CHECK(n == 1 + listed, "getgrouplist: %d groups, %d listing the user", n, listed);
		int one = 0;
		CHECK(getgrouplist("user", pw->pw_gid, gl, &one) == -1 && one == n,
		      "a short list: -1 and the count needed");
	}
}

static void passwords(void)
{
	/* from Drepper's SHA-crypt specification */
	const char *h = crypt("Hello world!", "$6$saltstring");
	CHECK(h && strcmp(h,
	                  "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI6"
	                  "8u4OTLiBFdcbYEdFCoEOfaS35inz1") == 0,
	      "SHA-512 crypt of the specification's vector");
	h = crypt("Hello world!", "$5$rounds=10000$saltstringsaltstring");
	CHECK(h && strcmp(h, "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.o"
	                     "pqey6IcA") == 0,
	      "SHA-256 crypt with rounds");
	errno = 0;
	CHECK(crypt("x", "ab") == NULL && errno == EINVAL, "DES is refused: EINVAL");
	if (geteuid() == 0) {
		struct spwd *sp = getspnam("root");
		CHECK(sp && strncmp(sp->sp_pwdp, "$6$", 3) == 0, "getspnam(root) has a $6$ hash");
		if (sp) {
			h = crypt("no such password", sp->sp_pwdp);
			CHECK(h && strcmp(h, sp->sp_pwdp) != 0 && strncmp(h, sp->sp_pwdp, 20) == 0,
			      "a wrong password gives a different hash with the same salt");
		}
	}
}

SUITE_GROUP(libc_pwd)
{
	accounts();
	passwords();
}
