/*
 * clock.c - system clocks from the platform timebase (see clock.h).
 */
#include <skimmer/clock.h>
#include <arch/arch.h>

uint64_t timebase_hz;
static uint64_t realtime_offset_ns;

#define NS_PER_S 1000000000ULL

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

uint64_t clock_monotonic_ns(void)
{
	return ticks_to_ns(arch_now());
}

uint64_t clock_realtime_ns(void)
{
	return clock_monotonic_ns() + __atomic_load_n(&realtime_offset_ns, __ATOMIC_RELAXED);
}

void clock_set_realtime_ns(uint64_t ns)
{
	__atomic_store_n(&realtime_offset_ns, ns - clock_monotonic_ns(), __ATOMIC_RELAXED);
}
