/*
 * dirent.h - directory entries (POSIX). struct dirent is QNX's: d_ino,
 * d_offset, d_reclen, d_namelen, then the NUL-terminated name; optional
 * "extra" records (struct dirent_extra) may follow the name.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>

__BEGIN_DECLS

#ifndef __DEFINED_ino_t
#define __DEFINED_ino_t
typedef __ino_t ino_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif

struct dirent {
	ino_t d_ino;     /* file serial number */
	off_t d_offset;  /* position of this entry in the directory */
	short d_reclen;  /* bytes in this record, extras included */
	short d_namelen; /* bytes in d_name, NUL excluded */
	char d_name[1];  /* the name, NUL-terminated (really d_namelen + 1 bytes) */
};

/* QNX extra data after d_name (stat information, ...). */
struct dirent_extra {
	__uint16_t d_datalen;
	__uint16_t d_type;
	__uint32_t d_reserved;
};

#define _DEXTRA_FIRST(d)                                                               \
	((struct dirent_extra *)(((__uintptr_t)(d)->d_name + (d)->d_namelen + 1 + 7) & \
	                         ~(__uintptr_t)7))
#define _DEXTRA_VALID(x, d)                                                          \
	((char *)(x) + sizeof(struct dirent_extra) <= (char *)(d) + (d)->d_reclen && \
	 (char *)(x) + sizeof(struct dirent_extra) + (x)->d_datalen <=               \
	         (char *)(d) + (d)->d_reclen)
#define _DEXTRA_NEXT(x) \
	((struct dirent_extra *)(((__uintptr_t)((x) + 1) + (x)->d_datalen + 7) & ~(__uintptr_t)7))

typedef struct __qsoe_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int readdir_r(DIR *__restrict dir, struct dirent *__restrict entry,
              struct dirent **__restrict result);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
void seekdir(DIR *dir, long loc);
long telldir(DIR *dir);
int dirfd(DIR *dir);
int scandir(const char *path, struct dirent ***list, int (*sel)(const struct dirent *),
            int (*cmp)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);
/* GNU: scandir order by strverscmp ("file2" before "file10"). */
int versionsort(const struct dirent **a, const struct dirent **b);

__END_DECLS

#endif /* _DIRENT_H */
