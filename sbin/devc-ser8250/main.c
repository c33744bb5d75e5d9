/*
 * main.c - devc-ser8250: the NS16550A serial console.
 *
 *   devc-ser8250 [-b base] [-i irq] [-r shift] [-c clock] [-s baud]
 *                [-n path] [-C] [-I bytes] [-O bytes] [-P ms]
 *     -b  physical address of the registers (default 0x10000000, QEMU virt)
 *     -i  interrupt (PLIC source) number (default 10, QEMU virt)
 *     -r  register spacing shift (default 0)
 *     -c  input clock in Hz (default 0: unknown, the baud rate is left alone)
 *     -s  initial baud rate (default 115200)
 *     -n  the device path (default /dev/ser1)
 *     -C  do not also attach /dev/console
 *     -I, -O  input and output queue sizes (default 4096)
 *     -P  TEMPORARY FALLBACK, for kernels without interrupt delivery: poll
 *         the UART every ms milliseconds instead of taking its interrupt
 *
 * The interrupt arrives as a pulse (InterruptAttachEvent); the handler
 * drains the receiver into the line discipline, refills the transmitter
 * and unmasks the source. Timers (VTIME) are pulses too, so one thread
 * runs the whole driver. Ready (procmgr_daemon) once the paths are attached.
 */
#include "tty.h"
#include "uart.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <sys/mman.h>
#include <sys/procmgr.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <time.h>
#include <unistd.h>

static struct uart uart;
static struct tty tty;
static int irq = 10, iid = -1, timer_id = -1, poll_id = -1;
static int irq_code, timer_code;

/* ---- the port (struct tty_port) over the UART ---- */

static size_t p_tx_room(void *hw)
{
	return uart_tx_room(hw);
}

static void p_tx_put(void *hw, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		uart_wr(hw, UART_THR, (uint8_t)buf[i]);
}

static void p_tx_irq(void *hw, int on)
{
	uart_tx_irq(hw, on);
}

static int p_tx_idle(void *hw)
{
	return uart_tx_idle(hw);
}

static int p_set_line(void *hw, const struct termios *t)
{
	return uart_set_line(hw, t->c_ospeed, t->c_cflag);
}

static void p_timer(void *hw, int64_t at)
{
	struct _itimer it = {at > 0 ? (uint64_t)at : 0, 0};

	if (timer_id >= 0)
		TimerSettime(timer_id, at > 0 ? TIMER_ABSTIME : 0, &it, NULL);
}

static int p_serctl(void *hw, int ctl)
{
	struct uart *u = hw;

	if (ctl & _SERCTL_DTR_CHG)
		u->mcr = (ctl & _SERCTL_DTR) ? (u->mcr | MCR_DTR) : (uint8_t)(u->mcr & ~MCR_DTR);
	if (ctl & _SERCTL_RTS_CHG)
		u->mcr = (ctl & _SERCTL_RTS) ? (u->mcr | MCR_RTS) : (uint8_t)(u->mcr & ~MCR_RTS);
	uart_wr(u, UART_MCR, u->mcr);
	if (ctl & _SERCTL_BRK_CHG) {
		uint8_t lcr = uart_rd(u, UART_LCR);
		uart_wr(u, UART_LCR,
		        (ctl & _SERCTL_BRK) ? (lcr | LCR_SBC) : (uint8_t)(lcr & ~LCR_SBC));
	}
	return 0;
}

static unsigned p_linestatus(void *hw)
{
	struct uart *u = hw;
	uint8_t msr = uart_rd(u, UART_MSR);

	return (u->mcr & MCR_DTR ? _LINESTATUS_SER_DTR : 0) |
	       (u->mcr & MCR_RTS ? _LINESTATUS_SER_RTS : 0) |
	       (msr & MSR_CTS ? _LINESTATUS_SER_CTS : 0) |
	       (msr & MSR_DSR ? _LINESTATUS_SER_DSR : 0) | (msr & MSR_RI ? _LINESTATUS_SER_RI : 0) |
	       (msr & MSR_DCD ? _LINESTATUS_SER_CD : 0);
}

/* ---- interrupts and timers ---- */

/* Services the UART: everything received goes to the line discipline, output is refilled. */
static void service_uart(void)
{
	char buf[64];

	for (int rounds = 0; rounds < 64; rounds++) {
		uint8_t iir = uart_rd(&uart, UART_IIR);
		size_t n = uart_rx(&uart, buf, sizeof(buf));
		if (n > 0)
			tty_rx(&tty, buf, n);
		if ((iir & 0x0f) == 0x00)
			(void)uart_rd(&uart, UART_MSR); /* modem status change */
		if ((iir & IIR_NONE) && n == 0)
			break;
	}
	tty_tx_ready(&tty);
}

static int irq_pulse(message_context_t *ctp, int code, unsigned flags, void *handle)
{
	service_uart();
	if (iid >= 0)
		InterruptUnmask(irq, iid);
	return 0;
}

static int timer_pulse(message_context_t *ctp, int code, unsigned flags, void *handle)
{
	if (poll_id >= 0)
		service_uart();
	tty_timer(&tty);
	return 0;
}

/* Makes a pulse event to our own channel with code. */
static int pulse_event(dispatch_t *dpp, struct sigevent *ev, int code)
{
	int coid = message_connect(dpp, MSG_FLAG_SIDE_CHANNEL);

	if (coid < 0)
		return -1;
	memset(ev, 0, sizeof(*ev));
	SIGEV_PULSE_INIT(ev, coid, SIGEV_PULSE_PRIO_INHERIT, code, 0);
	return 0;
}

