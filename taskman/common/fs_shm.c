/*
 * fs_shm.c - /dev/shmem: POSIX shared memory objects (shm_open,
 * shm_unlink, ftruncate, mmap). An object's pages live in taskman's
 * address space as a list of extents (growing adds one; existing pages
 * never move, so every mapping keeps seeing the same memory) and are
 * mapped into clients with seam_share. Shrinking zeroes the cut-off bytes
 * but keeps the pages until the object is freed (unlinked and closed; the
 * kernel keeps the pages clients still map).
 *
 * shm_lock protects every object. Permissions follow the object's mode,
 * owner and group (the mode is used as given: the client's C library
 * applies its umask).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/fs.h>
#include <taskman/seam.h>

struct shm_ext {
	uint64_t off, len;
	void *local;
};

struct tm_shm {
	struct tm_shm *next;
	char *name;
	int linked; /* still has its name */
	int refs;   /* OCBs */
	uint32_t mode;
	uid_t uid;
	gid_t gid;
	uint64_t size, cap, ino;
	struct shm_ext *ext;
	unsigned next_;
};

static tm_lock_t shm_lock = TM_LOCK_INIT;
static struct tm_shm *objs;
static uint64_t next_ino = 0x4000000000ULL;

/* Frees an object with no name and no OCB (shm_lock held). */
static void shm_free(struct tm_shm *s)
{
	for (struct tm_shm **p = &objs; *p; p = &(*p)->next)
		if (*p == s) {
			*p = s->next;
			break;
		}
	for (unsigned i = 0; i < s->next_; i++)
		seam_unmap_local(s->ext[i].local, s->ext[i].len);
	free(s->ext);
	free(s->name);
	free(s);
}

/* Adds pages so the capacity is at least cap (page multiple). */
static int grow(struct tm_shm *s, uint64_t cap)
{
	if (cap <= s->cap)
		return 0;
	struct shm_ext *n = realloc(s->ext, (s->next_ + 1) * sizeof(*n));
	if (n == NULL)
		return -ENOMEM;
	s->ext = n;
	uintptr_t a = 0;
	int r = seam_map_anon(0, &a, cap - s->cap, PROT_READ | PROT_WRITE, 0);
	if (r < 0)
		return r;
	n[s->next_].off = s->cap;
	n[s->next_].len = cap - s->cap;
	n[s->next_].local = (void *)a;
	s->next_++;
	s->cap = cap;
	return 0;
}

/*
 * Calls fn on every extent piece of [off, off + len) (inside the capacity):
 * fn(local address, object offset, length, arg). Stops at an error.
 */
static long each_piece(struct tm_shm *s, uint64_t off, uint64_t len,
                       long (*fn)(void *p, uint64_t o, uint64_t n, void *arg), void *arg)
{
	for (unsigned i = 0; i < s->next_ && len; i++) {
		const struct shm_ext *e = &s->ext[i];
		if (off >= e->off + e->len || off + len <= e->off)
			continue;
		uint64_t a = off > e->off ? off : e->off;
		uint64_t b = off + len < e->off + e->len ? off + len : e->off + e->len;
		long r = fn((char *)e->local + (a - e->off), a, b - a, arg);
		if (r < 0)
			return r;
	}
	return 0;
}

/* each_piece callback: zeroes a piece. */
static long zero_piece(void *p, uint64_t o, uint64_t n, void *arg)
{
	(void)o;
	(void)arg;
	memset(p, 0, n);
	return 0;
}

/* Sets the size (shm_lock held). */
static int resize_locked(struct tm_shm *s, uint64_t size)
{
	if (size > (1ULL << 40))
		return -EFBIG;
	int r = grow(s, TM_ALIGN_UP(size));
	if (r < 0)
		return r;
	if (size < s->size)
		each_piece(s, size, s->size - size, zero_piece, NULL);
	s->size = size;
	return 0;
}

/* ftruncate (see fs.h). */
int fs_shm_resize(struct tm_shm *s, uint64_t size)
{
	tm_lock(&shm_lock);
	int r = resize_locked(s, size);
	tm_unlock(&shm_lock);
	return r;
}

