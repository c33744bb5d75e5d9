/*
 * tty.h - a terminal device as a resource manager: the line discipline
 * (ldisc.h), an output queue drained into the hardware, the clients
 * waiting to read, write or drain, the foreground process group, session
 * and window size, and the termios devctl commands. The hardware is
 * reached through struct tty_port (the 16550 in main.c; a fake in the host
 * test). One dispatch thread runs everything, interrupts included
 * (they arrive as pulses), so nothing here locks.
 */
#ifndef TTY_H
#define TTY_H

struct tty;
struct tty_ocb;
#define IOFUNC_ATTR_T struct tty
#define IOFUNC_OCB_T  struct tty_ocb
#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <stdint.h>

#include "ldisc.h"

struct tty_port {
	void *hw;
	size_t (*tx_room)(void *hw);                         /* bytes it takes now */
	void (*tx_put)(void *hw, const char *buf, size_t n); /* transmit them */
	void (*tx_irq)(void *hw, int on);                    /* want a call when it has room */
	int (*tx_idle)(void *hw);                            /* all sent? */
	int (*set_line)(void *hw, const struct termios *t);  /* speed and format */
	void (*timer)(void *hw, int64_t at_ns); /* call tty_timer at at_ns (0: never) */
	int (*serctl)(void *hw, int ctl);       /* DTR/RTS/break (DCMD_CHR_SERCTL) */
	unsigned (*linestatus)(void *hw);       /* _LINESTATUS_SER_* */
};

/* A client waiting (read, write, drain). */
struct tty_wait {
	struct tty_wait *next;
	rcvid_t rcvid;
	struct tty_ocb *ocb;
	size_t want, done; /* bytes asked for / written so far */
	int64_t start;     /* when a read began (VTIME) */
};

struct tty {
	iofunc_attr_t attr; /* first */
	iofunc_notify_t notify[3];
	struct ldisc ld;
	struct tty_port port;
	char *tx;
	size_t tx_size, tx_head, tx_len; /* output queue */
	struct tty_wait *readers, *writers, *drainers;
	pid_t pgrp; /* foreground process group (0: none) */
	pid_t sid;  /* session (0: not a controlling terminal) */
	int64_t timer_at;
	char name[32];
	uint64_t rx_bytes, tx_bytes;
};

struct tty_ocb {
	iofunc_ocb_t ocb; /* first */
};

/*
 * Sets up t with an input queue and an output queue of the given sizes
 * and the port. Returns 0, or -1 if memory ran out.
 */
int tty_init(struct tty *t, const struct tty_port *port, size_t inq, size_t outq);
/* Attaches t at path (more than one path may name the same terminal). 0 or -1. */
int tty_attach(dispatch_t *dpp, struct tty *t, const char *path);

/* Received bytes (from the interrupt handler). */
void tty_rx(struct tty *t, const char *buf, size_t n);
/* The hardware has room for more output. */
void tty_tx_ready(struct tty *t);
/* The port's timer expired. */
void tty_timer(struct tty *t);

/* tty_ctl.c: the devctl handler. */
int tty_devctl(resmgr_context_t *ctp, io_devctl_t *msg, struct tty_ocb *o);
/* tty.c helpers used by tty_ctl.c */
void tty_kick(struct tty *t);
void tty_service(struct tty *t);
void tty_flush_output(struct tty *t);
void tty_signal(struct tty *t, int signo);
struct tty_wait *tty_wait_add(struct tty_wait **l, resmgr_context_t *ctp, struct tty_ocb *o,
                              size_t want, size_t done);

#endif /* TTY_H */
