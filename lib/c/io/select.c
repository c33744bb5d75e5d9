/*
 * select.c - select() and pselect() over poll(), and ppoll().
 *
 * A descriptor in the read set is ready when poll reports POLLIN, POLLHUP
 * or POLLERR (a read will not block); in the write set on POLLOUT or
 * POLLERR; in the exception set on POLLPRI. A descriptor that is not open
 * fails the call with EBADF, as POSIX requires. pselect and ppoll set the
 * signal mask around the wait with pthread_sigmask: a signal that arrives
 * between the mask change and the wait is handled before the wait starts
 * rather than interrupting it (the window POSIX closes atomically).
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

/* Milliseconds for poll from seconds and nanoseconds (rounded up); -2 if invalid. */
static int to_ms(long long sec, long long nsec)
{
	if (sec < 0 || nsec < 0 || nsec >= 1000000000)
		return -2;
	if (sec > INT_MAX / 1000 - 1)
		return INT_MAX; /* about 24 days: the caller's loop, if any, waits again */
	return (int)(sec * 1000 + (nsec + 999999) / 1000000);
}

/* The shared body of select and pselect; ms is poll's timeout. */
static int do_select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, int ms)
{
	if (nfds < 0 || nfds > FD_SETSIZE) {
		errno = EINVAL;
		return -1;
	}
	struct pollfd small[32], *pf = small;
	int n = 0;
	for (int fd = 0; fd < nfds; fd++)
		n += (rd && FD_ISSET(fd, rd)) || (wr && FD_ISSET(fd, wr)) ||
		     (ex && FD_ISSET(fd, ex));
	if (n > 32 && !(pf = malloc((size_t)n * sizeof(*pf)))) {
		errno = ENOMEM;
		return -1;
	}
	n = 0;
	for (int fd = 0; fd < nfds; fd++) {
		short ev = 0;
		if (rd && FD_ISSET(fd, rd))
			ev |= POLLIN;
		if (wr && FD_ISSET(fd, wr))
			ev |= POLLOUT;
		if (ex && FD_ISSET(fd, ex))
			ev |= POLLPRI;
		if (ev)
			pf[n++] = (struct pollfd){fd, ev, 0};
	}
	int r = poll(pf, (nfds_t)n, ms);
	if (r >= 0) {
		for (int i = 0; i < n; i++)
			if (pf[i].revents & POLLNVAL) {
				r = -1;
				errno = EBADF;
				break;
			}
	}
	if (r >= 0) {
		r = 0;
		for (int i = 0; i < n; i++) {
			int fd = pf[i].fd;
			short re = pf[i].revents;
			if (rd && FD_ISSET(fd, rd)) {
				if (re & (POLLIN | POLLHUP | POLLERR))
					r++;
				else
					FD_CLR(fd, rd);
			}
			if (wr && FD_ISSET(fd, wr)) {
				if (re & (POLLOUT | POLLERR))
					r++;
				else
					FD_CLR(fd, wr);
			}
			if (ex && FD_ISSET(fd, ex)) {
				if (re & POLLPRI)
					r++;
				else
					FD_CLR(fd, ex);
			}
		}
	}
	if (pf != small)
		free(pf);
	return r;
}

/*
 * Waits until a descriptor of the sets is ready or the timeout (NULL:
 * none) passes. Returns the number of ready bits (the sets keep only
 * those), 0 on timeout (the sets are cleared), or -1 with errno (EINVAL,
 * EBADF, EINTR, ENOMEM); the sets are unchanged on error. The timeout is
 * not updated.
 */
int select(int nfds, fd_set *__restrict rd, fd_set *__restrict wr, fd_set *__restrict ex,
           struct timeval *__restrict timeout)
{
	int ms = -1;
	if (timeout) {
		ms = to_ms(timeout->tv_sec, (long long)timeout->tv_usec * 1000);
		if (ms == -2) {
			errno = EINVAL;
			return -1;
		}
	}
	fd_set r0, w0, e0;
	if (rd)
		r0 = *rd;
	if (wr)
		w0 = *wr;
	if (ex)
		e0 = *ex;
	int r = do_select(nfds, rd, wr, ex, ms);
	if (r < 0) {
		if (rd)
			*rd = r0;
		if (wr)
			*wr = w0;
		if (ex)
			*ex = e0;
	}
	return r;
}

/* select with a timespec timeout and, if mask is not NULL, that signal mask while waiting. */
int pselect(int nfds, fd_set *__restrict rd, fd_set *__restrict wr, fd_set *__restrict ex,
            const struct timespec *__restrict timeout, const sigset_t *__restrict mask)
{
	struct timeval tv, *tvp = NULL;
	sigset_t old;

	if (timeout) {
		if (to_ms(timeout->tv_sec, timeout->tv_nsec) == -2) {
			errno = EINVAL;
			return -1;
		}
		tv.tv_sec = timeout->tv_sec;
		tv.tv_usec = (suseconds_t)((timeout->tv_nsec + 999) / 1000);
		if (tv.tv_usec == 1000000) {
			tv.tv_sec++;
			tv.tv_usec = 0;
		}
		tvp = &tv;
	}
	int me = mask ? pthread_sigmask(SIG_SETMASK, mask, &old) : 0;
	if (me) {
		errno = me;
		return -1;
	}
	int r = select(nfds, rd, wr, ex, tvp);
	int e = errno;
	if (mask)
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return r;
}

/* poll with a timespec timeout (NULL: none) and, if mask is not NULL, that mask while waiting. */
int ppoll(struct pollfd fds[], nfds_t nfds, const struct timespec *timeout, const sigset_t *mask)
{
	int ms = -1;
	sigset_t old;

	if (timeout && (ms = to_ms(timeout->tv_sec, timeout->tv_nsec)) == -2) {
		errno = EINVAL;
		return -1;
	}
	int me = mask ? pthread_sigmask(SIG_SETMASK, mask, &old) : 0;
	if (me) {
		errno = me;
		return -1;
	}
	int r = poll(fds, nfds, ms);
	int e = errno;
	if (mask)
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return r;
}
