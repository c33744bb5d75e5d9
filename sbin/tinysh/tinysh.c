/*
 * tinysh - a placeholder shell for the console until qsh is in the boot
 * archive (init.conf runs /bin/qsh with alt=/sbin/tinysh). It reads a line,
 * splits it into words at blanks (no quoting, no expansion, no pipes or
 * redirections), and runs the program found in PATH, waiting for it.
 * Built in: cd DIR, echo WORDS, exit [N], help.
 *
 *   tinysh [-c command]
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define MAXWORDS 64

/* Splits line into at most MAXWORDS - 1 words; returns the count (-1: too many). */
static int split(char *line, char **w)
{
	int n = 0;

	for (char *p = strtok(line, " \t\n"); p != NULL; p = strtok(NULL, " \t\n")) {
		if (n == MAXWORDS - 1)
			return -1;
		w[n++] = p;
	}
	w[n] = NULL;
	return n;
}

/* Runs one command line. Returns its status (0..255). */
static int run(char *line)
{
	char *w[MAXWORDS];
	int n = split(line, w);

	if (n < 0) {
		fprintf(stderr, "tinysh: more than %d words\n", MAXWORDS - 1);
		return 2;
	}
	if (n == 0)
		return 0;
	if (strcmp(w[0], "exit") == 0)
		exit(n > 1 ? atoi(w[1]) & 0xff : 0);
	if (strcmp(w[0], "cd") == 0) {
		const char *d = n > 1 ? w[1] : getenv("HOME") ? getenv("HOME") : "/";
		if (chdir(d) < 0) {
			fprintf(stderr, "tinysh: cd %s: %s\n", d, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (strcmp(w[0], "echo") == 0) {
		for (int i = 1; i < n; i++)
			printf("%s%s", i > 1 ? " " : "", w[i]);
		printf("\n");
		fflush(stdout);
		return 0;
	}
	if (strcmp(w[0], "help") == 0) {
		printf("tinysh: a placeholder shell. Built in: cd, echo, exit, help; anything "
		       "else\n"
		       "runs a program from PATH (%s).\n",
		       getenv("PATH") ? getenv("PATH") : "/bin:/sbin");
		fflush(stdout);
		return 0;
	}
	pid_t pid;
	fflush(stdout);
	int r = posix_spawnp(&pid, w[0], NULL, NULL, w, environ);
	if (r != 0) {
		fprintf(stderr, "tinysh: %s: %s\n", w[0], r == ENOENT ? "not found" : strerror(r));
		return 127;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "tinysh: %s: killed by signal %d\n", w[0], WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	int status = 0;

	if (getenv("PATH") == NULL)
		setenv("PATH", "/bin:/sbin", 1);
	if (argc == 3 && strcmp(argv[1], "-c") == 0)
		return run(argv[2]);
	for (;;) {
		printf("%s", getuid() == 0 ? "# " : "$ ");
		fflush(stdout);
		ssize_t n = getline(&line, &cap, stdin);
		if (n < 0) {
			if (ferror(stdin) && errno == EINTR) {
				clearerr(stdin);
				printf("\n");
				continue;
			}
			break;
		}
		status = run(line);
	}
	printf("\n");
	free(line);
	return status;
}
