/*
 * io.c - fs-ram's I/O requests on open files: read (file data, and
 * directory entries for readdir), write (O_APPEND, pwrite), _IO_SPACE
 * (ftruncate, F_FREESP, posix_fallocate), stat, statvfs, chmod/chown
 * with their times, and close. Everything else is the iofunc default
 * (lseek, pathconf, sync, utime, fdinfo, poll: always ready, dup, openfd).
 *
 * Data goes straight between the file's blocks and the client: replies
 * are scattered from the blocks (holes from a page of zeros) and writes
 * are read from the client into the blocks, 64 blocks per kernel call.
 */
#include "fsram.h"

#include <devctl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#define CHUNK    64u         /* iov entries per kernel call */
#define RW_MAX   0x7ffff000u /* bytes per request at most (libc never asks for more) */
#define DIRBYTES 65536u      /* bytes of directory entries per readdir request at most */

static const char zeros[FSR_BLOCK];

/* The bytes the client can take in its reply buffer (or n if the kernel did not say). */
static uint64_t reply_room(resmgr_context_t *ctp, uint64_t n)
{
	if (ctp->info.dstmsglen >= 0 && (uint64_t)ctp->info.dstmsglen < n)
		return (uint64_t)ctp->info.dstmsglen;
	return n;
}

/* The offset of a pread/pwrite (_IO_XTYPE_OFFSET) after the hlen-byte header. */
static int xoffset(resmgr_context_t *ctp, const void *msg, size_t hlen, off_t *off)
{
	struct _xtype_offset x;

	if ((size_t)ctp->info.msglen >= ctp->offset + hlen + sizeof(x))
		memcpy(&x, (const char *)msg + hlen, sizeof(x));
	else if (resmgr_msgread(ctp, &x, sizeof(x), hlen) != (ssize_t)sizeof(x))
		return EINVAL;
	if (x.offset < 0)
		return EINVAL;
	*off = x.offset;
	return EOK;
}

/* Points *iov at the piece of d from pos to at most end; returns its length. */
static size_t piece(const struct fsr_data *d, uint64_t pos, uint64_t end, iov_t *iov)
{
	uint64_t in = pos % FSR_BLOCK;
	size_t len = (size_t)(end - pos < FSR_BLOCK - in ? end - pos : FSR_BLOCK - in);
	char *b = fsr_data_block(d, pos / FSR_BLOCK);

	SETIOV(iov, b ? b + in : (char *)zeros + in, len);
	return len;
}

/* Replies len bytes of d from off: status len, the data scattered from the blocks. */
static void reply_data(resmgr_context_t *ctp, const struct fsr_data *d, uint64_t off, uint64_t len)
{
	iov_t iov[CHUNK];
	uint64_t pos = off, end = off + len;
	size_t k = 0, sent = 0;

	while (pos < end) {
		if (k == CHUNK) { /* more than one call's worth: write ahead, reply at the end */
			ssize_t w = MsgWritev(ctp->rcvid, iov, k, sent);
			if (w < 0) {
				MsgError(ctp->rcvid, errno);
				return;
			}
			sent += (size_t)w;
			k = 0;
		}
		pos += piece(d, pos, end, &iov[k++]);
	}
	if (sent == 0) {
		MsgReplyv(ctp->rcvid, (long)len, iov, k);
		return;
	}
	if (k > 0 && MsgWritev(ctp->rcvid, iov, k, sent) < 0) {
		MsgError(ctp->rcvid, errno);
		return;
	}
	MsgReply(ctp->rcvid, (long)len, NULL, 0);
}

/* Adds one struct dirent to buf (used bytes of size); 0 if it does not fit. */
static int put_dirent(char *buf, size_t size, size_t *used, const char *name, size_t len, ino_t ino,
                      uint64_t cookie)
{
	size_t rec = (offsetof(struct dirent, d_name) + len + 1 + 7) & ~(size_t)7;

	if (rec > size - *used)
		return 0;
	struct dirent *d = (struct dirent *)(buf + *used);
	memset(d, 0, rec);
	d->d_ino = ino;
	d->d_offset = (off_t)cookie;
	d->d_reclen = (short)rec;
	d->d_namelen = (short)len;
	memcpy(d->d_name, name, len);
	*used += rec;
	return 1;
}

/*
 * readdir: whole struct dirent records from the OCB's cookie on ("." is
 * 0, ".." 1, entries from 2), as many as fit; the OCB then holds the
 * cookie after the last one. A removed directory is empty.
 */
static int read_dir(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb, struct fsnode *n)
{
	uint64_t want = reply_room(ctp, _IO_READ_GET_NBYTES(msg));
	size_t size = want > DIRBYTES ? DIRBYTES : (size_t)want, used = 0;
	uint64_t pos = ocb->offset > 0 ? (uint64_t)ocb->offset : 0;
	int full = 0;

	char *buf = malloc(size ? size : 1);
	if (buf == NULL)
		return ENOMEM;
	if (n->attr.nlink != 0) {
		int ok = 1;
		if (pos == 0 && (ok = put_dirent(buf, size, &used, ".", 1, n->attr.inode, 0)))
			ocb->offset = pos = 1;
		if (ok && pos == 1 &&
		    (ok = put_dirent(buf, size, &used, "..", 2, n->u.dir.parent->attr.inode, 1)))
			ocb->offset = pos = 2;
		for (struct fsr_dirent *e = ok ? fsr_dir_from(n, pos) : NULL; e != NULL;
		     e = e->next) {
			ok = put_dirent(buf, size, &used, e->name, e->len, e->node->attr.inode,
			                e->cookie);
			if (!ok)
				break;
			ocb->offset = (off_t)(e->cookie + 1);
		}
		full = !ok;
	}
	if (used == 0 && full) {
		free(buf);
		return EMSGSIZE; /* not even the next entry fits */
	}
	MsgReply(ctp->rcvid, (long)used, buf, used);
	free(buf);
	n->attr.flags |= IOFUNC_ATTR_ATIME;
	return _RESMGR_NOREPLY;
}

/* _IO_READ: file data from the OCB's offset (or a pread's), or directory entries. */
static int fs_read(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	struct fsnode *n = ocb->attr;
	uint32_t xt = msg->i.xtype & _IO_XTYPE_MASK;
	if (S_ISDIR(n->attr.mode))
		return xt == _IO_XTYPE_NONE || xt == _IO_XTYPE_READDIR ? read_dir(ctp, msg, ocb, n)
		                                                       : EISDIR;
	if (xt == _IO_XTYPE_READDIR)
		return ENOTDIR;
	if (!S_ISREG(n->attr.mode))
		return EBADF;
	off_t off = ocb->offset;
	if (xt == _IO_XTYPE_OFFSET && (r = xoffset(ctp, msg, sizeof(msg->i), &off)) != EOK)
		return r;
	uint64_t size = (uint64_t)n->attr.nbytes, len = 0;
	if ((uint64_t)off < size)
		len = size - (uint64_t)off;
	uint64_t want = reply_room(ctp, _IO_READ_GET_NBYTES(msg));
	if (len > want)
		len = want;
	if (len > RW_MAX)
		len = RW_MAX;
	reply_data(ctp, &n->u.data, (uint64_t)off, len);
	if (xt != _IO_XTYPE_OFFSET)
		ocb->offset = off + (off_t)len;
	n->attr.flags |= IOFUNC_ATTR_ATIME;
	return _RESMGR_NOREPLY;
}

/* Reads len bytes of the client's message (from hlen on) into d at off. Returns bytes read. */
static uint64_t take_data(resmgr_context_t *ctp, const struct fsr_data *d, size_t hlen,
                          uint64_t off, uint64_t len)
{
	iov_t iov[CHUNK];
	uint64_t pos = off, end = off + len, done = 0;

	while (pos < end) {
		size_t k = 0, want = 0;
		while (k < CHUNK && pos < end) {
			size_t n = piece(d, pos, end, &iov[k++]);
			pos += n;
			want += n;
		}
		ssize_t got = resmgr_msgreadv(ctp, iov, (int)k, hlen + done);
		if (got <= 0)
			break;
		done += (uint64_t)got;
		if ((size_t)got < want)
			break;
	}
	return done;
}

/* Clears set-user-ID and set-group-ID when someone other than root writes. */
static void write_clears_setid(resmgr_context_t *ctp, struct fsnode *n)
{
	struct _client_info ci;

	if ((n->attr.mode & (S_ISUID | S_ISGID)) && iofunc_client_info(ctp, 0, &ci) == EOK &&
	    ci.cred.euid != 0)
		n->attr.mode &= ~(mode_t)(S_ISUID | S_ISGID);
}

