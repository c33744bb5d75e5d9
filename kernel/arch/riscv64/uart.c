/*
 * uart.c - polled output on an NS16550A-compatible UART (the kernel console).
 *
 * The kernel only writes: input belongs to the user-space serial driver
 * (devc-ser8250), which takes over the device's interrupts.
 */
#include <skimmer/platform.h>
#include <skimmer/printk.h>
#include <arch/memlayout.h>
#include <arch/uart.h>

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

static volatile uint8_t *uart_regs;
static uint32_t uart_shift;

static uint8_t rd(unsigned reg)
{
	return uart_regs[reg << uart_shift];
}

static void wr(unsigned reg, uint8_t v)
{
	uart_regs[reg << uart_shift] = v;
}

static void uart_putc(char c)
{
	if (c == '\n')
		uart_putc('\r');
	while (!(rd(UART_LSR) & LSR_THRE))
		;
	wr(UART_THR, (uint8_t)c);
}

void uart_console_init(void)
{
	if (!plat.has_uart)
		return;
	uart_regs = pa_to_kva(plat.uart_base);
	uart_shift = plat.uart_shift;
	console_set_putc(uart_putc);
}
