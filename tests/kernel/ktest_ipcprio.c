/*
 * ktest_ipcprio - the priority of threads that receive messages (QNX):
 *
 *   server boost   a message that arrives while no thread is RECEIVE-blocked
 *                  raises the threads that last received on the channel to
 *                  the sender's priority, so a lower-priority hog cannot
 *                  hold the server up; the boost goes once the message is
 *                  received; _NTO_CHF_FIXED_PRIORITY turns it off;
 *   inheritance    a server thread runs at its client's priority while it
 *   and mutexes    serves it, and a contended mutex it holds can raise it
 *                  further but never lowers it below the client's; setting
 *                  its own priority ends the inheritance.
 *
 * Every thread runs on the main thread's hart, so priorities alone decide
 * who runs; all are SCHED_FIFO.
 */
#include "ktsync.h"

#define P_SERVER 10
#define P_HOG    20
#define P_MID    25
#define P_CLIENT 30
#define P_HIGH   35
#define P_MAIN   40

enum { OP_FIRST = 1, OP_WORK, OP_MUTEX, OP_QUIT };

static unsigned main_cpu;
static int chid, coid;
static volatile int release_spin, stop_hog, spinning;
static volatile int seen_max, seen_after_recv, seen_with_mutex, seen_high, seen_after_unlock;
static volatile int work_received;
static sync_t mtx;

static void pin(void)
{
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(1UL << main_cpu));
}

static int self_prio(void)
{
	return kts_curprio(0);
}

static void set_prio(int prio)
{
	struct sched_param sp;

	memset(&sp, 0, sizeof(sp));
	sp.sched_priority = prio;
	SchedSet_r(0, 0, SCHED_FIFO, &sp);
}

/*
 * The server: after its first message it goes back to its own priority
 * and "works" (spins) until released, noting the highest priority it ran
 * at; then it serves messages until OP_QUIT.
 */
static void *server(void *arg)
{
	(void)arg;
	pin();
	int op;
	rcvid_t r = MsgReceive_r(chid, &op, sizeof(op), NULL);
	KT_CHECK(r > 0 && op == OP_FIRST);
	MsgReply_r(r, 0, NULL, 0);
	set_prio(P_SERVER); /* the QNX idiom: drop the client's priority after serving */
	KT_EQ(self_prio(), P_SERVER);
	spinning = 1;
	while (!release_spin) {
		int p = self_prio();
		if (p > seen_max)
			seen_max = p;
	}
	for (;;) {
		r = MsgReceive_r(chid, &op, sizeof(op), NULL);
		if (r <= 0)
			continue;
		if (op == OP_QUIT) {
			MsgReply_r(r, 0, NULL, 0);
			return NULL;
		}
		if (op == OP_WORK) {
			seen_after_recv = self_prio();
			work_received = 1;
		}
		if (op == OP_MUTEX) {
			/* Serving a client at P_CLIENT, holding mtx that others want. */
			KT_EQ(__qsoe_mutex_lock(&mtx), 0);
			kts_sleep(30 * MS); /* the waiters block on mtx meanwhile */
			seen_with_mutex = self_prio();
			KT_EQ(__qsoe_mutex_unlock(&mtx), 0); /* hands it to the waiter at P_HIGH */
			seen_after_unlock = self_prio();
		}
		MsgReply_r(r, 0, NULL, 0);
	}
}

static void *hog(void *arg)
{
	(void)arg;
	pin();
	while (!stop_hog)
		;
	return NULL;
}

static void *client(void *arg)
{
	int op = (int)(long)arg;

	pin();
	return (void *)(long)MsgSend_r(coid, &op, sizeof(op), NULL, 0);
}

/* A thread that wants mtx while the server holds it (after the server has it). */
static void *waiter(void *arg)
{
	int prio = (int)(long)arg;

	pin();
	KT_EQ(__qsoe_mutex_lock(&mtx), 0);
	if (prio == P_HIGH)
		seen_high = 1;
	KT_EQ(__qsoe_mutex_unlock(&mtx), 0);
	return NULL;
}

