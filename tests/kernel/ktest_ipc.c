/*
 * ktest_ipc - message passing inside one process: channels, connections,
 * MsgSend/Receive/Reply and the vector forms, MsgRead/MsgWrite, MsgError,
 * MsgInfo, pulses and their priorities, priority inheritance, timeouts,
 * unblock pulses, disconnect / coid-death / thread-death pulses, channel
 * destruction, bad arguments. Server and clients are threads of this
 * process; tests/kernel/ktest_peer.c covers two processes.
 */
#include <errno.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/time.h>
#include "ktest.h"

int memcmp(const void *a, const void *b, size_t n);
void *memcpy(void *d, const void *s, size_t n);

#define UNMAPPED ((void *)0x3000000000UL)

static int chid_main;

/* ---- A small echo server run by a thread ---------------------------------- */

enum { OP_ECHO = 1, OP_HOLD, OP_PRIO, OP_READWRITE, OP_ERROR, OP_QUIT, OP_INFO };

struct req {
	int op;
	int arg;
	char data[56];
};

static volatile rcvid_t held_rcvid;
static volatile int server_prio_seen;
static struct _msg_info last_info;

static void *server(void *arg)
{
	int chid = (int)(long)arg;
	static char big[1 << 20];
	for (;;) {
		struct _msg_info info;
		rcvid_t rcvid = MsgReceive_r(chid, big, sizeof(big), &info);
		if (rcvid < 0)
			return (void *)(long)rcvid;
		if (rcvid == 0)
			continue; /* pulses are handled by the tests themselves */
		struct req *rq = (struct req *)big;
		last_info = info;
		switch (rq->op) {
		case OP_ECHO:
			MsgReply_r(rcvid, info.msglen, big, (size_t)info.msglen);
			break;
		case OP_HOLD:
			held_rcvid = rcvid;
			break;
		case OP_PRIO: {
			struct sched_param sp;
			SchedGet_r(0, 0, &sp);
			server_prio_seen = sp.sched_curpriority;
			MsgReply_r(rcvid, 0, NULL, 0);
			break;
		}
		case OP_READWRITE: {
			char tmp[8];
			long n = MsgRead_r(rcvid, tmp, 4, 8); /* bytes 8..11 of the message */
			MsgWrite_r(rcvid, tmp, (size_t)n, 2); /* into the reply at offset 2 */
			MsgReply_r(rcvid, n, NULL, 0);
			break;
		}
		case OP_ERROR:
			MsgError_r(rcvid, rq->arg);
			break;
		case OP_INFO: {
			struct _msg_info mi;
			long r = MsgInfo_r(rcvid, &mi);
			MsgReply_r(rcvid, r == 0 ? mi.msglen : r, NULL, 0);
			break;
		}
		case OP_QUIT:
			MsgReply_r(rcvid, 0, NULL, 0);
			return NULL;
		}
	}
}

static int start_server(int chid)
{
	int tid = kt_thread_create(server, (void *)(long)chid);
	KT_CHECK(tid > 0);
	return tid;
}

static void stop_server(int coid, int tid)
{
	struct req q = {.op = OP_QUIT};
	KT_EQ(MsgSend_r(coid, &q, sizeof(q), NULL, 0), 0);
	KT_EQ(ThreadJoin_r(tid, NULL), 0);
}

/* ---- Tests ------------------------------------------------------------------ */

