/*
 * ucontext.S - getcontext and the register loader of setcontext for
 * RISC-V 64 (lp64d), over the ucontext_t layout of qsoe/abi/ucontext.h:
 * uc_sigmask at 8, uc_mcontext at 40 with __gregs[i] (x<i>, [0] = pc) at
 * 8*i, __fpregs at 256, __fcsr at 512. gp and tp are never loaded: they
 * belong to the process and the thread.
 */
	.text

/*
 * int getcontext(ucontext_t *ucp): saves the callee-saved state (pc = the
 * return address, a0 = 0 so that resuming returns 0) and the signal mask;
 * returns 0 (what sigprocmask returns).
 */
	.globl	getcontext
	.type	getcontext, @function
getcontext:
	sd	ra, 40(a0)	/* pc */
	sd	ra, 48(a0)	/* x1 */
	sd	sp, 56(a0)	/* x2 */
	sd	gp, 64(a0)	/* x3 */
	sd	tp, 72(a0)	/* x4 */
	sd	s0, 104(a0)	/* x8 */
	sd	s1, 112(a0)	/* x9 */
	sd	zero, 120(a0)	/* x10 = a0: getcontext "returns" 0 when resumed */
	sd	s2, 184(a0)	/* x18 */
	sd	s3, 192(a0)
	sd	s4, 200(a0)
	sd	s5, 208(a0)
	sd	s6, 216(a0)
	sd	s7, 224(a0)
	sd	s8, 232(a0)
	sd	s9, 240(a0)
	sd	s10, 248(a0)
	sd	s11, 256(a0)	/* x27 */
	fsd	fs0, 360(a0)	/* f8: 296 + 8*8 */
	fsd	fs1, 368(a0)
	fsd	fs2, 440(a0)	/* f18 */
	fsd	fs3, 448(a0)
	fsd	fs4, 456(a0)
	fsd	fs5, 464(a0)
	fsd	fs6, 472(a0)
	fsd	fs7, 480(a0)
	fsd	fs8, 488(a0)
	fsd	fs9, 496(a0)
	fsd	fs10, 504(a0)
	fsd	fs11, 512(a0)	/* f27 */
	frcsr	t0
	sw	t0, 552(a0)	/* __fcsr */
	/* sigprocmask(SIG_BLOCK, NULL, &ucp->uc_sigmask): the mask, unchanged */
	addi	a2, a0, 8
	li	a1, 0
	li	a0, 0
	tail	sigprocmask
	.size	getcontext, .-getcontext

/*
 * void __qsoe_ctx_load(const mcontext_t *m): loads every register of m but
 * gp, tp and t6 (x31, which carries the pc) and jumps to m's pc.
 */
	.globl	__qsoe_ctx_load
	.hidden	__qsoe_ctx_load
	.type	__qsoe_ctx_load, @function
__qsoe_ctx_load:
	lw	t0, 512(a0)
	fscsr	t0
	fld	f0, 256(a0)
	fld	f1, 264(a0)
	fld	f2, 272(a0)
	fld	f3, 280(a0)
	fld	f4, 288(a0)
	fld	f5, 296(a0)
	fld	f6, 304(a0)
	fld	f7, 312(a0)
	fld	f8, 320(a0)
	fld	f9, 328(a0)
	fld	f10, 336(a0)
	fld	f11, 344(a0)
	fld	f12, 352(a0)
	fld	f13, 360(a0)
	fld	f14, 368(a0)
	fld	f15, 376(a0)
	fld	f16, 384(a0)
	fld	f17, 392(a0)
	fld	f18, 400(a0)
	fld	f19, 408(a0)
	fld	f20, 416(a0)
	fld	f21, 424(a0)
	fld	f22, 432(a0)
	fld	f23, 440(a0)
	fld	f24, 448(a0)
	fld	f25, 456(a0)
	fld	f26, 464(a0)
	fld	f27, 472(a0)
	fld	f28, 480(a0)
	fld	f29, 488(a0)
	fld	f30, 496(a0)
	fld	f31, 504(a0)
	ld	x1, 8(a0)
	ld	x2, 16(a0)
	ld	x5, 40(a0)
	ld	x6, 48(a0)
	ld	x7, 56(a0)
	ld	x8, 64(a0)
	ld	x9, 72(a0)
	ld	x11, 88(a0)
	ld	x12, 96(a0)
	ld	x13, 104(a0)
	ld	x14, 112(a0)
	ld	x15, 120(a0)
	ld	x16, 128(a0)
	ld	x17, 136(a0)
	ld	x18, 144(a0)
	ld	x19, 152(a0)
	ld	x20, 160(a0)
	ld	x21, 168(a0)
	ld	x22, 176(a0)
	ld	x23, 184(a0)
	ld	x24, 192(a0)
	ld	x25, 200(a0)
	ld	x26, 208(a0)
	ld	x27, 216(a0)
	ld	x28, 224(a0)
	ld	x29, 232(a0)
	ld	x30, 240(a0)
	ld	x31, 0(a0)	/* the pc */
	ld	x10, 80(a0)	/* a0 last */
	jr	x31
	.size	__qsoe_ctx_load, .-__qsoe_ctx_load

/*
 * Where a makecontext function returns to: s0 holds its uc_link (set by
 * makecontext; callee-saved, so the function kept it). Resumes uc_link,
 * or ends the process with status 0 when it is NULL.
 */
	.globl	__qsoe_ctx_start
	.hidden	__qsoe_ctx_start
	.type	__qsoe_ctx_start, @function
__qsoe_ctx_start:
	beqz	s0, 1f
	mv	a0, s0
	call	setcontext
1:	li	a0, 0
	call	exit
	.size	__qsoe_ctx_start, .-__qsoe_ctx_start

	.section .note.GNU-stack,"",@progbits
