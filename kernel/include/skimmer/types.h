/*
 * types.h - basic kernel types and helpers.
 *
 * The kernel is freestanding: it takes <stdint.h>/<stddef.h>/<stdbool.h>
 * from the compiler and every ABI type and errno value from the shared
 * fragments in include/qsoe/abi/.
 */
#ifndef SKIMMER_TYPES_H
#define SKIMMER_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <qsoe/abi/types.h>
#include <qsoe/abi/errno.h>

typedef uint64_t paddr_t;  /* physical address */
typedef uintptr_t vaddr_t; /* kernel virtual address */
typedef uintptr_t uaddr_t; /* user virtual address: only touched through uaccess.h */

typedef __pid_t pid_t;
typedef __uid_t uid_t;
typedef __gid_t gid_t;
typedef __clockid_t clockid_t;
typedef __timer_t timer_t;
typedef __ssize_t ssize_t;
typedef long rcvid_t; /* __rcvid_t in qsoe/abi/neutrino.h */

#define likely(x)                       __builtin_expect(!!(x), 1)
#define unlikely(x)                     __builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)                   (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

#define ALIGN_DOWN(x, a)                ((x) & ~((__typeof__(x))(a)-1))
#define ALIGN_UP(x, a)                  ALIGN_DOWN((x) + (a)-1, (a))
#define IS_ALIGNED(x, a)                (((x) & ((__typeof__(x))(a)-1)) == 0)

#define MIN(a, b)                       ((a) < (b) ? (a) : (b))
#define MAX(a, b)                       ((a) > (b) ? (a) : (b))

#define PAGE_SHIFT                      12
#define PAGE_SIZE                       (1UL << PAGE_SHIFT)

#define __unused                        __attribute__((unused))
#define __noreturn                      __attribute__((noreturn))
#define __packed                        __attribute__((packed))
#define __aligned(n)                    __attribute__((aligned(n)))

/* A kernel call handler returns this to say "the thread blocked; leave a0 alone". */
#define KCALL_BLOCKED (-100000L)

#endif
