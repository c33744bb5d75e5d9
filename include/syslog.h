/*
 * syslog.h - the system log (POSIX.1-2008 <syslog.h>). QSOE's syslog() sends
 * each message to the system logger (slogger). Values are the traditional
 * BSD ones, which QNX also uses.
 */
#ifndef _SYSLOG_H
#define _SYSLOG_H

#include <sys/cdefs.h>
#include <stdarg.h>

__BEGIN_DECLS

/* Priorities (the low 3 bits). */
#define LOG_EMERG           0 /* system is unusable */
#define LOG_ALERT           1 /* action must be taken immediately */
#define LOG_CRIT            2 /* critical conditions */
#define LOG_ERR             3 /* error conditions */
#define LOG_WARNING         4 /* warning conditions */
#define LOG_NOTICE          5 /* normal but significant */
#define LOG_INFO            6 /* informational */
#define LOG_DEBUG           7 /* debug-level messages */

#define LOG_PRIMASK         0x07
#define LOG_PRI(p)          ((p)&LOG_PRIMASK)
#define LOG_MAKEPRI(fac, p) ((fac) | (p))

/* Facilities. */
#define LOG_KERN        (0 << 3)
#define LOG_USER        (1 << 3)
#define LOG_MAIL        (2 << 3)
#define LOG_DAEMON      (3 << 3)
#define LOG_AUTH        (4 << 3)
#define LOG_SYSLOG      (5 << 3)
#define LOG_LPR         (6 << 3)
#define LOG_NEWS        (7 << 3)
#define LOG_UUCP        (8 << 3)
#define LOG_CRON        (9 << 3)
#define LOG_AUTHPRIV    (10 << 3)
#define LOG_FTP         (11 << 3)
#define LOG_LOCAL0      (16 << 3)
#define LOG_LOCAL1      (17 << 3)
#define LOG_LOCAL2      (18 << 3)
#define LOG_LOCAL3      (19 << 3)
#define LOG_LOCAL4      (20 << 3)
#define LOG_LOCAL5      (21 << 3)
#define LOG_LOCAL6      (22 << 3)
#define LOG_LOCAL7      (23 << 3)

#define LOG_NFACILITIES 24
#define LOG_FACMASK     0x03f8
#define LOG_FAC(p)      (((p)&LOG_FACMASK) >> 3)

/* setlogmask() masks. */
#define LOG_MASK(pri) (1 << (pri))
#define LOG_UPTO(pri) ((1 << ((pri) + 1)) - 1)

/* openlog() options. */
#define LOG_PID    0x01 /* add the process id to each message */
#define LOG_CONS   0x02 /* write to the console if the logger is unreachable */
#define LOG_ODELAY 0x04 /* connect on the first message (the default) */
#define LOG_NDELAY 0x08 /* connect at once */
#define LOG_NOWAIT 0x10 /* obsolete, ignored */
#define LOG_PERROR 0x20 /* also write each message to stderr */

void openlog(const char *ident, int option, int facility);
void syslog(int priority, const char *fmt, ...) __QSOE_PRINTF(2, 3);
void vsyslog(int priority, const char *fmt, va_list ap) __QSOE_PRINTF(2, 0);
void closelog(void);
int setlogmask(int mask);

__END_DECLS

#endif /* _SYSLOG_H */
