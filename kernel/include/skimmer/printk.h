/*
 * printk.h - kernel messages: the log ring and the console.
 *
 * kprintf() formats into the kernel log ring (kept for later reading) and
 * writes to the console. Safe on any hart at any time; messages from
 * different harts are serialised line by line.
 */
#ifndef SKIMMER_PRINTK_H
#define SKIMMER_PRINTK_H

#include <stdarg.h>
#include <skimmer/types.h>

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char *fmt, va_list ap);

/* Writes raw bytes to the console and the log (used by DebugPrint). */
void klog_write(const char *s, size_t n);

/* Copies up to 'n' bytes of the log ring, oldest first; returns bytes copied. */
size_t klog_read(char *buf, size_t n);

/* Console output hooks: the early SBI console, then the UART once found. */
void console_set_putc(void (*putc)(char));

__noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define KASSERT(cond)                                                                      \
	do {                                                                               \
		if (unlikely(!(cond)))                                                     \
			panic("assertion failed: %s at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
