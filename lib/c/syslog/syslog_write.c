/*
 * syslog_write.c - the system logger client of syslog(): each message
 * becomes a slogger event (slogf), with major code _SLOG_SYSLOG and the
 * facility number as the minor code; the syslog level is the severity
 * (LOG_EMERG..LOG_DEBUG are _SLOG_SHUTDOWN.._SLOG_DEBUG2, the same
 * numbers). Weak, so a test can put its own sink in its place.
 */
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <syslog.h>
#include "syslog_impl.h"

__attribute__((weak)) int __syslog_write(int pri, const char *msg)
{
	int facility = (pri & LOG_FACMASK) >> 3;
	int level = LOG_PRI(pri);

	return slogf(_SLOG_SETCODE(_SLOG_SYSLOG, facility), level, "%s", msg) < 0 ? -1 : 0;
}
