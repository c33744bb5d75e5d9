/*
 * sys/slogcodes.h - major codes of system log events (QNX's numbers).
 * Make an opcode with _SLOG_SETCODE(major, minor) from <sys/slog.h>.
 * Applications use majors from _SLOGC_PRIVATE_START to _SLOGC_PRIVATE_END.
 */
#ifndef _SYS_SLOGCODES_H
#define _SYS_SLOGCODES_H

#include <sys/slog.h>

#define _SLOGC_CONSOLE         0
#define _SLOGC_PROC            1
#define _SLOG_SYSLOG           2 /* syslog() messages */
#define _SLOGC_FS              3
#define _SLOGC_BLOCK           4
#define _SLOGC_CAM             5
#define _SLOGC_CHAR            6
#define _SLOGC_AUDIO           7
#define _SLOGC_GRAPHICS        8
#define _SLOGC_INPUT           9
#define _SLOGC_NETWORK         10
#define _SLOGC_PRINTER         11
#define _SLOGC_USB             12
#define _SLOGC_PPP             13
#define _SLOGC_TCPIP           14
#define _SLOGC_QNET            15
#define _SLOGC_PHOTON          16
#define _SLOGC_PCI             17
#define _SLOGC_DEVP            18
#define _SLOGC_SIM             19
#define _SLOGC_MEDIA           20
#define _SLOGC_DUMPER          21

#define _SLOGC_PROC_TERMINATED _SLOG_SETCODE(_SLOGC_PROC, 0)
#define _SLOGC_CHAR_CON        _SLOG_SETCODE(_SLOGC_CHAR, 0)
#define _SLOGC_CHAR_SER        _SLOG_SETCODE(_SLOGC_CHAR, 100)
#define _SLOGC_CHAR_PTY        _SLOG_SETCODE(_SLOGC_CHAR, 300)

/* QSOE's own services (minor codes of _SLOGC_PROC and _SLOGC_CHAR are QNX's). */
#define _SLOGC_INIT           _SLOG_SETCODE(_SLOGC_PROC, 100) /* init: services started, died, restarted */
#define _SLOGC_PIPE           _SLOG_SETCODE(_SLOGC_CHAR, 400)  /* the pipe manager */
#define _SLOGC_SLOG           _SLOG_SETCODE(_SLOGC_CONSOLE, 1) /* slogger itself */

#define _SLOGC_PRIVATE_START  10000 /* for applications */
#define _SLOGC_PRIVATE_END    19999
#define _SLOGC_TEST           (_SLOGC_PRIVATE_START + 0)
#define _SLOGC_3RDPARTY_START 20000

#endif /* _SYS_SLOGCODES_H */
