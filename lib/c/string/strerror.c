/*
 * strerror.c - error messages for every QNX errno value (strerror,
 * strerror_r in its XSI int form, strerror_l).
 */
#include <string.h>
#include <errno.h>
#include "libc.h"

/* Message table indexed by errno; holes are unknown numbers. */
static const char *const messages[] = {
        [EOK] = "No error",
        [EPERM] = "Operation not permitted",
        [ENOENT] = "No such file or directory",
        [ESRCH] = "No such process",
        [EINTR] = "Interrupted function call",
        [EIO] = "I/O error",
        [ENXIO] = "No such device or address",
        [E2BIG] = "Argument list too long",
        [ENOEXEC] = "Exec format error",
        [EBADF] = "Bad file descriptor",
        [ECHILD] = "No child processes",
        [EAGAIN] = "Resource temporarily unavailable",
        [ENOMEM] = "Not enough memory",
        [EACCES] = "Permission denied",
        [EFAULT] = "Bad address",
        [ENOTBLK] = "Block device required",
        [EBUSY] = "Device or resource busy",
        [EEXIST] = "File exists",
        [EXDEV] = "Cross-device link",
        [ENODEV] = "No such device",
        [ENOTDIR] = "Not a directory",
        [EISDIR] = "Is a directory",
        [EINVAL] = "Invalid argument",
        [ENFILE] = "Too many open files in system",
        [EMFILE] = "Too many open files",
        [ENOTTY] = "Inappropriate I/O control operation",
        [ETXTBSY] = "Text file busy",
        [EFBIG] = "File too large",
        [ENOSPC] = "No space left on device",
        [ESPIPE] = "Illegal seek",
        [EROFS] = "Read-only file system",
        [EMLINK] = "Too many links",
        [EPIPE] = "Broken pipe",
        [EDOM] = "Math argument out of domain of function",
        [ERANGE] = "Result too large",
        [ENOMSG] = "No message of desired type",
        [EIDRM] = "Identifier removed",
        [ECHRNG] = "Channel number out of range",
        [EL2NSYNC] = "Level 2 not synchronized",
        [EL3HLT] = "Level 3 halted",
        [EL3RST] = "Level 3 reset",
        [ELNRNG] = "Link number out of range",
        [EUNATCH] = "Protocol driver not attached",
        [ENOCSI] = "No CSI structure available",
        [EL2HLT] = "Level 2 halted",
        [EDEADLK] = "Resource deadlock avoided",
        [ENOLCK] = "No locks available",
        [ECANCELED] = "Operation canceled",
        [ENOTSUP] = "Not supported",
        [EDQUOT] = "Disk quota exceeded",
        [EBADE] = "Invalid exchange",
        [EBADR] = "Invalid request descriptor",
        [EXFULL] = "Exchange full",
        [ENOANO] = "No anode",
        [EBADRQC] = "Invalid request code",
        [EBADSLT] = "Invalid slot",
        [EDEADLOCK] = "File locking deadlock",
        [EBFONT] = "Bad font file format",
        [EOWNERDEAD] = "Previous owner died",
        [ENOSTR] = "Not a stream device",
        [ENODATA] = "No data available",
        [ETIME] = "Timer expired",
        [ENOSR] = "Out of stream resources",
        [ENONET] = "Machine is not on the network",
        [ENOPKG] = "Package not installed",
        [EREMOTE] = "Object is remote",
        [ENOLINK] = "Link has been severed",
        [EADV] = "Advertise error",
        [ESRMNT] = "Srmount error",
        [ECOMM] = "Communication error on send",
        [EPROTO] = "Protocol error",
        [EMULTIHOP] = "Multihop attempted",
        [EBADMSG] = "Bad message",
        [ENAMETOOLONG] = "File name too long",
        [EOVERFLOW] = "Value too large for defined data type",
        [ENOTUNIQ] = "Name not unique on network",
        [EBADFD] = "File descriptor in bad state",
        [EREMCHG] = "Remote address changed",
        [ELIBACC] = "Cannot access a needed shared library",
        [ELIBBAD] = "Accessing a corrupted shared library",
        [ELIBSCN] = ".lib section in a.out corrupted",
        [ELIBMAX] = "Attempting to link in too many shared libraries",
        [ELIBEXEC] = "Cannot exec a shared library directly",
        [EILSEQ] = "Illegal byte sequence",
        [ENOSYS] = "Function not implemented",
        [ELOOP] = "Too many levels of symbolic links",
        [ERESTART] = "Interrupted system call should be restarted",
        [ESTRPIPE] = "Streams pipe error",
        [ENOTEMPTY] = "Directory not empty",
        [EUSERS] = "Too many users",
        [ENOTRECOVERABLE] = "State not recoverable",
        [EOPNOTSUPP] = "Operation not supported",
        [EFPOS] = "File position error",
        [ESTALE] = "Stale file handle",
        [EINPROGRESS] = "Operation now in progress",
        [EALREADY] = "Operation already in progress",
        [ENOTSOCK] = "Not a socket",
        [EDESTADDRREQ] = "Destination address required",
        [EMSGSIZE] = "Message too long",
        [EPROTOTYPE] = "Protocol wrong type for socket",
        [ENOPROTOOPT] = "Protocol not available",
        [EPROTONOSUPPORT] = "Protocol not supported",
        [ESOCKTNOSUPPORT] = "Socket type not supported",
        [EPFNOSUPPORT] = "Protocol family not supported",
        [EAFNOSUPPORT] = "Address family not supported by protocol",
        [EADDRINUSE] = "Address already in use",
        [EADDRNOTAVAIL] = "Cannot assign requested address",
        [ENETDOWN] = "Network is down",
        [ENETUNREACH] = "Network is unreachable",
        [ENETRESET] = "Network dropped connection on reset",
        [ECONNABORTED] = "Software caused connection abort",
        [ECONNRESET] = "Connection reset by peer",
        [ENOBUFS] = "No buffer space available",
        [EISCONN] = "Transport endpoint is already connected",
        [ENOTCONN] = "Transport endpoint is not connected",
        [ESHUTDOWN] = "Cannot send after transport endpoint shutdown",
        [ETOOMANYREFS] = "Too many references: cannot splice",
        [ETIMEDOUT] = "Connection timed out",
        [ECONNREFUSED] = "Connection refused",
        [EHOSTDOWN] = "Host is down",
        [EHOSTUNREACH] = "No route to host",
        [EBADRPC] = "RPC struct is bad",
        [ERPCMISMATCH] = "RPC version wrong",
        [EPROGUNAVAIL] = "RPC program not available",
        [EPROGMISMATCH] = "RPC program version wrong",
        [EPROCUNAVAIL] = "RPC bad procedure for program",
        [ENOREMOTE] = "Must be done on local machine",
        [ENONDP] = "Need an NDP (8087...) to run",
        [EBADFSYS] = "Corrupted file system detected",
        [EMORE] = "More to do, send message again",
        [ECTRLTERM] = "Remap to the controlling terminal",
        [ENOLIC] = "No license",
        [ESRVRFAULT] = "Server fault on msg pass",
        [EENDIAN] = "Endian not supported",
        [ESECTYPEINVAL] = "Security type invalid",
};

