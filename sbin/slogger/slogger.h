/*
 * slogger.h - the system logger's resource manager (/dev/slog): writes
 * add events to the ring, reads return them (struct slog_event records,
 * <sys/slog.h>), readers may wait for more, poll, and devctl clears the
 * ring or reports its statistics.
 */
#ifndef SLOGGER_H
#define SLOGGER_H

struct slog_ocb;
#define IOFUNC_OCB_T struct slog_ocb
#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <stdint.h>

#include "slog_ring.h"

struct slog_ocb {
	iofunc_ocb_t ocb; /* first */
	uint32_t seq;     /* the next event this open reads */
};

/*
 * Attaches path (normally /dev/slog) with a ring of ring_size bytes;
 * events with severity <= echo_sev are also printed on stdout (-1: none).
 * Returns 0 or -1 with errno.
 */
int slogger_attach(dispatch_t *dpp, const char *path, size_t ring_size, int echo_sev);

/* Logs an event of slogger's own (start-up messages). */
void slogger_log(int opcode, int severity, const char *text);

/* The ring (tests). */
struct slog_ring *slogger_ring(void);

#endif /* SLOGGER_H */
