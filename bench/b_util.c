/*
 * b_util.c - ubench group "util" (the utilities issue): ls -l of a
 * 200-entry directory and grep over 1 MiB, both in UB_TMP on fs-ram. Each
 * sample is the posix_spawn of the utility (standard output to /dev/null)
 * and the waitpid for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ubench.h"

#define LS_DIR     UB_TMP "/ls"
#define LS_ENTRIES 200
#define GREP_FILE  UB_TMP "/grep.txt"
#define GREP_SIZE  (1024 * 1024)
#define GREP_HITS  16
#define GREP_REGEX "needle [0-9]"

static char *const ls_argv[] = {"/bin/ls", "-l", LS_DIR, NULL};
static char *const grep_argv[] = {"/bin/grep", GREP_REGEX, GREP_FILE, NULL};
static char *const grepc_argv[] = {"/bin/grep", "-c", GREP_REGEX, GREP_FILE, NULL};

/* Writes all of buf to fd; 0 or -1. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Makes LS_DIR with LS_ENTRIES files file-000 ... (each of i bytes); 0 or -1. */
static int make_ls_dir(void)
{
	char name[64], data[LS_ENTRIES];

	memset(data, 'x', sizeof(data));
	if (mkdir(LS_DIR, 0755) < 0 && errno != EEXIST)
		return -1;
	for (int i = 0; i < LS_ENTRIES; i++) {
		snprintf(name, sizeof(name), LS_DIR "/file-%03d", i);
		int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			return -1;
		int r = write_all(fd, data, (size_t)i);
		if (close(fd) < 0 || r < 0)
			return -1;
	}
	return 0;
}

/*
 * Makes GREP_FILE: GREP_SIZE bytes of lines of words from a fixed list
 * chosen by a linear congruential generator with a fixed seed (each line
 * at most 79 characters), GREP_HITS of them, spread evenly, with
 * "needle N" in them. Returns 0 or -1.
 */
static int make_grep_file(void)
{
	static const char *const words[] = {"alpha",   "bravo", "charlie", "delta",   "echo",
	                                    "foxtrot", "golf",  "hotel",   "india",   "juliet",
	                                    "kilo",    "lima",  "mike",    "needles", "oscar",
	                                    "papa",    "1234",  "quebec",  "romeo",   "sierra"};
	char *buf = malloc(GREP_SIZE);
	unsigned long x = 4242;
	size_t len = 0;
	int hits = 0;

	if (buf == NULL)
		return -1;
	while (len < GREP_SIZE) {
		size_t line = len, limit = line + 79;
		if (limit > GREP_SIZE - 1)
			limit = GREP_SIZE - 1;
		if (hits < GREP_HITS && len >= (size_t)hits * (GREP_SIZE / GREP_HITS) + 1000) {
			len += (size_t)snprintf(buf + len, 16, "needle %d ", hits);
			hits++;
		}
		for (;;) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			const char *w = words[(x >> 33) % (sizeof(words) / sizeof(words[0]))];
			size_t n = strlen(w);
			if (len + n + 1 > limit)
				break;
			memcpy(buf + len, w, n);
			len += n;
			buf[len++] = ' ';
		}
		while (len < limit && len - line < 20)
			buf[len++] = '.';
		buf[len++] = '\n';
	}
	int fd = open(GREP_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int r = fd < 0 ? -1 : write_all(fd, buf, GREP_SIZE);
	if (fd >= 0 && close(fd) < 0)
		r = -1;
	free(buf);
	if (hits != GREP_HITS) {
		errno = EIO;
		return -1;
	}
	return r;
}

static int op_quiet(void *arg)
{
	return ub_spawn_wait(arg, &ub_quiet);
}

/* Counts the lines of s that contain word. */
static int count_lines(const char *s, const char *word)
{
	int n = 0;

	for (const char *l = s; *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		const char *w = strstr(l, word);
		if (w && w < l + len)
			n++;
		l += len + (nl != NULL);
	}
	return n;
}

/* See ubench.h. */
void ub_group_util(void)
{
	static char out[64 * 1024];

	if (mkdir(UB_TMP, 0755) < 0 && errno != EEXIST) {
		ub_fail("ls_l_200", "mkdir " UB_TMP);
		ub_fail("grep_1mib", "mkdir " UB_TMP);
		return;
	}
	if (make_ls_dir() < 0) {
		ub_fail("ls_l_200", "making " LS_DIR);
	} else if (ub_spawn_output(ls_argv, out, sizeof(out)) < 0) {
		ub_fail("ls_l_200", "running ls -l");
	} else if (count_lines(out, " file-") != LS_ENTRIES) {
		errno = EIO;
		ub_fail("ls_l_200", "ls -l does not list 200 files");
	} else {
		ub_measure("ls_l_200", 1, op_quiet, (void *)ls_argv);
	}

	if (make_grep_file() < 0) {
		ub_fail("grep_1mib", "making " GREP_FILE);
	} else if (ub_spawn_output(grepc_argv, out, sizeof(out)) < 0) {
		ub_fail("grep_1mib", "running grep -c");
	} else if (atoi(out) != GREP_HITS) {
		errno = EIO;
		ub_fail("grep_1mib", "grep -c does not count 16 lines");
	} else {
		ub_measure("grep_1mib", 1, op_quiet, (void *)grep_argv);
	}
}
