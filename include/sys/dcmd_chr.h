/*
 * sys/dcmd_chr.h - devctl() commands of character devices (terminals):
 * QNX <sys/dcmd_chr.h> names and values. The tc*() functions of
 * <termios.h> and ioctl() requests of <sys/ioctl.h> are covers for them
 * (where an ioctl exists its request number equals the devctl command).
 */
#ifndef _SYS_DCMD_CHR_H
#define _SYS_DCMD_CHR_H

#include <devctl.h>
#include <termios.h>
#include <qsoe/abi/types.h>

#define _CMD_IOCTL_TTY      't'

#define DCMD_CHR_TCGETATTR  __DIOF(_CMD_IOCTL_TTY, 19, struct termios) /* tcgetattr() */
#define DCMD_CHR_TCSETATTR  __DIOT(_CMD_IOCTL_TTY, 20, struct termios) /* tcsetattr(TCSANOW) */
#define DCMD_CHR_TCSETATTRD __DIOT(_CMD_IOCTL_TTY, 21, struct termios) /* ... TCSADRAIN */
#define DCMD_CHR_TCSETATTRF __DIOT(_CMD_IOCTL_TTY, 22, struct termios) /* ... TCSAFLUSH */
#define DCMD_CHR_TCGETPGRP  __DIOF(_CMD_IOCTL_TTY, 119, __pid_t)       /* tcgetpgrp() */
#define DCMD_CHR_TCSETPGRP  __DIOT(_CMD_IOCTL_TTY, 118, __pid_t)       /* tcsetpgrp() */
#define DCMD_CHR_TCGETSID   __DIOF(_DCMD_CHR, 7, __pid_t)              /* tcgetsid() */
#define DCMD_CHR_TCSETSID   __DIOT(_DCMD_CHR, 8, __pid_t)    /* tcsetsid(): controlling tty */
#define DCMD_CHR_TCFLUSH    __DIOT(_CMD_IOCTL_TTY, 16, int)  /* tcflush() */
#define DCMD_CHR_TCFLOW     __DIOT('T', 6, int)              /* tcflow() */
#define DCMD_CHR_TCDRAIN    __DION(_CMD_IOCTL_TTY, 94)       /* tcdrain() */
#define DCMD_CHR_SERCTL     __DIOT(_DCMD_CHR, 20, int)       /* line control */
#define DCMD_CHR_LINESTATUS __DIOF(_CMD_IOCTL_TTY, 106, int) /* modem lines */
#define DCMD_CHR_ISATTY     __DION(_DCMD_CHR, 24)            /* isatty() */
#define DCMD_CHR_GETSIZE    __DIOF(_CMD_IOCTL_TTY, 104, struct winsize) /* TIOCGWINSZ */
#define DCMD_CHR_SETSIZE    __DIOT(_CMD_IOCTL_TTY, 103, struct winsize) /* TIOCSWINSZ */
#define DCMD_CHR_ISCHARS    __DIOF('f', 127, unsigned)                  /* FIONREAD */
#define DCMD_CHR_OSCHARS    __DIOF(_CMD_IOCTL_TTY, 115, unsigned)       /* TIOCOUTQ */
#define DCMD_CHR_ISSIZE     __DIOF(_DCMD_CHR, 27, unsigned)             /* input buffer size */
#define DCMD_CHR_OSSIZE     __DIOF(_DCMD_CHR, 28, unsigned)             /* output buffer size */
#define DCMD_CHR_TTYINFO    __DIOF(_DCMD_CHR, 10, struct _ttyinfo)      /* opens and name */

/* DCMD_CHR_TTYINFO reply. */
struct _ttyinfo {
	int opencount;
	char ttyname[32];
};

/* DCMD_CHR_SERCTL bits. */
#define _SERCTL_DTR     0x0001
#define _SERCTL_DTR_CHG 0x0010
#define _SERCTL_RTS     0x0002
#define _SERCTL_RTS_CHG 0x0020
#define _SERCTL_BRK     0x0004
#define _SERCTL_BRK_CHG 0x0040

/* DCMD_CHR_LINESTATUS bits (serial). */
#define _LINESTATUS_SER_DTR 0x0001
#define _LINESTATUS_SER_RTS 0x0002
#define _LINESTATUS_SER_CTS 0x1000
#define _LINESTATUS_SER_DSR 0x2000
#define _LINESTATUS_SER_RI  0x4000
#define _LINESTATUS_SER_CD  0x8000

#endif /* _SYS_DCMD_CHR_H */