#define NMSG (sizeof(messages) / sizeof(messages[0]))

/* The message for e, or NULL if e is not a QNX errno value. */
static const char *lookup(int e)
{
	if (e < 0 || (unsigned)e >= NMSG)
		return NULL;
	return messages[e];
}

/* Format "Unknown error N" into buf (at least 32 bytes). */
static void unknown(char *buf, size_t size, int e)
{
	char tmp[16];
	char *p = tmp + sizeof(tmp);
	unsigned u = e < 0 ? 0u - (unsigned)e : (unsigned)e;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (e < 0)
		*--p = '-';
	strlcpy(buf, "Unknown error ", size);
	strlcat(buf, p, size);
}

/*
 * XSI strerror_r: copy the message for e into buf. Returns 0, EINVAL for
 * an unknown number (buf still gets "Unknown error N"), or ERANGE if buf
 * is too small (buf then holds as much as fits).
 */
int strerror_r(int e, char *buf, size_t buflen)
{
	char tmp[32];
	const char *m = lookup(e);
	int ret = 0;

	if (!m) {
		unknown(tmp, sizeof(tmp), e);
		m = tmp;
		ret = EINVAL;
	}
	if (strlcpy(buf, m, buflen) >= buflen)
		return ERANGE;
	return ret;
}

/* The message for e; unknown numbers use a static buffer (not thread safe). */
char *strerror(int e)
{
	static char buf[32];
	const char *m = lookup(e);

	if (m)
		return (char *)m;
	unknown(buf, sizeof(buf), e);
	return buf;
}

/* strerror with an explicit locale (all locales share the messages). */
char *strerror_l(int e, locale_t l)
{
	(void)l;
	return strerror(e);
}
