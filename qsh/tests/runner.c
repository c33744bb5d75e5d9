/*
 * runner.c - the qsh conformance corpus runner.
 *
 *   qsh-corpus [-s shell] [-t seconds] [-x skipfile] [-c] [-v] [-q] path...
 *
 * Each path is a case directory (every *.sh in it, sorted; subdirectories
 * are case directories too) or a single case script. A case NAME.sh comes
 * with NAME.out (expected standard
 * output), NAME.err (expected standard error) and NAME.st (expected exit
 * status, decimal). The case runs as "shell NAME.sh" with the case's
 * directory as working directory, standard input from /dev/null and the
 * environment PATH=/usr/bin:/bin TMPDIR=<fresh empty directory>; it is
 * killed (its process group) after the timeout. Output and status must
 * match byte for byte. Exit status: 0 if every case passed, 1 otherwise,
 * 2 on usage errors. Portable POSIX C so it can run inside QSOE too.
 *
 * With -x, the cases listed in skipfile are not run but counted as
 * skipped: one case a line, as AREA/NAME.sh (the case's directory name
 * and file name), then white space and the reason; '#' starts a comment
 * line. A listed case that does not exist is an error (status 2), so the
 * list cannot go stale silently.
 *
 * With -c (crash mode, for the fuzz regression corpus) expected files are
 * not used: a case fails only if the shell dies of a signal, times out,
 * or reports a sanitizer error or an internal error on standard error.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *shell = "qsh";
static int timeout_s = 20;
static int verbose, quiet, crashmode;
static int passed, failed, skipped;
static volatile sig_atomic_t alarmed;

/* The skip list (-x): "AREA/NAME.sh" keys, and whether each was met. */
static char **skip_keys;
static int *skip_seen;
static size_t nskip;
static int stale; /* the skip list names a case that is not there */

/* Read a whole file (malloc, *n bytes); NULL if it does not exist. */
static char *slurp(const char *path, size_t *n)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	size_t cap = 4096, len = 0;
	char *b = malloc(cap);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			b = realloc(b, cap);
		}
		ssize_t r = read(fd, b + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	*n = len;
	return b;
}

/* Does the n bytes at h contain the string needle? */
static int memmem_simple(const char *h, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; i + l <= n; i++)
		if (!memcmp(h + i, needle, l))
			return 1;
	return 0;
}

