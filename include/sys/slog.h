/*
 * sys/slog.h - the system logger (QNX names): slogf() and friends send an
 * event (an opcode of major and minor code, a severity, and text or binary
 * data) to slogger through /dev/slog; reading /dev/slog gives the events
 * back as struct slog_event records (sloginfo prints them).
 *
 * Wire format (QSOE): a write to /dev/slog is one event, struct slog_write
 * then the data; a write that does not start with _SLOG_WIRE_MAGIC is taken
 * as text at _SLOG_INFO. slogger adds the sender's pid and tid, the time
 * and a sequence number. docs/resmgr.md describes slogger.
 */
#ifndef _SYS_SLOG_H
#define _SYS_SLOG_H

#include <sys/cdefs.h>
#include <stdarg.h>
#include <stdint.h>
#include <devctl.h>

__BEGIN_DECLS

/* Severities: 0 is the most severe. */
#define _SLOG_SHUTDOWN  0 /* shut the system down now */
#define _SLOG_CRITICAL  1 /* unexpected unrecoverable error */
#define _SLOG_ERROR     2 /* unexpected recoverable error */
#define _SLOG_WARNING   3 /* expected error */
#define _SLOG_NOTICE    4 /* warnings */
#define _SLOG_INFO      5 /* information */
#define _SLOG_DEBUG1    6 /* debug messages, normal detail */
#define _SLOG_DEBUG2    7 /* debug messages, fine detail */
#define _SLOG_SEVMAXVAL 7
#define _SLOG_TEXTBIT   0x8000 /* or'ed into a severity: also write the text to stderr */

/* An opcode: major code (<sys/slogcodes.h>) and minor code (0..4095). */
#define _SLOG_SETCODE(_major, _minor) \
	((int)(((unsigned)(_major) << 12) | ((unsigned)(_minor)&0xfffu)))
#define _SLOG_GETMAJOR(_code) ((int)(((unsigned)(_code) >> 12) & 0xfffffu))
#define _SLOG_GETMINOR(_code) ((int)((unsigned)(_code)&0xfffu))

int slogf(int opcode, int severity, const char *fmt, ...)
        __attribute__((__format__(__printf__, 3, 4)));
int vslogf(int opcode, int severity, const char *fmt, va_list ap);
int slogb(int opcode, int severity, void *data, int size);
int slogi(int opcode, int severity, int nargs, ...);

/* ---- QSOE's /dev/slog protocol ---- */

#define _SLOG_PATH       "/dev/slog"
#define _SLOG_WIRE_MAGIC 0x31474c53u /* "SLG1" */
#define _SLOG_DATA_MAX   4096        /* most data bytes in one event (else EMSGSIZE) */

/* Event data kinds (flags of the records). */
#define _SLOG_FLAG_TEXT   0x0001 /* NUL-terminated text */
#define _SLOG_FLAG_BINARY 0x0002 /* bytes (slogb) */
#define _SLOG_FLAG_INTS   0x0004 /* an array of int (slogi) */

/* What a client writes: this header, then the data. */
struct slog_write {
	uint32_t magic; /* _SLOG_WIRE_MAGIC */
	int32_t opcode;
	int32_t severity; /* _SLOG_* (the text bit is the client's business) */
	uint32_t flags;   /* _SLOG_FLAG_* */
};

/* What a read gives: records of this header and the data, padded to 8 bytes. */
struct slog_event {
	uint32_t size; /* bytes of the record, header and padding included */
	uint32_t seq;  /* sequence number (gaps: events overwritten in the ring) */
	int32_t opcode;
	int16_t severity;
	uint16_t flags; /* _SLOG_FLAG_* */
	int32_t pid;    /* the sender */
	int32_t tid;
	uint64_t time_ns; /* CLOCK_REALTIME when slogger received it */
	uint32_t len;     /* bytes of data */
	uint32_t reserved;
	/* uint8_t data[len]; */
};

/* Statistics of the ring (DCMD_SLOG_STATS). */
struct slog_stats {
	uint32_t ring_size; /* bytes */
	uint32_t used;      /* bytes holding events */
	uint32_t events;    /* events in the ring */
	uint32_t first_seq; /* sequence number of the oldest */
	uint64_t total;     /* events received since start */
	uint64_t dropped;   /* events overwritten before anyone read them */
};

#define DCMD_SLOG_CLEAR __DION(_DCMD_MISC, 0x70)                    /* empty the ring (root) */
#define DCMD_SLOG_STATS __DIOF(_DCMD_MISC, 0x71, struct slog_stats) /* ring statistics */

__END_DECLS

#endif /* _SYS_SLOG_H */
