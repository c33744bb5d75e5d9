/*
 * test_pwd.c - the passwd, group and shadow readers on sample files (the
 * path variables point them away from /etc): lookups by name and id,
 * enumeration, the _r buffer rules (ERANGE), malformed lines skipped, a
 * very long line, a last line without a newline, a missing file, and
 * getgrouplist(). Valid files are also cross-checked with glibc's
 * fgetpwent()/fgetgrent()/fgetspent() parsers.
 */
#define _GNU_SOURCE
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qtest.h"

/* QSOE's struct passwd (QNX layout: pw_age and pw_comment added). */
struct q_passwd {
	char *pw_name, *pw_passwd;
	int pw_uid, pw_gid;
	char *pw_age, *pw_comment, *pw_gecos, *pw_dir, *pw_shell;
};
struct q_passwd *q_getpwnam(const char *);
struct q_passwd *q_getpwuid(int);
struct q_passwd *q_getpwent(void);
int q_getpwnam_r(const char *, struct q_passwd *, char *, size_t, struct q_passwd **);
int q_getpwuid_r(int, struct q_passwd *, char *, size_t, struct q_passwd **);
int q_getpwent_r(struct q_passwd *, char *, size_t, struct q_passwd **);
void q_setpwent(void);
void q_endpwent(void);
struct group *q_getgrnam(const char *);
struct group *q_getgrgid(gid_t);
struct group *q_getgrent(void);
int q_getgrnam_r(const char *, struct group *, char *, size_t, struct group **);
void q_setgrent(void);
void q_endgrent(void);
int q_getgrouplist(const char *, gid_t, gid_t *, int *);
struct spwd *q_getspnam(const char *);
int q_getspnam_r(const char *, struct spwd *, char *, size_t, struct spwd **);
struct spwd *q_getspent(void);
void q_setspent(void);
extern const char *q___qsoe_passwd_file, *q___qsoe_group_file, *q___qsoe_shadow_file;

