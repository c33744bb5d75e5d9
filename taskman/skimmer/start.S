/*
 * start.S - taskman's entry point. The kernel starts it with sp and tp set
 * (TLS block at the top of its stack) and nothing else.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	rdinstret a0			/* guest instructions executed so far (benchmarks) */
	call	taskman_main
1:	j	1b
