/*
 * conf_test.c - host test of init's configuration parser (QSOE side, run
 * through the libc host harness). Entry point conf_test_main().
 */
#include "../init.h"

#include <stdio.h>
#include <string.h>

static int pass, fail;
#define CHECK(c, ...)                                               \
	do {                                                        \
		if (c) {                                            \
			pass++;                                     \
		} else {                                            \
			fail++;                                     \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

/* Parses text and expects an error on line want_line (0: success). */
static struct service *parse(const char *text, int want_line)
{
	const char *err = NULL;
	int line = -1;
	struct service *s = conf_parse(text, &err, &line);

	CHECK((want_line == 0) == (err == NULL) && line == want_line,
	      "'%s': error on line %d (%s), expected %d", text, line, err ? err : "none",
	      want_line);
	return s;
}

int conf_test_main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	struct service *s = parse("# comment\n\n"
	                          "daemon respawn /sbin/slogger -s 65536\n"
	                          "  wait=/dev/ser1   /sbin/devc-ser8250   # trailing comment\n"
	                          "once /bin/echo \"two words\" x\n"
	                          "respawn tty=/dev/console /bin/qsh alt=/sbin/tinysh\n",
	                          0);
	CHECK(s != NULL && strcmp(s->argv[0], "/sbin/slogger") == 0 &&
	              strcmp(s->argv[1], "-s") == 0 && strcmp(s->argv[2], "65536") == 0 &&
	              s->argv[3] == NULL && s->flags == (SVC_DAEMON | SVC_RESPAWN) && s->line == 3,
	      "first service");
	struct service *d = s ? s->next : NULL;
	CHECK(d != NULL && d->wait && strcmp(d->wait, "/dev/ser1") == 0 && d->argv[1] == NULL &&
	              d->flags == 0,
	      "wait= and a trailing comment");
	struct service *e = d ? d->next : NULL;
	CHECK(e != NULL && e->flags == SVC_ONCE && strcmp(e->argv[1], "two words") == 0 &&
	              strcmp(e->argv[2], "x") == 0,
	      "quotes group words");
	struct service *q = e ? e->next : NULL;
	CHECK(q != NULL && q->tty && strcmp(q->tty, "/dev/console") == 0 && q->argv[1] &&
	              strcmp(q->argv[1], "alt=/sbin/tinysh") == 0 && q->alt == NULL,
	      "flags after the program are its arguments");
	CHECK(q != NULL && q->next == NULL, "four services");
	conf_free(s);

	s = parse("respawn alt=/sbin/tinysh tty=/dev/console /bin/qsh\n", 0);
	CHECK(s && s->alt && s->tty && strcmp(s->argv[0], "/bin/qsh") == 0,
	      "alt= before the program");
	conf_free(s);
	CHECK(parse("# only comments\n\n   \n", 0) == NULL, "an empty configuration");
	CHECK(parse("/ok\nbogus /sbin/x\n", 2) == NULL, "an unknown flag");
	CHECK(parse("sbin/relative\n", 1) == NULL, "a relative program");
	CHECK(parse("daemon respawn\n", 1) == NULL, "flags without a program");
	CHECK(parse("/bin/x \"open\n", 1) == NULL, "an unclosed quote");
	CHECK(parse("once respawn /bin/x\n", 1) == NULL, "once with respawn");
	CHECK(parse("wait=dev /bin/x\n", 1) == NULL, "wait= needs an absolute path");
	CHECK(parse("tty=/a tty=/b /bin/x\n", 1) == NULL, "tty= twice");
	s = parse("/bin/last-line-without-newline", 0);
	CHECK(s && strcmp(s->argv[0], "/bin/last-line-without-newline") == 0, "no final newline");
	conf_free(s);
	printf("init-conf: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
