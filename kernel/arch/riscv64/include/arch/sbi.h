/*
 * sbi.h - calls into the Supervisor Binary Interface (SBI spec v1.0).
 */
#ifndef ARCH_SBI_H
#define ARCH_SBI_H

#include <skimmer/types.h>

#define SBI_EXT_LEGACY_PUTCHAR    0x01
#define SBI_EXT_BASE              0x10
#define SBI_EXT_TIME              0x54494d45
#define SBI_EXT_IPI               0x735049
#define SBI_EXT_RFENCE            0x52464e43
#define SBI_EXT_HSM               0x48534d
#define SBI_EXT_SRST              0x53525354

#define SBI_SUCCESS               0
#define SBI_ERR_ALREADY_AVAILABLE (-6)

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0, unsigned long a1,
                       unsigned long a2, unsigned long a3, unsigned long a4);

bool sbi_probe(unsigned long ext);
void sbi_console_putchar(char c);
void sbi_set_timer(uint64_t deadline);
long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);
long sbi_remote_sfence_vma_asid(unsigned long hart_mask, unsigned long base, unsigned long start,
                                unsigned long size, unsigned long asid);
long sbi_hart_start(unsigned long hartid, unsigned long start, unsigned long opaque);
long sbi_hart_get_status(unsigned long hartid);
/* SRST: resets or powers off; returns only if the firmware cannot (its error). */
long sbi_system_reset(unsigned long type, unsigned long reason);

#endif