static void test_channels_and_connections(void)
{
	KT_EQ(ChannelCreate_r(0x80000000u), -EINVAL);
	int chid = ChannelCreate_r(0);
	KT_CHECK(chid > 0);
	int coid = ConnectAttach_r(0, 0, chid, 0, 0);
	KT_CHECK(coid >= 0 && coid < (int)_NTO_SIDE_CHANNEL);
	int side = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	KT_CHECK(side >= (int)_NTO_SIDE_CHANNEL);
	int high = ConnectAttach_r(0, 0, chid, 50, 0);
	KT_EQ(high, 50);
	KT_EQ(ConnectAttach_r(0, 0, 9999, 0, 0), -ESRCH);
	KT_EQ(ConnectAttach_r(0, 77777, chid, 0, 0), -ESRCH);
	KT_EQ(ConnectAttach_r(5, 0, chid, 0, 0), -ENOREMOTE);
	KT_EQ(ConnectAttach_r(0, 0, chid, 0, 0x00100000), -EINVAL);

	struct _server_info si;
	KT_EQ(ConnectServerInfo_r(0, coid, &si), coid);
	KT_EQ(si.chid, chid);
	KT_CHECK(si.scoid > 0);
	/* A gap reports the next connection above it. */
	KT_EQ(ConnectServerInfo_r(0, 40, &si), 50);
	KT_EQ(ConnectServerInfo_r(0, 0, (struct _server_info *)UNMAPPED), -EFAULT);

	KT_EQ(ConnectFlags_r(0, coid, _NTO_COF_CLOEXEC, _NTO_COF_CLOEXEC), 0);
	KT_EQ(ConnectFlags_r(0, coid, 0, 0), _NTO_COF_CLOEXEC);
	KT_EQ(ConnectFlags_r(0, 12345, 0, 0), -EBADF);

	struct _client_info ci;
	KT_EQ(ConnectClientInfo_r(si.scoid, &ci, 8), 0);
	KT_EQ(ci.pid, ConnectServerInfo_r(0, coid, &si) >= 0 ? si.pid : -1);
	KT_EQ(ci.cred.euid, 0);
	KT_EQ(ConnectClientInfo_r(99999, &ci, 8), -ESRCH);

	KT_EQ(ConnectDetach_r(high), 0);
	KT_EQ(ConnectDetach_r(high), -EINVAL);
	KT_EQ(MsgSend_r(high, "x", 1, NULL, 0), -EBADF);
	KT_EQ(ConnectDetach_r(side), 0);
	KT_EQ(ConnectDetach_r(coid), 0);
	KT_EQ(ChannelDestroy_r(chid), 0);
	KT_EQ(ChannelDestroy_r(chid), -EINVAL);
}

static void test_send_receive_reply(int coid)
{
	struct req q = {.op = OP_ECHO};
	struct req a;
	memcpy(q.data, "hello, server", 14);
	KT_EQ(MsgSend_r(coid, &q, sizeof(q), &a, sizeof(a)), (long)sizeof(q));
	KT_EQ(memcmp(&a, &q, sizeof(q)), 0);
	KT_EQ(last_info.msglen, (long)sizeof(q));
	KT_EQ(last_info.coid, coid);
	KT_EQ(last_info.chid, chid_main);
	KT_CHECK(last_info.scoid > 0);
	KT_CHECK(last_info.tid >= 1);

	/* A short reply buffer gets the first bytes only. */
	char small[4] = {0};
	KT_EQ(MsgSend_r(coid, &q, sizeof(q), small, sizeof(small)), (long)sizeof(q));
	KT_EQ(memcmp(small, &q, 4), 0);

	/* Vectors: three parts out, two parts back. */
	struct req v = {.op = OP_ECHO};
	char part2[20] = "second-part-data....";
	char part3[8] = "tail!!!!";
	iov_t siov[3] = {{.iov_base = &v, .iov_len = 8},
	                 {.iov_base = part2, .iov_len = 20},
	                 {.iov_base = part3, .iov_len = 8}};
	char r1[10], r2[40];
	iov_t riov[2] = {{.iov_base = r1, .iov_len = 10}, {.iov_base = r2, .iov_len = 40}};
	KT_EQ(MsgSendv_r(coid, siov, 3, riov, 2), 36);
	KT_EQ(memcmp(r1, &v, 8), 0);
	KT_EQ(memcmp(r1 + 8, part2, 2), 0);
	KT_EQ(memcmp(r2, part2 + 2, 18), 0);
	KT_EQ(memcmp(r2 + 18, part3, 8), 0);

	/* MsgRead at an offset and MsgWrite into the reply. */
	struct req rw = {.op = OP_READWRITE};
	memcpy(rw.data, "ABCD", 4); /* data starts at offset 8 */
	char reply[8] = "........";
	KT_EQ(MsgSend_r(coid, &rw, sizeof(rw), reply, sizeof(reply)), 4);
	KT_EQ(memcmp(reply, "..ABCD..", 8), 0);

	/* MsgError makes MsgSend fail with that errno. */
	struct req e = {.op = OP_ERROR, .arg = EPERM};
	KT_EQ(MsgSend_r(coid, &e, sizeof(e), NULL, 0), -EPERM);
	KT_EQ(MsgSend(coid, &e, sizeof(e), NULL, 0), -1);
	KT_EQ(errno, EPERM);

	/* MsgInfo on a pending message. */
	struct req in = {.op = OP_INFO};
	KT_EQ(MsgSend_r(coid, &in, sizeof(in), NULL, 0), (long)sizeof(in));

	/* Bad arguments. */
	KT_EQ(MsgSend_r(coid, UNMAPPED, 16, NULL, 0), -EFAULT);
	KT_EQ(MsgSend_r(-5, &q, sizeof(q), NULL, 0), -EBADF);
	KT_EQ(MsgSendv_r(coid, (iov_t *)UNMAPPED, 2, NULL, 0), -EFAULT);
	KT_EQ(MsgReply_r(12345678, 0, NULL, 0), -ESRCH);
	KT_EQ(MsgError_r(0, EOK), -ESRCH);
	KT_EQ(MsgReceive_r(9999, &q, sizeof(q), NULL), -ESRCH);
	KT_EQ(MsgRead_r(1, &q, 4, 0), -ESRCH);
}

