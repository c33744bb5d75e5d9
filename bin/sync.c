/*
 * sync - schedule file system updates. With file operands, each file's data
 * is written out with fsync() (as coreutils).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

QU_USAGE("Usage: sync [file...]\n"
         "Writes all buffered file system data (or that of the files) to storage.\n");

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc) {
		sync();
		return 0;
	}
	for (i = qu_optind; i < argc; i++) {
		fd = open(argv[i], O_RDONLY | O_NONBLOCK);
		if (fd < 0) {
			qu_errno(errno, "error opening %s", qu_quote(argv[i]));
			status = 1;
			continue;
		}
		if (fsync(fd) != 0 && errno != EINVAL) {
			qu_errno(errno, "error syncing %s", qu_quote(argv[i]));
			status = 1;
		}
		close(fd);
	}
	return status;
}
