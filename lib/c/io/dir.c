/*
 * dir.c - directory streams: opendir, fdopendir, readdir, readdir_r,
 * rewinddir, seekdir, telldir, dirfd, closedir, scandir, alphasort.
 *
 * A directory is read with _IO_READ and xtype _IO_XTYPE_READDIR: the
 * server fills the buffer with whole struct dirent records (d_reclen bytes
 * each, 8-byte aligned), as QNX's resource managers do; an empty reply is
 * the end. Positions are the servers' d_offset values, used with lseek.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qsoe_os.h"

#define DIRBUF 4096

struct __qsoe_dir {
	int fd;
	qsoe_lock_t lock;
	size_t pos, len; /* next record, bytes in buf */
	_Alignas(8) char buf[DIRBUF];
};

/* A stream over the directory open on fd (which it now owns), or NULL. */
DIR *fdopendir(int fd)
{
	struct stat st;
	int r = __qsoe_fstat(fd, &st);

	if (r < 0) {
		errno = -r;
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	DIR *d = calloc(1, sizeof(*d));
	if (d == NULL)
		return NULL;
	d->fd = fd;
	d->lock = (qsoe_lock_t)QSOE_LOCK_INIT;
	ConnectFlags_r(0, fd, _NTO_COF_CLOEXEC, _NTO_COF_CLOEXEC);
	return d;
}

DIR *opendir(const char *path)
{
	int fd = __qsoe_open(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		int e = errno;
		__qsoe_close(fd);
		errno = e;
	}
	return d;
}

int closedir(DIR *d)
{
	if (d == NULL) {
		errno = EBADF;
		return -1;
	}
	int r = __qsoe_close(d->fd);
	free(d);
	return (int)__qsoe_ret(r);
}

int dirfd(DIR *d)
{
	return d->fd;
}

/* Refills the buffer; returns bytes read, 0 at the end, or -errno. */
static long fill(DIR *d)
{
	struct _io_read m = {.type = _IO_READ, .combine_len = sizeof(m)};

	m.nbytes = DIRBUF;
	m.xtype = _IO_XTYPE_READDIR;
	long n = MsgSend_r(d->fd, &m, sizeof(m), d->buf, DIRBUF);
	d->pos = 0;
	d->len = n > 0 ? (size_t)n : 0;
	return n;
}

/* The next entry under d's lock; NULL at the end (errno unchanged) or on error. */
static struct dirent *next_locked(DIR *d, int *err)
{
	*err = 0;
	if (d->pos >= d->len) {
		long n = fill(d);
		if (n <= 0) {
			*err = n < 0 ? (int)-n : 0;
			return NULL;
		}
	}
	struct dirent *e = (struct dirent *)(d->buf + d->pos);
	if (d->len - d->pos < offsetof(struct dirent, d_name) + 1 || e->d_reclen <= 0 ||
	    (size_t)e->d_reclen > d->len - d->pos || (e->d_reclen & 7)) {
		d->pos = d->len; /* a malformed reply: drop the rest of it */
		*err = EIO;
		return NULL;
	}
	d->pos += (size_t)e->d_reclen;
	return e;
}

struct dirent *readdir(DIR *d)
{
	int err;

	qsoe_lock(&d->lock);
	struct dirent *e = next_locked(d, &err);
	qsoe_unlock(&d->lock);
	if (err)
		errno = err;
	return e;
}

int readdir_r(DIR *__restrict d, struct dirent *__restrict entry, struct dirent **__restrict result)
{
	int err;

	qsoe_lock(&d->lock);
	struct dirent *e = next_locked(d, &err);
	if (e)
		memcpy(entry, e, offsetof(struct dirent, d_name) + (size_t)e->d_namelen + 1);
	qsoe_unlock(&d->lock);
	*result = e ? entry : NULL;
	return err;
}

void seekdir(DIR *d, long loc)
{
	qsoe_lock(&d->lock);
	d->pos = d->len = 0;
	lseek(d->fd, loc, SEEK_SET);
	qsoe_unlock(&d->lock);
}

void rewinddir(DIR *d)
{
	seekdir(d, 0);
}

/* The position of the next entry readdir would return (for seekdir). */
long telldir(DIR *d)
{
	long loc;

	qsoe_lock(&d->lock);
	if (d->pos < d->len)
		loc = (long)((struct dirent *)(d->buf + d->pos))->d_offset;
	else
		loc = (long)lseek(d->fd, 0, SEEK_CUR);
	qsoe_unlock(&d->lock);
	return loc;
}

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

/* scandir order by strverscmp (GNU). */
int versionsort(const struct dirent **a, const struct dirent **b)
{
	return strverscmp((*a)->d_name, (*b)->d_name);
}

/*
 * scandir: the entries of path accepted by sel (all if NULL), copied into a
 * malloc'd array sorted with cmp (unsorted if NULL). Returns their number.
 */
int scandir(const char *path, struct dirent ***list, int (*sel)(const struct dirent *),
            int (*cmp)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent **v = NULL, *e;
	size_t n = 0, cap = 0;
	int saved = errno;

	if (d == NULL)
		return -1;
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (sel && !sel(e))
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct dirent **nv = realloc(v, nc * sizeof(*v));
			if (nv == NULL)
				goto fail;
			v = nv;
			cap = nc;
		}
		size_t sz = offsetof(struct dirent, d_name) + (size_t)e->d_namelen + 1;
		v[n] = malloc(sz < sizeof(struct dirent) ? sizeof(struct dirent) : sz);
		if (v[n] == NULL)
			goto fail;
		memcpy(v[n], e, sz);
		v[n]->d_reclen = (short)sz;
		n++;
	}
	if (errno)
		goto fail;
	closedir(d);
	if (cmp && n > 1)
		qsort(v, n, sizeof(*v), (int (*)(const void *, const void *))cmp);
	*list = v;
	errno = saved;
	return (int)n;
fail:;
	int e2 = errno ? errno : ENOMEM;
	while (n)
		free(v[--n]);
	free(v);
	closedir(d);
	errno = e2;
	return -1;
}
