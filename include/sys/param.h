/*
 * sys/param.h - BSD system parameters that old and ported programs
 * include: MAXPATHLEN and friends (from limits.h), MIN/MAX, the bit-set
 * macros, howmany/roundup, the byte order (endian.h).
 */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#include <endian.h>
#include <limits.h>
#include <sys/types.h>

#define MAXPATHLEN     PATH_MAX
#define MAXSYMLINKS    16 /* the most symbolic links a path may cross (QNX) */
#define MAXHOSTNAMELEN HOST_NAME_MAX
#define NGROUPS        NGROUPS_MAX
#define NOFILE         1024 /* sysconf(_SC_OPEN_MAX) */
#define DEV_BSIZE      512
#define NBBY           8 /* bits in a byte */

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#endif

#define howmany(x, y)   (((x) + ((y)-1)) / (y))
#define roundup(x, y)   (howmany(x, y) * (y))
#define rounddown(x, y) (((x) / (y)) * (y))
#define powerof2(x)     ((((x)-1) & (x)) == 0)

#define setbit(a, i)    ((a)[(i) / NBBY] |= 1 << ((i) % NBBY))
#define clrbit(a, i)    ((a)[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define isset(a, i)     ((a)[(i) / NBBY] & (1 << ((i) % NBBY)))
#define isclr(a, i)     (((a)[(i) / NBBY] & (1 << ((i) % NBBY))) == 0)

#endif /* _SYS_PARAM_H */
