/*
 * syslog_impl.h - the seam between <syslog.h> and the system logger.
 */
#ifndef QSOE_SYSLOG_IMPL_H
#define QSOE_SYSLOG_IMPL_H

/*
 * Delivers one formatted message (without a trailing newline) with
 * priority pri (facility | level) to the system logger (slogger).
 * Returns 0, or -1 with errno set if the logger cannot be reached. The
 * default definition (syslog_write.c, weak) fails with ENOSYS until the
 * slogger client exists.
 */
int __syslog_write(int pri, const char *msg);

#endif /* QSOE_SYSLOG_IMPL_H */
