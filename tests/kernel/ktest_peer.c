/*
 * ktest_peer - message passing between processes, and processes dying in
 * the middle of it. One program, four roles chosen by its name:
 *
 *   ktest_peer_srv   echo server; holds one request unanswered and, when
 *                    the client process has died (disconnect pulse),
 *                    checks that replying to it fails with ESRCH.
 *   ktest_peer_cli   echoes messages of many sizes across address spaces,
 *                    then leaves a request held and ends its process.
 *   ktest_dying_srv  receives one request and ends its process unreplied.
 *   ktest_dying_cli  checks that its MsgSend fails with ESRCH when the
 *                    server dies, and EBADF afterwards.
 */
#include "kpeer.h"

void *memcpy(void *d, const void *s, size_t n);
int strcmp(const char *a, const char *b);

enum { OP_ECHO = 1, OP_HOLD };

static char buf[1 << 20], back[1 << 20];

static int peer_srv(void)
{
	int chid = ChannelCreate_r(_NTO_CHF_DISCONNECT);
	rcvid_t held = 0;
	int held_scoid = -1;
	int connected = 0;

	KT_EQ(chid, 1);
	for (;;) {
		struct _msg_info info;
		rcvid_t rcvid = MsgReceive_r(chid, buf, sizeof(buf), &info);
		if (rcvid < 0) {
			KT_CHECK(rcvid >= 0);
			break;
		}
		if (rcvid == 0) {
			struct _pulse *p = (struct _pulse *)buf;
			if (p->code != _PULSE_CODE_DISCONNECT)
				continue;
			ConnectDetach_r(p->scoid | _NTO_CONNECTION_SCOID);
			if (p->scoid != held_scoid)
				continue; /* another test's scan said hello and left */
			/* The client process died REPLY-blocked on us. */
			KT_EQ(MsgReply_r(held, 0, NULL, 0), -ESRCH);
			break;
		}
		if (kpeer_answer(rcvid, buf, (size_t)info.msglen, "peer")) {
			connected = 1;
			continue;
		}
		int op = *(int *)buf;
		if (op == OP_ECHO) {
			/* Reply with every byte complemented. */
			for (long i = 0; i < info.msglen; i++)
				buf[i] = (char)~buf[i];
			KT_EQ(MsgReply_r(rcvid, info.msglen, buf, (size_t)info.msglen), 0);
		} else if (op == OP_HOLD) {
			/* Keep it unanswered; tell the client through the event it gave. */
			held = rcvid;
			held_scoid = info.scoid;
			struct sigevent *ev = (struct sigevent *)(buf + 8);
			KT_EQ(MsgDeliverEvent_r(rcvid, ev), 0);
		} else {
			MsgError_r(rcvid, ENOSYS);
		}
	}
	KT_CHECK(connected);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}

struct hold {
	int op;
	int pad;
	struct sigevent ev;
};

static struct hold hold_msg;
static int hold_coid;

static void *hold_forever(void *arg)
{
	MsgSend_r(hold_coid, &hold_msg, sizeof(hold_msg), NULL, 0);
	return NULL;
}

static int peer_cli(void)
{
	int coid = kpeer_find("peer", 50);
	KT_CHECK(coid >= 0);
	if (coid < 0)
		return 1;
	uint32_t seed = 12345;
	size_t sizes[] = {4, 5, 64, 4095, 4096, 4097, 8192, 65536, 100003, 1 << 20};
	for (unsigned k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (char)(seed >> 16);
		}
		*(int *)buf = OP_ECHO;
		long r = MsgSend_r(coid, buf, n, back, n);
		KT_EQ(r, (long)n);
		int bad = 0;
		for (size_t i = 4; i < n; i++)
			bad += back[i] != (char)~buf[i];
		KT_EQ(bad, 0);
	}
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	/*
	 * Leave a request held, then end the whole process while it waits. The
	 * server confirms it holds the request with a pulse on our own channel
	 * (MsgDeliverEvent of the SIGEV_PULSE we sent along).
	 */
	int chid = ChannelCreate_r(0);
	int self = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	hold_coid = coid;
	hold_msg.op = OP_HOLD;
	hold_msg.ev.sigev_notify = SIGEV_PULSE;
	hold_msg.ev.sigev_coid = self;
	hold_msg.ev.sigev_priority = 10;
	hold_msg.ev.sigev_code = 42;
	int tid = kt_thread_create(hold_forever, NULL);
	KT_CHECK(tid > 0);
	struct _pulse pl;
	rcvid_t rr;
	/* Our channel is chid 1, where other tests' kpeer_find() probes for peers:
	 * turn their hellos away while waiting for the pulse. */
	while ((rr = MsgReceive_r(chid, &pl, sizeof(pl), NULL)) > 0)
		MsgError_r(rr, ENOSYS);
	KT_EQ(rr, 0);
	KT_EQ(pl.code, 42);
	return kt_failures;
}

static int dying_srv(void)
{
	int chid = ChannelCreate_r(0);
	KT_EQ(chid, 1);
	for (;;) {
		struct _msg_info info;
		rcvid_t rcvid = MsgReceive_r(chid, buf, sizeof(buf), &info);
		if (rcvid <= 0)
			continue;
		if (kpeer_answer(rcvid, buf, (size_t)info.msglen, "dying"))
			continue;
		/* A real request: die with it unanswered. */
		kt_printf("%s: ending with a client REPLY-blocked\n", kt_name);
		kt_exit(0);
	}
}

static int dying_cli(void)
{
	int coid = kpeer_find("dying", 50);
	KT_CHECK(coid >= 0);
	if (coid < 0)
		return 1;
	int op = OP_HOLD;
	KT_EQ(MsgSend_r(coid, &op, sizeof(op), NULL, 0), -ESRCH);
	KT_EQ(MsgSend_r(coid, &op, sizeof(op), NULL, 0), -EBADF);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}

int kt_main(int argc, char **argv)
{
	if (strcmp(kt_name, "ktest_peer_srv") == 0)
		return peer_srv();
	if (strcmp(kt_name, "ktest_peer_cli") == 0)
		return peer_cli();
	if (strcmp(kt_name, "ktest_dying_srv") == 0)
		return dying_srv();
	if (strcmp(kt_name, "ktest_dying_cli") == 0)
		return dying_cli();
	kt_printf("%s: unknown role\n", kt_name);
	return 1;
}
