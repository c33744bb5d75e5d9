/*
 * head.S - Skimmer's entry points.
 *
 * The image starts with a Linux RISC-V "Image" header so U-Boot's booti and
 * our boot loader accept it; OpenSBI (and QEMU -kernel) jump to its first
 * byte with a0 = hart id and a1 = physical address of the DTB, MMU off.
 *
 * The boot hart builds an early page table that maps
 *   - the load region 1:1 (so the next instruction after satp still works),
 *   - the physmap (physical 0..128 GiB at PHYSMAP_BASE, gigapages),
 *   - the kernel image at KERNEL_VBASE (megapages onto the load address),
 * turns on Sv39 and jumps to kmain() at its linked (high) address.
 * Secondary harts enter at secondary_entry (started through SBI HSM).
 */
#include <arch/csr.h>
#include <arch/memlayout.h>
#include <arch/pte.h>

	.section .text.head, "ax"
	.globl _start
_start:
	.option push
	.option norvc
	j	entry			/* code0 */
	.word	0			/* code1 */
	.option pop
	.dword	0x200000		/* text_offset: 2 MiB above the start of RAM */
	.dword	_image_size		/* image_size, including .bss */
	.dword	0			/* flags: little endian */
	.word	2			/* version 0.2 */
	.word	0			/* res1 */
	.dword	0			/* res2 */
	.ascii	"RISCV\0\0\0"		/* magic (deprecated) */
	.ascii	"RSC\x05"		/* magic2 */
	.word	0			/* res3 */

entry:
	csrw	sie, zero
	csrw	sscratch, zero
	/* A second hart entering here (a known QEMU/HSM quirk) parks. */
	lla	t0, boot_claimed
	li	t1, 1
	amoswap.w.aq t1, t1, (t0)
	bnez	t1, park

	mv	s0, a0			/* hart id */
	mv	s1, a1			/* DTB physical address */
	lla	s2, _start		/* load address */

	/* Clear .bss (still running at the load address). */
	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	lla	sp, boot_stack_top

	/* Identity: two gigapages covering the load address. */
	lla	t0, early_pgd
	srli	t1, s2, 30
	li	t5, 2
3:	andi	t2, t1, 0x1ff
	slli	t2, t2, 3
	add	t2, t0, t2
	slli	t3, t1, 28		/* PPN of gigapage t1 = t1 << 18, shifted by 10 */
	ori	t3, t3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	sd	t3, 0(t2)
	addi	t1, t1, 1
	addi	t5, t5, -1
	bnez	t5, 3b

	/* Physmap: root entries 256..383 map physical gigapages 0..127. */
	li	t1, 0
	li	t5, 128
4:	addi	t2, t1, 256
	slli	t2, t2, 3
	add	t2, t0, t2
	slli	t3, t1, 28
	ori	t3, t3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G
	sd	t3, 0(t2)
	addi	t1, t1, 1
	bltu	t1, t5, 4b

	/* Kernel image: root[510] -> early_kimg (megapages onto the load address). */
	lla	t4, early_kimg
	srli	t3, t4, 12
	slli	t3, t3, PTE_PPN_SHIFT
	ori	t3, t3, PTE_V
	li	t2, 510 * 8
	add	t2, t0, t2
	sd	t3, 0(t2)
	lla	t1, _image_size_mp	/* number of 2 MiB pages to map */
	ld	t1, 0(t1)
	mv	t2, s2
5:	srli	t3, t2, 12
	slli	t3, t3, PTE_PPN_SHIFT
	ori	t3, t3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G
	sd	t3, 0(t4)
	addi	t4, t4, 8
	li	t3, MEGAPAGE
	add	t2, t2, t3
	addi	t1, t1, -1
	bnez	t1, 5b

	/* Turn on Sv39 and jump to the high half. */
	srli	t0, t0, 12
	li	t1, SATP_MODE_SV39
	or	t0, t0, t1
	sfence.vma
	csrw	satp, t0
	sfence.vma
	lla	t0, high_entry_addr
	ld	t0, 0(t0)
	jr	t0

	.align 3
high_entry_addr:
	.dword	high_entry
_image_size_mp:
	.dword	_image_megapages

high_entry:
	/* Now at the linked address: PC-relative addresses are kernel VAs. */
	la	sp, boot_stack_top
	la	t0, trap_entry
	csrw	stvec, t0
	mv	a0, s0
	mv	a1, s1
	mv	a2, s2
	call	kmain
	j	park

/*
 * secondary_entry(a0 = hart id, a1 = physical address of struct hart_boot)
 * struct hart_boot { satp, stack top VA, struct cpu * VA, entry VA }.
 * Entered with the MMU off; early_pgd still maps this code 1:1.
 */
	.globl secondary_entry
secondary_entry:
	csrw	sie, zero
	csrw	sscratch, zero
	lla	t0, early_pgd
	srli	t0, t0, 12
	li	t1, SATP_MODE_SV39
	or	t0, t0, t1
	sfence.vma
	csrw	satp, t0
	sfence.vma
	ld	sp, 8(a1)
	ld	tp, 16(a1)
	ld	t2, 24(a1)
	ld	t3, 0(a1)		/* the final kernel satp, installed by C */
	lla	t1, trap_entry_addr
	ld	t0, 0(t1)
	csrw	stvec, t0
	mv	a1, t3
	jr	t2			/* secondary_main(hartid, satp) at its VA */

	.align 3
trap_entry_addr:
	.dword	trap_entry

park:
	wfi
	j	park

	.section .data
	.align 2
	.globl boot_claimed
boot_claimed:
	.word	0

	.section .bss.pgtable, "aw", @nobits
	.align 12
	.globl early_pgd
early_pgd:
	.space	4096
early_kimg:
	.space	4096

	.section .bss.stack, "aw", @nobits
	.align 12
boot_stack:
	.space	16384
	.globl boot_stack_top
boot_stack_top:
