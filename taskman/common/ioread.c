/*
 * ioread.c - _IO_READ (files, directories, /dev/zero, /dev/urandom,
 * shared memory; pread through _IO_XTYPE_OFFSET) and _IO_MMAP of
 * taskman's own files (protocol extension: struct tm_mmap in
 * include/qsoe/taskman.h).
 *
 * A directory read returns whole QNX struct dirent records (<dirent.h>):
 * d_ino, d_offset (the entry's index), d_reclen (8-byte multiple),
 * d_namelen, the name and a NUL. The position of a directory is the index
 * of the next entry; "." and ".." are not listed.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/fs.h>
#include <taskman/seam.h>

#define DEV_CHUNK (64 * 1024) /* most bytes of a device or directory read */
#define MMAP_MAX  (1ULL << 36)

static const char zeros[DEV_CHUNK];

/* Directory records from entry ocb->offset (or pos) into a heap buffer. */
static int read_dir(struct tm_ocb *ocb, uint64_t *pos, uint64_t n, struct tm_ioreply *out)
{
	size_t cap = n < DEV_CHUNK ? (size_t)n : DEV_CHUNK, used = 0;
	char *buf = malloc(cap ? cap : 1);
	uint64_t i;

	if (buf == NULL)
		return -ENOMEM;
	for (i = *pos; i < ocb->ndirents; i++) {
		const char *name = ocb->dirents[i].name;
		size_t nl = strlen(name);
		size_t rec = (offsetof(struct dirent, d_name) + nl + 1 + 7) & ~(size_t)7;
		if (used + rec > cap)
			break;
		struct dirent *d = (struct dirent *)(buf + used);
		memset(d, 0, rec);
		d->d_ino = ocb->dirents[i].ino;
		d->d_offset = (off_t)i;
		d->d_reclen = (short)rec;
		d->d_namelen = (short)nl;
		memcpy(d->d_name, name, nl);
		used += rec;
	}
	if (used == 0 && *pos < ocb->ndirents) {
		free(buf);
		return -EINVAL; /* the buffer cannot hold one entry */
	}
	*pos = i;
	out->heap = buf;
	out->data = buf;
	out->len = used;
	out->status = (long)used;
	return 0;
}

/* _IO_READ of any kind of OCB; fills *out (shared memory writes directly). */
int tm_io_read(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_read)) < 0)
		return -EINVAL;
	io_read_t *q = (io_read_t *)((char *)m->buf + off);
	uint64_t n = _IO_READ_GET_NBYTES(q), pos = 0;
	unsigned xtype = q->i.xtype & _IO_XTYPE_MASK;
	int pread = xtype == _IO_XTYPE_OFFSET;

	if (!(ocb->ioflag & _IO_FLAG_RD))
		return -EBADF;
	if (pread) {
		struct _xtype_offset x;
		if (tm_msg_fetch(m, off + sizeof(struct _io_read) + sizeof(x)) < 0)
			return -EINVAL;
		memcpy(&x, (char *)m->buf + off + sizeof(struct _io_read), sizeof(x));
		if (x.offset < 0)
			return -EINVAL;
		pos = (uint64_t)x.offset;
	} else if (xtype != _IO_XTYPE_NONE && xtype != _IO_XTYPE_READDIR) {
		return -ENOSYS;
	}
	switch (ocb->kind) {
	case TM_OCB_NULL:
		return 0;
	case TM_OCB_ZERO:
		out->len = n < DEV_CHUNK ? (size_t)n : DEV_CHUNK;
		out->data = zeros;
		out->status = (long)out->len;
		return 0;
	case TM_OCB_URANDOM:
		out->len = n < DEV_CHUNK ? (size_t)n : DEV_CHUNK;
		out->heap = malloc(out->len ? out->len : 1);
		if (out->heap == NULL)
			return -ENOMEM;
		tm_random_fill(out->heap, out->len);
		out->data = out->heap;
		out->status = (long)out->len;
		return 0;
	default:
		break;
	}
	tm_lock(&ocb->lock);
	if (!pread)
		pos = ocb->offset;
	int r = 0;
	if (ocb->kind == TM_OCB_DIR) {
		r = read_dir(ocb, &pos, n, out);
	} else if (ocb->kind == TM_OCB_SHM) {
		ssize_t k = fs_shm_read(ocb->shm, m->rcvid, pos, n);
		if (k < 0)
			r = (int)k;
		else
			pos += (uint64_t)k;
		out->status = k;
	} else {
		size_t k = pos >= ocb->size ? 0 : ocb->size - pos < n ? ocb->size - pos : (size_t)n;
		out->data = ocb->data + (k ? pos : 0);
		out->len = k;
		out->status = (long)k;
		pos += k;
	}
	if (r == 0 && !pread)
		ocb->offset = pos;
	tm_unlock(&ocb->lock);
	return r;
}

