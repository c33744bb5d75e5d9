/*
 * g_memory.c - group "memory": anonymous mappings (read/write, fixed
 * placement, protection changes, unmapping), argument errors, malloc of
 * large and absurd sizes, shared memory objects mapped twice, mem_offset.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(memory)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	CHECK_EQ(pg, 4096);

	unsigned char *p =
	        mmap(NULL, 16 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	CHECK(p != MAP_FAILED, "anonymous mmap (errno %d)", errno);
	if (p != MAP_FAILED) {
		int zero = 1;
		for (size_t i = 0; i < 16 * pg; i++)
			if (p[i])
				zero = 0;
		CHECK(zero, "new anonymous memory is zeroed");
		for (size_t i = 0; i < 16 * pg; i++)
			p[i] = (unsigned char)(i * 7);
		int same = 1;
		for (size_t i = 0; i < 16 * pg; i++)
			if (p[i] != (unsigned char)(i * 7))
				same = 0;
		CHECK(same, "what was written reads back");
		CHECK_OK(mprotect(p, pg, PROT_READ));
		CHECK_OK(mprotect(p, pg, PROT_READ | PROT_WRITE));
		CHECK_OK(mlock(p, pg));
		CHECK_OK(msync(p, pg, MS_SYNC));
		CHECK_OK(munmap(p + 8 * pg, 8 * pg));
		CHECK_ERR(msync(p + 8 * pg, pg, MS_SYNC), -1, ENOMEM); /* unmapped now */
		/* MAP_FIXED into the hole */
		void *q = mmap(p + 8 * pg, pg, PROT_READ | PROT_WRITE,
		               MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
		CHECK(q == p + 8 * pg, "MAP_FIXED places the mapping exactly");
		CHECK_OK(munmap(p, 16 * pg));
	}
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED &&
	              errno == EINVAL,
	      "a zero-length mmap is EINVAL");
	CHECK(mmap((void *)1, pg, PROT_READ, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0) ==
	                      MAP_FAILED &&
	              errno == EINVAL,
	      "an unaligned MAP_FIXED is EINVAL");
	CHECK(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 12345, 0) == MAP_FAILED && errno == EBADF,
	      "mmap of a bad descriptor is EBADF");
	CHECK_ERR(munmap((void *)123, pg), -1, EINVAL);

	/* malloc: large blocks and absurd sizes */
	char *big = malloc(8 << 20);
	CHECK(big != NULL, "malloc of 8 MiB");
	if (big) {
		memset(big, 0x5a, 8 << 20);
		CHECK(big[(8 << 20) - 1] == 0x5a, "the last byte is usable");
		free(big);
	}
	errno = 0;
	CHECK(malloc(SIZE_MAX / 2) == NULL && errno == ENOMEM, "an absurd malloc is ENOMEM");

	/* shared memory: two mappings of one object see each other's writes */
	shm_unlink("/suite-shm");
	int fd = shm_open("/suite-shm", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0, "shm_open O_CREAT (errno %d %s)", errno, strerror(errno));
	if (fd >= 0) {
		CHECK_OK(ftruncate(fd, (off_t)pg));
		int *a = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		int *b = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		CHECK(a != MAP_FAILED && b != MAP_FAILED, "two shared mappings (errno %d)", errno);
		if (a != MAP_FAILED && b != MAP_FAILED) {
			a[10] = 12345;
			CHECK_EQ(b[10], 12345);
			munmap(a, pg);
			munmap(b, pg);
		}
		close(fd);
		CHECK_ERR(shm_open("/suite-shm", O_RDWR | O_CREAT | O_EXCL, 0600), -1, EEXIST);
		CHECK_OK(shm_unlink("/suite-shm"));
		CHECK_ERR(shm_open("/suite-shm", O_RDWR, 0), -1, ENOENT);
	}
	CHECK_ERR(shm_open("no-slash", O_RDWR, 0), -1, EINVAL);
	CHECK_ERR(shm_open("/a/b", O_RDWR, 0), -1, EINVAL);

	/* physical address of our own memory */
	int on_stack = 0;
	off64_t pa = 0;
	size_t contig = 0;
	CHECK_OK(mem_offset64(&on_stack, NOFD, sizeof(on_stack), &pa, &contig));
	CHECK(pa != 0 && contig >= sizeof(on_stack), "mem_offset64 gives an address and a length");
}
