/*
 * qsoe/abi/uio.h - struct iovec (QNX layout: iov_base / iov_base_const
 * union, then iov_len). 16 bytes. Used by MsgSendv() and friends in the
 * kernel and by readv()/writev() in <sys/uio.h>, which includes this.
 */
#ifndef QSOE_ABI_UIO_H
#define QSOE_ABI_UIO_H

#include <qsoe/abi/types.h>

/* One part of a scattered buffer. */
struct iovec {
	union {
		void *iov_base;
		const void *iov_base_const; /* QNX: for const send buffers */
	};
	_Sizet iov_len;
};

#endif /* QSOE_ABI_UIO_H */
