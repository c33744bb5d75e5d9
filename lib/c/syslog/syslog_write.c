/*
 * syslog_write.c - the placeholder for the slogger client: fails with
 * ENOSYS (syslog() then falls back to the console when LOG_CONS is set).
 * Weak, so the real implementation replaces it.
 */
#include <errno.h>
#include "syslog_impl.h"

__attribute__((weak)) int __syslog_write(int pri, const char *msg)
{
	(void)pri;
	(void)msg;
	errno = ENOSYS;
	return -1;
}
