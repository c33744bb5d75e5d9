/*
 * ucontext.h - user contexts (POSIX, XSI). QSOE provides the types a
 * signal handler needs (ucontext_t, mcontext_t: <sys/ucontext.h>);
 * getcontext, setcontext, makecontext and swapcontext are not provided.
 */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <sys/ucontext.h>

#endif /* _UCONTEXT_H */
