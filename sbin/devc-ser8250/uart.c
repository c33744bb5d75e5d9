/*
 * uart.c - NS16550A register operations (see uart.h). Callers serialise.
 */
#include "uart.h"

#include <termios.h>

uint8_t uart_rd(const struct uart *u, unsigned reg)
{
	return u->regs[reg << u->shift];
}

void uart_wr(struct uart *u, unsigned reg, uint8_t v)
{
	u->regs[reg << u->shift] = v;
}

void uart_init(struct uart *u)
{
	u->ier = 0;
	uart_wr(u, UART_IER, 0);
	uart_wr(u, UART_FCR, 0x07); /* FIFOs on and cleared, trigger at 1 byte */
	uart_wr(u, UART_LCR, 0x03); /* 8N1 */
	u->mcr = MCR_DTR | MCR_RTS | MCR_OUT2;
	uart_wr(u, UART_MCR, u->mcr);
	(void)uart_rd(u, UART_LSR);
	(void)uart_rd(u, UART_RBR);
	(void)uart_rd(u, UART_MSR);
	(void)uart_rd(u, UART_IIR);
	u->ier = IER_RDI | IER_RLSI;
	uart_wr(u, UART_IER, u->ier);
}

/* The rate of a termios speed (B* codes below 16 are QNX's small codes). */
static unsigned rate_of(unsigned speed)
{
	static const unsigned codes[16] = {0,   50,   75,   110,  134,  150,  200,   300,
	                                   600, 1200, 1800, 2400, 4800, 9600, 19200, 38400};

	return speed < 16 ? codes[speed] : speed;
}

int uart_set_line(struct uart *u, unsigned baud, unsigned cflag)
{
	uint8_t lcr = 0;
	unsigned rate = rate_of(baud);

	switch (cflag & CSIZE) {
	case CS5:
		lcr = 0;
		break;
	case CS6:
		lcr = 1;
		break;
	case CS7:
		lcr = 2;
		break;
	default:
		lcr = 3;
		break;
	}
	if (cflag & CSTOPB)
		lcr |= 0x04;
	if (cflag & PARENB)
		lcr |= 0x08 | ((cflag & PARODD) ? 0 : 0x10);
	if (u->clock != 0 && rate != 0) {
		unsigned div = (u->clock + 8 * rate) / (16 * rate);
		if (div == 0 || div > 0xffff)
			return -1;
		uart_wr(u, UART_LCR, lcr | LCR_DLAB);
		uart_wr(u, UART_DLL, (uint8_t)div);
		uart_wr(u, UART_DLM, (uint8_t)(div >> 8));
	}
	uart_wr(u, UART_LCR, lcr);
	if (rate == 0) /* B0: hang up */
		u->mcr &= (uint8_t) ~(MCR_DTR | MCR_RTS);
	else
		u->mcr |= MCR_DTR | MCR_RTS;
	uart_wr(u, UART_MCR, u->mcr);
	return 0;
}

void uart_tx_irq(struct uart *u, int on)
{
	uint8_t ier = on ? (uint8_t)(u->ier | IER_THRI) : (uint8_t)(u->ier & ~IER_THRI);

	if (ier != u->ier) {
		u->ier = ier;
		uart_wr(u, UART_IER, ier);
	}
}

size_t uart_rx(struct uart *u, char *buf, size_t n)
{
	size_t k = 0;

	while (k < n) {
		uint8_t lsr = uart_rd(u, UART_LSR);
		if (lsr & LSR_OE)
			u->overruns++;
		if (!(lsr & LSR_DR))
			break;
		buf[k++] = (char)uart_rd(u, UART_RBR);
	}
	return k;
}

size_t uart_tx_room(const struct uart *u)
{
	return (uart_rd(u, UART_LSR) & LSR_THRE) ? UART_FIFO : 0;
}

int uart_tx_idle(const struct uart *u)
{
	return (uart_rd(u, UART_LSR) & LSR_TEMT) != 0;
}
