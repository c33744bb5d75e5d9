/*
 * account.c - user accounts (see account.h).
 */
/* setgroups() and getgrouplist() are not POSIX; glibc shows them with
 * _DEFAULT_SOURCE (QSOE always does). */
#define _DEFAULT_SOURCE 1
#include "account.h"
#include "qu.h"
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* crypt() is an XSI interface of <unistd.h>; some C libraries declare it
 * only in <crypt.h>, so it is declared here with its POSIX prototype. */
char *crypt(const char *key, const char *salt);

#define SHADOW_PATH "/etc/shadow"

extern char **environ;

/* Path of the shadow file. */
static const char *shadow_path(void)
{
#ifdef QU_ACCT_TEST
	const char *p = getenv("QUSER_TEST_SHADOW");
	if (p)
		return p;
#endif
	return SHADOW_PATH;
}

/* Splits a colon-separated line into at most n fields (in place). */
static int split(char *line, char **f, int n)
{
	int k = 0;

	f[k++] = line;
	while (k < n && (line = strchr(line, ':')) != NULL) {
		*line++ = 0;
		f[k++] = line;
	}
	return k;
}

/* Finds name in a colon-separated file; returns a malloc'ed copy of its
 * line (without newline) or NULL (*err: 0 if not found, else the errno of
 * opening the file). */
static char *find_line(const char *path, const char *name, int *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *r = NULL;
	size_t cap = 0, nl = strlen(name);
	ssize_t n;

	*err = f ? 0 : errno;
	if (!f)
		return NULL;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = 0;
		if (!strncmp(line, name, nl) && line[nl] == ':') {
			r = qu_strdup(line);
			break;
		}
	}
	free(line);
	fclose(f);
	return r;
}

/* See account.h. */
int qu_acct_get(const char *name, struct qu_acct *a)
{
	char *line, *f[9];

	memset(a, 0, sizeof(*a));
	if (!*name || strchr(name, ':') || strchr(name, '\n'))
		return -1;
#ifdef QU_ACCT_TEST
	{
		const char *pp = getenv("QUSER_TEST_PASSWD");
		char *end;
		if (!pp)
			return -1;
		int e;
		line = find_line(pp, name, &e);
		if (!line)
			return -1;
		if (split(line, f, 7) != 7) {
			free(line);
			return -1;
		}
		a->name = qu_strdup(f[0]);
		a->hash = qu_strdup(f[1]);
		a->uid = (uid_t)strtoul(f[2], &end, 10);
		a->gid = (gid_t)strtoul(f[3], &end, 10);
		a->home = qu_strdup(f[5]);
		a->shell = qu_strdup(*f[6] ? f[6] : "/bin/sh");
		free(line);
	}
#else
	{
		struct passwd *pw = getpwnam(name);
		if (!pw)
			return -1;
		a->name = qu_strdup(pw->pw_name);
		a->hash = qu_strdup(pw->pw_passwd ? pw->pw_passwd : "*");
		a->uid = pw->pw_uid;
		a->gid = pw->pw_gid;
		a->home = qu_strdup(pw->pw_dir && *pw->pw_dir ? pw->pw_dir : "/");
		a->shell = qu_strdup(pw->pw_shell && *pw->pw_shell ? pw->pw_shell : "/bin/sh");
	}
#endif
	/* the hash lives in the shadow file when the passwd field says "x" */
	if (!strcmp(a->hash, "x")) {
		free(a->hash);
		a->hash = NULL;
		line = find_line(shadow_path(), name, &a->hash_err);
		if (line && split(line, f, 9) >= 2)
			a->hash = qu_strdup(f[1]);
		free(line);
		if (!a->hash)
			a->hash = qu_strdup("*");
	}
	return 0;
}

/* See account.h. */
void qu_acct_free(struct qu_acct *a)
{
	if (a->hash)
		memset(a->hash, 0, strlen(a->hash));
	free(a->name);
	free(a->hash);
	free(a->home);
	free(a->shell);
	memset(a, 0, sizeof(*a));
}

