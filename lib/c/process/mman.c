/*
 * mman.c - memory mappings: mmap, munmap, mprotect, msync, mlock & co.,
 * posix_madvise, shm_open, shm_unlink, and QNX's mem_offset.
 *
 * Anonymous and physical memory come from the kernel through the seam
 * (__qsoe_vm_*). Mapping a file is a request to the file's server:
 * _IO_MMAP in the layout of struct tm_mmap (<qsoe/taskman.h>), answered
 * with the address the server mapped into the caller. Shared memory
 * objects are files under /dev/shmem (served by taskman).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "qsoe_os.h"

#define PAGE       4096UL
#define ALIGNED(x) (((uintptr_t)(x) & (PAGE - 1)) == 0)

/* The flags passed on for anonymous/physical memory (and QNX's MAP_LAZY, MAP_NOINIT). */
#define MAP_LAZY_   0x00000080
#define MAP_NOINIT_ 0x00004000
#define VM_FLAGS                                                                              \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_STACK | MAP_PHYS | MAP_ANON | MAP_LAZY_ | \
	 MAP_NOINIT_)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	if (len == 0 || (off & (off_t)(PAGE - 1)) || ((flags & MAP_FIXED) && !ALIGNED(addr)) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_NOCACHE)) ||
	    len > ((size_t)1 << 38))
		return (void *)__qsoe_ret(-EINVAL);
	int type = flags & MAP_TYPE;
	if (type != MAP_SHARED && type != MAP_PRIVATE && !(type == 0 && (flags & MAP_ANON)))
		return (void *)__qsoe_ret(-EINVAL);
	if (flags & (MAP_ANON | MAP_PHYS)) {
		/* Anonymous shared memory has nobody to share with (no fork): it is private. */
		int f = (flags & VM_FLAGS & ~MAP_SHARED) | MAP_PRIVATE;
		int r = __qsoe_vm_map(addr, len, prot, f, (flags & MAP_PHYS) ? (uint64_t)off : 0,
		                      &p);
		return r < 0 ? (void *)__qsoe_ret(r) : p;
	}
	if (!__qsoe_isfd(fd))
		return (void *)__qsoe_ret(-EBADF);
	struct tm_mmap m;
	struct tm_mmap_reply rep = {0};
	memset(&m, 0, sizeof(m));
	m.type = _IO_MMAP;
	m.combine_len = sizeof(m);
	m.prot = (uint32_t)prot;
	m.offset = (uint64_t)off;
	m.len = len;
	m.addr = (uint64_t)(uintptr_t)addr;
	m.flags = (uint32_t)(flags & (MAP_TYPE | MAP_FIXED));
	long r = MsgSendnc_r(fd, &m, sizeof(m), &rep, sizeof(rep));
	if (r < 0)
		return (void *)__qsoe_ret(r == -ENOSYS ? -ENODEV : r);
	return (void *)(uintptr_t)rep.addr;
}

int munmap(void *addr, size_t len)
{
	if (!ALIGNED(addr) || len == 0)
		return (int)__qsoe_ret(-EINVAL);
	return (int)__qsoe_ret(__qsoe_vm_unmap(addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	if (!ALIGNED(addr) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_NOCACHE)))
		return (int)__qsoe_ret(-EINVAL);
	if (len == 0)
		return 0;
	return (int)__qsoe_ret(__qsoe_vm_protect(addr, len, prot));
}

/* -ENOMEM unless every page of [addr, addr + len) is mapped. */
static int all_mapped(const void *addr, size_t len)
{
	for (uintptr_t a = (uintptr_t)addr & ~(PAGE - 1); a < (uintptr_t)addr + len;) {
		uint64_t pa;
		size_t contig;
		if (__qsoe_vm_phys((const void *)a, &pa, &contig) < 0)
			return -ENOMEM;
		size_t step = contig > PAGE ? (contig & ~(PAGE - 1)) : PAGE;
		a += step;
	}
	return 0;
}

/*
 * msync: QSOE's file mappings are the server's memory itself (shared
 * objects) or private copies, so there is nothing to write back; the range
 * must be mapped.
 */