static void test_big_messages(int coid)
{
	static char out[1 << 20], back[1 << 20];
	size_t sizes[] = {0, 1, 63, 64, 4095, 4096, 4097, 65536, 200000, 1 << 20};

	for (unsigned k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];
		struct req *q = (struct req *)out;
		for (size_t i = 0; i < n; i++)
			out[i] = (char)(i * 7 + k);
		if (n >= sizeof(int))
			q->op = OP_ECHO;
		else
			continue;
		long r = MsgSend_r(coid, out, n, back, n);
		KT_EQ(r, (long)n);
		KT_EQ(memcmp(out, back, n), 0);
	}
}

static void test_pulses(void)
{
	int chid = ChannelCreate_r(0);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	struct _pulse p;
	struct _msg_info info;

	KT_EQ(MsgSendPulse_r(coid, 10, 5, 0x1234), 0);
	KT_EQ(MsgReceive_r(chid, &p, sizeof(p), &info), 0);
	KT_EQ(p.type, _PULSE_TYPE);
	KT_EQ(p.code, 5);
	KT_EQ(p.value.sival_int, 0x1234);
	KT_CHECK(p.scoid > 0);

	/* Queued pulses come out by priority, FIFO within one priority. */
	KT_EQ(MsgSendPulse_r(coid, 11, 1, 1), 0);
	KT_EQ(MsgSendPulse_r(coid, 30, 2, 2), 0);
	KT_EQ(MsgSendPulse_r(coid, 20, 3, 3), 0);
	KT_EQ(MsgSendPulse_r(coid, 30, 4, 4), 0);
	int want[] = {2, 4, 3, 1};
	for (int i = 0; i < 4; i++) {
		KT_EQ(MsgReceivePulse_r(chid, &p, sizeof(p), NULL), 0);
		KT_EQ(p.code, want[i]);
	}
	/* The receiver runs at the pulse's priority. */
	KT_EQ(MsgSendPulse_r(coid, 33, 9, 0), 0);
	KT_EQ(MsgReceive_r(chid, &p, sizeof(p), NULL), 0);
	struct sched_param sp;
	SchedGet_r(0, 0, &sp);
	KT_EQ(sp.sched_curpriority, 33);
	KT_EQ(sp.sched_priority, 10);
	sp.sched_priority = 10;
	KT_EQ(SchedSet_r(0, 0, SCHED_NOCHANGE, &sp), 0);

	KT_EQ(MsgSendPulse_r(coid, 10, 200, 0), -EINVAL);
	KT_EQ(MsgSendPulse_r(coid, 10, -3, 0), -EINVAL);
	KT_EQ(MsgSendPulse_r(coid, 0, 1, 0), -EINVAL);
	KT_EQ(MsgSendPulse_r(777, 10, 1, 0), -EBADF);

	/* MsgDeliverEvent: a SIGEV_PULSE on our own coid, delivered by "the server". */
	struct sigevent ev = {0};
	ev.sigev_notify = SIGEV_PULSE;
	ev.sigev_coid = coid;
	ev.sigev_priority = 12;
	ev.sigev_code = 17;
	ev.sigev_value.sival_int = 99;
	KT_EQ(MsgVerifyEvent_r(0, &ev), 0);
	ev.sigev_coid = 4321;
	KT_EQ(MsgVerifyEvent_r(0, &ev), -EBADF);
	ev.sigev_coid = coid;
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);
}

static void *prio_client(void *arg)
{
	int coid = (int)(long)arg;
	struct req q = {.op = OP_PRIO};
	struct sched_param sp = {.sched_priority = 25};
	SchedSet_r(0, 0, SCHED_FIFO, &sp);
	return (void *)MsgSend_r(coid, &q, sizeof(q), NULL, 0);
}

static void test_priority_inheritance(void)
{
	/* A client at 25 makes the server thread (base 10) run at 25... */
	int chid = ChannelCreate_r(0);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	int stid = start_server(chid);
	int ctid = kt_thread_create(prio_client, (void *)(long)coid);
	KT_EQ(ThreadJoin_r(ctid, NULL), 0);
	KT_EQ(server_prio_seen, 25);
	stop_server(coid, stid);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);

	/* ...unless the channel has _NTO_CHF_FIXED_PRIORITY. */
	chid = ChannelCreate_r(_NTO_CHF_FIXED_PRIORITY);
	coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	stid = start_server(chid);
	ctid = kt_thread_create(prio_client, (void *)(long)coid);
	KT_EQ(ThreadJoin_r(ctid, NULL), 0);
	KT_EQ(server_prio_seen, 10);
	stop_server(coid, stid);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);
}