/* The object's stat record (see fs.h). */
void fs_shm_stat(struct tm_shm *s, struct stat *st)
{
	tm_lock(&shm_lock);
	tm_stat_fill(st, s->ino, S_IFNAM | (s->mode & 07777), s->size, (uint32_t)s->uid,
	             (uint32_t)s->gid, 0);
	st->st_mode = S_IFNAM | (s->mode & 07777); /* QNX reports shared memory as S_IFNAM */
	tm_unlock(&shm_lock);
}

struct xfer {
	rcvid_t rcvid;
	size_t msgoff; /* where the data starts in the message (writes) */
	uint64_t base; /* object offset of the first byte */
};

/* each_piece callback: writes a piece into the client's reply buffer. */
static long write_piece(void *p, uint64_t o, uint64_t n, void *arg)
{
	const struct xfer *x = arg;
	long r = MsgWrite_r(x->rcvid, p, n, o - x->base);
	return r < 0 ? r : 0;
}

/* each_piece callback: reads a piece of the client's write data. */
static long read_piece(void *p, uint64_t o, uint64_t n, void *arg)
{
	const struct xfer *x = arg;
	long r = MsgRead_r(x->rcvid, p, n, x->msgoff + (o - x->base));
	return r < 0 ? r : (uint64_t)r == n ? 0 : -EFAULT;
}

/* read at off: returns the bytes delivered (MsgWrite) or -errno. */
ssize_t fs_shm_read(struct tm_shm *s, rcvid_t rcvid, uint64_t off, size_t n)
{
	tm_lock(&shm_lock);
	size_t k = off >= s->size ? 0 : s->size - off < n ? s->size - off : n;
	struct xfer x = {rcvid, 0, off};
	long r = k ? each_piece(s, off, k, write_piece, &x) : 0;
	tm_unlock(&shm_lock);
	return r < 0 ? r : (ssize_t)k;
}

/* write at off (the end with append), growing the object; returns the new position. */
ssize_t fs_shm_write(struct tm_shm *s, rcvid_t rcvid, size_t msgoff, uint64_t off, size_t n,
                     int append)
{
	tm_lock(&shm_lock);
	if (append)
		off = s->size;
	long r = 0;
	if (off + n > s->size)
		r = resize_locked(s, off + n);
	struct xfer x = {rcvid, msgoff, off};
	if (r == 0 && n)
		r = each_piece(s, off, n, read_piece, &x);
	tm_unlock(&shm_lock);
	return r < 0 ? r : (ssize_t)(off + n);
}

/* fchmod (owner or root) and fchown (root). */
int fs_shm_chattr(struct tm_shm *s, const struct tm_cred *c, int chmod_, mode_t mode, uid_t uid,
                  gid_t gid)
{
	int r = 0;

	tm_lock(&shm_lock);
	if (chmod_) {
		if (c->euid != 0 && c->euid != s->uid)
			r = -EPERM;
		else
			s->mode = mode & 07777;
	} else if (c->euid != 0) {
		r = -EPERM;
	} else {
		if (uid != (uid_t)-1)
			s->uid = uid;
		if (gid != (gid_t)-1)
			s->gid = gid;
	}
	tm_unlock(&shm_lock);
	return r;
}

struct share {
	pid_t pid;
	uintptr_t addr; /* child address of object offset base */
	uint64_t base;
	int prot;
	char *copy; /* private: window on the child's copy */
};

/* each_piece callback: shares (or, private, copies) a piece into the client. */
static long share_piece(void *p, uint64_t o, uint64_t n, void *arg)
{
	struct share *sh = arg;
	uintptr_t a = sh->addr + (o - sh->base);
	if (sh->copy) {
		memcpy(sh->copy + (o - sh->base), p, n);
		return 0;
	}
	return seam_share(sh->pid, &a, n, sh->prot, p);
}

/* mmap of [off, off + len) (see fs.h). Takes shm_lock. */
int fs_shm_map(struct tm_shm *s, pid_t pid, uint64_t off, size_t len, int prot, int shared,
               int fixed, uintptr_t *addr)
{
	len = TM_ALIGN_UP(len);
	tm_lock(&shm_lock);
	int r = 0;
	if (off > s->cap || len > s->cap - off) {
		r = -ENXIO; /* past the end of the object */
		goto out;
	}
	r = seam_map_anon(pid, addr, len, shared ? prot : PROT_READ | PROT_WRITE, fixed);
	if (r < 0)
		goto out;
	struct share sh = {.pid = pid, .addr = *addr, .base = off, .prot = prot};
	void *local = NULL;
	if (!shared) {
		r = seam_map_child(pid, *addr, len, &local);
		if (r < 0)
			goto undo;
		sh.copy = local;
	}
	r = (int)each_piece(s, off, len, share_piece, &sh);
	if (local)
		seam_unmap_local(local, len);
	if (r == 0 && !shared)
		r = seam_protect(pid, *addr, len, prot);
undo:
	if (r < 0)
		seam_unmap(pid, *addr, len);
out:
	tm_unlock(&shm_lock);
	return r;
}

