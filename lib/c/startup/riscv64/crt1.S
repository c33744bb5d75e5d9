/*
 * crt1.S - the entry point of every QSOE program.
 *
 * taskman starts the first thread here with a0 = the start-up block
 * (argc, argv, envp, auxv; docs/abi.md "Process start-up") and sp below
 * it. _start ends the frame chain and calls
 *   __libc_start_main(block, main, preinit_array, preinit_end,
 *                     init_array, init_end, fini_array, fini_end)
 * in libc.so, which never returns. The program's own initialiser arrays
 * are passed for the case where taskman reports no link map.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined ra
	mv	fp, zero
	mv	ra, zero
	andi	sp, sp, -16
	lla	a1, main
	lla	a2, __preinit_array_start
	lla	a3, __preinit_array_end
	lla	a4, __init_array_start
	lla	a5, __init_array_end
	lla	a6, __fini_array_start
	lla	a7, __fini_array_end
	call	__libc_start_main@plt
	unimp
	.cfi_endproc
	.size	_start, .-_start

	.section .note.GNU-stack, "", @progbits
