/*
 * kpeer.h - how the multi-process kernel tests find each other.
 *
 * A test server creates its channel first (so it is chid 1) and answers a
 * HELLO message with its role name. A client scans the process ids for a
 * channel 1 whose owner answers with the role it wants. Every HELLO is
 * bounded by a timeout, so a process that never answers cannot hang the
 * scan.
 */
#ifndef KPEER_H
#define KPEER_H

#include <errno.h>
#include <qsoe/abi/time.h>
#include "ktest.h"

#define KPEER_HELLO 0x48454c4c /* "HELL" */

struct kpeer_hello {
	uint32_t magic;
	uint32_t pad;
};

int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* Server side: answers a HELLO; returns 1 if msg was one. */
static inline int kpeer_answer(rcvid_t rcvid, const void *msg, size_t len, const char *role)
{
	const struct kpeer_hello *h = msg;

	if (len < sizeof(*h) || h->magic != KPEER_HELLO)
		return 0;
	MsgReply_r(rcvid, 0, role, strlen(role) + 1);
	return 1;
}

/*
 * Client side: finds a process with pid >= min_pid serving 'role' on
 * chid 1 and returns a side-channel coid to it, or -1 after 'tries' full
 * scans.
 */
static inline int kpeer_find_from(const char *role, int tries, pid_t min_pid)
{
	for (int t = 0; t < tries; t++) {
		for (pid_t pid = min_pid; pid < 64; pid++) {
			int coid = ConnectAttach_r(0, pid, 1, _NTO_SIDE_CHANNEL, 0);
			if (coid < 0)
				continue;
			struct kpeer_hello h = {KPEER_HELLO, 0};
			char answer[32] = {0};
			uint64_t ns = 500000000;
			TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY,
			               NULL, &ns, NULL);
			long r = MsgSend_r(coid, &h, sizeof(h), answer, sizeof(answer) - 1);
			if (r == 0 && memcmp(answer, role, strlen(role) + 1) == 0)
				return coid;
			ConnectDetach_r(coid);
		}
		for (int i = 0; i < 100; i++)
			SchedYield_r();
	}
	return -1;
}

static inline int kpeer_find(const char *role, int tries)
{
	return kpeer_find_from(role, tries, 2);
}

#endif
