/*
 * alloca.h - stack allocation (the compiler's builtin). Memory lives until
 * the calling function returns; a thread's stack is 256 KiB by default,
 * and exceeding it faults: prefer malloc for anything large.
 */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#define __need_size_t
#include <stddef.h>

#define alloca(n) __builtin_alloca(n)

#endif /* _ALLOCA_H */
