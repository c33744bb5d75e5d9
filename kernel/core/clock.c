/*
 * clock.c - system clocks from the platform timebase (see clock.h).
 *
 * CLOCK_REALTIME is CLOCK_MONOTONIC plus an offset, plus the part of a
 * ClockAdjust slew that has elapsed: an adjustment of 'total' ns spread
 * over 'len' ns of monotonic time adds total * elapsed / len, so the clock
 * speeds up or slows down smoothly and never jumps. Readers use a sequence
 * counter (no lock); the rare writers (ClockTime, ClockAdjust) serialise on
 * a spinlock.
 */
#include <skimmer/clock.h>
#include <skimmer/ptimer.h>
#include <skimmer/spinlock.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>

uint64_t timebase_hz;

#define NS_PER_S 1000000000ULL

static struct {
	spinlock_t lock; /* writers */
	uint32_t seq;    /* odd while a writer changes the fields below */
	int64_t offset;  /* realtime = monotonic + offset + slew */
	uint64_t start;  /* slew: monotonic ns it began at */
	uint64_t len;    /* slew: monotonic ns it lasts; 0 = none */
	int64_t total;   /* slew: ns added by its end */
} rt = {.lock = SPINLOCK_INIT};

void clock_init(uint64_t hz)
{
	timebase_hz = hz;
}

uint64_t clock_ticks(void)
{
	return arch_now();
}

uint64_t ticks_to_ns(uint64_t t)
{
	return (t / timebase_hz) * NS_PER_S + ((t % timebase_hz) * NS_PER_S) / timebase_hz;
}

uint64_t ns_to_ticks_ceil(uint64_t ns)
{
	return (ns / NS_PER_S) * timebase_hz +
	       ((ns % NS_PER_S) * timebase_hz + NS_PER_S - 1) / NS_PER_S;
}

uint64_t clock_resolution_ns(void)
{
	return (NS_PER_S + timebase_hz - 1) / timebase_hz;
}

uint64_t clock_monotonic_ns(void)
{
	return ticks_to_ns(arch_now());
}

/* The part of a slew (start, len, total) done at monotonic time mono. */
static int64_t slew_at(uint64_t mono, uint64_t start, uint64_t len, int64_t total)
{
	if (len == 0 || mono <= start)
		return 0;
	if (mono - start >= len)
		return total;
	return (int64_t)((__int128)total * (__int128)(mono - start) / (__int128)len);
}

uint64_t clock_realtime_at(uint64_t mono)
{
	uint32_t s;
	int64_t off, total;
	uint64_t start, len;

	do {
		s = __atomic_load_n(&rt.seq, __ATOMIC_ACQUIRE);
		off = __atomic_load_n(&rt.offset, __ATOMIC_RELAXED);
		start = __atomic_load_n(&rt.start, __ATOMIC_RELAXED);
		len = __atomic_load_n(&rt.len, __ATOMIC_RELAXED);
		total = __atomic_load_n(&rt.total, __ATOMIC_RELAXED);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((s & 1) || s != __atomic_load_n(&rt.seq, __ATOMIC_RELAXED));
	int64_t v = (int64_t)mono + off + slew_at(mono, start, len, total);
	return v < 0 ? 0 : (uint64_t)v;
}

uint64_t clock_realtime_ns(void)
{
	return clock_realtime_at(clock_monotonic_ns());
}

/* Writer side of the sequence counter (caller holds rt.lock). */
static void rt_write_begin(void)
{
	__atomic_store_n(&rt.seq, rt.seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void rt_write_end(void)
{
	__atomic_store_n(&rt.seq, rt.seq + 1, __ATOMIC_RELEASE);
}

void clock_set_realtime_ns(uint64_t ns)
{
	spin_lock(&rt.lock);
	rt_write_begin();
	__atomic_store_n(&rt.offset, (int64_t)(ns - clock_monotonic_ns()), __ATOMIC_RELAXED);
	__atomic_store_n(&rt.len, 0, __ATOMIC_RELAXED); /* setting the time ends any slew */
	__atomic_store_n(&rt.total, 0, __ATOMIC_RELAXED);
	rt_write_end();
	spin_unlock(&rt.lock);
}

void clock_adjust_realtime(bool set, int64_t total_ns, uint64_t len_ns, uint64_t *left_ns,
                           int64_t *left_total)
{
	spin_lock(&rt.lock);
	uint64_t now = clock_monotonic_ns();
	int64_t done = slew_at(now, rt.start, rt.len, rt.total);
	bool running = rt.len != 0 && now - rt.start < rt.len;
	*left_ns = running ? rt.start + rt.len - now : 0;
	*left_total = running ? rt.total - done : 0;
	if (!set) {
		spin_unlock(&rt.lock);
		return;
	}
	rt_write_begin();
	/* What the old slew already added becomes part of the offset. */
	__atomic_store_n(&rt.offset, rt.offset + done, __ATOMIC_RELAXED);
	__atomic_store_n(&rt.start, now, __ATOMIC_RELAXED);
	__atomic_store_n(&rt.len, total_ns ? len_ns : 0, __ATOMIC_RELAXED);
	__atomic_store_n(&rt.total, len_ns ? total_ns : 0, __ATOMIC_RELAXED);
	rt_write_end();
	spin_unlock(&rt.lock);
}

int clock_read_ns(clockid_t id, uint64_t *ns)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_SOFTTIME:
		*ns = clock_realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
		*ns = clock_monotonic_ns();
		return 0;
	default:
		return cputime_read(id, ns);
	}
}
