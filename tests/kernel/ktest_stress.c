/*
 * ktest_stress - many clients, many servers, many harts. Roles by name:
 *
 *   ktest_stress_srv   a server process: 4 threads receive on one channel
 *                      and reply with each byte transformed; it exits when
 *                      every client has disconnected.
 *   ktest_stress_cli   a client process: 8 threads each send messages of
 *                      pseudo-random sizes (0 B to 1 MiB, log-uniform) to
 *                      random servers and check every byte of every reply.
 *
 * Run two of each (16 client threads in two processes, two servers) on
 * -smp 4: no message may be lost or corrupted and everything must end
 * within the boot test's timeout (no deadlock, no lost wake-up).
 */
#include "kpeer.h"

int strcmp(const char *a, const char *b);

#define SERVER_THREADS 4
#define CLIENT_THREADS 8
#define ITERATIONS     60
#define MAX_SIZE       (1 << 20)
#define NSERVERS       2

static int srv_chid;
static volatile int srv_clients_seen, srv_clients_gone;

static void *srv_thread(void *arg)
{
	static char bufs[SERVER_THREADS][MAX_SIZE];
	char *buf = bufs[(long)arg];

	for (;;) {
		struct _msg_info info;
		rcvid_t rcvid = MsgReceive_r(srv_chid, buf, MAX_SIZE, &info);
		if (rcvid < 0)
			return (void *)rcvid;
		if (rcvid == 0) {
			struct _pulse *p = (struct _pulse *)buf;
			if (p->code == _PULSE_CODE_DISCONNECT) {
				ConnectDetach_r(p->scoid | _NTO_CONNECTION_SCOID);
				if (__atomic_add_fetch(&srv_clients_gone, 1, __ATOMIC_SEQ_CST) >= 2)
					kt_exit(kt_failures);
			}
			continue;
		}
		if (kpeer_answer(rcvid, buf, (size_t)info.msglen, "stress")) {
			__atomic_add_fetch(&srv_clients_seen, 1, __ATOMIC_SEQ_CST);
			continue;
		}
		for (long i = 0; i < info.msglen; i++)
			buf[i] = (char)(buf[i] ^ 0x5a);
		MsgReply_r(rcvid, info.msglen, buf, (size_t)info.msglen);
	}
}

static int stress_srv(void)
{
	srv_chid = ChannelCreate_r(_NTO_CHF_DISCONNECT);
	KT_EQ(srv_chid, 1);
	for (long i = 1; i < SERVER_THREADS; i++)
		KT_CHECK(kt_thread_create(srv_thread, (void *)i) > 0);
	srv_thread((void *)0);
	return kt_failures;
}

struct cli {
	int coids[NSERVERS];
	int k;
	long messages;
	long bytes;
	int bad;
};

static uint32_t next(uint32_t *s)
{
	*s = *s * 1664525 + 1013904223;
	return *s >> 8;
}

static void *cli_thread(void *arg)
{
	static char outs[CLIENT_THREADS][MAX_SIZE], backs[CLIENT_THREADS][MAX_SIZE];
	struct cli *c = arg;
	char *out = outs[c->k], *back = backs[c->k];
	uint32_t seed = 0x9e3779b9u * (uint32_t)(c->k + 1) + (uint32_t)ClockCycles();

	for (int it = 0; it < ITERATIONS; it++) {
		/* Log-uniform size in [0, 1 MiB]. */
		uint32_t shift = next(&seed) % 21;
		size_t n = shift == 0 ? 0 : (next(&seed) & ((1u << shift) - 1));
		for (size_t i = 0; i < n; i++)
			out[i] = (char)next(&seed);
		int coid = c->coids[next(&seed) % NSERVERS];
		long r = MsgSend_r(coid, out, n, back, n);
		if (r != (long)n) {
			kt_printf("%s: thread %d: MsgSend of %zu bytes returned %ld\n", kt_name,
			          c->k, n, r);
			c->bad++;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (back[i] != (char)(out[i] ^ 0x5a)) {
				c->bad++;
				kt_printf("%s: thread %d: byte %zu of %zu wrong\n", kt_name, c->k,
				          i, n);
				break;
			}
		c->messages++;
		c->bytes += (long)n;
	}
	return NULL;
}

static int stress_cli(void)
{
	struct cli cl[CLIENT_THREADS];
	int coids[NSERVERS];
	int tids[CLIENT_THREADS];

	/* Find both servers, in pid order. */
	pid_t from = 2;
	for (int s = 0; s < NSERVERS; s++) {
		coids[s] = kpeer_find_from("stress", 50, from);
		KT_CHECK(coids[s] >= 0);
		if (coids[s] < 0)
			return 1;
		struct _server_info si;
		ConnectServerInfo_r(0, coids[s], &si);
		from = si.pid + 1;
	}
	for (int k = 0; k < CLIENT_THREADS; k++) {
		cl[k] = (struct cli){.k = k};
		for (int s = 0; s < NSERVERS; s++)
			cl[k].coids[s] = coids[s];
		tids[k] = kt_thread_create(cli_thread, &cl[k]);
		KT_CHECK(tids[k] > 0);
	}
	long messages = 0, bytes = 0;
	for (int k = 0; k < CLIENT_THREADS; k++) {
		KT_EQ(ThreadJoin_r(tids[k], NULL), 0);
		KT_EQ(cl[k].bad, 0);
		messages += cl[k].messages;
		bytes += cl[k].bytes;
	}
	kt_printf("%s: %ld messages, %ld KiB checked, %d failure(s)\n", kt_name, messages,
	          bytes / 1024, kt_failures);
	for (int s = 0; s < NSERVERS; s++)
		ConnectDetach_r(coids[s]);
	return kt_failures;
}

int kt_main(int argc, char **argv)
{
	if (strcmp(kt_name, "ktest_stress_srv") == 0)
		return stress_srv();
	if (strcmp(kt_name, "ktest_stress_cli") == 0)
		return stress_cli();
	kt_printf("%s: unknown role\n", kt_name);
	return 1;
}
