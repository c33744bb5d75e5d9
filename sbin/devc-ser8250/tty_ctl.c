/*
 * tty_ctl.c - the terminal's devctl commands (<sys/dcmd_chr.h>): termios
 * (tcgetattr/tcsetattr and its drain/flush forms), foreground process
 * group and session, window size, flush, drain, flow, queue sizes,
 * isatty, line control and status. ioctl() requests arrive as the devctl
 * command of the same number.
 */
#include "tty.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <termios.h>
#include <unistd.h>

/* The input data of a devctl (n bytes), from the receive buffer or the client. */
static int data_in(resmgr_context_t *ctp, io_devctl_t *msg, void *buf, size_t n)
{
	if (msg->i.nbytes < n)
		return EINVAL;
	if (ctp->offset + sizeof(msg->i) + n <= (size_t)ctp->info.msglen) {
		memcpy(buf, _DEVCTL_DATA(msg->i), n);
		return EOK;
	}
	return resmgr_msgread(ctp, buf, n, sizeof(msg->i)) == (ssize_t)n ? EOK : EFAULT;
}

/*
 * Replies with n bytes of output data and ret_val 0. The data is copied
 * after the reply header in the receive buffer: the reply is sent after
 * the handler returns, when its locals are gone.
 */
static int data_out(resmgr_context_t *ctp, io_devctl_t *msg, const void *buf, size_t n)
{
	size_t at = (size_t)((char *)&msg->o - (char *)ctp->msg);

	if (at + sizeof(msg->o) + n > ctp->msg_max_size)
		return EMSGSIZE;
	memset(&msg->o, 0, sizeof(msg->o));
	msg->o.nbytes = (uint32_t)n;
	if (n)
		memmove(_DEVCTL_DATA(msg->o), buf, n);
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o) + n);
}

/* Installs new settings; f: flush input first (TCSAFLUSH). */
static int set_attr(struct tty *t, const struct termios *nt, int flush)
{
	struct termios old = t->ld.t;

	if (flush)
		ldisc_flush_input(&t->ld);
	if (t->port.set_line && (nt->c_ospeed != old.c_ospeed || nt->c_cflag != old.c_cflag) &&
	    t->port.set_line(t->port.hw, nt) < 0)
		return EINVAL;
	ldisc_set_termios(&t->ld, nt);
	tty_service(t); /* a mode change may satisfy (or time) waiting reads */
	return EOK;
}

