/*
 * qsoe/abi/mman.h - memory protection and mapping flags (QNX <sys/mman.h>
 * values). Shared by the kernel's VmMap call and <sys/mman.h>.
 */
#ifndef QSOE_ABI_MMAN_H
#define QSOE_ABI_MMAN_H

#define PROT_NONE      0x00000000
#define PROT_READ      0x00000100 /* pages can be read */
#define PROT_WRITE     0x00000200 /* pages can be written */
#define PROT_EXEC      0x00000400 /* pages can be executed */
#define PROT_NOCACHE   0x00000800 /* pages are not cached */
#define PROT_MASK      0x00000f00

#define MAP_SHARED     0x00000001 /* changes are shared */
#define MAP_PRIVATE    0x00000002 /* changes are private */
#define MAP_TYPE       0x0000000f
#define MAP_FIXED      0x00000010 /* place exactly at the given address */
#define MAP_ELF        0x00000020
#define MAP_NOSYNCFILE 0x00000040
#define MAP_LAZY       0x00000080 /* allocate pages on first touch */
#define MAP_STACK      0x00001000 /* memory used for a stack */
#define MAP_BELOW      0x00002000
#define MAP_NOINIT     0x00004000 /* contents need not be zeroed */
#define MAP_PHYS       0x00010000 /* physical memory (with MAP_ANON: contiguous RAM) */
#define MAP_NOX64K     0x00020000
#define MAP_BELOW16M   0x00040000
#define MAP_ANON       0x00080000 /* anonymous memory */
#define MAP_ANONYMOUS  MAP_ANON
#define MAP_SYSRAM     0x01000000

#define MAP_FAILED     ((void *)-1)

#endif