static int timeout_ns(uint32_t states, uint64_t ns)
{
	return TimerTimeout_r(CLOCK_MONOTONIC, states, NULL, &ns, NULL);
}

static void *hold_client(void *arg)
{
	int coid = (int)(long)arg;
	struct req q = {.op = OP_HOLD};
	timeout_ns(_NTO_TIMEOUT_REPLY, 20000000);
	return (void *)MsgSend_r(coid, &q, sizeof(q), NULL, 0);
}

static void test_timeouts_and_unblock(void)
{
	struct req q = {.op = OP_ECHO};
	int chid = ChannelCreate_r(0);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);

	/* Nobody receives: SEND timeout. Nobody sends: RECEIVE timeout. */
	KT_EQ(timeout_ns(_NTO_TIMEOUT_SEND, 5000000), 0);
	KT_EQ(MsgSend_r(coid, &q, sizeof(q), NULL, 0), -ETIMEDOUT);
	KT_EQ(timeout_ns(_NTO_TIMEOUT_RECEIVE, 5000000), 0);
	KT_EQ(MsgReceive_r(chid, &q, sizeof(q), NULL), -ETIMEDOUT);
	/* A timeout for another state does not apply. */
	KT_EQ(timeout_ns(_NTO_TIMEOUT_SEND, 1000), 0);
	KT_EQ(MsgSendPulse_r(coid, 10, 1, 0), 0);
	KT_EQ(MsgReceive_r(chid, &q, sizeof(q), NULL), 0);
	/* _NTO_TIMEOUT_NO_WAIT: fail at once instead of blocking. */
	KT_EQ(TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE | _NTO_TIMEOUT_NO_WAIT, NULL,
	                     NULL, NULL),
	      0);
	KT_EQ(MsgReceive_r(chid, &q, sizeof(q), NULL), -ETIMEDOUT);
	KT_EQ(TimerTimeout_r(99, _NTO_TIMEOUT_SEND, NULL, NULL, NULL), -EINVAL);

	/* REPLY timeout without _NTO_CHF_UNBLOCK: the client leaves; the rcvid dies. */
	int stid = start_server(chid);
	held_rcvid = 0;
	int ctid = kt_thread_create(hold_client, (void *)(long)coid);
	void *res;
	KT_EQ(ThreadJoin_r(ctid, &res), 0);
	KT_EQ((long)res, -ETIMEDOUT);
	KT_CHECK(held_rcvid > 0);
	KT_EQ(MsgReply_r(held_rcvid, 0, NULL, 0), -ESRCH);
	stop_server(coid, stid);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);

	/* With _NTO_CHF_UNBLOCK the server gets an unblock pulse first and decides. */
	chid = ChannelCreate_r(_NTO_CHF_UNBLOCK);
	coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	ctid = kt_thread_create(hold_client, (void *)(long)coid);
	struct req in;
	struct _msg_info info;
	rcvid_t rcvid = MsgReceive_r(chid, &in, sizeof(in), &info);
	KT_CHECK(rcvid > 0);
	struct _pulse p;
	KT_EQ(MsgReceive_r(chid, &p, sizeof(p), NULL), 0);
	KT_EQ(p.code, _PULSE_CODE_UNBLOCK);
	KT_EQ(p.value.sival_long, rcvid);
	struct _msg_info mi;
	KT_EQ(MsgInfo_r(rcvid, &mi), 0);
	KT_CHECK(mi.flags & _NTO_MI_UNBLOCK_REQ);
	KT_EQ(MsgError_r(rcvid, EINTR), 0);
	KT_EQ(ThreadJoin_r(ctid, &res), 0);
	KT_EQ((long)res, -EINTR);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid);
}

static volatile unsigned main_cpu;

static int on_main_cpu; /* senders that have moved to main_cpu */

/* Sends OP_HOLD from the main thread's hart, so yields there let it block first. */
static void *send_and_report(void *arg)
{
	int coid = (int)(long)arg;
	struct req q = {.op = OP_HOLD};
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(1UL << main_cpu));
	__atomic_fetch_add(&on_main_cpu, 1, __ATOMIC_RELEASE);
	return (void *)MsgSend_r(coid, &q, sizeof(q), NULL, 0);
}

