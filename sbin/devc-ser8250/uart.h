/*
 * uart.h - the NS16550A UART: registers and the few operations the driver
 * needs. Registers are bytes spaced 1 << shift apart (QEMU virt: shift 0).
 */
#ifndef UART_H
#define UART_H

#include <stddef.h>
#include <stdint.h>

#define UART_RBR  0 /* receive buffer (read) */
#define UART_THR  0 /* transmit holding (write) */
#define UART_DLL  0 /* divisor latch low (DLAB) */
#define UART_IER  1 /* interrupt enable */
#define UART_DLM  1 /* divisor latch high (DLAB) */
#define UART_IIR  2 /* interrupt identification (read) */
#define UART_FCR  2 /* FIFO control (write) */
#define UART_LCR  3 /* line control */
#define UART_MCR  4 /* modem control */
#define UART_LSR  5 /* line status */
#define UART_MSR  6 /* modem status */

#define IER_RDI   0x01 /* received data available */
#define IER_THRI  0x02 /* transmit holding register empty */
#define IER_RLSI  0x04 /* receiver line status */
#define IER_MSI   0x08 /* modem status */

#define IIR_NONE  0x01 /* no interrupt pending */

#define LSR_DR    0x01 /* data ready */
#define LSR_OE    0x02 /* overrun */
#define LSR_BI    0x10 /* break */
#define LSR_THRE  0x20 /* transmit holding register empty */
#define LSR_TEMT  0x40 /* transmitter empty */

#define MCR_DTR   0x01
#define MCR_RTS   0x02
#define MCR_OUT2  0x08 /* gates the interrupt line on PC-style boards */

#define MSR_CTS   0x10
#define MSR_DSR   0x20
#define MSR_RI    0x40
#define MSR_DCD   0x80

#define LCR_DLAB  0x80
#define LCR_SBC   0x40 /* send break */

#define UART_FIFO 16 /* bytes of the 16550A transmit FIFO */

struct uart {
	volatile uint8_t *regs;
	unsigned shift;
	uint32_t clock; /* input clock in Hz (0: unknown, baud rate left alone) */
	uint8_t ier;    /* the interrupts enabled */
	uint8_t mcr;
	uint64_t overruns; /* receive overruns seen */
};

uint8_t uart_rd(const struct uart *u, unsigned reg);
void uart_wr(struct uart *u, unsigned reg, uint8_t v);

/* Resets the UART to 8N1, FIFOs on, DTR/RTS/OUT2 set, interrupts off. */
void uart_init(struct uart *u);
/* Sets the baud rate (if the clock is known) and the character format from termios c_cflag. */
int uart_set_line(struct uart *u, unsigned baud, unsigned cflag);
/* Enables or disables the transmit-empty interrupt. */
void uart_tx_irq(struct uart *u, int on);
/* Reads what the receiver holds into buf (at most n). Returns the bytes read. */
size_t uart_rx(struct uart *u, char *buf, size_t n);
/* Room in the transmitter now (a whole FIFO when it is empty, else 0). */
size_t uart_tx_room(const struct uart *u);
/* True when everything written has left the wire. */
int uart_tx_idle(const struct uart *u);

#endif /* UART_H */
