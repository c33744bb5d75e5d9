/*
 * iodesc.c - walking user buffers (iov arrays or single buffers) of two
 * address spaces and copying between them.
 *
 * The iov arrays themselves live in user memory and are read a few entries
 * at a time through the owner's page tables, so a message can have any
 * number of parts without a kernel-side array and without a limit.
 */
#include <skimmer/ipc.h>
#include <skimmer/kstring.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <qsoe/abi/uio.h>

#define IOV_BATCH 16

/* A position inside an iodesc. */
struct cursor {
	struct aspace *as;
	struct iodesc d;
	struct iovec cache[IOV_BATCH];
	long cached_from, ncached; /* entries [cached_from, cached_from + ncached) */
	long idx;                  /* current entry */
	size_t off;                /* offset inside the current entry */
	bool single_done;
};

static void cursor_init(struct cursor *c, struct aspace *as, struct iodesc d)
{
	c->as = as;
	c->d = d;
	c->cached_from = 0;
	c->ncached = 0;
	c->idx = 0;
	c->off = 0;
	c->single_done = false;
}

/* The current contiguous piece: *base and *len (0 at the end). -EFAULT if the iov is unreadable. */
static int cursor_piece(struct cursor *c, uaddr_t *base, size_t *len)
{
	if (c->d.parts < 0) {
		size_t total = (size_t)-c->d.parts;
		*base = c->d.ptr + c->off;
		*len = c->off < total ? total - c->off : 0;
		return 0;
	}
	for (;;) {
		if (c->idx >= c->d.parts) {
			*len = 0;
			return 0;
		}
		if (c->idx < c->cached_from || c->idx >= c->cached_from + c->ncached) {
			long n = MIN(IOV_BATCH, c->d.parts - c->idx);
			if (as_read(c->as, c->cache,
			            c->d.ptr + (uaddr_t)c->idx * sizeof(struct iovec),
			            (size_t)n * sizeof(struct iovec)) < 0)
				return -EFAULT;
			c->cached_from = c->idx;
			c->ncached = n;
		}
		struct iovec *v = &c->cache[c->idx - c->cached_from];
		if (c->off < v->iov_len) {
			*base = (uaddr_t)v->iov_base + c->off;
			*len = v->iov_len - c->off;
			return 0;
		}
		c->idx++;
		c->off = 0;
	}
}

/* Moves the cursor forward n bytes (n no more than what remains). */
static int cursor_skip(struct cursor *c, size_t n)
{
	while (n) {
		uaddr_t b;
		size_t len;
		int r = cursor_piece(c, &b, &len);
		if (r < 0)
			return r;
		if (len == 0)
			return 0;
		size_t k = MIN(len, n);
		c->off += k;
		n -= k;
	}
	return 0;
}

long iodesc_iov_len(struct aspace *as, struct iodesc d)
{
	size_t total = 0;
	struct iovec v[IOV_BATCH];
	for (long i = 0; i < d.parts; i += IOV_BATCH) {
		long n = MIN(IOV_BATCH, d.parts - i);
		if (as_read(as, v, d.ptr + (uaddr_t)i * sizeof(struct iovec),
		            (size_t)n * sizeof(struct iovec)) < 0)
			return -EFAULT;
		for (long k = 0; k < n; k++) {
			if (v[k].iov_len > (1UL << 62) - total)
				return -EOVERFLOW;
			total += v[k].iov_len;
		}
	}
	return (long)total;
}

long iodesc_copy(struct aspace *das, struct iodesc d, size_t doff, struct aspace *sas,
                 struct iodesc s, size_t soff, size_t max, bool *fault_dst)
{
	struct cursor dc, sc;
	size_t done = 0;

	*fault_dst = false;
	if (d.parts <= 0 && s.parts <= 0) {
		/* Two single buffers: one bounded copy, no iov walking. */
		size_t dl = (size_t)-d.parts, sl = (size_t)-s.parts;
		if (doff >= dl || soff >= sl)
			return 0;
		size_t n = MIN(MIN(dl - doff, sl - soff), max);
		if (n == 0)
			return 0;
		long r = as_copy(das, d.ptr + doff, sas, s.ptr + soff, n, fault_dst);
		return r < 0 ? r : (long)n;
	}
	cursor_init(&dc, das, d);
	cursor_init(&sc, sas, s);
	if (cursor_skip(&dc, doff) < 0) {
		*fault_dst = true;
		return -EFAULT;
	}
	if (cursor_skip(&sc, soff) < 0)
		return -EFAULT;
	while (done < max) {
		uaddr_t db, sb;
		size_t dl, sl;
		if (cursor_piece(&dc, &db, &dl) < 0) {
			*fault_dst = true;
			return -EFAULT;
		}
		if (cursor_piece(&sc, &sb, &sl) < 0)
			return -EFAULT;
		if (dl == 0 || sl == 0)
			break;
		size_t n = MIN(MIN(dl, sl), max - done);
		long r = as_copy(das, db, sas, sb, n, fault_dst);
		if (r < 0)
			return r;
		dc.off += n;
		sc.off += n;
		done += n;
	}
	return (long)done;
}

/* Writes a kernel buffer into a user iodesc (pulses, _msg_info-sized data). */
long iodesc_write(struct aspace *as, struct iodesc d, const void *src, size_t len)
{
	struct cursor c;
	size_t done = 0;

	cursor_init(&c, as, d);
	while (done < len) {
		uaddr_t b;
		size_t l;
		if (cursor_piece(&c, &b, &l) < 0)
			return -EFAULT;
		if (l == 0)
			break;
		size_t n = MIN(l, len - done);
		if (as_write(as, b, (const char *)src + done, n) < 0)
			return -EFAULT;
		c.off += n;
		done += n;
	}
	return (long)done;
}