static void *exit_soon(void *arg)
{
	return arg;
}

static void test_destroy_and_death_pulses(void)
{
	/* Clients SEND- and REPLY-blocked on a destroyed channel get ESRCH. */
	main_cpu = SchedGetCpuNum();
	ThreadCtl_r(_NTO_TCTL_RUNMASK, (void *)(1UL << main_cpu));
	int chid = ChannelCreate_r(0);
	int coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	int c1 = kt_thread_create(send_and_report, (void *)(long)coid);
	int c2 = kt_thread_create(send_and_report, (void *)(long)coid);
	struct req in;
	rcvid_t r1;
	do {
		r1 = MsgReceive_r(chid, &in, sizeof(in), NULL);
	} while (r1 == 0);
	KT_CHECK(r1 > 0); /* one client now REPLY-blocked; the other SEND-blocks... */
	while (__atomic_load_n(&on_main_cpu, __ATOMIC_ACQUIRE) < 2)
		SchedYield_r(); /* ...once it is on this hart (other harts may be slow)... */
	for (int i = 0; i < 50; i++)
		SchedYield_r(); /* ...while we yield to it */
	KT_EQ(ChannelDestroy_r(chid), 0);
	void *res;
	KT_EQ(ThreadJoin_r(c1, &res), 0);
	KT_EQ((long)res, -ESRCH);
	KT_EQ(ThreadJoin_r(c2, &res), 0);
	KT_EQ((long)res, -ESRCH);
	KT_EQ(MsgSend_r(coid, &in, sizeof(in), NULL, 0), -EBADF);
	KT_EQ(MsgReply_r(r1, 0, NULL, 0), -ESRCH);
	ConnectDetach_r(coid);

	/* _NTO_CHF_DISCONNECT: the last detach of a client sends the scoid. */
	chid = ChannelCreate_r(_NTO_CHF_DISCONNECT);
	coid = ConnectAttach_r(0, 0, chid, 0, 0);
	int coid2 = ConnectAttach_r(0, 0, chid, 0, 0);
	struct _server_info si;
	ConnectServerInfo_r(0, coid, &si);
	KT_EQ(ConnectDetach_r(coid), 0);
	KT_EQ(ConnectDetach_r(coid2), 0);
	struct _pulse p;
	KT_EQ(MsgReceive_r(chid, &p, sizeof(p), NULL), 0);
	KT_EQ(p.code, _PULSE_CODE_DISCONNECT);
	KT_EQ(p.scoid, si.scoid);
	KT_EQ(ConnectDetach_r(si.scoid | _NTO_CONNECTION_SCOID), 0);
	ChannelDestroy_r(chid);

	/* _NTO_CHF_COID_DISCONNECT: a coid whose channel dies is reported. */
	int cd = ChannelCreate_r(_NTO_CHF_COID_DISCONNECT);
	KT_EQ(ChannelCreate_r(_NTO_CHF_COID_DISCONNECT), -EBUSY);
	chid = ChannelCreate_r(0);
	coid = ConnectAttach_r(0, 0, chid, 0, 0);
	KT_EQ(ChannelDestroy_r(chid), 0);
	KT_EQ(MsgReceive_r(cd, &p, sizeof(p), NULL), 0);
	KT_EQ(p.code, _PULSE_CODE_COIDDEATH);
	KT_EQ(p.value.sival_int, coid);
	ConnectDetach_r(coid);
	ChannelDestroy_r(cd);

	/* _NTO_CHF_THREAD_DEATH: a thread's end is reported with its tid. */
	int td = ChannelCreate_r(_NTO_CHF_THREAD_DEATH);
	int tid = kt_thread_create(exit_soon, NULL);
	KT_EQ(MsgReceive_r(td, &p, sizeof(p), NULL), 0);
	KT_EQ(p.code, _PULSE_CODE_THREADDEATH);
	KT_EQ(p.value.sival_int, tid);
	ThreadJoin_r(tid, NULL);
	ChannelDestroy_r(td);
}

int kt_main(int argc, char **argv)
{
	test_channels_and_connections();

	chid_main = ChannelCreate_r(_NTO_CHF_SENDER_LEN | _NTO_CHF_REPLY_LEN);
	int coid = ConnectAttach_r(0, 0, chid_main, _NTO_SIDE_CHANNEL, 0);
	int stid = start_server(chid_main);
	test_send_receive_reply(coid);
	test_big_messages(coid);
	stop_server(coid, stid);
	ConnectDetach_r(coid);
	ChannelDestroy_r(chid_main);

	test_pulses();
	test_priority_inheritance();
	test_timeouts_and_unblock();
	test_destroy_and_death_pulses();
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
