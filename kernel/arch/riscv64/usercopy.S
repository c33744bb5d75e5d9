/*
 * usercopy.S - copies to and from user memory that may fault.
 *
 * long __copy_user(void *dst, const void *src, size_t n)
 * long __strnlen_user(const char *s, size_t max)
 *
 * The caller has range-checked the user address and set sstatus.SUM. A
 * page or access fault anywhere between __usercopy_start and __usercopy_end
 * makes trap_kernel() resume at __usercopy_fault, which returns -EFAULT.
 */
	.section .text
	.globl __usercopy_start, __usercopy_end, __usercopy_fault
	.globl __copy_user, __strnlen_user
__usercopy_start:

__copy_user:
	beqz	a2, 3f
	or	t0, a0, a1
	andi	t0, t0, 7
	bnez	t0, 2f
	li	t1, 32
0:	bltu	a2, t1, 6f		/* 32 bytes a round while they last */
	ld	t2, 0(a1)
	ld	t3, 8(a1)
	ld	t4, 16(a1)
	ld	t5, 24(a1)
	sd	t2, 0(a0)
	sd	t3, 8(a0)
	sd	t4, 16(a0)
	sd	t5, 24(a0)
	addi	a0, a0, 32
	addi	a1, a1, 32
	addi	a2, a2, -32
	j	0b
6:	li	t1, 8
1:	bltu	a2, t1, 2f
	ld	t2, 0(a1)
	sd	t2, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	1b
2:	beqz	a2, 3f
	lbu	t2, 0(a1)
	sb	t2, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	2b
3:	li	a0, 0
	ret

__strnlen_user:
	mv	t0, a0
	add	t1, a0, a1
4:	beq	t0, t1, 5f
	lbu	t2, 0(t0)
	beqz	t2, 5f
	addi	t0, t0, 1
	j	4b
5:	sub	a0, t0, a0
	ret

__usercopy_fault:
	li	a0, -14			/* -EFAULT */
	ret
__usercopy_end:
