/*
 * sigset.c - operations on signal sets (POSIX sigsetops). A set holds
 * signals 1.._SIGMAX (64) as two 32-bit words: bit (signo-1) % 32 of word
 * (signo-1) / 32, the layout the kernel calls take.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

/* Word index and bit of signo in a sigset_t; 0 if signo is out of range. */
static int locate(int signo, unsigned *word, unsigned *bit)
{
	if (signo < 1 || signo > _SIGMAX) {
		errno = EINVAL;
		return 0;
	}
	*word = (unsigned)(signo - 1) / 32;
	*bit = 1u << ((unsigned)(signo - 1) % 32);
	return 1;
}

/* Makes set empty. Returns 0. */
int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

/* Makes set hold every signal. Returns 0. */
int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

/* Adds signo to set. Returns 0, or -1 with EINVAL for a bad signal number. */
int sigaddset(sigset_t *set, int signo)
{
	unsigned w, b;

	if (!locate(signo, &w, &b))
		return -1;
	set->__bits[w] |= b;
	return 0;
}

/* Removes signo from set. Returns 0, or -1 with EINVAL. */
int sigdelset(sigset_t *set, int signo)
{
	unsigned w, b;

	if (!locate(signo, &w, &b))
		return -1;
	set->__bits[w] &= ~b;
	return 0;
}

/* Returns 1 if signo is in set, 0 if not, -1 with EINVAL for a bad number. */
int sigismember(const sigset_t *set, int signo)
{
	unsigned w, b;

	if (!locate(signo, &w, &b))
		return -1;
	return (set->__bits[w] & b) != 0;
}
