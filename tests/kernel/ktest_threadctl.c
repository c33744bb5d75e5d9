/*
 * ktest_threadctl - ThreadCtl and ThreadCtlExt: thread names
 * (_NTO_TCTL_NAME: set, read back, clear, another thread of the process,
 * lengths, what ProcInfo reports), and the errors: an unknown command,
 * another process, a thread that does not exist, I/O privilege and the
 * run mask for a thread other than the caller, bad pointers.
 */
#include <stdbool.h>
#include <qsoe/abi/neutrino.h>
#include "ksig.h"

struct name_arg {
	struct _thread_name h;
	char buf[_NTO_THREAD_NAME_MAX + 8];
};

/* Sets thread tid's name to s (NULL: only read) and reads the old one into old. */
static int name_op(int tid, const char *s, char *old, int oldlen)
{
	struct name_arg a;

	memset(&a, 0, sizeof(a));
	a.h.new_name_len = -1;
	if (s) {
		a.h.new_name_len = 0;
		while (s[a.h.new_name_len])
			a.h.new_name_len++;
		memcpy(a.h.name_buf, s, (size_t)a.h.new_name_len);
	}
	a.h.name_buf_len = oldlen;
	int r = ThreadCtlExt_r(0, tid, _NTO_TCTL_NAME, &a);
	if (r == 0 && old)
		memcpy(old, a.h.name_buf, (size_t)oldlen);
	return r;
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* ProcInfo's name for thread tid of this process, or "?". */
static void info_name(int tid, char *out)
{
	struct proc_thread_info ti[16];
	long n = ProcInfo_r(0, NULL, ti, 16);

	out[0] = '?';
	out[1] = 0;
	for (long i = 0; i < n && i < 16; i++)
		if (ti[i].tid == tid)
			memcpy(out, ti[i].name, sizeof(ti[i].name));
}

static sync_t gate;

static void *waiter(void *a)
{
	(void)a;
	SyncSemWait_r(&gate, 0);
	return NULL;
}

int kt_main(int argc, char **argv)
{
	char old[_NTO_THREAD_NAME_MAX], pi[32];
	int self = kts_self_tid();
	(void)argc;
	(void)argv;

	/* Names of the caller. */
	KT_EQ(name_op(0, NULL, old, sizeof(old)), 0);
	KT_CHECK(streq(old, "")); /* unnamed at first */
	KT_EQ(name_op(0, "main-thread", old, sizeof(old)), 0);
	KT_CHECK(streq(old, ""));
	KT_EQ(name_op(self, "renamed", old, sizeof(old)), 0);
	KT_CHECK(streq(old, "main-thread")); /* the old name comes back */
	KT_EQ(name_op(0, NULL, old, 4), 0);
	KT_CHECK(streq(old, "ren")); /* cut to the buffer, NUL-terminated */
	info_name(self, pi);
	KT_CHECK(streq(pi, "renamed"));
	KT_EQ(ThreadCtl_r(_NTO_TCTL_NAME, &(struct name_arg){.h = {0, 0}}), 0); /* clear */
	KT_EQ(name_op(0, NULL, old, sizeof(old)), 0);
	KT_CHECK(streq(old, ""));

	/* A name of the maximum length, and one byte too long. */
	char longest[_NTO_THREAD_NAME_MAX];
	memset(longest, 'x', sizeof(longest));
	longest[_NTO_THREAD_NAME_MAX - 1] = 0;
	KT_EQ(name_op(0, longest, NULL, 0), 0);
	KT_EQ(name_op(0, NULL, old, sizeof(old)), 0);
	KT_CHECK(streq(old, longest));
	struct name_arg big;
	memset(&big, 'y', sizeof(big));
	big.h.new_name_len = _NTO_THREAD_NAME_MAX;
	big.h.name_buf_len = 0;
	KT_EQ(ThreadCtl_r(_NTO_TCTL_NAME, &big), -E2BIG);
	big.h.new_name_len = -2;
	KT_EQ(ThreadCtl_r(_NTO_TCTL_NAME, &big), -EINVAL);
	big.h.new_name_len = -1; /* from here on: only read */

	/* Another thread of the process. */
	kts_sem(&gate, 0);
	int tid = kts_spawn(waiter, NULL, 0);
	KT_CHECK(tid > 0);
	KT_EQ(name_op(tid, "worker", NULL, 0), 0);
	KT_EQ(name_op(tid, NULL, old, sizeof(old)), 0);
	KT_CHECK(streq(old, "worker"));
	info_name(tid, pi);
	KT_CHECK(streq(pi, "worker"));

	/* Errors. */
	KT_EQ(ThreadCtlExt_r(0, tid, _NTO_TCTL_IO, NULL), -EINVAL);           /* caller only */
	KT_EQ(ThreadCtlExt_r(0, tid, _NTO_TCTL_RUNMASK, (void *)1), -EINVAL); /* caller only */
	KT_EQ(ThreadCtlExt_r(0, 9999, _NTO_TCTL_NAME, &big), -ESRCH);
	KT_EQ(ThreadCtlExt_r(1, 0, _NTO_TCTL_NAME, &big), -EPERM); /* taskman's threads */
	KT_EQ(ThreadCtlExt_r(0, 0, 0x7777, NULL), -EINVAL);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_NAME, KERNEL_VA), -EFAULT);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_NAME, UNMAPPED_VA), -EFAULT);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_RUNMASK, NULL), -EINVAL);
	KT_EQ(ThreadCtl_r(_NTO_TCTL_IO, NULL), 0); /* root */

	KT_EQ(SyncSemPost_r(&gate), 0);
	KT_EQ(kts_join(tid, NULL), 0);
	KT_EQ(ThreadCtlExt_r(0, tid, _NTO_TCTL_NAME, &big), -ESRCH); /* joined: gone */
	KT_EQ(SyncDestroy_r(&gate), 0);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures != 0;
}
