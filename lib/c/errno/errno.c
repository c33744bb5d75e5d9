/*
 * errno.c - the address of errno: the calling thread's slot in its QNX
 * TLS block (include/qsoe/abi/tls.h), as QNX's __get_errno_ptr().
 */
#include <errno.h>
#include <qsoe/abi/tls.h>

/* Where errno lives for the calling thread. */
int *__get_errno_ptr(void)
{
	return __tls()->__errptr;
}