int msync(void *addr, size_t len, int flags)
{
	if (!ALIGNED(addr) || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return (int)__qsoe_ret(-EINVAL);
	__qsoe_testcancel();
	return (int)__qsoe_ret(all_mapped(addr, len));
}

/* Nothing is ever paged out on QSOE: locking succeeds once the range is mapped. */
int mlock(const void *addr, size_t len)
{
	return (int)__qsoe_ret(all_mapped(addr, len));
}

int munlock(const void *addr, size_t len)
{
	return (int)__qsoe_ret(all_mapped(addr, len));
}

int mlockall(int flags)
{
	if (flags == 0 || (flags & ~(MCL_CURRENT | MCL_FUTURE)))
		return (int)__qsoe_ret(-EINVAL);
	return 0;
}

int munlockall(void)
{
	return 0;
}

/* Advice is accepted and ignored (no paging); EINVAL for unknown advice. */
int posix_madvise(void *addr, size_t len, int advice)
{
	(void)len;
	if (!ALIGNED(addr) || advice < POSIX_MADV_NORMAL || advice > POSIX_MADV_DONTNEED)
		return EINVAL;
	return 0;
}

/* madvise: as posix_madvise (nothing is paged, so advice changes nothing); 0 or -1 with errno. */
int madvise(void *addr, size_t len, int advice)
{
	int e = posix_madvise(addr, len, advice);
	if (e) {
		errno = e;
		return -1;
	}
	return 0;
}

/* "/dev/shmem/NAME" for a shared memory object "/NAME" (one component). */
static int shm_path(const char *name, char *out, size_t size)
{
	if (name == NULL)
		return -EFAULT;
	if (name[0] != '/' || name[1] == 0 || strchr(name + 1, '/'))
		return -EINVAL;
	if (strlen(name) > NAME_MAX)
		return -ENAMETOOLONG;
	snprintf(out, size, "/dev/shmem%s", name);
	return 0;
}

/*
 * shm_open: opens (creates with O_CREAT) the shared memory object name,
 * which must be "/" and one component. SHM_ANON makes an unnamed object.
 * The descriptor has FD_CLOEXEC.
 */
int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[PATH_MAX];

	if ((oflag & O_ACCMODE) != O_RDONLY && (oflag & O_ACCMODE) != O_RDWR)
		return (int)__qsoe_ret(-EINVAL);
	if (name == SHM_ANON) {
		static unsigned seq;
		for (int tries = 0; tries < 100; tries++) {
			snprintf(path, sizeof(path), "/dev/shmem/.anon.%d.%u", __qsoe_proc.pid,
			         __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED));
			int fd = __qsoe_open(AT_FDCWD, path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
			                     mode & 0777);
			if (fd == -EEXIST)
				continue;
			if (fd >= 0)
				unlink(path);
			return (int)__qsoe_ret(fd);
		}
		return (int)__qsoe_ret(-EEXIST);
	}
	int r = shm_path(name, path, sizeof(path));
	if (r < 0)
		return (int)__qsoe_ret(r);
	return (int)__qsoe_ret(
	        __qsoe_open(AT_FDCWD, path,
	                    (oflag & (O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC)) | O_CLOEXEC, mode));
}

int shm_unlink(const char *name)
{
	char path[PATH_MAX];
	int r = shm_path(name, path, sizeof(path));

	if (r < 0)
		return (int)__qsoe_ret(r);
	return unlink(path);
}

/*
 * QNX mem_offset64: the physical address of addr (fd must be NOFD: only
 * the caller's own memory) and how many bytes from there, up to len, are
 * physically contiguous.
 */
int mem_offset64(const void *addr, int fd, size_t len, __off64_t *offset, size_t *contig)
{
	uint64_t pa;
	size_t c;

	if (fd != NOFD)
		return (int)__qsoe_ret(-ENOSYS);
	int r = __qsoe_vm_phys(addr, &pa, &c);
	if (r < 0)
		return (int)__qsoe_ret(r);
	if (offset)
		*offset = (__off64_t)pa;
	if (contig)
		*contig = c < len ? c : len;
	return 0;
}

int mem_offset(const void *addr, int fd, size_t len, off_t *offset, size_t *contig)
{
	return mem_offset64(addr, fd, len, (__off64_t *)offset, contig);
}
