/*
 * sys/times.h - process times (POSIX).
 */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>

__BEGIN_DECLS

#ifndef __DEFINED_clock_t
#define __DEFINED_clock_t
typedef __clock_t clock_t;
#endif

struct tms {
	clock_t tms_utime;
	clock_t tms_stime;
	clock_t tms_cutime;
	clock_t tms_cstime;
};

clock_t times(struct tms *buf);

__END_DECLS

#endif /* _SYS_TIMES_H */
