/*
 * qsoe/abi/tls.h - the per-thread control block (QNX <sys/storage.h>).
 *
 * Each thread's struct _thread_local_storage sits at the top of its stack;
 * errno lives in it. Layout as QNX's <sys/storage.h>, 64-bit: 104 bytes.
 *
 * Placement (QSOE ABI, both kernels): the RISC-V thread pointer tp points
 * just PAST the block, i.e. the block is at tp - sizeof(block), rounded so
 * that tp is 16-byte aligned. This keeps [tp, ...) free for the ELF static
 * TLS area of the RISC-V psABI (TLS variant I, which starts at tp), so
 * _Thread_local and the QNX control block can coexist. The kernel (or
 * libqsoe on seL4) sets this up in ThreadCreate.
 */
#ifndef QSOE_ABI_TLS_H
#define QSOE_ABI_TLS_H

#include <qsoe/abi/types.h>

struct _thread_local_storage {
	void (*__exitfunc)(void *); /*   0: called when the thread function returns */
	void *__arg;                /*   8: argument of the thread function */
	int *__errptr;              /*  16: where errno is (normally &__errval) */
	int __errval;               /*  24: errno of this thread */
	unsigned __flags;           /*  28: library flags */
	int __pid;                  /*  32: process id */
	int __tid;                  /*  36: thread id (1 = first thread) */
	unsigned __owner;           /*  40: sync owner value (_NTO_SYNC owner format) */
	void *__stackaddr;          /*  48: lowest address of the stack */
	unsigned __reserved1;       /*  56 */
	unsigned __numkeys;         /*  60: entries in __keydata */
	void **__keydata;           /*  64: pthread_key_t values */
	void *__cleanup;            /*  72: pthread cleanup handler list */
	void *__fpuemu_data;        /*  80: FPU emulator state (unused on RISC-V) */
	union {                     /*  88: QNX 6 name / QNX 7+ names */
		void *__reserved2[2];
		struct {
			void *__ldd_data;  /* used by the dynamic loader */
			void *__sigaction; /* signal action helper */
		};
	};
};

/*
 * __flags bits the kernel reads (ThreadCancel): the thread's cancelability,
 * kept by the C library (pthread_setcancelstate/-type). Same values as
 * PTHREAD_CANCEL_DISABLE and PTHREAD_CANCEL_ASYNCHRONOUS.
 */
#define _QSOE_TLS_CANCEL_DISABLE 0x1u
#define _QSOE_TLS_CANCEL_ASYNC   0x2u

/* The calling thread's control block: just below the thread pointer. */
static inline struct _thread_local_storage *__tls(void)
{
	struct _thread_local_storage *t;

#if defined(__riscv)
	__asm__("mv %0, tp" : "=r"(t));
	t -= 1;
#else
	/* Host builds (unit tests) have no QSOE thread pointer. */
	t = (struct _thread_local_storage *)0;
#endif
	return t;
}

#endif /* QSOE_ABI_TLS_H */
