/*
 * redir.c - input/output redirections performed in the shell process,
 * with a stack of saved descriptors so builtins, functions and compound
 * commands can undo them; here-documents via a pipe or a temporary file.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct redir_save *rstack;
static int rdepth, rcap;

/* Current depth of the save stack. */
int redir_depth(void)
{
	return rdepth;
}

static void save_fd(int fd)
{
	if (rdepth == rcap) {
		rcap = rcap ? rcap * 2 : 16;
		rstack = xrealloc(rstack, (size_t)rcap * sizeof *rstack);
	}
	int s = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	rstack[rdepth].fd = fd;
	rstack[rdepth].saved = s; /* -1: fd was not open */
	rdepth++;
}

/* Undo redirections until depth remains. */
void redir_restore(int depth)
{
	while (rdepth > depth) {
		struct redir_save *r = &rstack[--rdepth];
		if (r->saved >= 0) {
			dup2(r->saved, r->fd);
			close(r->saved);
		} else {
			close(r->fd);
		}
	}
}

/* Make redirections above depth permanent (exec without a command). */
void redir_keep(int depth)
{
	while (rdepth > depth) {
		struct redir_save *r = &rstack[--rdepth];
		if (r->saved >= 0)
			close(r->saved);
	}
}

/* A descriptor reading the here-document text s (pipe or temp file). */
static int heredoc_fd(const char *s, size_t n)
{
	int p[2];
	if (n <= 512 && pipe(p) == 0) {
		if (write_all(p[1], s, n) == (ssize_t)n) {
			close(p[1]);
			return p[0];
		}
		close(p[0]);
		close(p[1]);
	}
	if (n <= 16384 && pipe(p) == 0) {
		int fl = fcntl(p[1], F_GETFL);
		fcntl(p[1], F_SETFL, fl | O_NONBLOCK);
		ssize_t w = write(p[1], s, n);
		if (w == (ssize_t)n) {
			close(p[1]);
			return p[0];
		}
		close(p[0]);
		close(p[1]);
	}
	const char *dir = var_getstr("TMPDIR");
	if (!dir || dir[0] != '/')
		dir = "/tmp";
	struct xstr path;
	xs_init(&path);
	xs_adds(&path, dir);
	xs_adds(&path, "/qshXXXXXX");
	char *t = xs_str(&path);
	int fd = mkstemp(t);
	if (fd < 0)
		return -1;
	unlink(t);
	if (write_all(fd, s, n) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Parse the fd word of <& and >&: returns fd, -2 for "-", -3 if illegal. */
static int dup_target(const char *s)
{
	if (!strcmp(s, "-"))
		return -2;
	if (c_isdigit((unsigned char)s[0]) && !s[1])
		return s[0] - '0';
	if (!strcmp(s, "p"))
		return -4;
	return -3;
}

static int open_target(const struct redir *r, const char *file, int *err)
{
	int fl = 0, fd;
	const char *what = "create";
	switch (r->op) {
	case R_IN:
		fl = O_RDONLY;
		what = "open";
		break;
	case R_OUT:
		fl = O_WRONLY | O_CREAT | O_TRUNC;
		if (Flag(O_NOCLOBBER)) {
			struct stat st;
			if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
				*err = EEXIST;
				warningf("%s: %s: %s", file, what, strerror(EEXIST));
				return -1;
			}
			if (stat(file, &st) != 0)
				fl |= O_EXCL;
		}
		break;
	case R_CLOBBER:
		fl = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case R_APPEND:
		fl = O_WRONLY | O_CREAT | O_APPEND;
		break;
	case R_RDWR:
		fl = O_RDWR | O_CREAT;
		what = "open";
		break;
	}
	if (Flag(O_RESTRICTED) && (fl & O_CREAT)) {
		warningf("%s: restricted", file);
		*err = EPERM;
		return -1;
	}
	do
		fd = open(file, fl | O_CLOEXEC, 0666);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		*err = errno;
		warningf("%s: %s: %s", file, what, strerror(errno));
	}
	return fd;
}

/*
 * Perform the redirections r in order (saving the old descriptors if save).
 * Returns 0, or -1 after printing a warning (*err set).
 */
