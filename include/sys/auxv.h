/*
 * sys/auxv.h - the auxiliary vector a program receives at start-up
 * (System V ABI types; QSOE's own AT_QSOE_* entries are in
 * <qsoe/taskman.h>).
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#define AT_NULL   0 /* end of the vector */
#define AT_IGNORE 1
#define AT_EXECFD 2
#define AT_PHDR   3 /* the program headers of the program */
#define AT_PHENT  4 /* size of one program header */
#define AT_PHNUM  5 /* number of program headers */
#define AT_PAGESZ 6 /* page size */
#define AT_BASE   7 /* load address of the interpreter (none on QSOE) */
#define AT_FLAGS  8
#define AT_ENTRY  9 /* the program's entry point */
#define AT_UID    11
#define AT_EUID   12
#define AT_GID    13
#define AT_EGID   14
#define AT_HWCAP  16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_EXECFN 31

/* The value of auxiliary vector entry type, or 0 (errno ENOENT) if absent. */
unsigned long getauxval(unsigned long type);

__END_DECLS

#endif /* _SYS_AUXV_H */
