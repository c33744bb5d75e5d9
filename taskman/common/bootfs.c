/*
 * bootfs.c - the boot archive (a newc cpio image mapped read-only).
 */
#include <errno.h>
#include <taskman/taskman.h>
#include "cpio.h"

static const void *bootfs_data;
static size_t bootfs_size;

void bootfs_init(const void *archive, size_t size)
{
	bootfs_data = archive;
	bootfs_size = size;
}

int bootfs_lookup(const char *path, const void **data, size_t *size)
{
	struct cpio_entry e;
	int r = cpio_find(bootfs_data, bootfs_size, path, &e);

	if (r == CPIO_E_NOTFOUND)
		return -ENOENT;
	if (r < 0)
		return -EIO;
	if ((e.mode & 0170000) != 0100000)
		return -EACCES; /* not a regular file */
	*data = e.data;
	*size = e.size;
	return 0;
}