int redir_apply(struct redir *r, int save, int *err)
{
	for (; r; r = r->next) {
		int fd = r->fd;
		if (fd < 0)
			fd = (r->op == R_IN || r->op == R_RDWR || r->op == R_DUPIN ||
			      r->op == R_HERE || r->op == R_HERESTR)
			             ? 0
			             : 1;
		int nfd = -1;
		if (r->op == R_HERE || r->op == R_HERESTR) {
			struct stmark m;
			stmark(&m);
			char *s;
			if (r->op == R_HERE) {
				s = expand_heredoc(r);
			} else {
				char *w = expand_str(r->target, EXP_TILDE);
				size_t l = strlen(w);
				s = stalloc(l + 2);
				memcpy(s, w, l);
				s[l] = '\n';
				s[l + 1] = 0;
			}
			nfd = heredoc_fd(s, strlen(s));
			strelease(&m);
			if (nfd < 0) {
				*err = errno;
				warningf("can't create temporary file: %s", strerror(errno));
				return -1;
			}
		} else if (r->op == R_DUPIN || r->op == R_DUPOUT) {
			char *w = expand_str(r->target, EXP_TILDE);
			int t = dup_target(w);
			int copr = t == -4;
			if (copr)
				t = coproc_fd(r->op == R_DUPOUT);
			char opbuf[8];
			if (t == -3) {
				*err = EBADF;
				warningf("%s%s : illegal file descriptor name",
				         r->op == R_DUPIN ? "<&" : ">&", w);
				return -1;
			}
			if (t == -2) {
				if (save)
					save_fd(fd);
				close(fd);
				if ((r->flags & RF_BOTH) && fd != 2) {
					if (save)
						save_fd(2);
					close(2);
				}
				continue;
			}
			if (t != fd && fcntl(t, F_GETFD) < 0) {
				*err = EBADF;
				snprintf(opbuf, sizeof opbuf, "%s", r->op == R_DUPIN ? "<&" : ">&");
				warningf("%s%s : bad file descriptor", opbuf, w);
				return -1;
			}
			if (t == fd) {
				if (save)
					save_fd(fd);
				fd_cloexec(fd, 0);
				goto both;
			}
			if (save)
				save_fd(fd);
			if (dup2(t, fd) < 0) {
				*err = errno;
				warningf("%s: %s", w, strerror(errno));
				return -1;
			}
			if (copr)
				coproc_release(r->op == R_DUPOUT); /* the fd now owns it */
			goto both;
		} else {
			char *file = expand_str(r->target, EXP_TILDE);
			if (sh.interactive) {
				struct stv g;
				stv_init(&g);
				expand_word(r->target, &g, EXP_TILDE | EXP_GLOB);
				if (g.n == 1)
					file = g.v[0];
			}
			nfd = open_target(r, file, err);
			if (nfd < 0)
				return -1;
		}
		if (save)
			save_fd(fd);
		if (nfd != fd) {
			if (dup2(nfd, fd) < 0) {
				*err = errno;
				close(nfd);
				warningf("%d: %s", fd, strerror(errno));
				return -1;
			}
			close(nfd);
		} else {
			fd_cloexec(fd, 0);
		}
	both:
		if (fd > 2 && fd <= 9)
			sh.private_fds &= ~(1 << fd);
		if ((r->flags & RF_BOTH) && fd != 2) {
			if (save)
				save_fd(2);
			dup2(fd, 2);
		}
	}
	return 0;
}

/*
 * After "exec" with only redirections: descriptors 3..9 it opened become
 * private to the shell (close-on-exec). Returns 0.
 */
int redir_privatize_list(struct redir *r)
{
	for (; r; r = r->next) {
		int fd = r->fd;
		if (fd > 2 && fd <= 9 && fcntl(fd, F_GETFD) >= 0) {
			fd_cloexec(fd, 1);
			sh.private_fds |= 1 << fd;
		}
	}
	return 0;
}

/* Save fd on the redirection stack (to be restored by redir_restore). */
void redir_save_fd(int fd)
{
	save_fd(fd);
}