/*
 * _IO_WRITE: the data after the header at the OCB's offset (the end with
 * O_APPEND; a pwrite's offset). As much as the budget allows is written
 * (ENOSPC if nothing could be); EFBIG at the largest file size.
 */
static int fs_write(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_write_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	struct fsnode *n = ocb->attr;
	struct fsram *fs = FSRAM_OF(n);
	if (!S_ISREG(n->attr.mode))
		return EBADF;
	uint32_t xt = msg->i.xtype & _IO_XTYPE_MASK;
	size_t hlen = sizeof(msg->i);
	off_t off = (ocb->ioflag & O_APPEND) ? n->attr.nbytes : ocb->offset;
	if (xt == _IO_XTYPE_OFFSET) {
		if ((r = xoffset(ctp, msg, hlen, &off)) != EOK)
			return r;
		hlen += sizeof(struct _xtype_offset);
	}
	uint64_t len = _IO_WRITE_GET_NBYTES(msg);
	uint64_t sent = (uint64_t)ctp->info.srcmsglen, at = ctp->offset + hlen;
	uint64_t avail = sent > at ? sent - at : 0;
	if (len > avail)
		len = avail; /* the client claims more than it sent */
	if (len > RW_MAX)
		len = RW_MAX;
	if (len == 0) {
		_IO_SET_WRITE_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	uint64_t got;
	if ((r = fsr_data_alloc(&fs->budget, &n->u.data, (uint64_t)off, len, &got)) != 0)
		return r;
	uint64_t size = (uint64_t)n->attr.nbytes;
	uint64_t done = take_data(ctp, &n->u.data, hlen, (uint64_t)off, got);
	if ((uint64_t)off + done > size)
		size = (uint64_t)off + done;
	n->attr.nbytes = (off_t)size;
	if (done < len) /* blocks made past what was written go again, zeros stay zeros */
		fsr_data_cut(&fs->budget, &n->u.data, size);
	if (done == 0)
		return EFAULT; /* the client's data could not be read */
	if (xt != _IO_XTYPE_OFFSET)
		ocb->offset = off + (off_t)done;
	write_clears_setid(ctp, n);
	fsram_touch(n);
	_IO_SET_WRITE_NBYTES(ctp, (long)done);
	return _RESMGR_NPARTS(0);
}

/*
 * _IO_SPACE: F_FREESP frees from start for len bytes (len 0, or past the
 * end: the file ends at start, growing or shrinking, as ftruncate); F_ALLOCSP
 * makes sure [start, start + len) has blocks and the file reaches that far.
 * Replies with the new size.
 */
static int fs_space(resmgr_context_t *ctp, io_space_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_space_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	struct fsnode *n = ocb->attr;
	struct fsram *fs = FSRAM_OF(n);
	if (S_ISDIR(n->attr.mode))
		return EISDIR;
	if (!S_ISREG(n->attr.mode))
		return EINVAL;
	int64_t size = n->attr.nbytes, base = 0;
	if (msg->i.whence == SEEK_CUR)
		base = ocb->offset;
	else if (msg->i.whence == SEEK_END)
		base = size;
	int64_t start = (int64_t)msg->i.start;
	if ((start > 0 && base > INT64_MAX - start) || base + start < 0)
		return EINVAL;
	uint64_t s = (uint64_t)(base + start), len = msg->i.len;
	if (len > UINT64_MAX - s)
		return EINVAL;
	if (msg->i.subtype == F_FREESP) {
		if (len == 0 || s + len >= (uint64_t)size) {
			if (s > FSR_MAX_FILE)
				return EFBIG;
			if (s < (uint64_t)size)
				fsr_data_cut(&fs->budget, &n->u.data, s);
			if (s != (uint64_t)size) {
				n->attr.nbytes = (off_t)s;
				fsram_touch(n);
			}
		} else {
			fsr_data_punch(&fs->budget, &n->u.data, s, len);
			fsram_touch(n);
		}
	} else {
		uint64_t got;
		if (len == 0)
			return EINVAL;
		if (s >= FSR_MAX_FILE || len > FSR_MAX_FILE - s)
			return EFBIG;
		if ((r = fsr_data_alloc(&fs->budget, &n->u.data, s, len, &got)) != 0 || got < len) {
			fsr_data_cut(&fs->budget, &n->u.data, (uint64_t)size);
			return r ? r : ENOSPC;
		}
		if (s + len > (uint64_t)size) {
			n->attr.nbytes = (off_t)(s + len);
			fsram_touch(n);
		}
	}
	msg->o = (uint64_t)n->attr.nbytes;
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
}

/* _IO_STAT: iofunc_stat() with the blocks a file really holds (holes are free). */
static int fs_stat(resmgr_context_t *ctp, io_stat_t *msg, iofunc_ocb_t *ocb)
{
	struct fsnode *n = ocb->attr;

	iofunc_stat(ctp, &n->attr, &msg->o);
	if (S_ISREG(n->attr.mode)) {
		uint64_t blocks = n->u.data.nblocks + n->u.data.nindex;
		msg->o.st_blocks = (blkcnt_t)(blocks * (FSR_BLOCK / 512));
		msg->o.st_nblocks = (int32_t)blocks;
	} else if (S_ISDIR(n->attr.mode)) {
		msg->o.st_size = (off_t)(n->u.dir.count + 2); /* entries, "." and ".." included */
	}
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
}

/* _IO_DEVCTL: statvfs (DCMD_FSYS_STATVFS), then the generic commands (F_GETFL, F_SETFL). */
static int fs_devctl(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb)
{
	if (msg->i.dcmd != FSRAM_DCMD_STATVFS)
		return iofunc_devctl_default(ctp, msg, ocb);
	struct fsram *fs = FSRAM_OF(ocb->attr);
	const struct fsr_budget *b = &fs->budget;
	struct statvfs st;
	memset(&st, 0, sizeof(st));
	st.f_bsize = FSR_BLOCK;
	st.f_frsize = FSR_BLOCK;
	st.f_blocks = b->limit / FSR_BLOCK;
	st.f_bfree = (b->limit - b->used) / FSR_BLOCK;
	st.f_bavail = st.f_bfree;
	st.f_ffree = (b->limit - b->used) / fsr_node_cost();
	st.f_files = b->nodes + st.f_ffree;
	st.f_favail = st.f_ffree;
	st.f_fsid = (unsigned long)fs->mount.dev;
	strcpy(st.f_basetype, "ramfs");
	st.f_flag = ST_NOSUID;
	st.f_namemax = FSR_NAME_MAX;
	struct _io_devctl_reply o;
	memset(&o, 0, sizeof(o));
	o.nbytes = sizeof(st);
	iov_t iov[2];
	SETIOV(&iov[0], &o, sizeof(o));
	SETIOV(&iov[1], &st, sizeof(st));
	MsgReplyv(ctp->rcvid, EOK, iov, 2);
	return _RESMGR_NOREPLY;
}

/* _IO_CHMOD: iofunc_chmod() and the change time now. */
static int fs_chmod(resmgr_context_t *ctp, io_chmod_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_chmod(ctp, msg, ocb, &ocb->attr->attr);

	iofunc_time_update(&ocb->attr->attr);
	return r;
}

/* _IO_CHOWN: iofunc_chown() and the change time now. */
static int fs_chown(resmgr_context_t *ctp, io_chown_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_chown(ctp, msg, ocb, &ocb->attr->attr);

	iofunc_time_update(&ocb->attr->attr);
	return r;
}

/* The last connection to an OCB is gone: close it; a removed node goes with its last OCB. */
static int fs_close_ocb(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb)
{
	struct fsnode *n = ocb->attr;
	struct fsram *fs = FSRAM_OF(n);

	iofunc_close_ocb(ctp, ocb, &n->attr);
	fsr_node_put(&fs->budget, n);
	return EOK;
}

/* Fills the I/O handler table. */
void fsram_io_init(resmgr_io_funcs_t *io)
{
	iofunc_func_init(0, NULL, _RESMGR_IO_NFUNCS, io);
	io->read = fs_read;
	io->write = fs_write;
	io->space = fs_space;
	io->stat = fs_stat;
	io->devctl = fs_devctl;
	io->chmod = fs_chmod;
	io->chown = fs_chown;
	io->close_ocb = fs_close_ocb;
}
