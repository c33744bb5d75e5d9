/*
 * uaccess.h - checked access to user memory.
 *
 * Every kernel read or write of user memory goes through these. A bad
 * pointer (outside the user half, unmapped, or without the needed
 * permission) gives -EFAULT; it never faults the kernel. copyin/copyout
 * work on the current thread's address space; as_copy works between any
 * two address spaces (message passing) by walking their page tables.
 */
#ifndef SKIMMER_UACCESS_H
#define SKIMMER_UACCESS_H

#include <skimmer/types.h>

struct aspace;

/* Copies n bytes from user address src (current address space). 0 or -EFAULT. */
int copyin(void *dst, uaddr_t src, size_t n);

/* Copies n bytes to user address dst (current address space). 0 or -EFAULT. */
int copyout(uaddr_t dst, const void *src, size_t n);

/*
 * Copies a NUL-terminated string of at most max-1 characters. Returns its
 * length, -EFAULT, or -ENAMETOOLONG if no NUL within max bytes.
 */
long copyinstr(char *dst, uaddr_t src, size_t max);

/*
 * Copies n bytes between two address spaces (either may be the current
 * one). Returns the bytes copied (n) or -EFAULT if either range is bad;
 * '*fault_dst' tells which side faulted.
 */
long as_copy(struct aspace *dst_as, uaddr_t dst, struct aspace *src_as, uaddr_t src, size_t n,
             bool *fault_dst);

/* Writes n bytes from kernel memory into another address space. */
int as_write(struct aspace *as, uaddr_t dst, const void *src, size_t n);
/* Reads n bytes from another address space into kernel memory. */
int as_read(struct aspace *as, void *dst, uaddr_t src, size_t n);

#endif
