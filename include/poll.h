/*
 * poll.h - input/output multiplexing (POSIX). Event bits are QNX's.
 * poll() is QSOE's multiplexer; select() and pselect() (sys/select.h) and
 * ppoll() are built on it.
 */
#ifndef _POLL_H
#define _POLL_H

#include <sys/cdefs.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>

__BEGIN_DECLS

typedef unsigned int nfds_t;

struct pollfd {
	int fd;
	short events;
	short revents;
};

#define POLLRDNORM 0x0001
#define POLLOUT    0x0002
#define POLLWRNORM POLLOUT
#define POLLRDBAND 0x0004
#define POLLIN     (POLLRDNORM | POLLRDBAND)
#define POLLPRI    0x0008
#define POLLWRBAND 0x0010
#define POLLERR    0x0020
#define POLLHUP    0x0040
#define POLLNVAL   0x1000

#define INFTIM     (-1)

int poll(struct pollfd fds[], nfds_t nfds, int timeout);
/* poll with a timespec timeout and a signal mask for the wait (GNU, BSD). */
int ppoll(struct pollfd fds[], nfds_t nfds, const struct timespec *timeout, const __sigset_t *mask);

__END_DECLS

#endif /* _POLL_H */