/* Remove a directory tree (best effort). */
static void rmtree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		chmod(path, 0700);
		DIR *d = opendir(path);
		if (d) {
			struct dirent *de;
			while ((de = readdir(d)) != NULL) {
				if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
					continue;
				size_t l = strlen(path) + strlen(de->d_name) + 2;
				char *p = malloc(l);
				snprintf(p, l, "%s/%s", path, de->d_name);
				rmtree(p);
				free(p);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

/* Show where two byte strings first differ. */
static void show_diff(const char *what, const char *exp, size_t en, const char *got, size_t gn)
{
	size_t i = 0, line = 1;
	while (i < en && i < gn && exp[i] == got[i]) {
		if (exp[i] == '\n')
			line++;
		i++;
	}
	size_t ls = i;
	while (ls > 0 && (ls > en || exp[ls - 1] != '\n'))
		ls--;
	printf("    %s differs at line %zu (expected %zu bytes, got %zu)\n", what, line, en, gn);
	const char *names[2] = {"expected", "got     "};
	const char *bufs[2] = {exp, got};
	size_t lens[2] = {en, gn};
	for (int k = 0; k < 2; k++) {
		printf("    %s: ", names[k]);
		size_t e = ls;
		while (e < lens[k] && bufs[k][e] != '\n' && e - ls < 200)
			e++;
		for (size_t j = ls; j < e && j < lens[k]; j++) {
			unsigned char c = (unsigned char)bufs[k][j];
			if (c < 32 || c == 127)
				printf("\\x%02x", c);
			else
				putchar(c);
		}
		if (e >= lens[k])
			printf("<EOF>");
		printf("\n");
	}
}

static char *path_join(const char *a, const char *b)
{
	size_t l = strlen(a) + strlen(b) + 2;
	char *p = malloc(l);
	snprintf(p, l, "%s/%s", a, b);
	return p;
}

/* SIGALRM: the case's time is up (waitpid is interrupted). */
static void on_alarm(int sig)
{
	(void)sig;
	alarmed = 1;
}

/*
 * Reads the skip list at path (see the top of the file). Returns 0, or -1
 * after printing why.
 */
static int load_skips(const char *path)
{
	size_t n;
	char *b = slurp(path, &n);
	if (!b) {
		fprintf(stderr, "qsh-corpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && b[e] != '\n')
			e++;
		size_t k = i;
		while (k < e && (b[k] == ' ' || b[k] == '\t'))
			k++;
		if (k < e && b[k] != '#') {
			size_t w = k;
			while (w < e && b[w] != ' ' && b[w] != '\t')
				w++;
			skip_keys = realloc(skip_keys, (nskip + 1) * sizeof *skip_keys);
			skip_seen = realloc(skip_seen, (nskip + 1) * sizeof *skip_seen);
			skip_keys[nskip] = strndup(b + k, w - k);
			skip_seen[nskip++] = 0;
		}
		i = e + 1;
	}
	free(b);
	return 0;
}

/* Is case name of directory dir in the skip list? Marks it as met. */
static int is_skipped(const char *dir, const char *name)
{
	const char *area = strrchr(dir, '/');
	area = area ? area + 1 : dir;
	size_t al = strlen(area);
	for (size_t i = 0; i < nskip; i++) {
		const char *k = skip_keys[i];
		if (!strncmp(k, area, al) && k[al] == '/' && !strcmp(k + al + 1, name)) {
			skip_seen[i] = 1;
			return 1;
		}
	}
	return 0;
}

/* After case directory dir ran: complains of listed cases of its area that were not met. */
static void check_stale(const char *dir)
{
	const char *area = strrchr(dir, '/');
	area = area ? area + 1 : dir;
	size_t al = strlen(area);
	for (size_t i = 0; i < nskip; i++) {
		if (!skip_seen[i] && !strncmp(skip_keys[i], area, al) && skip_keys[i][al] == '/') {
			printf("qsh-corpus: the skip list names %s, which is not a case\n",
			       skip_keys[i]);
			skip_seen[i] = 1;
			stale = 1;
		}
	}
}

/* Milliseconds of the monotonic clock. */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Run one case; returns 1 if it passed. */
static int run_case(const char *dir, const char *name)
{
	long long t0 = now_ms();
	char base[4096];
	snprintf(base, sizeof base, "%.*s", (int)(strlen(name) - 3), name);
	char tmpl[] = "/tmp/qshcorpusXXXXXX";
	char *scratch = mkdtemp(tmpl);
	if (!scratch) {
		printf("FAIL %s/%s: cannot create scratch directory: %s\n", dir, name,
		       strerror(errno));
		return 0;
	}
	char *work = path_join(scratch, "tmp");
	mkdir(work, 0700);
	char *outp = path_join(scratch, "stdout");
	char *errp = path_join(scratch, "stderr");
	int ofd = open(outp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int efd = open(errp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int nfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	char tmpenv[4200];
	snprintf(tmpenv, sizeof tmpenv, "TMPDIR=%s", work);
	char *envp[] = {"PATH=/usr/bin:/bin", tmpenv, NULL};
	char *argv[] = {(char *)shell, (char *)name, NULL};
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_adddup2(&fa, nfd, 0);
	posix_spawn_file_actions_adddup2(&fa, ofd, 1);
	posix_spawn_file_actions_adddup2(&fa, efd, 2);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
	                                      POSIX_SPAWN_SETSIGMASK);
	posix_spawnattr_setpgroup(&at, 0);
	sigset_t all, none;
	sigfillset(&all);
	sigdelset(&all, SIGKILL);
	sigdelset(&all, SIGSTOP);
	sigemptyset(&none);
	posix_spawnattr_setsigdefault(&at, &all);
	posix_spawnattr_setsigmask(&at, &none);
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		cwd[0] = 0;
	pid_t pid = -1;
	int r = chdir(dir) == 0 ? posix_spawnp(&pid, shell, &fa, &at, argv, envp) : errno;
	if (cwd[0] && chdir(cwd) < 0)
		r = errno;
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(ofd);
	close(efd);
	close(nfd);
	int ok = 0;
	if (r != 0) {
		printf("FAIL %s/%s: cannot run %s: %s\n", dir, name, shell, strerror(r));
		goto out;
	}
	/* wait for the shell; SIGALRM (no SA_RESTART) interrupts the wait at the timeout */
	int st = 0, timed_out = 0;
	alarmed = 0;
	alarm((unsigned)timeout_s);
	for (;;) {
		pid_t w = waitpid(pid, &st, 0);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			break;
		if (alarmed) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			timed_out = 1;
			break;
		}
	}
	alarm(0);
	kill(-pid, SIGKILL); /* leftovers of the case */
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
	size_t eo, ee, go, ge, es;
	char *ps = path_join(dir, base);
	char *xo_p = malloc(strlen(ps) + 8), *xe_p = malloc(strlen(ps) + 8),
	     *xs_p = malloc(strlen(ps) + 8);
	sprintf(xo_p, "%s.out", ps);
	sprintf(xe_p, "%s.err", ps);
	sprintf(xs_p, "%s.st", ps);
	char *xo = slurp(xo_p, &eo), *xe = slurp(xe_p, &ee), *xs = slurp(xs_p, &es);
	char *go_b = slurp(outp, &go), *ge_b = slurp(errp, &ge);
	if (crashmode) {
		const char *bad[] = {"AddressSanitizer", "runtime error:", "internal error",
		                     "LeakSanitizer", NULL};
		const char *hit = NULL;
		for (int k = 0; bad[k] && ge_b; k++)
			if (memmem_simple(ge_b, ge, bad[k]))
				hit = bad[k];
		ok = !timed_out && !WIFSIGNALED(st) && !hit;
		if (!ok)
			printf("FAIL %s/%s: %s\n", dir, name,
			       timed_out ? "timed out"
			       : hit     ? hit
			                 : "killed by a signal");
		else if (verbose)
			printf("PASS %s/%s\n", dir, name);
	} else if (!xo || !xe || !xs) {
		printf("FAIL %s/%s: expected files missing (run gen-expected.sh)\n", dir, name);
	} else {
		int want = atoi(xs);
		ok = !timed_out && want == status && eo == go && !memcmp(xo, go_b, eo) &&
		     ee == ge && !memcmp(xe, ge_b, ee);
		if (!ok) {
			printf("FAIL %s/%s\n", dir, name);
			if (timed_out)
				printf("    timed out after %d s\n", timeout_s);
			if (want != status)
				printf("    status: expected %d, got %d\n", want, status);
			if (eo != go || memcmp(xo, go_b, eo))
				show_diff("stdout", xo, eo, go_b, go);
			if (ee != ge || memcmp(xe, ge_b, ee))
				show_diff("stderr", xe, ee, ge_b, ge);
		} else if (verbose) {
			printf("PASS %s/%s (%lld ms)\n", dir, name, now_ms() - t0);
		}
	}
	free(xo);
	free(xe);
	free(xs);
	free(go_b);
	free(ge_b);
	free(ps);
	free(xo_p);
	free(xe_p);
	free(xs_p);
out:
	rmtree(scratch);
	free(work);
	free(outp);
	free(errp);
	return ok;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		printf("FAIL %s: %s\n", path, strerror(errno));
		failed++;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		const char *slash = strrchr(path, '/');
		char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
		int ok = run_case(dir, slash ? slash + 1 : path);
		ok ? passed++ : failed++;
		free(dir);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		printf("FAIL %s: %s\n", path, strerror(errno));
		failed++;
		return;
	}
	char **names = NULL, **subdirs = NULL;
	size_t nsub = 0;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (de->d_name[0] != '.') {
			char *sub = path_join(path, de->d_name);
			struct stat ss;
			if (stat(sub, &ss) == 0 && S_ISDIR(ss.st_mode)) {
				subdirs = realloc(subdirs, (nsub + 1) * sizeof *subdirs);
				subdirs[nsub++] = sub;
				continue;
			}
			free(sub);
		}
		if (l > 3 && !strcmp(de->d_name + l - 3, ".sh")) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				names = realloc(names, cap * sizeof *names);
			}
			names[n++] = strdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (is_skipped(path, names[i])) {
			skipped++;
			if (verbose)
				printf("SKIP %s/%s\n", path, names[i]);
		} else {
			int ok = run_case(path, names[i]);
			ok ? passed++ : failed++;
		}
		free(names[i]);
	}
	free(names);
	check_stale(path);
	/* a directory of case directories: run each, in name order */
	qsort(subdirs, nsub, sizeof *subdirs, cmp_names);
	for (size_t i = 0; i < nsub; i++) {
		run_path(subdirs[i]);
		free(subdirs[i]);
	}
	free(subdirs);
}

