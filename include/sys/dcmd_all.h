/*
 * sys/dcmd_all.h - devctl() commands every resource manager may answer
 * (QNX <sys/dcmd_all.h>; command values are QNX's). fcntl(F_GETFL/F_SETFL)
 * travel as DCMD_ALL_GETFLAGS/SETFLAGS, handled by iofunc_devctl().
 */
#ifndef _SYS_DCMD_ALL_H
#define _SYS_DCMD_ALL_H

#include <devctl.h>
#include <stdint.h>
#include <qsoe/abi/types.h>

#define DCMD_ALL_GETFLAGS      __DIOF(_DCMD_ALL, 1, int)      /* O_* status flags and access mode */
#define DCMD_ALL_SETFLAGS      __DIOT(_DCMD_ALL, 2, int)      /* O_* status flags (O_SETFLAG) */
#define DCMD_ALL_GETMOUNTFLAGS __DIOF(_DCMD_ALL, 3, uint32_t) /* _MOUNT_* flags of the mount */
#define DCMD_ALL_GETOWN        __DIOF(_DCMD_ALL, 4, __pid_t)  /* F_GETOWN */
#define DCMD_ALL_SETOWN        __DIOT(_DCMD_ALL, 5, __pid_t)  /* F_SETOWN */

#endif /* _SYS_DCMD_ALL_H */
