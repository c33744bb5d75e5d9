/*
 * ftw.h - file tree walks (POSIX ftw and nftw).
 */
#ifndef _FTW_H
#define _FTW_H

#include <sys/cdefs.h>
#include <sys/stat.h>

__BEGIN_DECLS

/* The type argument of the callback. */
#define FTW_F   0 /* a file that is not a directory */
#define FTW_D   1 /* a directory (reported before its contents) */
#define FTW_DNR 2 /* a directory that cannot be read */
#define FTW_DP  3 /* a directory whose contents were reported (FTW_DEPTH) */
#define FTW_NS  4 /* stat failed (the struct stat is undefined) */
#define FTW_SL  5 /* a symbolic link (FTW_PHYS) */
#define FTW_SLN 6 /* a symbolic link naming a missing file (without FTW_PHYS) */

/* nftw flags. */
#define FTW_PHYS  0x1 /* do not follow symbolic links */
#define FTW_MOUNT 0x2 /* stay on the file system of the starting point */
#define FTW_DEPTH 0x4 /* report a directory after its contents (FTW_DP) */
#define FTW_CHDIR 0x8 /* change to each directory before reading it */

struct FTW {
	int base;  /* offset of the last component in the path */
	int level; /* depth below the starting point (0 for it) */
};

int ftw(const char *path, int (*fn)(const char *, const struct stat *, int), int fd_limit);
int nftw(const char *path, int (*fn)(const char *, const struct stat *, int, struct FTW *),
         int fd_limit, int flags);

__END_DECLS

#endif /* _FTW_H */
