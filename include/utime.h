/*
 * utime.h - access and modification times (POSIX, obsolescent).
 */
#ifndef _UTIME_H
#define _UTIME_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>

__BEGIN_DECLS

#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif

struct utimbuf {
	time_t actime;
	time_t modtime;
};

int utime(const char *path, const struct utimbuf *times);

__END_DECLS

#endif /* _UTIME_H */
