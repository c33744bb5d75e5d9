/*
 * ucontext.h - user contexts (POSIX.1-2001 XSI): the types
 * (<sys/ucontext.h>) and getcontext, setcontext, makecontext and
 * swapcontext for coroutines. makecontext passes at most the argc
 * arguments given, each read as a 64-bit word; when the function returns,
 * uc_link is resumed, or the process exits with status 0 if it is NULL.
 */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <sys/cdefs.h>
#include <sys/ucontext.h>

__BEGIN_DECLS

int getcontext(ucontext_t *ucp) __attribute__((__returns_twice__));
int setcontext(const ucontext_t *ucp);
void makecontext(ucontext_t *ucp, void (*func)(void), int argc, ...);
int swapcontext(ucontext_t *__restrict oucp, const ucontext_t *__restrict ucp)
        __attribute__((__returns_twice__));

__END_DECLS

#endif /* _UCONTEXT_H */
