/*
 * runner.c - the qsh conformance corpus runner.
 *
 *   qsh-corpus [-s shell] [-t seconds] [-c] [-v] [-q] path...
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
static int passed, failed;

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

/* Run one case; returns 1 if it passed. */
static int run_case(const char *dir, const char *name)
{
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
	int st = 0, timed_out = 0;
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= timeout_s) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			timed_out = 1;
			break;
		}
		struct timespec d = {0, 2000000};
		nanosleep(&d, NULL);
	}
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
			printf("PASS %s/%s\n", dir, name);
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
		int ok = run_case(path, names[i]);
		ok ? passed++ : failed++;
		free(names[i]);
	}
	free(names);
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
		else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "-q"))
			quiet = 1;
		else if (!strcmp(argv[i], "-c"))
			crashmode = 1;
		else {
			fprintf(stderr, "usage: qsh-corpus [-s shell] [-t seconds] [-c] [-v] [-q] "
			                "path...\n");
			return 2;
		}
	}
	if (i >= argc) {
		fprintf(stderr,
		        "usage: qsh-corpus [-s shell] [-t seconds] [-c] [-v] [-q] path...\n");
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
	for (; i < argc; i++)
		run_path(argv[i]);
	if (!quiet || failed)
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