/* Starts a server on a fresh channel (flags) and sends it its first message. */
static int start(unsigned flags)
{
	chid = ChannelCreate_r(flags);
	coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	release_spin = stop_hog = spinning = 0;
	seen_max = seen_after_recv = work_received = 0;
	int s = kts_spawn(server, NULL, P_SERVER);
	int op = OP_FIRST;
	KT_EQ(MsgSend_r(coid, &op, sizeof(op), NULL, 0), 0);
	KTS_WAIT_UNTIL(spinning, 1000);
	KT_CHECK(spinning);
	return s;
}

static void finish(int s)
{
	int op = OP_QUIT;

	release_spin = 1;
	KT_EQ(MsgSend_r(coid, &op, sizeof(op), NULL, 0), 0);
	KT_EQ(kts_join(s, NULL), 0);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);
}

static void test_server_boost(void)
{
	int s = start(0);
	int h = kts_spawn(hog, NULL, P_HOG); /* the server, at 10, no longer runs */
	kts_sleep(2 * MS);
	int before = seen_max;
	int c = kts_spawn(client, (void *)(long)OP_WORK, P_CLIENT);
	/* The server is not receiving: it is boosted to 30 and runs past the hog. */
	KTS_WAIT_UNTIL(seen_max == P_CLIENT, 2000);
	KT_EQ(before, P_SERVER);
	KT_EQ(seen_max, P_CLIENT);
	KT_EQ(kts_curprio(s), P_CLIENT);
	release_spin = 1;
	void *res;
	KT_EQ(kts_join(c, &res), 0);
	KT_EQ((long)res, 0);
	/* It received at the client's priority (inheritance), the boost gone... */
	KT_EQ(seen_after_recv, P_CLIENT);
	/* ...and waits for the next message at its own priority. */
	KTS_WAIT_UNTIL(kts_curprio(s) == P_SERVER, 1000);
	KT_EQ(kts_curprio(s), P_SERVER);
	stop_hog = 1;
	KT_EQ(kts_join(h, NULL), 0);
	finish(s);

	/* _NTO_CHF_FIXED_PRIORITY: no boost, so the hog keeps the server from the message. */
	s = start(_NTO_CHF_FIXED_PRIORITY);
	h = kts_spawn(hog, NULL, P_HOG);
	kts_sleep(2 * MS);
	c = kts_spawn(client, (void *)(long)OP_WORK, P_CLIENT);
	kts_sleep(20 * MS);
	KT_EQ(seen_max, P_SERVER);
	KT_EQ(kts_curprio(s), P_SERVER);
	KT_EQ(work_received, 0);
	release_spin = 1;
	stop_hog = 1;
	KT_EQ(kts_join(h, NULL), 0);
	KT_EQ(kts_join(c, NULL), 0);
	KT_EQ(seen_after_recv, P_SERVER); /* received at its own priority */
	finish(s);
}

static void test_inheritance_and_mutexes(void)
{
	kts_mutex(&mtx, 0);
	int s = start(0);
	release_spin = 1; /* straight to serving */
	KTS_WAIT_UNTIL(kts_curprio(s) == P_SERVER, 1000);
	seen_with_mutex = seen_high = seen_after_unlock = 0;
	int c = kts_spawn(client, (void *)(long)OP_MUTEX, P_CLIENT);
	kts_sleep(1 * MS); /* the server now holds mtx, serving at 30, and sleeps */
	int w1 = kts_spawn(waiter, (void *)(long)P_MID, P_MID);
	kts_sleep(1 * MS);
	/* A waiter below the client's priority does not lower the server. */
	KT_EQ(kts_curprio(s), P_CLIENT);
	int w2 = kts_spawn(waiter, (void *)(long)P_HIGH, P_HIGH);
	kts_sleep(1 * MS);
	/* One above raises it (mutex inheritance on top of message inheritance). */
	KT_EQ(kts_curprio(s), P_HIGH);
	KT_EQ(kts_join(c, NULL), 0);
	KT_EQ(kts_join(w1, NULL), 0);
	KT_EQ(kts_join(w2, NULL), 0);
	KT_EQ(seen_with_mutex, P_HIGH);
	KT_EQ(seen_high, 1);
	/* After the unlock it is back at its client's priority, not its own. */
	KT_EQ(seen_after_unlock, P_CLIENT);
	finish(s);
	KT_EQ(SyncDestroy_r(&mtx), 0);
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	main_cpu = (unsigned)SchedGetCpuNum();
	pin();
	set_prio(P_MAIN);
	test_server_boost();
	test_inheritance_and_mutexes();
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures ? 1 : 0;
}
