/*
 * termios.h - terminal I/O (POSIX). The structure layout (40 control
 * characters), the c_cc indices and every flag value are QNX Neutrino's.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>

__BEGIN_DECLS

#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 40

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_cc[NCCS];
	unsigned __reserved[3];
	speed_t c_ispeed;
	speed_t c_ospeed;
};

#ifndef __DEFINED_struct_winsize
#define __DEFINED_struct_winsize
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};
#endif

/* c_cc indices */
#define VINTR    0
#define VQUIT    1
#define VERASE   2
#define VKILL    3
#define VEOF     4
#define VEOL     5
#define VEOL2    6
#define VSWTCH   7
#define VSTART   8
#define VSTOP    9
#define VSUSP    10
#define VDSUSP   11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE  14
#define VLNEXT   15
#define VMIN     16
#define VTIME    17
#define VFWD     18
#define VLOGIN   19
#define VPREFIX  20
#define VSUFFIX  24
#define VLEFT    28
#define VRIGHT   29
#define VUP      30
#define VDOWN    31
#define VINS     32
#define VDEL     33
#define VRUB     34
#define VCAN     35
#define VHOME    36
#define VEND     37

/* c_iflag */
#define IGNBRK  0x00000001
#define BRKINT  0x00000002
#define IGNPAR  0x00000004
#define PARMRK  0x00000008
#define INPCK   0x00000010
#define ISTRIP  0x00000020
#define INLCR   0x00000040
#define IGNCR   0x00000080
#define ICRNL   0x00000100
#define IUCLC   0x00000200
#define IXON    0x00000400
#define IXANY   0x00000800
#define IXOFF   0x00001000
#define IMAXBEL 0x00002000
#define IUTF8   0x00004000

/* c_oflag */
#define OPOST  0x00000001
#define OLCUC  0x00000002
#define ONLCR  0x00000004
#define OCRNL  0x00000008
#define ONOCR  0x00000010
#define ONLRET 0x00000020
#define OFILL  0x00000040
#define OFDEL  0x00000080
#define NLDLY  0x00000100
#define NL0    0x00000000
#define NL1    0x00000100
#define CRDLY  0x00000600
#define CR0    0x00000000
#define CR1    0x00000200
#define CR2    0x00000400
#define CR3    0x00000600
#define TABDLY 0x00001800
#define TAB0   0x00000000
#define TAB1   0x00000800
#define TAB2   0x00001000
#define TAB3   0x00001800
#define XTABS  TAB3
#define BSDLY  0x00002000
#define BS0    0x00000000
#define BS1    0x00002000
#define VTDLY  0x00004000
#define VT0    0x00000000
#define VT1    0x00004000
#define FFDLY  0x00008000
#define FF0    0x00000000
#define FF1    0x00008000

/* c_cflag */
#define CBAUD  0x0000000f
#define CSIZE  0x00000030
#define CS5    0x00000000
#define CS6    0x00000010
#define CS7    0x00000020
#define CS8    0x00000030
#define CSTOPB 0x00000040
#define CREAD  0x00000080
#define PARENB 0x00000100
#define PARODD 0x00000200
#define HUPCL  0x00000400
#define CLOCAL 0x00000800

/* c_lflag */
#define ISIG    0x00000001
#define ICANON  0x00000002
#define XCASE   0x00000004
#define ECHO    0x00000008
#define ECHOE   0x00000010
#define ECHOK   0x00000020
#define ECHONL  0x00000040
#define NOFLSH  0x00000080
#define TOSTOP  0x00000100
#define ECHOCTL 0x00000200
#define ECHOKE  0x00000800
#define IEXTEN  0x00008000

/* Speeds: the small codes of QNX, then the rates themselves. */
#define B0      0
#define B50     1
#define B75     2
#define B110    3
#define B134    4
#define B150    5
#define B200    6
#define B300    7
#define B600    8
#define B1200   9
#define B1800   10
#define B2400   11
#define B4800   12
#define B9600   13
#define B19200  14
#define B38400  15
#define EXTA    14
#define EXTB    15
#define B57600  57600
#define B76800  76800
#define B115200 115200
#define B230400 230400
#define B460800 460800
#define B921600 921600

/* tcsetattr() */
#define TCSANOW   0x0001
#define TCSADRAIN 0x0002
#define TCSAFLUSH 0x0004
/* tcflush() */
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2
/* tcflow() */
#define TCOOFF 0
#define TCOON  1
#define TCIOFF 2
#define TCION  3

speed_t cfgetispeed(const struct termios *t);
speed_t cfgetospeed(const struct termios *t);
int cfsetispeed(struct termios *t, speed_t speed);
int cfsetospeed(struct termios *t, speed_t speed);
int cfsetspeed(struct termios *t, speed_t speed);
void cfmakeraw(struct termios *t);
int tcdrain(int fd);
int tcflow(int fd, int action);
int tcflush(int fd, int queue);
int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
pid_t tcgetsid(int fd);
int tcsendbreak(int fd, int duration);
int tcgetsize(int fd, int *rows, int *cols);
int tcsetsize(int fd, int rows, int cols);
int tcgetwinsize(int fd, struct winsize *w);
int tcsetwinsize(int fd, const struct winsize *w);

__END_DECLS

#endif /* _TERMIOS_H */
