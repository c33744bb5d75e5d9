/*
 * test_syslog.c - openlog(), syslog(), vsyslog(), setlogmask(), closelog()
 * over the recording __syslog_write() double of partb_seam.c: the
 * formatted text, the priority and facility, %m, the mask, LOG_PID,
 * LOG_PERROR, long messages, and errno left unchanged.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "qtest.h"

void q_openlog(const char *, int, int);
void q_syslog(int, const char *, ...);
void q_closelog(void);
int q_setlogmask(int);
char *q_strerror(int);
extern int partb_syslog_count;
extern int partb_syslog_pri[64];
extern char partb_syslog_msg[64][1024];

static const char *last(void)
{
	return partb_syslog_msg[(partb_syslog_count - 1) % 64];
}

static int last_pri(void)
{
	return partb_syslog_pri[(partb_syslog_count - 1) % 64];
}

int main(void)
{
	q_syslog(LOG_INFO, "hello %d %s", 5, "world");
	CHECK(partb_syslog_count == 1 && !strcmp(last(), "syslog: hello 5 world") &&
	              last_pri() == (LOG_USER | LOG_INFO),
	      "plain message: \"%s\" pri %d", last(), last_pri());
	q_openlog("myprog", LOG_PID, LOG_DAEMON);
	q_syslog(LOG_ERR, "x\n");
	char want[128];
	snprintf(want, sizeof(want), "myprog[%d]: x", (int)getpid());
	CHECK(!strcmp(last(), want) && last_pri() == (LOG_DAEMON | LOG_ERR),
	      "ident, pid, facility, trailing newline: \"%s\"", last());
	q_syslog(LOG_LOCAL3 | LOG_NOTICE, "f");
	CHECK(last_pri() == (LOG_LOCAL3 | LOG_NOTICE), "facility in the priority wins");
	/* %m */
	q_errno = QE_NOENT;
	q_syslog(LOG_WARNING, "open: %m (%d%%m)", 7);
	snprintf(want, sizeof(want), "myprog[%d]: open: %s (7%%m)", (int)getpid(),
	         q_strerror(QE_NOENT));
	CHECK(!strcmp(last(), want), "%%m: \"%s\" vs \"%s\"", last(), want);
	CHECK(q_errno == QE_NOENT, "errno unchanged");
	/* the mask */
	int old = q_setlogmask(LOG_UPTO(LOG_WARNING));
	CHECK(old == 0xff, "setlogmask returns the old mask");
	int before = partb_syslog_count;
	q_syslog(LOG_INFO, "dropped");
	q_syslog(LOG_DEBUG, "dropped");
	CHECK(partb_syslog_count == before, "masked priorities dropped");
	q_syslog(LOG_CRIT, "kept");
	CHECK(partb_syslog_count == before + 1, "unmasked priority kept");
	CHECK(q_setlogmask(0) == LOG_UPTO(LOG_WARNING), "setlogmask(0) only reads");
	q_setlogmask(0xff);
	q_syslog(0x12345678, "bad priority");
	CHECK(partb_syslog_count == before + 1, "invalid priority bits ignored");
	/* a long message */
	static char longtext[5000];
	memset(longtext, 'L', sizeof(longtext) - 1);
	q_closelog();
	q_syslog(LOG_INFO, "%s", longtext);
	CHECK(!strncmp(last(), "syslog: LLLL", 12), "long message delivered");
	/* LOG_PERROR copies to standard error */
	char path[64];
	snprintf(path, sizeof(path), "/tmp/qsoe-syslog-%d", (int)getpid());
	int saved = dup(2), fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	q_openlog("perr", LOG_PERROR, 0);
	q_syslog(LOG_ALERT, "to stderr");
	dup2(saved, 2);
	close(saved);
	char got[64] = {0};
	lseek(fd, 0, SEEK_SET);
	if (read(fd, got, sizeof(got) - 1) < 0)
		got[0] = 0;
	close(fd);
	unlink(path);
	CHECK(!strcmp(got, "perr: to stderr\n") && last_pri() == (LOG_USER | LOG_ALERT),
	      "LOG_PERROR: \"%s\"", got);
	q_closelog();
	return qt_done("libc-syslog");
}
