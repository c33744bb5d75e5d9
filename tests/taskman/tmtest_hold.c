/*
 * tmtest_hold - taskman never waits for anybody: 20 spawns held with
 * TM_SPAWN_HOLD (more than taskman's largest thread pool) are pending
 * while other processes hammer TM_PROCLIST, path resolution and /proc; all
 * of those are answered meanwhile. The held children call TM_DAEMON only
 * when this test lets them (each is blocked sending to it), and the held
 * spawns are answered then. A deferred reply occupies no taskman thread.
 */
#include <errno.h>
#include "tmt.h"

#define HELD    20
#define HAMMERS 3

static struct {
	long pid;
	struct tm_spawn_reply rep;
} held[HELD];
static int done; /* held spawns answered (atomic) */
static char spid[16], schid[16];

static void *hold_one(void *arg)
{
	long i = (long)arg;
	held[i].pid = tmt_spawn("/tmtest_child",
	                        (char *[]){"tmtest_child", "daemonwait", spid, schid, NULL},
	                        TM_SPAWN_HOLD, 0, &held[i].rep);
	__atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static uint64_t now_ms(void)
{
	uint64_t t = 0;
	ClockTime_r(CLOCK_MONOTONIC, NULL, &t);
	return t / 1000000;
}

int kt_main(int argc, char **argv)
{
	uint64_t t0 = now_ms();
	int chid = ChannelCreate_r(0);
	rcvid_t waiting[HELD];
	char c;

	tmt_ltoa(getpid_kt(), spid);
	tmt_ltoa(chid, schid);
	for (long i = 0; i < HELD; i++)
		KT_CHECK(kt_thread_create(hold_one, (void *)i) > 0);
	/* every held child reports in: its spawn is still unanswered */
	for (int i = 0; i < HELD; i++) {
		waiting[i] = MsgReceive_r(chid, &c, 1, NULL);
		KT_CHECK(waiting[i] > 0);
	}
	KT_EQ(__atomic_load_n(&done, __ATOMIC_SEQ_CST), 0);

	long hammers[HAMMERS];
	for (int i = 0; i < HAMMERS; i++)
		hammers[i] = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "hammer", "20", NULL);
	struct tm_proclist q = {.hdr = {TM_PROCLIST, 0, sizeof(q)}, .from = 0};
	static struct tm_procent ents[64];
	for (int i = 0; i < 20; i++)
		KT_CHECK(tmt_send(&q, sizeof(q), ents, sizeof(ents)) >= HELD + 2);
	for (int i = 0; i < HAMMERS; i++)
		KT_EQ(tmt_waitpid((pid_t)hammers[i]), 0);
	KT_EQ(__atomic_load_n(&done, __ATOMIC_SEQ_CST), 0); /* still all held */
	kt_printf("tmtest_hold: %d processes served while %d spawns were held (%lu ms)\n",
	          HAMMERS + 1, HELD, (unsigned long)(now_ms() - t0));

	for (int i = 0; i < HELD; i++)
		MsgReply_r(waiting[i], 0, NULL, 0); /* now they may call TM_DAEMON */
	for (int tries = 0; __atomic_load_n(&done, __ATOMIC_SEQ_CST) < HELD && tries < 600; tries++)
		tmt_sleep_ms(50);
	KT_EQ(__atomic_load_n(&done, __ATOMIC_SEQ_CST), HELD);
	for (int i = 0; i < HELD; i++) {
		KT_CHECK(held[i].pid > 0 && held[i].rep.pid == held[i].pid &&
		         held[i].rep.status == 0);
		KT_EQ(tmt_waitpid((pid_t)held[i].pid), 0);
	}
	kt_printf("tmtest_hold: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