int main(int argc, char **argv)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-s") && i + 1 < argc)
			shell = argv[++i];
		else if (!strcmp(argv[i], "-t") && i + 1 < argc)
			timeout_s = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-x") && i + 1 < argc) {
			if (load_skips(argv[++i]) < 0)
				return 2;
		} else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-q"))
			quiet = 1;
		else if (!strcmp(argv[i], "-c"))
			crashmode = 1;
		else {
			fprintf(stderr,
			        "usage: qsh-corpus [-s shell] [-t seconds] [-x skipfile] [-c] [-v] "
			        "[-q] path...\n");
			return 2;
		}
	}
	if (i >= argc) {
		fprintf(stderr,
		        "usage: qsh-corpus [-s shell] [-t seconds] [-x skipfile] [-c] [-v] [-q] "
		        "path...\n");
		return 2;
	}
	/* cases run in their own directory: make a relative shell path absolute */
	if (strchr(shell, '/') && shell[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof cwd)) {
			char *abs = path_join(cwd, shell);
			shell = abs;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	for (; i < argc; i++)
		run_path(argv[i]);
	if (!quiet || failed) {
		if (nskip)
			printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
		else
			printf("%d passed, %d failed\n", passed, failed);
	}
	return failed ? 1 : stale ? 2 : 0;
}
