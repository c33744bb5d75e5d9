/*
 * slog_ring.h - slogger's event ring: whole events (struct slog_event and
 * its data, padded to 8 bytes) stored back to back in a byte ring; when a
 * new event does not fit, the oldest ones are dropped. Events are numbered
 * (seq) so readers can tell where they are and what they missed.
 * Pure code, no locking (slogger is single-threaded).
 */
#ifndef SLOG_RING_H
#define SLOG_RING_H

#include <stddef.h>
#include <stdint.h>
#include <sys/slog.h>

struct slog_ring {
	char *buf;
	size_t size;      /* bytes */
	size_t head;      /* offset of the oldest event */
	size_t used;      /* bytes holding events */
	uint32_t count;   /* events held */
	uint32_t first;   /* seq of the oldest event held */
	uint32_t next;    /* seq the next event gets */
	uint64_t total;   /* events appended since start */
	uint64_t dropped; /* events pushed out before they were read by anybody */
	uint32_t read_hi; /* highest seq any reader has taken + 1 */
};

/* The record size of an event with len bytes of data. */
size_t slog_record_size(size_t len);

/* Sets up a ring of size bytes (at least 2 records of _SLOG_DATA_MAX). 0, or -1 (ENOMEM/EINVAL). */
int slog_ring_init(struct slog_ring *r, size_t size);
void slog_ring_fini(struct slog_ring *r);

/*
 * Appends an event: ev's header (size, seq filled in here) and len bytes of
 * data. Drops the oldest events to make room. Returns the event's seq, or
 * -1 if the event is larger than the whole ring.
 */
long slog_ring_append(struct slog_ring *r, struct slog_event *ev, const void *data, size_t len);

/*
 * Copies whole events with seq >= *seq into buf (at most cap bytes) and
 * advances *seq past them (a *seq older than the oldest event held starts
 * at the oldest). Returns the bytes copied (0: nothing new), or -1 if the
 * first event does not fit in cap bytes.
 */
long slog_ring_read(struct slog_ring *r, uint32_t *seq, char *buf, size_t cap);

/* Events with seq >= seq held in the ring (unread by a reader at seq). */
uint32_t slog_ring_pending(const struct slog_ring *r, uint32_t seq);

/* Empties the ring (sequence numbers go on). */
void slog_ring_clear(struct slog_ring *r);

#endif /* SLOG_RING_H */
