/*
 * flock.c - BSD flock() over fcntl record locks on the whole file (see
 * <sys/file.h> for how the semantics differ from BSD's).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

/*
 * Takes (LOCK_SH, LOCK_EX), or releases (LOCK_UN) the whole-file lock;
 * with LOCK_NB fails with EWOULDBLOCK instead of waiting. Returns 0 or -1
 * with errno (EINVAL for a bad op, EBADF, EINTR, ENOLCK...).
 */
int flock(int fd, int op)
{
	struct flock l = {.l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	int nb = op & LOCK_NB;

	switch (op & ~LOCK_NB) {
	case LOCK_SH:
		l.l_type = F_RDLCK;
		break;
	case LOCK_EX:
		l.l_type = F_WRLCK;
		break;
	case LOCK_UN:
		l.l_type = F_UNLCK;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (fcntl(fd, nb ? F_SETLK : F_SETLKW, &l) == 0)
		return 0;
	if (errno == EACCES || errno == EAGAIN)
		errno = EWOULDBLOCK;
	return -1;
}