static char dir[64], pwf[96], grf[96], spf[96];
static char longgecos[20001];

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_passwd(void)
{
	memset(longgecos, 'g', sizeof(longgecos) - 1);
	char *text = malloc(30000);
	snprintf(text, 30000,
	         "root:x:0:0:root:/root:/bin/sh\n"
	         "# a comment\n"
	         "\n"
	         "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
	         "short:x:5:5\n"                               /* too few fields */
	         "toomany:x:6:6:a:b:c:d\n"                     /* too many */
	         "baduid:x:abc:7:x:/:/bin/sh\n"                /* non-numeric uid */
	         ":x:8:8:noname:/:/bin/sh\n"                   /* empty name */
	         "neg:x:-1:9:x:/:/bin/sh\n"                    /* negative uid */
	         "empty::10:10::/:\n"                          /* empty fields are fine */
	         "long:x:11:11:%s:/home/long:/bin/sh\n"        /* a 20000-byte field */
	         "last:x:12:12:Last User:/home/last:/bin/qsh", /* no newline at the end */
	         longgecos);
	write_file(pwf, text);
	free(text);
	q___qsoe_passwd_file = pwf;

	struct q_passwd *p = q_getpwnam("root");
	CHECK(p && p->pw_uid == 0 && p->pw_gid == 0 && !strcmp(p->pw_dir, "/root") &&
	              !strcmp(p->pw_shell, "/bin/sh") && !strcmp(p->pw_gecos, "root") &&
	              !strcmp(p->pw_passwd, "x") && p->pw_age && !*p->pw_age,
	      "getpwnam(root)");
	p = q_getpwuid(1);
	CHECK(p && !strcmp(p->pw_name, "daemon"), "getpwuid(1)");
	static const char *const skipped[] = {"short", "toomany",     "baduid",
	                                      "neg",   "# a comment", ""};
	for (size_t i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		CHECK(!q_getpwnam(skipped[i]), "malformed entry \"%s\" skipped", skipped[i]);
	CHECK(!q_getpwuid(8) && !q_getpwuid(6), "malformed ids skipped");
	p = q_getpwnam("empty");
	CHECK(p && p->pw_uid == 10 && !*p->pw_passwd && !*p->pw_gecos && !*p->pw_shell,
	      "empty fields");
	p = q_getpwnam("long");
	CHECK(p && strlen(p->pw_gecos) == 20000 && !strcmp(p->pw_dir, "/home/long"), "long line");
	p = q_getpwnam("last");
	CHECK(p && p->pw_uid == 12 && !strcmp(p->pw_shell, "/bin/qsh"),
	      "last line without newline");
	CHECK(!q_getpwnam("nobody") && !q_getpwuid(4242), "missing user");

	/* _r: buffer rules */
	struct q_passwd pw, *res;
	char small[8], big[256];
	CHECK(q_getpwnam_r("daemon", &pw, small, sizeof(small), &res) == QE_RANGE && !res,
	      "getpwnam_r ERANGE");
	CHECK(q_getpwnam_r("daemon", &pw, big, sizeof(big), &res) == 0 && res == &pw &&
	              !strcmp(pw.pw_dir, "/usr/sbin"),
	      "getpwnam_r");
	CHECK(q_getpwuid_r(4242, &pw, big, sizeof(big), &res) == 0 && !res, "getpwuid_r not found");

	/* enumeration: exactly the valid entries, in order */
	static const char *const order[] = {"root", "daemon", "empty", "long", "last"};
	q_setpwent();
	size_t n = 0;
	int ok = 1;
	while ((p = q_getpwent())) {
		ok &= n < 5 && !strcmp(p->pw_name, order[n]);
		n++;
	}
	CHECK(ok && n == 5, "getpwent: %zu entries", n);
	q_setpwent();
	p = q_getpwent();
	CHECK(p && !strcmp(p->pw_name, "root"), "setpwent rewinds");
	/* getpwent_r with a too small buffer retries the same entry */
	CHECK(q_getpwent_r(&pw, small, sizeof(small), &res) == QE_RANGE, "getpwent_r ERANGE");
	CHECK(q_getpwent_r(&pw, big, sizeof(big), &res) == 0 && res &&
	              !strcmp(pw.pw_name, "daemon"),
	      "getpwent_r after ERANGE");
	q_endpwent();

	/* a missing file reads as empty */
	q___qsoe_passwd_file = "/nonexistent/passwd";
	CHECK(!q_getpwnam("root") && q_getpwnam_r("root", &pw, big, sizeof(big), &res) == 0 && !res,
	      "missing passwd file");
	q_setpwent();
	CHECK(!q_getpwent(), "missing passwd file enumeration");
	q___qsoe_passwd_file = pwf;

	/* cross-check with glibc's parser on the valid lines */
	write_file(pwf, "root:x:0:0:root:/root:/bin/sh\n"
	                "user:pw:1000:100:User Name,,,:/home/user:/bin/bash\n"
	                "nogecos:*:65534:65534::/nonexistent:/usr/sbin/nologin\n");
	FILE *f = fopen(pwf, "r");
	struct passwd *g;
	q_setpwent();
	while (f && (g = fgetpwent(f))) {
		p = q_getpwent();
		CHECK(p && !strcmp(p->pw_name, g->pw_name) && !strcmp(p->pw_passwd, g->pw_passwd) &&
		              p->pw_uid == (int)g->pw_uid && p->pw_gid == (int)g->pw_gid &&
		              !strcmp(p->pw_gecos, g->pw_gecos) && !strcmp(p->pw_dir, g->pw_dir) &&
		              !strcmp(p->pw_shell, g->pw_shell),
		      "passwd entry %s as glibc reads it", g->pw_name);
	}
	CHECK(!q_getpwent(), "passwd: no extra entries");
	if (f)
		fclose(f);
	q_endpwent();
}

static void test_group(void)
{
	write_file(grf, "root:x:0:\n"
	                "wheel:x:10:root,alice\n"
	                "bad:x:notanumber:alice\n"
	                "fields:x:11\n"
	                "users:x:100:alice,bob,carol\n"
	                "# comment\n"
	                "staff:*:50:bob\n"
	                "alicegrp:x:1000:\n"
	                "dupe:x:100:alice");
	q___qsoe_group_file = grf;
	struct group *g = q_getgrnam("wheel");
	CHECK(g && g->gr_gid == 10 && g->gr_mem[0] && !strcmp(g->gr_mem[0], "root") &&
	              !strcmp(g->gr_mem[1], "alice") && !g->gr_mem[2],
	      "getgrnam(wheel)");
	g = q_getgrgid(0);
	CHECK(g && !strcmp(g->gr_name, "root") && !g->gr_mem[0], "getgrgid(0), no members");
	CHECK(!q_getgrnam("bad") && !q_getgrnam("fields"), "malformed groups skipped");
	g = q_getgrnam("users");
	CHECK(g && !strcmp(g->gr_mem[2], "carol") && !g->gr_mem[3], "three members");
	struct group gr, *res;
	char small[16], big[512];
	CHECK(q_getgrnam_r("users", &gr, small, sizeof(small), &res) == QE_RANGE && !res,
	      "getgrnam_r ERANGE");
	CHECK(q_getgrnam_r("users", &gr, big + 1, sizeof(big) - 1, &res) == 0 && res &&
	              ((uintptr_t)gr.gr_mem % sizeof(char *)) == 0 && !strcmp(gr.gr_mem[1], "bob"),
	      "getgrnam_r with an unaligned buffer");
	size_t n = 0;
	q_setgrent();
	while (q_getgrent())
		n++;
	CHECK(n == 6, "getgrent: %zu groups", n);
	q_endgrent();
	/* getgrouplist: the primary group first, then each group naming the user once */
	gid_t list[8];
	int ng = 8;
	int r = q_getgrouplist("alice", 1000, list, &ng);
	CHECK(r == 3 && ng == 3 && list[0] == 1000 && list[1] == 10 && list[2] == 100,
	      "getgrouplist(alice): %d %d", r, ng);
	ng = 2;
	r = q_getgrouplist("alice", 1000, list, &ng);
	CHECK(r == -1 && ng == 3, "getgrouplist too small: %d %d", r, ng);
	ng = 8;
	r = q_getgrouplist("nobody", 7, list, &ng);
	CHECK(r == 1 && list[0] == 7, "getgrouplist of a user in no group");

	/* cross-check with glibc */
	write_file(grf, "root:x:0:\nwheel:x:10:root,alice\nusers:x:100:alice,bob,carol\n");
	FILE *f = fopen(grf, "r");
	struct group *gg;
	q_setgrent();
	while (f && (gg = fgetgrent(f))) {
		g = q_getgrent();
		int ok = g && !strcmp(g->gr_name, gg->gr_name) && g->gr_gid == gg->gr_gid;
		for (int i = 0; ok && gg->gr_mem[i]; i++)
			ok = g->gr_mem[i] && !strcmp(g->gr_mem[i], gg->gr_mem[i]);
		CHECK(ok, "group %s as glibc reads it", gg->gr_name);
	}
	if (f)
		fclose(f);
	q_endgrent();
}

static void test_shadow(void)
{
	write_file(spf, "root:$6$salt$hash:19000:0:99999:7:::\n"
	                "user:!:19001::::::\n"
	                "broken:x:abc:0:0:0:0:0:0\n"
	                "few:x:1\n"
	                "full:pw:1:2:3:4:5:6:7\n");
	q___qsoe_shadow_file = spf;
	struct spwd *s = q_getspnam("root");
	CHECK(s && !strcmp(s->sp_pwdp, "$6$salt$hash") && s->sp_lstchg == 19000 && s->sp_min == 0 &&
	              s->sp_max == 99999 && s->sp_warn == 7 && s->sp_inact == -1 &&
	              s->sp_expire == -1,
	      "getspnam(root)");
	s = q_getspnam("user");
	CHECK(s && !strcmp(s->sp_pwdp, "!") && s->sp_min == -1, "empty numbers are -1");
	CHECK(!q_getspnam("broken") && !q_getspnam("few"), "malformed shadow lines skipped");
	s = q_getspnam("full");
	CHECK(s && s->sp_expire == 6 && s->sp_flag == 7, "all nine fields");
	struct spwd sp, *res;
	char small[4];
	CHECK(q_getspnam_r("root", &sp, small, sizeof(small), &res) == QE_RANGE,
	      "getspnam_r ERANGE");
	FILE *f = fopen(spf, "r");
	struct spwd *g = f ? fgetspent(f) : NULL;
	q_setspent();
	s = q_getspent();
	CHECK(g && s && !strcmp(g->sp_namp, s->sp_namp) && g->sp_lstchg == s->sp_lstchg &&
	              g->sp_max == s->sp_max && g->sp_inact == s->sp_inact,
	      "shadow entry as glibc reads it");
	if (f)
		fclose(f);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/qsoe-pwd-%d", (int)getpid());
	mkdir(dir, 0700);
	snprintf(pwf, sizeof(pwf), "%s/passwd", dir);
	snprintf(grf, sizeof(grf), "%s/group", dir);
	snprintf(spf, sizeof(spf), "%s/shadow", dir);
	test_passwd();
	test_group();
	test_shadow();
	unlink(pwf);
	unlink(grf);
	unlink(spf);
	rmdir(dir);
	return qt_done("libc-pwd");
}
