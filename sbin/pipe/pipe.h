/*
 * pipe.h - the pipe manager: anonymous pipes (/dev/pipe, pipe()) and
 * FIFOs (named pipes made with mkfifo() in its FIFO directory).
 *
 * One struct pipe per pipe: a byte ring, the OCBs open on it (counted in
 * its attribute: rcount readers, wcount writers), and the clients waiting
 * in read, write or open (their replies are kept: _RESMGR_NOREPLY). The
 * manager runs one dispatch thread, so no locking is needed.
 */
#ifndef PIPE_H
#define PIPE_H

struct pipe;
struct pipe_ocb;
#define IOFUNC_ATTR_T struct pipe
#define IOFUNC_OCB_T  struct pipe_ocb
#include <sys/iofunc.h>
#include <sys/dispatch.h>

/* A client waiting for the pipe. */
struct pipe_wait {
	struct pipe_wait *next;
	rcvid_t rcvid;
	struct pipe_ocb *ocb;
	size_t want; /* bytes asked for (read) or to write */
	size_t done; /* bytes written so far (write) */
	int atomic;  /* a write of at most PIPE_BUF bytes: all at once */
};

struct pipe {
	iofunc_attr_t attr; /* first: the iofunc layer's view */
	iofunc_notify_t notify[3];
	char *buf;
	size_t size, head, len;                      /* ring of size bytes, len of them used */
	struct pipe_wait *readers, *writers, *opens; /* waiting clients, FIFO order */
	char *name;                                  /* FIFOs: the name in the directory */
	int unlinked;                                /* FIFOs: removed while open */
	struct pipe *next;                           /* FIFOs: the directory list */
};

struct pipe_ocb {
	iofunc_ocb_t ocb; /* first */
	int open_pending; /* its open waits for the other end (FIFO) */
};

extern size_t pipe_bufsize;       /* bytes of each pipe's ring (-s) */
extern resmgr_io_funcs_t pipe_io; /* the handlers of pipe OCBs */

/* pipe_io.c */
void pipe_funcs_init(void);
struct pipe *pipe_new(mode_t mode, const struct _client_info *owner);
int pipe_open_ocb(resmgr_context_t *ctp, io_open_t *msg, struct pipe *p, int fifo);
void pipe_free_if_unused(struct pipe *p);

/* fifo.c */
int fifo_attach(dispatch_t *dpp, const char *dir);
int fifo_count(void);

/* Attaches /dev/pipe (and the FIFO directory) to dpp. Returns 0 or -1. */
int pipe_attach(dispatch_t *dpp, const char *fifodir);

#endif /* PIPE_H */
