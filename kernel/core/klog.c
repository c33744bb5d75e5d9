/*
 * klog.c - the kernel log ring and console output.
 *
 * Every message goes into a 64 KiB ring (readable with SysInfo(SYSINFO_KLOG))
 * and to the console. One lock serialises writers so lines from different
 * harts do not interleave.
 */
#include <stdarg.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/spinlock.h>

#define KLOG_SIZE (64 * 1024)

static char klog_ring[KLOG_SIZE];
static size_t klog_head; /* total bytes ever written */
static spinlock_t klog_lock = SPINLOCK_INIT;
static void (*console_putc)(char);

void console_set_putc(void (*putc)(char))
{
	console_putc = putc;
}

/* Appends to the ring and the console; caller holds klog_lock. */
static void klog_put_locked(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		klog_ring[klog_head % KLOG_SIZE] = s[i];
		klog_head++;
		if (console_putc)
			console_putc(s[i]);
	}
}

void klog_write(const char *s, size_t n)
{
	spin_lock(&klog_lock);
	klog_put_locked(s, n);
	spin_unlock(&klog_lock);
}

void kvprintf(const char *fmt, va_list ap)
{
	char buf[256];
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);

	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	klog_write(buf, (size_t)n);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
}

size_t klog_read(char *buf, size_t n)
{
	spin_lock(&klog_lock);
	size_t avail = klog_head < KLOG_SIZE ? klog_head : KLOG_SIZE;
	size_t start = klog_head - avail;
	if (n > avail)
		n = avail;
	for (size_t i = 0; i < n; i++)
		buf[i] = klog_ring[(start + i) % KLOG_SIZE];
	spin_unlock(&klog_lock);
	return n;
}