/* See account.h. */
int qu_acct_check(const struct qu_acct *a, const char *password)
{
	const char *h = a ? a->hash : NULL, *c;
	size_t n, i;
	unsigned char diff = 0;

	if (!h || h[0] == '!' || h[0] == '*') {
		/* spend the same time as a real check */
		crypt(password, "$6$qsoeqsoeqsoeqsoe$");
		return 0;
	}
	if (!*h)
		return *password == 0;
	c = crypt(password, h);
	if (!c)
		return 0;
	n = strlen(h);
	if (strlen(c) != n)
		return 0;
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(c[i] ^ h[i]);
	return diff == 0;
}

/* See account.h. */
char *qu_acct_newhash(const char *password)
{
	static const char abc[] =
	        "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char rnd[16];
	char salt[3 + 16 + 2];
	const char *c;
	int fd = open("/dev/urandom", O_RDONLY), i;

	if (fd < 0)
		return NULL;
	if (qu_read_full(fd, rnd, sizeof(rnd)) != (ssize_t)sizeof(rnd)) {
		close(fd);
		return NULL;
	}
	close(fd);
	memcpy(salt, "$6$", 3);
	for (i = 0; i < 16; i++)
		salt[3 + i] = abc[rnd[i] & 63];
	salt[19] = '$';
	salt[20] = 0;
	c = crypt(password, salt);
	if (!c || strncmp(c, "$6$", 3))
		return NULL;
	return qu_strdup(c);
}

