/*
 * kbench_ipc - message-passing benchmarks, in retired guest instructions
 * (run under -icount shift=0 -smp 1, where they are exact and repeatable).
 * Two roles, by program name:
 *
 *   kbench_ipcsrv   a server: receives on channel 1 and replies with as
 *                   many bytes as it received (no user-space copying).
 *   kbench_ipc      the client, which measures:
 *     ipc_rtt_0     MsgSend -> MsgReceive -> MsgReply -> back in the
 *                   client, 0-byte message and reply, between two processes
 *     ipc_rtt_64, ipc_rtt_4096, ipc_rtt_65536
 *                   the same with messages and replies of that many bytes
 *     pulse         MsgSendPulse to a channel of the same thread, then the
 *                   MsgReceive that collects it (send + receive, no switch)
 * Each round trip counts every instruction the hart executes: the client,
 * the kernel (both directions, both context switches) and the server's
 * receive loop. 32 samples of 200 operations; BENCH lines give min,
 * median and max per operation.
 */
#include "kpeer.h"

int strcmp(const char *a, const char *b);

#define SAMPLES 32
#define ITERS   200
#define MAXMSG  65536

static char sbuf[MAXMSG], rbuf[MAXMSG];

static void sort(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void emit(const char *metric, uint64_t *s)
{
	sort(s, SAMPLES);
	kt_printf("BENCH {\"metric\":\"%s\",\"unit\":\"instructions\",\"n\":%d,\"min\":%lu,"
	          "\"median\":%lu,\"max\":%lu}\n",
	          metric, SAMPLES, (unsigned long)s[0], (unsigned long)s[SAMPLES / 2],
	          (unsigned long)s[SAMPLES - 1]);
}

static int server(void)
{
	int chid = ChannelCreate_r(0);
	static char buf[MAXMSG];

	for (;;) {
		struct _msg_info info;
		rcvid_t r = MsgReceive_r(chid, buf, sizeof(buf), &info);
		if (r == 0 && ((struct _pulse *)buf)->code == 99)
			return 0; /* the client is done */
		if (r <= 0)
			continue;
		if (kpeer_answer(r, buf, (size_t)info.msglen, "kbench"))
			continue;
		MsgReply_r(r, 0, buf, (size_t)info.msglen);
	}
}

static void rtt(int coid, size_t n, const char *metric)
{
	uint64_t s[SAMPLES];

	for (int i = 0; i < 10; i++) /* warm up */
		MsgSend_r(coid, sbuf, n, rbuf, n);
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++)
			MsgSend_r(coid, sbuf, n, rbuf, n);
		s[k] = (kt_instret() - t0) / ITERS;
	}
	emit(metric, s);
}

static int client(void)
{
	int coid = kpeer_find("kbench", 50);
	KT_CHECK(coid >= 0);
	if (coid < 0)
		return 1;
	rtt(coid, 0, "ipc_rtt_0");
	rtt(coid, 64, "ipc_rtt_64");
	rtt(coid, 4096, "ipc_rtt_4096");
	rtt(coid, 65536, "ipc_rtt_65536");

	int chid = ChannelCreate_r(0);
	int self = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	struct _pulse p;
	uint64_t s[SAMPLES];
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++) {
			MsgSendPulse_r(self, 10, 1, i);
			MsgReceive_r(chid, &p, sizeof(p), NULL);
		}
		s[k] = (kt_instret() - t0) / ITERS;
	}
	emit("pulse", s);
	MsgSendPulse_r(coid, 10, 99, 0);
	return kt_failures;
}

int kt_main(int argc, char **argv)
{
	if (strcmp(kt_name, "kbench_ipcsrv") == 0)
		return server();
	return client();
}
