/*
 * msg.c - sending a request and its data in one message (the form every
 * _IO_* and taskman request takes).
 */
#include "qsoe_os.h"

long __qsoe_send2(int coid, const void *msg, size_t mlen, const void *data, size_t dlen,
                  void *reply, size_t rlen)
{
	iov_t s[2], r;
	size_t n = 1;

	SETIOV_CONST(&s[0], msg, mlen);
	if (dlen) {
		SETIOV_CONST(&s[1], data, dlen);
		n = 2;
	}
	SETIOV(&r, reply, rlen);
	return MsgSendvnc_r(coid, s, n, &r, rlen ? 1 : 0);
}

long __qsoe_tm(const void *req, size_t len, void *reply, size_t rlen)
{
	return MsgSendnc_r(SYSMGR_COID, req, len, reply, rlen);
}
