/*
 * sys/uio.h - vector I/O (POSIX). struct iovec is QNX's, from the ABI fragment.
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/uio.h>

__BEGIN_DECLS

#ifndef __DEFINED_ssize_t
#define __DEFINED_ssize_t
typedef __ssize_t ssize_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif

#define UIO_MAXIOV 1024

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t offset);
ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset);

__END_DECLS

#endif /* _SYS_UIO_H */
