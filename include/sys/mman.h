/*
 * sys/mman.h - memory management (POSIX). PROT_* and MAP_* are QNX
 * Neutrino's values (PROT_READ is 0x100, MAP_ANON 0x80000, ...).
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
#ifndef __DEFINED_mode_t
#define __DEFINED_mode_t
typedef __mode_t mode_t;
#endif

#define PROT_NONE             0x00000000
#define PROT_READ             0x00000100
#define PROT_WRITE            0x00000200
#define PROT_EXEC             0x00000400
#define PROT_NOCACHE          0x00000800 /* QNX: uncached (device) memory */

#define MAP_FILE              0
#define MAP_SHARED            0x00000001
#define MAP_PRIVATE           0x00000002
#define MAP_TYPE              0x00000003
#define MAP_FIXED             0x00000010
#define MAP_STACK             0x00001000
#define MAP_PHYS              0x00010000 /* QNX: map physical memory (with I/O privilege) */
#define MAP_ANON              0x00080000
#define MAP_ANONYMOUS         MAP_ANON
#define MAP_FAILED            ((void *)-1)
#define NOFD                  (-1) /* QNX: the fd for anonymous mappings */

#define MS_ASYNC              1
#define MS_SYNC               2
#define MS_INVALIDATE         4

#define MCL_CURRENT           1
#define MCL_FUTURE            2

#define POSIX_MADV_NORMAL     0
#define POSIX_MADV_SEQUENTIAL 1
#define POSIX_MADV_RANDOM     2
#define POSIX_MADV_WILLNEED   3
#define POSIX_MADV_DONTNEED   4

#define SHM_ANON              ((const char *)-1) /* QNX: anonymous shared memory object */

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);
int mlock(const void *addr, size_t len);
int munlock(const void *addr, size_t len);
int mlockall(int flags);
int munlockall(void);
int posix_madvise(void *addr, size_t len, int advice);
/* BSD/Linux madvise: the same advice values, accepted and ignored (-1/EINVAL if invalid). */
#define MADV_NORMAL     POSIX_MADV_NORMAL
#define MADV_SEQUENTIAL POSIX_MADV_SEQUENTIAL
#define MADV_RANDOM     POSIX_MADV_RANDOM
#define MADV_WILLNEED   POSIX_MADV_WILLNEED
#define MADV_DONTNEED   POSIX_MADV_DONTNEED
int madvise(void *addr, size_t len, int advice);
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);
/* QNX: the physical address of addr (fd NOFD) and the contiguous bytes from there. */
int mem_offset(const void *addr, int fd, size_t len, off_t *offset, size_t *contig_len);
int mem_offset64(const void *addr, int fd, size_t len, __off64_t *offset, size_t *contig_len);

__END_DECLS

#endif /* _SYS_MMAN_H */
