/*
 * rmt.h - shared definitions of the framework's host test (QSOE side).
 */
#ifndef RMT_H
#define RMT_H

#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <devctl.h>

#define RMT_OWNER_UID   100
#define RMT_OWNER_GID   50
#define RMT_NAMES       4
#define RMT_DCMD_DOUBLE __DIOTF(_DCMD_MISC, 0x42, int)

/* The memory file: an attribute structure extended the QNX way (attr first). */
struct rmt_attr {
	iofunc_attr_t attr;
	iofunc_notify_t notify[3];
	int blocking; /* a read at the end waits for a write */
	char data[8192];
};

extern struct rmt_attr rmt_file;
extern iofunc_attr_t rmt_dir;
extern int rmt_closed, rmt_dups, rmt_unblocks;

dispatch_t *rmt_server_create(int blocking);
int rmt_dir_count(void);

#endif /* RMT_H */