/* See account.h. */
int qu_acct_sethash(const char *name, const char *hash)
{
	const char *path = shadow_path();
	char *tmp = qu_malloc(strlen(path) + 8), *line = NULL, *f[9];
	FILE *in, *out;
	size_t cap = 0, nl = strlen(name);
	ssize_t n;
	struct stat st;
	int fd, found = 0, e, k;

	in = fopen(path, "r");
	if (!in) {
		free(tmp);
		return -1;
	}
	sprintf(tmp, "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		e = errno;
		fclose(in);
		free(tmp);
		errno = e;
		return -1;
	}
	if (fstat(fileno(in), &st) == 0) {
		fchmod(fd, st.st_mode & 0777);
		if (fchown(fd, st.st_uid, st.st_gid) != 0)
			(void)0; /* keeping the owner needs privilege; 0600 stays safe */
	}
	out = fdopen(fd, "w");
	while ((n = getline(&line, &cap, in)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = 0;
		if (!found && !strncmp(line, name, nl) && line[nl] == ':') {
			k = split(line, f, 9);
			found = 1;
			fprintf(out, "%s:%s", f[0], hash);
			/* field 3: days since the epoch of the last change */
			fprintf(out, ":%lld", (long long)(time(NULL) / 86400));
			for (int i = 3; i < k; i++)
				fprintf(out, ":%s", f[i]);
			fputc('\n', out);
			continue;
		}
		fprintf(out, "%s\n", line);
	}
	free(line);
	fclose(in);
	if (!found)
		fprintf(out, "%s:%s:%lld:0:99999:7:::\n", name, hash,
		        (long long)(time(NULL) / 86400));
	if (fflush(out) != 0 || fsync(fileno(out)) != 0 || fclose(out) != 0 ||
	    rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		free(tmp);
		errno = e;
		return -1;
	}
	free(tmp);
	return 0;
}

/* See account.h. */
uid_t qu_acct_caller(void)
{
#ifdef QU_ACCT_TEST
	const char *u = getenv("QUSER_TEST_UID");
	if (u)
		return (uid_t)strtoul(u, NULL, 10);
#endif
	return getuid();
}

/* See account.h. */
char *qu_getpass(const char *prompt)
{
	struct termios t, saved;
	int fd = open("/dev/tty", O_RDWR), own = fd >= 0, echo_off = 0;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	char c;
	ssize_t r;

	if (fd < 0)
		fd = STDIN_FILENO;
	if (isatty(fd) && tcgetattr(fd, &saved) == 0) {
		t = saved;
		t.c_lflag &= ~(tcflag_t)ECHO;
		t.c_lflag |= ICANON;
		if (tcsetattr(fd, TCSAFLUSH, &t) == 0)
			echo_off = 1;
	}
	if (isatty(fd)) {
		(void)!write(fd, prompt, strlen(prompt));
	} else {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	for (;;) {
		r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || c == '\n')
			break;
		if (len + 2 > cap) {
			char *nb = qu_malloc(cap = cap ? cap * 2 : 64);
			if (buf) {
				memcpy(nb, buf, len);
				memset(buf, 0, len);
				free(buf);
			}
			buf = nb;
		}
		buf[len++] = c;
	}
	if (echo_off) {
		tcsetattr(fd, TCSAFLUSH, &saved);
		(void)!write(fd, "\n", 1);
	}
	if (own)
		close(fd);
	if (r <= 0 && len == 0) {
		free(buf);
		return NULL;
	}
	if (!buf)
		buf = qu_malloc(1);
	buf[len] = 0;
	return buf;
}

/* See account.h. */
void qu_freepass(char *p)
{
	if (p) {
		memset(p, 0, strlen(p));
		free(p);
	}
}

/* See account.h. */
void qu_acct_delay(unsigned s)
{
#ifndef QU_ACCT_TEST
	sleep(s);
#else
	(void)s;
#endif
}

/* See account.h. */
void qu_acct_log(const char *fmt, const char *a, const char *b)
{
#ifndef QU_ACCT_TEST
	openlog(qu_prog, LOG_PID, LOG_AUTH);
	syslog(LOG_NOTICE, fmt, a, b);
	closelog();
#else
	fprintf(stderr, "[log] ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
#endif
}

/* Sets the supplementary groups of user a (its groups in /etc/group and
 * its login group). Returns 0 or -1 with errno. */
static int init_groups(const struct qu_acct *a)
{
	int n = 32;
	gid_t *g = NULL;

	for (int tries = 0; tries < 8; tries++) {
		int want = n;
		g = qu_realloc(g, (size_t)n * sizeof(*g));
		if (getgrouplist(a->name, a->gid, g, &n) >= 0)
			break;
		if (n <= want)
			n = want * 2;
	}
	int r = setgroups(n, g);
	int e = errno;
	free(g);
	errno = e;
	return r;
}

/* See account.h. */
int qu_acct_become(const struct qu_acct *a, int login, const char *cmd)
{
	const char *base = strrchr(a->shell, '/');
	char *arg0, *argv[4];

	base = base ? base + 1 : a->shell;
	arg0 = qu_malloc(strlen(base) + 2);
	sprintf(arg0, "%s%s", login ? "-" : "", base);
	argv[0] = arg0;
	argv[1] = cmd ? "-c" : NULL;
	argv[2] = (char *)cmd;
	argv[3] = NULL;
#ifdef QU_ACCT_TEST
	(void)argv;
	(void)init_groups;
	printf("become uid=%lu gid=%lu home=%s shell=%s arg0=%s%s%s\n", (unsigned long)a->uid,
	       (unsigned long)a->gid, a->home, a->shell, arg0, cmd ? " cmd=" : "", cmd ? cmd : "");
	fflush(stdout);
	exit(0);
#else
	if (setgid(a->gid) != 0 || (getuid() == 0 && init_groups(a) != 0) || setuid(a->uid) != 0) {
		qu_errno(errno, "cannot change to user %s", a->name);
		free(arg0);
		return -1;
	}
	if (login) {
		static char *empty[1];
		const char *term = getenv("TERM");
		char *t = term ? qu_strdup(term) : NULL;
		environ = empty;
		if (t)
			setenv("TERM", t, 1);
		free(t);
		setenv("PATH",
		       a->uid == 0 ? "/sbin:/bin:/usr/sbin:/usr/bin"
		                   : "/bin:/usr/bin:/sbin:/usr/sbin",
		       1);
		if (chdir(a->home) != 0) {
			qu_errno(errno, "no home directory %s; using /", a->home);
			if (chdir("/") != 0)
				qu_errno(errno, "cannot change to /");
		}
	}
	setenv("HOME", a->home, 1);
	setenv("SHELL", a->shell, 1);
	setenv("USER", a->name, 1);
	setenv("LOGNAME", a->name, 1);
	int st = qu_run_session(a->shell, argv);
	if (st < 0)
		qu_errno(errno, "cannot run %s", a->shell);
	free(arg0);
	return st;
#endif
}

/* See account.h. */
const char *qu_acct_shadow(void)
{
	return shadow_path();
}

/* See account.h. */
int qu_acct_writable(void)
{
	const char *path = shadow_path();
	char *tmp = qu_malloc(strlen(path) + 8);
	int fd, e;

	sprintf(tmp, "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	e = errno;
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	free(tmp);
	errno = e;
	return fd >= 0 ? 0 : -1;
}
