/* start.S - entry of a kernel test: a0 = start-up block. */
	.section .text.start, "ax"
	.globl _start
_start:
	call	kt_start
1:	j	1b
