/*
 * g_names.c - group "names": QNX name_attach/name_open between two
 * threads of the suite: the server thread answers the client's
 * _IO_CONNECT with EOK (QNX's documented pattern) and echoes a private
 * message; name_detach makes the name disappear.
 */
#include <pthread.h>
#include <sys/dispatch.h>
#include <sys/iomsg.h>
#include <sys/neutrino.h>
#include "suite.h"

struct echo {
	uint16_t type; /* below _IO_BASE: not an I/O message */
	uint16_t zero;
	int value;
};

static void *server(void *arg)
{
	name_attach_t *a = arg;

	for (;;) {
		union {
			uint16_t type;
			struct _pulse pulse;
			struct echo echo;
			char buf[512];
		} m;
		rcvid_t rcvid = MsgReceive(a->chid, &m, sizeof(m), NULL);
		if (rcvid < 0)
			return NULL; /* the channel is gone */
		if (rcvid == 0)
			continue; /* pulses: disconnects and the like */
		if (m.type == _IO_CONNECT)
			MsgReply(rcvid, EOK, NULL, 0);
		else if (m.type == 0x42) {
			if (m.echo.value < 0)
				MsgError(rcvid, EINVAL);
			else
				MsgReply(rcvid, m.echo.value * 2, NULL, 0);
			if (m.echo.value == 999)
				return NULL;
		} else
			MsgError(rcvid, ENOSYS);
	}
}

SUITE_GROUP(names)
{
	name_attach_t *a = name_attach(NULL, "suite-echo", 0);
	CHECK(a != NULL, "name_attach (errno %d %s)", errno, strerror(errno));
	if (a == NULL)
		return;
	CHECK(a->chid > 0, "the attach has a channel");
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, server, a), 0);
	int coid = name_open("suite-echo", 0);
	CHECK(coid >= 0, "name_open (errno %d %s)", errno, strerror(errno));
	if (coid >= 0) {
		struct echo e = {.type = 0x42, .value = 21};
		CHECK_EQ(MsgSend(coid, &e, sizeof(e), NULL, 0), 42);
		e.value = -1;
		CHECK_ERR(MsgSend(coid, &e, sizeof(e), NULL, 0), -1, EINVAL);
		e.value = 999;
		CHECK_EQ(MsgSend(coid, &e, sizeof(e), NULL, 0), 1998);
		CHECK_OK(name_close(coid));
	}
	pthread_join(t, NULL);
	CHECK_ERR(name_open("no-such-name", 0), -1, ENOENT);
	CHECK_ERR(name_open("../etc", 0), -1, EINVAL);
	CHECK_OK(name_detach(a, 0));
	CHECK_ERR(name_open("suite-echo", 0), -1, ENOENT);
	CHECK(name_attach(NULL, "", 0) == NULL && errno == EINVAL, "an empty name is EINVAL");
}
