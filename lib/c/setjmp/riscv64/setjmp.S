/*
 * setjmp.S - setjmp/longjmp for RISC-V 64 (lp64d).
 *
 * jmp_buf (include/setjmp.h): ra at 0, sp at 8, s0-s11 at 16..104,
 * fs0-fs11 at 112..200, then __masked at 208 and __mask at 216
 * (sigsetjmp only).
 */
	.text

/* int setjmp(jmp_buf env) and _setjmp: save the callee-saved state, return 0. */
	.globl	setjmp
	.type	setjmp, @function
	.globl	_setjmp
	.type	_setjmp, @function
setjmp:
_setjmp:
	sd	ra, 0(a0)
	sd	sp, 8(a0)
	sd	s0, 16(a0)
	sd	s1, 24(a0)
	sd	s2, 32(a0)
	sd	s3, 40(a0)
	sd	s4, 48(a0)
	sd	s5, 56(a0)
	sd	s6, 64(a0)
	sd	s7, 72(a0)
	sd	s8, 80(a0)
	sd	s9, 88(a0)
	sd	s10, 96(a0)
	sd	s11, 104(a0)
	fsd	fs0, 112(a0)
	fsd	fs1, 120(a0)
	fsd	fs2, 128(a0)
	fsd	fs3, 136(a0)
	fsd	fs4, 144(a0)
	fsd	fs5, 152(a0)
	fsd	fs6, 160(a0)
	fsd	fs7, 168(a0)
	fsd	fs8, 176(a0)
	fsd	fs9, 184(a0)
	fsd	fs10, 192(a0)
	fsd	fs11, 200(a0)
	sd	zero, 208(a0)
	li	a0, 0
	ret
	.size	setjmp, .-setjmp
	.size	_setjmp, .-_setjmp

/* void longjmp(jmp_buf env, int val) and _longjmp: return val (1 if 0) from setjmp. */
	.globl	longjmp
	.type	longjmp, @function
	.globl	_longjmp
	.type	_longjmp, @function
longjmp:
_longjmp:
	ld	ra, 0(a0)
	ld	sp, 8(a0)
	ld	s0, 16(a0)
	ld	s1, 24(a0)
	ld	s2, 32(a0)
	ld	s3, 40(a0)
	ld	s4, 48(a0)
	ld	s5, 56(a0)
	ld	s6, 64(a0)
	ld	s7, 72(a0)
	ld	s8, 80(a0)
	ld	s9, 88(a0)
	ld	s10, 96(a0)
	ld	s11, 104(a0)
	fld	fs0, 112(a0)
	fld	fs1, 120(a0)
	fld	fs2, 128(a0)
	fld	fs3, 136(a0)
	fld	fs4, 144(a0)
	fld	fs5, 152(a0)
	fld	fs6, 160(a0)
	fld	fs7, 168(a0)
	fld	fs8, 176(a0)
	fld	fs9, 184(a0)
	fld	fs10, 192(a0)
	fld	fs11, 200(a0)
	seqz	a0, a1
	add	a0, a0, a1
	ret
	.size	longjmp, .-longjmp
	.size	_longjmp, .-_longjmp

/*
 * int sigsetjmp(sigjmp_buf env, int savemask): setjmp, and if savemask is
 * nonzero also record the signal mask (sigprocmask) for siglongjmp.
 */
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	sd	ra, 0(a0)
	sd	sp, 8(a0)
	sd	s0, 16(a0)
	sd	s1, 24(a0)
	sd	s2, 32(a0)
	sd	s3, 40(a0)
	sd	s4, 48(a0)
	sd	s5, 56(a0)
	sd	s6, 64(a0)
	sd	s7, 72(a0)
	sd	s8, 80(a0)
	sd	s9, 88(a0)
	sd	s10, 96(a0)
	sd	s11, 104(a0)
	fsd	fs0, 112(a0)
	fsd	fs1, 120(a0)
	fsd	fs2, 128(a0)
	fsd	fs3, 136(a0)
	fsd	fs4, 144(a0)
	fsd	fs5, 152(a0)
	fsd	fs6, 160(a0)
	fsd	fs7, 168(a0)
	fsd	fs8, 176(a0)
	fsd	fs9, 184(a0)
	fsd	fs10, 192(a0)
	fsd	fs11, 200(a0)
	sd	a1, 208(a0)
	beqz	a1, 1f
	/* sigprocmask(SIG_BLOCK, NULL, &env->__mask); s0 (saved above) keeps env. */
	mv	s0, a0
	addi	a2, a0, 216
	li	a0, 0
	li	a1, 0
	call	sigprocmask
	ld	ra, 0(s0)
	ld	s0, 16(s0)
1:
	li	a0, 0
	ret
	.size	sigsetjmp, .-sigsetjmp

	.section .note.GNU-stack,"",@progbits
