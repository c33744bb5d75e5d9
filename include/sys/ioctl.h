/*
 * sys/ioctl.h - ioctl() for ported code. On QSOE, as on QNX, ioctl() is a
 * thin layer over devctl(); the request numbers are QNX's.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#ifndef __DEFINED_struct_winsize
#define __DEFINED_struct_winsize
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};
#endif

#define FIONREAD   0x4004667f
#define FIONBIO    ((int)0x8004667e)
#define FIOASYNC   ((int)0x8004667d)
#define FIOCLEX    0x6601
#define FIONCLEX   0x6602
#define TIOCGWINSZ 0x40087468
#define TIOCSWINSZ ((int)0x80087467)
#define TIOCGPGRP  0x40047477
#define TIOCSPGRP  ((int)0x80047476)
#define TIOCSCTTY  0x7461
#define TIOCNOTTY  0x7471
#define TIOCOUTQ   0x40047473
#define TIOCEXCL   0x740d
#define TIOCNXCL   0x740e

int ioctl(int fd, int request, ...);

__END_DECLS

#endif /* _SYS_IOCTL_H */
