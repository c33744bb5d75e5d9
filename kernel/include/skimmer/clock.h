/*
 * clock.h - the system clocks.
 *
 * CLOCK_MONOTONIC counts nanoseconds since boot from the platform timebase
 * (rdtime); CLOCK_REALTIME adds a settable offset and the elapsed part of a
 * ClockAdjust slew. Conversions round so that a deadline computed from
 * nanoseconds is never early. More clock functions are in ptimer.h.
 */
#ifndef SKIMMER_CLOCK_H
#define SKIMMER_CLOCK_H

#include <skimmer/types.h>

extern uint64_t timebase_hz;

void clock_init(uint64_t hz);

/* Timebase ticks since boot. */
uint64_t clock_ticks(void);

uint64_t ticks_to_ns(uint64_t ticks);
uint64_t ns_to_ticks_ceil(uint64_t ns);

/* Nanoseconds since boot. */
uint64_t clock_monotonic_ns(void);

/* Nanoseconds since the Epoch (monotonic + offset + slew). */
uint64_t clock_realtime_ns(void);
/* CLOCK_REALTIME at monotonic time mono_ns (lock-free; any context). */
uint64_t clock_realtime_at(uint64_t mono_ns);
/* Steps CLOCK_REALTIME to ns; ends any ClockAdjust slew. */
void clock_set_realtime_ns(uint64_t ns);

#endif