/* Maps a private copy of [src, src + srclen) (zero-filled to len) into pid. */
static int map_copy(pid_t pid, const void *src, size_t srclen, size_t len, int prot, int fixed,
                    uintptr_t *addr)
{
	void *local;
	len = TM_ALIGN_UP(len);
	int r = seam_map_anon(pid, addr, len, PROT_READ | PROT_WRITE, fixed);
	if (r < 0)
		return r;
	if (srclen) {
		r = seam_map_child(pid, *addr, len, &local);
		if (r < 0) {
			seam_unmap(pid, *addr, len);
			return r;
		}
		memcpy(local, src, srclen < len ? srclen : len);
		seam_unmap_local(local, len);
	}
	return seam_protect(pid, *addr, len, prot);
}

/* _IO_MMAP (struct tm_mmap): maps into the sender; *out is the address. */
int tm_io_mmap(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct tm_mmap)) < 0)
		return -EINVAL;
	const struct tm_mmap *q = (const void *)((char *)m->buf + off);
	int prot = (int)(q->prot & (PROT_READ | PROT_WRITE | PROT_EXEC));
	int type = q->flags & MAP_TYPE, fixed = (q->flags & MAP_FIXED) != 0;
	uintptr_t addr = (uintptr_t)q->addr;
	int r;

	if (q->len == 0 || q->len > MMAP_MAX || (q->offset & (TM_PAGE - 1)) ||
	    (type != MAP_SHARED && type != MAP_PRIVATE) ||
	    (fixed && (addr == 0 || (addr & (TM_PAGE - 1)))))
		return -EINVAL;
	if (!(ocb->ioflag & _IO_FLAG_RD) ||
	    (type == MAP_SHARED && (prot & PROT_WRITE) && !(ocb->ioflag & _IO_FLAG_WR)))
		return -EACCES;
	switch (ocb->kind) {
	case TM_OCB_SHM:
		r = fs_shm_map(ocb->shm, m->info.pid, q->offset, q->len, prot, type == MAP_SHARED,
		               fixed, &addr);
		break;
	case TM_OCB_DATA:
		if (type == MAP_SHARED && (prot & PROT_WRITE))
			return -EACCES;
		r = map_copy(m->info.pid, q->offset < ocb->size ? ocb->data + q->offset : NULL,
		             q->offset < ocb->size ? ocb->size - q->offset : 0, q->len, prot, fixed,
		             &addr);
		break;
	case TM_OCB_ZERO:
		r = seam_map_anon(m->info.pid, &addr, TM_ALIGN_UP(q->len), prot, fixed);
		break;
	default:
		return -ENODEV;
	}
	if (r < 0)
		return r;
	struct tm_mmap_reply *rep = malloc(sizeof(*rep));
	if (rep == NULL)
		return -ENOMEM;
	rep->addr = addr;
	out->heap = rep;
	out->data = rep;
	out->len = sizeof(*rep);
	return 0;
}
