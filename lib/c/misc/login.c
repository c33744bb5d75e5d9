/*
 * login.c - getlogin, getlogin_r, getpass.
 *
 * QSOE keeps no utmp: the login name is LOGNAME (set by login) if the
 * caller has a terminal, else the name of the real user id.
 */
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "qsoe_os.h"

int getlogin_r(char *name, size_t len)
{
	const char *s = getenv("LOGNAME");
	struct passwd pw, *res = NULL;
	char buf[1024];

	if (s == NULL || *s == 0) {
		if (getpwuid_r(getuid(), &pw, buf, sizeof(buf), &res) != 0 || res == NULL)
			return ENXIO;
		s = pw.pw_name;
	}
	if (strlen(s) >= len)
		return ERANGE;
	strcpy(name, s);
	return 0;
}

char *getlogin(void)
{
	static char name[LOGIN_NAME_MAX];
	int e = getlogin_r(name, sizeof(name));

	if (e) {
		errno = e;
		return NULL;
	}
	return name;
}

/*
 * getpass: prompts on /dev/tty (standard error without one) and reads a
 * line with echo off. At most PASS_MAX (128) characters are kept.
 */
char *getpass(const char *prompt)
{
	static char buf[129];
	struct termios t, saved;
	int fd = __qsoe_open(AT_FDCWD, "/dev/tty", O_RDWR | O_CLOEXEC, 0);
	int own = fd >= 0, restore = 0;
	size_t n = 0;
	char c;

	if (!own)
		fd = 0;
	if (tcgetattr(fd, &saved) == 0) {
		t = saved;
		t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK);
		t.c_lflag |= ECHONL;
		restore = tcsetattr(fd, TCSAFLUSH, &t) == 0;
	}
	if (prompt)
		write(own ? fd : 2, prompt, strlen(prompt));
	while (read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
		if (n < sizeof(buf) - 1)
			buf[n++] = c;
	buf[n] = 0;
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &saved);
	if (own)
		__qsoe_close(fd);
	return buf;
}
