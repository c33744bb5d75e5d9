#ifndef ARCH_UART_H
#define ARCH_UART_H
/* Switches the kernel console to the devicetree's NS16550A UART, if any. */
void uart_console_init(void);
#endif
