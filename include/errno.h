/*
 * errno.h - error numbers (ISO C 7.5, POSIX). The values are QNX Neutrino's,
 * from the shared ABI fragment; errno itself lives in the calling thread's
 * TLS block, reached as QNX does through __get_errno_ptr().
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <sys/cdefs.h>
#include <qsoe/abi/errno.h>

__BEGIN_DECLS
/* Address of the calling thread's errno. */
int *__get_errno_ptr(void) __QSOE_CONST;
/* GNU: the program's name as started (argv[0]) and its last component. */
extern char *program_invocation_name;
extern char *program_invocation_short_name;
__END_DECLS

#define errno (*__get_errno_ptr())

#endif /* _ERRNO_H */