int tty_devctl(resmgr_context_t *ctp, io_devctl_t *msg, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;
	int r = iofunc_devctl_default(ctp, msg, &o->ocb);

	if (r != _RESMGR_DEFAULT)
		return r;
	switch (msg->i.dcmd) {
	case DCMD_CHR_TCGETATTR:
		return data_out(ctp, msg, &t->ld.t, sizeof(t->ld.t));
	case DCMD_CHR_TCSETATTR:
	case DCMD_CHR_TCSETATTRD:
	case DCMD_CHR_TCSETATTRF: {
		struct termios nt;
		if ((r = data_in(ctp, msg, &nt, sizeof(nt))) != EOK)
			return r;
		/* TCSADRAIN/TCSAFLUSH would wait for output; it is queued in order, so the
		 * new output settings apply to output written after the call anyway. */
		if ((r = set_attr(t, &nt, msg->i.dcmd == DCMD_CHR_TCSETATTRF)) != EOK)
			return r;
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_TCGETPGRP:
		return data_out(ctp, msg, &t->pgrp, sizeof(t->pgrp));
	case DCMD_CHR_TCSETPGRP: {
		pid_t pg;
		if ((r = data_in(ctp, msg, &pg, sizeof(pg))) != EOK)
			return r;
		if (pg <= 0)
			return EINVAL;
		t->pgrp = pg;
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_TCGETSID:
		if (t->sid <= 0)
			return ENOTTY; /* not anybody's controlling terminal */
		return data_out(ctp, msg, &t->sid, sizeof(t->sid));
	case DCMD_CHR_TCSETSID: {
		pid_t sid;
		if ((r = data_in(ctp, msg, &sid, sizeof(sid))) != EOK)
			return r;
		if (sid <= 0)
			return EINVAL;
		t->sid = sid;
		t->pgrp = sid; /* the session leader's group is in the foreground */
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_GETSIZE:
		return data_out(ctp, msg, &t->ld.ws, sizeof(t->ld.ws));
	case DCMD_CHR_SETSIZE: {
		struct winsize ws;
		if ((r = data_in(ctp, msg, &ws, sizeof(ws))) != EOK)
			return r;
		int changed = memcmp(&ws, &t->ld.ws, sizeof(ws)) != 0;
		t->ld.ws = ws;
		if (changed)
			tty_signal(t, SIGWINCH);
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_TCFLUSH: {
		int q;
		if ((r = data_in(ctp, msg, &q, sizeof(q))) != EOK)
			return r;
		if (q != TCIFLUSH && q != TCOFLUSH && q != TCIOFLUSH)
			return EINVAL;
		if (q != TCOFLUSH)
			ldisc_flush_input(&t->ld);
		if (q != TCIFLUSH)
			tty_flush_output(t);
		tty_service(t);
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_TCDRAIN:
		if (t->tx_len == 0 && t->port.tx_room(t->port.hw) > 0)
			return data_out(ctp, msg, NULL, 0);
		if (tty_wait_add(&t->drainers, ctp, o, 0, 0) == NULL)
			return ENOMEM;
		tty_kick(t);
		return _RESMGR_NOREPLY;
	case DCMD_CHR_TCFLOW: {
		int a;
		char c;
		if ((r = data_in(ctp, msg, &a, sizeof(a))) != EOK)
			return r;
		switch (a) {
		case TCOOFF:
			t->ld.stopped = 1;
			break;
		case TCOON:
			t->ld.stopped = 0;
			break;
		case TCIOFF:
		case TCION:
			c = (char)t->ld.t.c_cc[a == TCIOFF ? VSTOP : VSTART];
			if (c != _POSIX_VDISABLE)
				t->port.tx_put(t->port.hw, &c, 1);
			break;
		default:
			return EINVAL;
		}
		tty_service(t);
		return data_out(ctp, msg, NULL, 0);
	}
	case DCMD_CHR_ISCHARS: {
		unsigned n = (unsigned)ldisc_readable(&t->ld);
		return data_out(ctp, msg, &n, sizeof(n));
	}
	case DCMD_CHR_OSCHARS: {
		unsigned n = (unsigned)t->tx_len;
		return data_out(ctp, msg, &n, sizeof(n));
	}
	case DCMD_CHR_ISSIZE: {
		unsigned n = (unsigned)t->ld.inq_size;
		return data_out(ctp, msg, &n, sizeof(n));
	}
	case DCMD_CHR_OSSIZE: {
		unsigned n = (unsigned)t->tx_size;
		return data_out(ctp, msg, &n, sizeof(n));
	}
	case DCMD_CHR_ISATTY:
		return data_out(ctp, msg, NULL, 0);
	case DCMD_CHR_TTYINFO: {
		struct _ttyinfo ti;
		memset(&ti, 0, sizeof(ti));
		ti.opencount = t->attr.count;
		strncpy(ti.ttyname, t->name, sizeof(ti.ttyname) - 1);
		return data_out(ctp, msg, &ti, sizeof(ti));
	}
	case DCMD_CHR_LINESTATUS: {
		unsigned s = t->port.linestatus ? t->port.linestatus(t->port.hw) : 0;
		return data_out(ctp, msg, &s, sizeof(s));
	}
	case DCMD_CHR_SERCTL: {
		int ctl;
		if ((r = data_in(ctp, msg, &ctl, sizeof(ctl))) != EOK)
			return r;
		if (t->port.serctl == NULL || t->port.serctl(t->port.hw, ctl) < 0)
			return EINVAL;
		return data_out(ctp, msg, NULL, 0);
	}
	default:
		return ENOTTY;
	}
}
