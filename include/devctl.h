/*
 * devctl.h - device control (QNX). devctl() replaces ioctl(): the command
 * encodes the direction (to/from the device), the data size and a class.
 */
#ifndef _DEVCTL_H
#define _DEVCTL_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/uio.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

#define _POSIX_DEVDIR_NONE     0x00000000u
#define _POSIX_DEVDIR_TO       0x80000000u /* data goes to the device */
#define _POSIX_DEVDIR_FROM     0x40000000u /* data comes from the device */
#define _POSIX_DEVDIR_TOFROM   (_POSIX_DEVDIR_TO | _POSIX_DEVDIR_FROM)
#define _POSIX_DEVDIR_CMD_MASK 0x0000ffffu

#define __DION(cls, cmd)       ((int)((((unsigned)(cls)) << 8) + (unsigned)(cmd)))
#define __DIOF(cls, cmd, data)                                                     \
	((int)((sizeof(data) << 16) + (((unsigned)(cls)) << 8) + (unsigned)(cmd) + \
	       _POSIX_DEVDIR_FROM))
#define __DIOT(cls, cmd, data)                                                     \
	((int)((sizeof(data) << 16) + (((unsigned)(cls)) << 8) + (unsigned)(cmd) + \
	       _POSIX_DEVDIR_TO))
#define __DIOTF(cls, cmd, data)                                                    \
	((int)((sizeof(data) << 16) + (((unsigned)(cls)) << 8) + (unsigned)(cmd) + \
	       _POSIX_DEVDIR_TOFROM))
#define get_device_command(c)   ((unsigned)(c)&_POSIX_DEVDIR_CMD_MASK)
#define get_device_direction(c) ((unsigned)(c)&_POSIX_DEVDIR_TOFROM)
#define get_device_size(c)      (((unsigned)(c) >> 16) & 0x3fffu)

/* Command classes. */
#define _DCMD_ALL   0x01
#define _DCMD_FSYS  0x02
#define _DCMD_BLK   _DCMD_FSYS
#define _DCMD_CHR   0x03
#define _DCMD_NET   0x04
#define _DCMD_MISC  0x05
#define _DCMD_IP    0x06
#define _DCMD_MIXER 0x07
#define _DCMD_PROC  0x08
#define _DCMD_MEM   0x09
#define _DCMD_INPUT 0x0a

/* devctlv() / devctl() flags. */
#define DEVCTL_FLAG_NORETVAL 0x00000001 /* don't report the server's dev_info */

int devctl(int fd, int dcmd, void *data, size_t nbytes, int *info);
int devctlv(int fd, int dcmd, int sparts, int rparts, const struct iovec *sv,
            const struct iovec *rv, int *info);
int posix_devctl(int fd, int dcmd, void *__restrict data, size_t nbytes, int *__restrict info);

__END_DECLS

#endif /* _DEVCTL_H */