/* An OCB of the object closed: frees it if it is unlinked and unused. */
void fs_shm_release(struct tm_shm *s)
{
	tm_lock(&shm_lock);
	if (--s->refs == 0 && !s->linked)
		shm_free(s);
	tm_unlock(&shm_lock);
}

/* The object with that name (shm_lock held), or NULL. */
static struct tm_shm *find_locked(const char *name)
{
	for (struct tm_shm *s = objs; s; s = s->next)
		if (s->linked && strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

/* The directory /dev/shmem itself: the object names. */
static int open_dir(struct tm_open *o)
{
	struct tm_ocb *ocb = tm_ocb_new(TM_OCB_DIR);
	int r = 0;

	if (ocb == NULL)
		return -ENOMEM;
	tm_lock(&shm_lock);
	for (struct tm_shm *s = objs; s && r == 0; s = s->next)
		if (s->linked)
			r = tm_ocb_add_dirent(ocb, s->name, s->ino, S_IFNAM | s->mode);
	tm_unlock(&shm_lock);
	if (r < 0) {
		tm_ocb_put(ocb);
		return r;
	}
	tm_stat_fill(&ocb->st, next_ino - 1, S_IFDIR | 01777, ocb->ndirents, 0, 0, 0);
	o->ocb = ocb;
	return 0;
}

/* shm_open: finds or (O_CREAT) creates the object, checks access. */
int fs_shm_open(struct tm_open *o)
{
	uint32_t fl = o->c->ioflag;
	int r = 0;

	if (o->path[0] == 0)
		return (fl & _IO_FLAG_WR) ? -EISDIR : open_dir(o);
	if (strchr(o->path, '/'))
		return -ENOENT;
	struct tm_ocb *ocb = tm_ocb_new(TM_OCB_SHM);
	if (ocb == NULL)
		return -ENOMEM;
	tm_lock(&shm_lock);
	struct tm_shm *s = find_locked(o->path);
	if (s == NULL && !(fl & O_CREAT)) {
		r = -ENOENT;
	} else if (s == NULL) {
		s = calloc(1, sizeof(*s));
		if (s == NULL || (s->name = strdup(o->path)) == NULL) {
			free(s);
			r = -ENOMEM;
		} else {
			s->linked = 1;
			s->mode = o->c->mode & 07777;
			s->uid = o->cred.euid;
			s->gid = o->cred.egid;
			s->ino = next_ino++;
			s->next = objs;
			objs = s;
		}
	} else if ((fl & O_CREAT) && (fl & O_EXCL)) {
		r = -EEXIST;
	} else {
		r = tm_access(&o->cred, s->mode, s->uid, s->gid, fl & (_IO_FLAG_RD | _IO_FLAG_WR));
	}
	if (r == 0 && (fl & O_TRUNC) && (fl & _IO_FLAG_WR))
		r = resize_locked(s, 0);
	if (r == 0) {
		s->refs++;
		ocb->shm = s;
	}
	tm_unlock(&shm_lock);
	if (r < 0) {
		tm_ocb_put(ocb);
		return r;
	}
	fs_shm_stat(s, &ocb->st);
	o->ocb = ocb;
	return 0;
}

/* shm_unlink: the owner or root removes the name. */
int fs_shm_unlink(struct tm_open *o)
{
	int r = 0;

	tm_lock(&shm_lock);
	struct tm_shm *s = o->path[0] ? find_locked(o->path) : NULL;
	if (s == NULL) {
		r = -ENOENT;
	} else if (o->cred.euid != 0 && o->cred.euid != s->uid) {
		r = -EACCES;
	} else {
		s->linked = 0;
		if (s->refs == 0)
			shm_free(s);
	}
	tm_unlock(&shm_lock);
	return r;
}
