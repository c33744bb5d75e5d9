/*
 * ktest_leak - 10,000 cycles of: create a channel, connect to it, start a
 * thread that receives on it, send it a message, join the thread, detach,
 * destroy the channel. Afterwards the kernel's free memory and object count
 * must be exactly where they were after one warm-up cycle.
 */
#include <errno.h>
#include "ktest.h"

#define CYCLES 10000

static void *receiver(void *arg)
{
	int chid = (int)(long)arg;
	char buf[16];
	rcvid_t r = MsgReceive_r(chid, buf, sizeof(buf), NULL);
	if (r > 0)
		MsgReply_r(r, 7, buf, sizeof(buf));
	return (void *)r;
}

static int cycle(void)
{
	int chid = ChannelCreate_r(0);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	int tid = kt_thread_create(receiver, (void *)(long)chid);
	char msg[16] = "leak-test", rep[16];
	long r = MsgSend_r(coid, msg, sizeof(msg), rep, sizeof(rep));
	void *res;
	int j = ThreadJoin_r(tid, &res);
	int d = ConnectDetach_r(coid);
	int x = ChannelDestroy_r(chid);
	return chid > 0 && coid >= 0 && tid > 0 && r == 7 && j == 0 && (long)res > 0 && d == 0 &&
	       x == 0;
}

int kt_main(int argc, char **argv)
{
	struct sysinfo_mem before, after;

	KT_CHECK(cycle());
	KT_CHECK(SysInfo_r(SYSINFO_MEM, &before, sizeof(before)) > 0);
	int ok = 0;
	for (int i = 0; i < CYCLES; i++)
		ok += cycle();
	KT_EQ(ok, CYCLES);
	KT_CHECK(SysInfo_r(SYSINFO_MEM, &after, sizeof(after)) > 0);
	kt_printf("%s: %d cycles; free pages %lu -> %lu, kernel objects %lu -> %lu\n", kt_name,
	          CYCLES, (unsigned long)before.free_pages, (unsigned long)after.free_pages,
	          (unsigned long)before.kernel_objects, (unsigned long)after.kernel_objects);
	KT_EQ(after.free_pages, before.free_pages);
	KT_EQ(after.kernel_objects, before.kernel_objects);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
