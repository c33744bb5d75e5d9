/*
 * sbi.c - SBI calls (RISC-V Supervisor Binary Interface v1.0).
 */
#include <arch/sbi.h>

struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0, unsigned long a1,
                       unsigned long a2, unsigned long a3, unsigned long a4)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r4 __asm__("a4") = a4;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall"
	                 : "+r"(r0), "+r"(r1)
	                 : "r"(r2), "r"(r3), "r"(r4), "r"(r6), "r"(r7)
	                 : "memory");
	return (struct sbiret){(long)r0, (long)r1};
}

bool sbi_probe(unsigned long ext)
{
	struct sbiret r = sbi_call(SBI_EXT_BASE, 3, ext, 0, 0, 0, 0);
	return r.error == 0 && r.value != 0;
}

void sbi_console_putchar(char c)
{
	sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)c, 0, 0, 0, 0);
}

void sbi_set_timer(uint64_t deadline)
{
	sbi_call(SBI_EXT_TIME, 0, deadline, 0, 0, 0, 0);
}

long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	return sbi_call(SBI_EXT_IPI, 0, hart_mask, hart_mask_base, 0, 0, 0).error;
}

long sbi_remote_sfence_vma_asid(unsigned long hart_mask, unsigned long base, unsigned long start,
                                unsigned long size, unsigned long asid)
{
	return sbi_call(SBI_EXT_RFENCE, 2, hart_mask, base, start, size, asid).error;
}

long sbi_hart_start(unsigned long hartid, unsigned long start, unsigned long opaque)
{
	return sbi_call(SBI_EXT_HSM, 0, hartid, start, opaque, 0, 0).error;
}

long sbi_hart_get_status(unsigned long hartid)
{
	struct sbiret r = sbi_call(SBI_EXT_HSM, 2, hartid, 0, 0, 0, 0);
	return r.error ? r.error : r.value;
}

long sbi_system_reset(unsigned long type, unsigned long reason)
{
	return sbi_call(SBI_EXT_SRST, 0, type, reason, 0, 0, 0).error;
}
