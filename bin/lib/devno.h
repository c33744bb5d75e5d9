/*
 * devno.h - major and minor parts of a dev_t.
 *
 * POSIX leaves the encoding of dev_t open, so this is the one place that
 * knows it: glibc's encoding on Linux hosts, QNX's (major in bits 10..15,
 * minor in bits 0..9) elsewhere, which is what QSOE uses.
 */
#ifndef QU_DEVNO_H
#define QU_DEVNO_H

#include <sys/types.h>

/* Returns the major device number of d. */
static inline unsigned long qu_major(dev_t d)
{
	unsigned long long v = (unsigned long long)d;
#ifdef __linux__
	return (unsigned long)(((v >> 8) & 0xfff) | ((v >> 32) & ~0xfffULL));
#else
	return (unsigned long)((v >> 10) & 0x3f);
#endif
}

/* Returns the minor device number of d. */
static inline unsigned long qu_minor(dev_t d)
{
	unsigned long long v = (unsigned long long)d;
#ifdef __linux__
	return (unsigned long)((v & 0xff) | ((v >> 12) & ~0xffULL));
#else
	return (unsigned long)(v & 0x3ff);
#endif
}

#endif /* QU_DEVNO_H */