static unsigned long number(const char *opt, const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (*end != '\0') {
		fprintf(stderr, "devc-ser8250: -%s %s: not a number\n", opt, s);
		exit(EXIT_FAILURE);
	}
	return v;
}

int main(int argc, char **argv)
{
	unsigned long base = 0x10000000, baud = 115200, inq = 4096, outq = 4096, poll_ms = 0;
	const char *path = "/dev/ser1";
	int console = 1, c;

	while ((c = getopt(argc, argv, "b:i:r:c:s:n:CI:O:P:")) != -1) {
		switch (c) {
		case 'b':
			base = number("b", optarg);
			break;
		case 'i':
			irq = (int)number("i", optarg);
			break;
		case 'r':
			uart.shift = (unsigned)number("r", optarg);
			break;
		case 'c':
			uart.clock = (uint32_t)number("c", optarg);
			break;
		case 's':
			baud = number("s", optarg);
			break;
		case 'n':
			path = optarg;
			break;
		case 'C':
			console = 0;
			break;
		case 'I':
			inq = number("I", optarg);
			break;
		case 'O':
			outq = number("O", optarg);
			break;
		case 'P':
			poll_ms = number("P", optarg);
			break;
		default:
			fprintf(stderr,
			        "usage: devc-ser8250 [-b base] [-i irq] [-r shift] [-c clock] "
			        "[-s baud] [-n path] [-C] [-I bytes] [-O bytes] [-P ms]\n");
			return EXIT_FAILURE;
		}
	}
	if (inq < 256 || outq < 256 || inq > (1ul << 24) || outq > (1ul << 24) || uart.shift > 4) {
		fprintf(stderr, "devc-ser8250: queues must be 256 bytes to 16 MiB, -r at most 4\n");
		return EXIT_FAILURE;
	}
	if (ThreadCtl(_NTO_TCTL_IO, 0) < 0) {
		fprintf(stderr, "devc-ser8250: no I/O privilege: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	uintptr_t page = base & ~(uintptr_t)4095;
	size_t span = ((base - page) + (8u << uart.shift) + 4095) & ~(size_t)4095;
	void *m = mmap(NULL, span, PROT_READ | PROT_WRITE | PROT_NOCACHE, MAP_SHARED | MAP_PHYS, -1,
	               (off_t)page);
	if (m == MAP_FAILED) {
		fprintf(stderr, "devc-ser8250: cannot map %#lx: %s\n", base, strerror(errno));
		return EXIT_FAILURE;
	}
	uart.regs = (volatile uint8_t *)m + (base - page);
	uart_init(&uart);

	struct tty_port port = {&uart,      p_tx_room, p_tx_put, p_tx_irq,    p_tx_idle,
	                        p_set_line, p_timer,   p_serctl, p_linestatus};
	dispatch_t *dpp = dispatch_create();
	if (dpp == NULL || tty_init(&tty, &port, inq, outq) < 0) {
		fprintf(stderr, "devc-ser8250: out of memory\n");
		return EXIT_FAILURE;
	}
	tty.ld.t.c_ispeed = tty.ld.t.c_ospeed = (speed_t)baud;
	uart_set_line(&uart, (unsigned)baud, tty.ld.t.c_cflag);

	struct sigevent ev;
	irq_code = pulse_attach(dpp, MSG_FLAG_ALLOC_PULSE, 0, irq_pulse, NULL);
	timer_code = pulse_attach(dpp, MSG_FLAG_ALLOC_PULSE, 0, timer_pulse, NULL);
	if (irq_code < 0 || timer_code < 0 || pulse_event(dpp, &ev, timer_code) < 0 ||
	    (timer_id = TimerCreate(CLOCK_MONOTONIC, &ev)) < 0) {
		fprintf(stderr, "devc-ser8250: cannot set up pulses and timers: %s\n",
		        strerror(errno));
		return EXIT_FAILURE;
	}
	if (poll_ms > 0) {
		/* TEMPORARY FALLBACK (-P): a periodic timer instead of the interrupt. */
		struct sigevent pev;
		pulse_event(dpp, &pev, timer_code);
		poll_id = TimerCreate(CLOCK_MONOTONIC, &pev);
		struct _itimer it = {poll_ms * 1000000ull, poll_ms * 1000000ull};
		if (poll_id < 0 || TimerSettime(poll_id, 0, &it, NULL) < 0) {
			fprintf(stderr, "devc-ser8250: cannot start polling: %s\n",
			        strerror(errno));
			return EXIT_FAILURE;
		}
	} else {
		pulse_event(dpp, &ev, irq_code);
		iid = InterruptAttachEvent(irq, &ev, _NTO_INTR_FLAGS_TRK_MSK);
		if (iid < 0) {
			fprintf(stderr, "devc-ser8250: cannot attach interrupt %d: %s\n", irq,
			        strerror(errno));
			return EXIT_FAILURE;
		}
	}
	if (tty_attach(dpp, &tty, path) < 0 ||
	    (console && tty_attach(dpp, &tty, "/dev/console") < 0)) {
		fprintf(stderr, "devc-ser8250: cannot attach %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	if (ctp == NULL)
		return EXIT_FAILURE;
	slogf(_SLOGC_CHAR_SER, _SLOG_INFO, "devc-ser8250: %s at %#lx irq %d%s", path, base, irq,
	      poll_ms ? " (polled)" : "");
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);
	service_uart(); /* anything typed before we were ready */
	for (;;) {
		if (dispatch_block(ctp) == NULL) {
			if (errno == EINTR)
				continue;
			slogf(_SLOGC_CHAR_SER, _SLOG_CRITICAL, "devc-ser8250: receive failed: %s",
			      strerror(errno));
			return EXIT_FAILURE;
		}
		dispatch_handler(ctp);
	}
}
