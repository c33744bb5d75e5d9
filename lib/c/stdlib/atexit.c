/*
 * atexit.c - the exit handler lists: atexit, at_quick_exit, __cxa_atexit,
 * and __libc_run_atexit / __libc_run_quick_exit which exit() and
 * quick_exit() (process start-up code) call.
 *
 * Handlers are kept in blocks of 32; the first block is static, so at
 * least 32 registrations succeed without memory; more use malloc and fail
 * only with ENOMEM. Handlers run in reverse order of registration;
 * handlers registered while the list runs are run too.
 */
#include <errno.h>
#include <stdlib.h>
#include "libc.h"
#include "lock.h"

struct block {
	struct block *next;
	int n;
	struct {
		void (*fn)(void *);
		void *arg;
	} h[32];
};

struct list {
	struct block first;
	struct block *top;
};

static qsoe_lock_t lk = QSOE_LOCK_INIT;
static struct list exit_list, quick_list;

static int add(struct list *l, void (*fn)(void *), void *arg)
{
	qsoe_lock(&lk);
	if (!l->top)
		l->top = &l->first;
	if (l->top->n == 32) {
		struct block *b = calloc(1, sizeof(*b));
		if (!b) {
			qsoe_unlock(&lk);
			errno = ENOMEM;
			return -1;
		}
		b->next = l->top;
		l->top = b;
	}
	l->top->h[l->top->n].fn = fn;
	l->top->h[l->top->n].arg = arg;
	l->top->n++;
	qsoe_unlock(&lk);
	return 0;
}

/* Pop and run handlers until the list is empty. */
static void run(struct list *l)
{
	for (;;) {
		qsoe_lock(&lk);
		struct block *b = l->top;
		if (b && b->n == 0 && b != &l->first) {
			l->top = b->next;
			qsoe_unlock(&lk);
			free(b);
			continue;
		}
		if (!b || b->n == 0) {
			qsoe_unlock(&lk);
			return;
		}
		b->n--;
		void (*fn)(void *) = b->h[b->n].fn;
		void *arg = b->h[b->n].arg;
		qsoe_unlock(&lk);
		fn(arg);
	}
}

static void call_plain(void *fn)
{
	((void (*)(void))fn)();
}

/* Register fn to run at exit(). 0, or -1 (ENOMEM). */
int atexit(void (*fn)(void))
{
	return add(&exit_list, call_plain, (void *)fn);
}

/* Register fn(arg) to run at exit() (the C++ ABI's form; dso is ignored). */
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	(void)dso;
	return add(&exit_list, fn, arg);
}

/* Register fn to run at quick_exit(). */
int at_quick_exit(void (*fn)(void))
{
	return add(&quick_list, call_plain, (void *)fn);
}

/* Run the atexit handlers (called by exit() before stdio is flushed). */
void __libc_run_atexit(void)
{
	run(&exit_list);
}

/* Run the at_quick_exit handlers (called by quick_exit()). */
void __libc_run_quick_exit(void)
{
	run(&quick_list);
}
