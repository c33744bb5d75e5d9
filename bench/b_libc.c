/*
 * b_libc.c - ubench group "libc" (the C library issue): malloc/free of
 * small objects, snprintf("%d %s %.3f"), strlen and memcpy of 4 KiB, and
 * a regex match over 4 KiB of text. The program is built -ffreestanding,
 * so every call below is a real call into libc.so.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ubench.h"

/* ---- malloc_free_small ----------------------------------------------------------- */

#define NOBJ 256
static void *volatile objs[NOBJ];

/*
 * NOBJ mallocs of 16 to 256 bytes (sizes cycling in steps of 24, wrapped),
 * each object's first byte written, then the frees: the even-numbered
 * objects first, then the odd ones. Counted per malloc+free pair.
 */
static int op_malloc(void *arg)
{
	(void)arg;
	for (int i = 0; i < NOBJ; i++) {
		char *p = malloc(16 + (size_t)(i * 24) % 241);
		if (p == NULL)
			return -1;
		*p = (char)i;
		objs[i] = p;
	}
	for (int i = 0; i < NOBJ; i += 2)
		free(objs[i]);
	for (int i = 1; i < NOBJ; i += 2)
		free(objs[i]);
	return 0;
}

/* ---- snprintf_d_s_f ------------------------------------------------------------------ */

#define PRINTF_ITERS 16
static char pbuf[64];
static const char pexpect[] = "-1234567 benchmark 2718.282";

static int op_snprintf(void *arg)
{
	(void)arg;
	for (int i = 0; i < PRINTF_ITERS; i++)
		if (snprintf(pbuf, sizeof(pbuf), "%d %s %.3f", -1234567, "benchmark",
		             2718.281828) != (int)sizeof(pexpect) - 1) {
			errno = EIO;
			return -1;
		}
	return 0;
}

/* ---- strlen_4k, memcpy_4k ---------------------------------------------------------- */

#define STR_ITERS 16
static char src[4096] __attribute__((aligned(64)));
static char dst[4096] __attribute__((aligned(64)));
static volatile size_t sink;

static int op_strlen(void *arg)
{
	(void)arg;
	for (int i = 0; i < STR_ITERS; i++)
		sink = strlen(src); /* 4095 characters and the NUL: 4 KiB */
	return 0;
}

static int op_memcpy(void *arg)
{
	(void)arg;
	for (int i = 0; i < STR_ITERS; i++)
		memcpy(dst, src, sizeof(dst));
	return 0;
}

/* ---- regexec_4k ----------------------------------------------------------------------- */

static char text[4096];
static regex_t re;
static regmatch_t m[2];
static const char pattern[] = "([a-z]+)ing [0-9]{3}";
static const char tail[] = "the last of them kept running 451 times";

/*
 * 4 KiB of text (4095 characters): words of a fixed list chosen by a
 * linear congruential generator with a fixed seed, separated by spaces, and
 * the one match of the pattern in its last 40 characters. Sets *at to the
 * offset where the match must start.
 */
static void make_text(size_t *at)
{
	static const char *const words[] = {"the",   "quick",  "brown", "fox",   "jumps",  "over",
	                                    "lazy",  "dog",    "and",   "then",  "sleeps", "in",
	                                    "sunny", "garden", "while", "kings", "sing",   "42"};
	unsigned long x = 12345;
	size_t len = 0, end = sizeof(text) - 1 - (sizeof(tail) - 1);

	while (len < end) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		const char *w = words[(x >> 33) % (sizeof(words) / sizeof(words[0]))];
		size_t n = strlen(w);
		if (len + n + 1 > end)
			n = end - len - 1;
		memcpy(text + len, w, n);
		len += n;
		text[len++] = ' ';
	}
	memcpy(text + end, tail, sizeof(tail));
	*at = end + (size_t)(strstr(tail, "running") - tail);
}

static int op_regexec(void *arg)
{
	(void)arg;
	if (regexec(&re, text, 2, m, 0) != 0) {
		errno = EIO;
		return -1;
	}
	return 0;
}

/* See ubench.h. */
void ub_group_libc(void)
{
	ub_measure("malloc_free_small", NOBJ, op_malloc, NULL);

	if (op_snprintf(NULL) < 0 || strcmp(pbuf, pexpect) != 0) {
		errno = EIO;
		ub_fail("snprintf_d_s_f", "wrong output");
	} else {
		ub_measure("snprintf_d_s_f", PRINTF_ITERS, op_snprintf, NULL);
	}

	for (size_t i = 0; i < sizeof(src) - 1; i++)
		src[i] = (char)('a' + i % 26);
	src[sizeof(src) - 1] = 0;
	op_strlen(NULL);
	if (sink != sizeof(src) - 1) {
		errno = EIO;
		ub_fail("strlen_4k", "wrong length");
	} else {
		ub_measure("strlen_4k", STR_ITERS, op_strlen, NULL);
	}
	op_memcpy(NULL);
	if (memcmp(dst, src, sizeof(dst)) != 0) {
		errno = EIO;
		ub_fail("memcpy_4k", "wrong copy");
	} else {
		ub_measure("memcpy_4k", STR_ITERS, op_memcpy, NULL);
	}

	size_t at;
	make_text(&at);
	int e = regcomp(&re, pattern, REG_EXTENDED);
	if (e != 0) {
		errno = EINVAL;
		ub_fail("regexec_4k", "regcomp");
		return;
	}
	if (strlen(text) != sizeof(text) - 1 || op_regexec(NULL) < 0 || (size_t)m[0].rm_so != at ||
	    m[0].rm_eo - m[0].rm_so != 11) {
		errno = EIO;
		ub_fail("regexec_4k", "wrong match");
	} else {
		ub_measure("regexec_4k", 1, op_regexec, NULL);
	}
	regfree(&re);
}
