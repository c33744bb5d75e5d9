/*
 * qsoe/abi/types.h - primitive ABI types (QNX Neutrino 8, 64-bit, LP64).
 *
 * Only "__" names, built from the compiler's predefined macros, so the
 * kernel can include this without any C library. The public headers
 * (<sys/types.h>, <stdint.h>, <stddef.h>, ...) typedef the POSIX names from
 * these. Sizes and signedness follow QNX 8 for 64-bit targets as given by
 * rust-lang/libc src/unix/nto (mod.rs, the arch files, unix/mod.rs).
 */
#ifndef QSOE_ABI_TYPES_H
#define QSOE_ABI_TYPES_H

typedef __INT8_TYPE__ __int8_t;
typedef __UINT8_TYPE__ __uint8_t;
typedef __INT16_TYPE__ __int16_t;
typedef __UINT16_TYPE__ __uint16_t;
typedef __INT32_TYPE__ __int32_t;
typedef __UINT32_TYPE__ __uint32_t;
typedef __INT64_TYPE__ __int64_t;
typedef __UINT64_TYPE__ __uint64_t;

typedef __INTPTR_TYPE__ __intptr_t;
typedef __UINTPTR_TYPE__ __uintptr_t;
/* Not "__size_t": GCC's <stddef.h> #defines __size_t as an include guard. */
typedef __SIZE_TYPE__ _Sizet;
typedef __PTRDIFF_TYPE__ __ssize_t; /* same width as size_t, signed */
typedef __PTRDIFF_TYPE__ __ptrdiff_t;

typedef __int32_t __pid_t;        /* process id (QNX: _Int32t) */
typedef __int32_t __uid_t;        /* user id (QNX: signed 32-bit) */
typedef __int32_t __gid_t;        /* group id (QNX: signed 32-bit) */
typedef __int32_t __id_t;         /* pid, uid or gid */
typedef __uint32_t __mode_t;      /* file type and permissions */
typedef __int64_t __off_t;        /* file offset, always 64-bit */
typedef __int64_t __off64_t;      /* same as __off_t */
typedef __int64_t __time_t;       /* seconds since the Epoch, 64-bit */
typedef __uint32_t __clock_t;     /* clock() ticks (QNX: unsigned 32-bit) */
typedef int __clockid_t;          /* clock id (CLOCK_* or ClockId()) */
typedef int __timer_t;            /* timer id from TimerCreate() */
typedef __uint32_t __dev_t;       /* device: node/major/minor packed */
typedef __uint64_t __ino_t;       /* file serial number */
typedef __uint32_t __nlink_t;     /* link count */
typedef __uint32_t __blksize_t;   /* preferred I/O block size */
typedef __uint64_t __blkcnt_t;    /* count of blocks */
typedef __uint64_t __fsblkcnt_t;  /* file system block count */
typedef __uint64_t __fsfilcnt_t;  /* file system file count */
typedef __uint32_t __useconds_t;  /* microseconds, unsigned */
typedef __int32_t __suseconds_t;  /* microseconds, signed (QNX: 32-bit) */
typedef unsigned int __key_t;     /* System V IPC key */
typedef int __pthread_t;          /* thread id (QNX: the kernel tid) */
typedef __uint32_t __socklen_t;   /* socket address length */
typedef __uint64_t __rlim_t;      /* resource limit */
typedef __uint8_t __sa_family_t;  /* socket address family (BSD layout) */
typedef __uint32_t __in_addr_t;   /* IPv4 address */
typedef __uint16_t __in_port_t;   /* TCP/UDP port */
typedef __WCHAR_TYPE__ __wchar_t; /* wide character */

#endif /* QSOE_ABI_TYPES_H */
