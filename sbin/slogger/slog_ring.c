/*
 * slog_ring.c - slogger's event ring (see slog_ring.h).
 */
#include "slog_ring.h"

#include <stdlib.h>
#include <string.h>

size_t slog_record_size(size_t len)
{
	return (sizeof(struct slog_event) + len + 7) & ~(size_t)7;
}

int slog_ring_init(struct slog_ring *r, size_t size)
{
	memset(r, 0, sizeof(*r));
	size &= ~(size_t)7;
	if (size < 2 * slog_record_size(_SLOG_DATA_MAX))
		return -1;
	r->buf = calloc(1, size);
	if (r->buf == NULL)
		return -1;
	r->size = size;
	return 0;
}

void slog_ring_fini(struct slog_ring *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Copies n bytes into the ring at offset off (wrapping). */
static void put(struct slog_ring *r, size_t off, const void *src, size_t n)
{
	size_t first = r->size - off;

	if (n <= first) {
		memcpy(r->buf + off, src, n);
	} else {
		memcpy(r->buf + off, src, first);
		memcpy(r->buf, (const char *)src + first, n - first);
	}
}

/* Copies n bytes out of the ring from offset off (wrapping). */
static void get(const struct slog_ring *r, size_t off, void *dst, size_t n)
{
	size_t first = r->size - off;

	if (n <= first) {
		memcpy(dst, r->buf + off, n);
	} else {
		memcpy(dst, r->buf + off, first);
		memcpy((char *)dst + first, r->buf, n - first);
	}
}

/* The size of the record at offset off. */
static uint32_t rec_size(const struct slog_ring *r, size_t off)
{
	uint32_t sz;

	get(r, off, &sz, sizeof(sz));
	return sz;
}

/* Drops the oldest event. */
static void drop_oldest(struct slog_ring *r)
{
	uint32_t sz = rec_size(r, r->head);

	r->head = (r->head + sz) % r->size;
	r->used -= sz;
	r->count--;
	if (r->first >= r->read_hi)
		r->dropped++;
	r->first++;
}

long slog_ring_append(struct slog_ring *r, struct slog_event *ev, const void *data, size_t len)
{
	size_t rec = slog_record_size(len);
	static const char zero[8];

	if (rec > r->size)
		return -1;
	while (r->size - r->used < rec)
		drop_oldest(r);
	if (r->count == 0)
		r->first = r->next;
	ev->size = (uint32_t)rec;
	ev->seq = r->next++;
	ev->len = (uint32_t)len;
	size_t tail = (r->head + r->used) % r->size;
	put(r, tail, ev, sizeof(*ev));
	put(r, (tail + sizeof(*ev)) % r->size, data, len);
	size_t pad = rec - sizeof(*ev) - len;
	put(r, (tail + sizeof(*ev) + len) % r->size, zero, pad);
	r->used += rec;
	r->count++;
	r->total++;
	return ev->seq;
}

uint32_t slog_ring_pending(const struct slog_ring *r, uint32_t seq)
{
	if (r->count == 0 || (int32_t)(seq - r->next) >= 0)
		return 0;
	if ((int32_t)(seq - r->first) < 0)
		return r->count;
	return r->next - seq;
}

long slog_ring_read(struct slog_ring *r, uint32_t *seq, char *buf, size_t cap)
{
	if (slog_ring_pending(r, *seq) == 0)
		return 0;
	uint32_t s = r->first;
	size_t off = r->head;
	while ((int32_t)(s - *seq) < 0) { /* skip what the reader has seen */
		off = (off + rec_size(r, off)) % r->size;
		s++;
	}
	size_t done = 0;
	while ((int32_t)(s - r->next) < 0) {
		uint32_t sz = rec_size(r, off);
		if (done + sz > cap)
			break;
		get(r, off, buf + done, sz);
		done += sz;
		off = (off + sz) % r->size;
		s++;
	}
	if (done == 0)
		return -1;
	*seq = s;
	if ((int32_t)(s - r->read_hi) > 0)
		r->read_hi = s;
	return (long)done;
}

void slog_ring_clear(struct slog_ring *r)
{
	r->head = r->used = 0;
	r->count = 0;
	r->first = r->next;
}
