/*
 * sys/utsname.h - system name (POSIX). Fields are QNX's 257-byte arrays.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#define _SYSNAME_SIZE 257

struct utsname {
	char sysname[_SYSNAME_SIZE];
	char nodename[_SYSNAME_SIZE];
	char release[_SYSNAME_SIZE];
	char version[_SYSNAME_SIZE];
	char machine[_SYSNAME_SIZE];
};

int uname(struct utsname *name);

__END_DECLS

#endif /* _SYS_UTSNAME_H */
