/*
 * sys/iofunc.h - the QNX POSIX layer of resource managers: the per-resource
 * attribute structure, the per-open OCB, the optional mount structure and
 * the iofunc_*() helpers and default handlers built on them (QNX C Library
 * Reference: iofunc_attr_t, iofunc_ocb_t, iofunc_open_default(), ...).
 *
 * A program may extend the structures by putting the iofunc_* one first in
 * its own and defining IOFUNC_ATTR_T / IOFUNC_OCB_T / IOFUNC_MOUNT_T (and
 * RESMGR_HANDLE_T / RESMGR_OCB_T) before including this header.
 */
#ifndef _SYS_IOFUNC_H
#define _SYS_IOFUNC_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/neutrino.h>
#include <sys/iomsg.h>

struct _iofunc_attr;
struct _iofunc_ocb;
struct _iofunc_mount;

#ifndef IOFUNC_ATTR_T
#define IOFUNC_ATTR_T struct _iofunc_attr
#endif
#ifndef IOFUNC_OCB_T
#define IOFUNC_OCB_T struct _iofunc_ocb
#endif
#ifndef IOFUNC_MOUNT_T
#define IOFUNC_MOUNT_T struct _iofunc_mount
#endif
#ifndef RESMGR_HANDLE_T
#define RESMGR_HANDLE_T IOFUNC_ATTR_T
#endif
#ifndef RESMGR_OCB_T
#define RESMGR_OCB_T IOFUNC_OCB_T
#endif

#include <sys/resmgr.h>

__BEGIN_DECLS

/* ---- the attribute structure (one per resource) ----------------------------- */

typedef struct _iofunc_attr {
	IOFUNC_MOUNT_T *mount;               /* NULL: no mount structure */
	struct _iofunc_mmap_list *mmap_list; /* reserved */
	struct _iofunc_lock_list *lock_list; /* reserved (record locks) */
	void *acl;                           /* reserved */
	union {
		void *lockobj;
		pthread_mutex_t lock; /* iofunc_attr_lock(): recursive */
	};
	uint32_t flags;  /* IOFUNC_ATTR_* */
	uint16_t count;  /* OCBs open on it */
	uint16_t rcount; /* ... for reading */
	uint16_t wcount; /* ... for writing */
	uint16_t rlocks; /* reserved */
	uint16_t wlocks; /* reserved */
	uint16_t reserved;
	off_t nbytes; /* size */
	ino_t inode;  /* file serial number */
	uid_t uid;
	gid_t gid;
	time_t mtime;
	time_t atime;
	time_t ctime;
	mode_t mode; /* S_IF* type and permissions */
	nlink_t nlink;
	dev_t rdev;
	unsigned mtime_ns;
	unsigned atime_ns;
	unsigned ctime_ns;
} iofunc_attr_t;

#define IOFUNC_ATTR_CTIME       0x00000001u /* ctime must be updated */
#define IOFUNC_ATTR_MTIME       0x00000002u /* mtime must be updated */
#define IOFUNC_ATTR_ATIME       0x00000004u /* atime must be updated */
#define IOFUNC_ATTR_DIRTY_NLINK 0x00000008u
#define IOFUNC_ATTR_DIRTY_MODE  0x00000010u
#define IOFUNC_ATTR_DIRTY_OWNER 0x00000020u
#define IOFUNC_ATTR_DIRTY_RDEV  0x00000040u
#define IOFUNC_ATTR_DIRTY_SIZE  0x00000080u
#define IOFUNC_ATTR_DIRTY_TIME  0x00000100u
#define IOFUNC_ATTR_DIRTY_MASK  0x000001f8u
#define IOFUNC_ATTR_PRIVATE     0xfff00000u /* the resource manager's own bits */

/* ---- the OCB (one per open) ------------------------------------------------------- */

typedef struct _iofunc_ocb {
	IOFUNC_ATTR_T *attr;
	int32_t ioflag; /* open flags; access bits as _IO_FLAG_RD / _IO_FLAG_WR */
	off_t offset;   /* lseek() position */
	uint16_t sflag; /* share flags */
	uint16_t flags; /* IOFUNC_OCB_* */
	void *reserved;
} iofunc_ocb_t;

#define IOFUNC_OCB_PRIVILEGED    0x0001u /* opened by root */
#define IOFUNC_OCB_MMAP          0x0002u /* reserved */
#define IOFUNC_OCB_FLAGS_PRIVATE 0xf000u /* the resource manager's own bits */

/* iofunc_ocb_detach() / iofunc_close_ocb() result bits. */
#define IOFUNC_OCB_LAST_INUSE  0x0001 /* it was the last OCB of the attr */
#define IOFUNC_OCB_LAST_READER 0x0002 /* ... the last one open for reading */
#define IOFUNC_OCB_LAST_WRITER 0x0004 /* ... the last one open for writing */
#define IOFUNC_OCB_LAST_RDLOCK 0x0008
#define IOFUNC_OCB_LAST_WRLOCK 0x0010

/* ---- the mount structure (optional) ------------------------------------------- */

typedef struct _iofunc_funcs {
	unsigned nfuncs;
	IOFUNC_OCB_T *(*ocb_calloc)(resmgr_context_t *ctp, IOFUNC_ATTR_T *attr);
	void (*ocb_free)(IOFUNC_OCB_T *ocb);
	int (*attr_lock)(IOFUNC_ATTR_T *attr);
	int (*attr_unlock)(IOFUNC_ATTR_T *attr);
	int (*attr_trylock)(IOFUNC_ATTR_T *attr);
} iofunc_funcs_t;
#define _IOFUNC_NFUNCS ((sizeof(iofunc_funcs_t) - sizeof(unsigned)) / sizeof(void (*)(void)))

typedef struct _iofunc_mount {
	uint32_t flags; /* IOFUNC_MOUNT_* */
	uint32_t conf;  /* IOFUNC_PC_* */
	dev_t dev;      /* st_dev of the resources */
	int32_t blocksize;
	iofunc_funcs_t *funcs; /* NULL: calloc()/free() OCBs, the attr's own lock */
	void *reserved[4];
} iofunc_mount_t;

#define IOFUNC_MOUNT_32BIT         0x00000001u /* offsets are limited to 32 bits */
#define IOFUNC_MOUNT_FLAGS_PRIVATE 0xfff00000u

#define IOFUNC_PC_CHOWN_RESTRICTED 0x00000001u /* only root may chown */
#define IOFUNC_PC_NO_TRUNC         0x00000002u /* long names are an error */
#define IOFUNC_PC_SYNC_IO          0x00000004u /* O_SYNC and friends are supported */
#define IOFUNC_PC_LINK_DIR         0x00000008u /* link() and unlink() of directories */
#define IOFUNC_PC_ACL              0x00000010u

/* ---- notification lists (poll support) ------------------------------------------ */

typedef struct _iofunc_notify_event {
	struct _iofunc_notify_event *next;
	rcvid_t rcvid; /* identifies the client for MsgDeliverEvent() */
	int32_t scoid;
	int32_t coid;
	int32_t flags; /* _NOTIFY_COND_* armed for */
	int32_t cnt;   /* threshold (units of the condition) */
	struct sigevent event;
} iofunc_notify_event_t;

typedef struct _iofunc_notify {
	int cnt; /* events armed in the list */
	struct _iofunc_notify_event *list;
} iofunc_notify_t;

#define IOFUNC_NOTIFY_INPUT  0
#define IOFUNC_NOTIFY_OUTPUT 1
#define IOFUNC_NOTIFY_OBAND  2
#define IOFUNC_NOTIFY_INIT(_nop)                            \
	((_nop)[0].cnt = (_nop)[1].cnt = (_nop)[2].cnt = 0, \
	 (_nop)[0].list = (_nop)[1].list = (_nop)[2].list = (void *)0)

/* iofunc_client_info_ext() flags. */
#define IOFUNC_CLIENTINFO_GETGROUPS 0x00000001

/* ---- functions ---------------------------------------------------------------------- */

void iofunc_func_init(unsigned nconnect, resmgr_connect_funcs_t *connect, unsigned nio,
                      resmgr_io_funcs_t *io);
void iofunc_attr_init(iofunc_attr_t *attr, mode_t mode, iofunc_attr_t *dattr,
                      struct _client_info *info);
int iofunc_attr_lock(iofunc_attr_t *attr);
int iofunc_attr_unlock(iofunc_attr_t *attr);
int iofunc_attr_trylock(iofunc_attr_t *attr);
int iofunc_time_update(iofunc_attr_t *attr);

int iofunc_client_info(resmgr_context_t *ctp, int ioflag, struct _client_info *info);
int iofunc_client_info_ext(resmgr_context_t *ctp, int ioflag, struct _client_info **info,
                           int flags);
int iofunc_client_info_ext_free(struct _client_info **info);
int iofunc_check_access(resmgr_context_t *ctp, const iofunc_attr_t *attr, mode_t checkmode,
                        const struct _client_info *info);

int iofunc_open(resmgr_context_t *ctp, io_open_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                struct _client_info *info);
int iofunc_ocb_attach(resmgr_context_t *ctp, io_open_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr,
                      const resmgr_io_funcs_t *io_funcs);
int iofunc_ocb_detach(resmgr_context_t *ctp, iofunc_ocb_t *ocb);
iofunc_ocb_t *iofunc_ocb_calloc(resmgr_context_t *ctp, iofunc_attr_t *attr);
void iofunc_ocb_free(iofunc_ocb_t *ocb);
int iofunc_close_ocb(resmgr_context_t *ctp, iofunc_ocb_t *ocb, iofunc_attr_t *attr);

int iofunc_read_verify(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb, int *nonblock);
int iofunc_write_verify(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb, int *nonblock);
int iofunc_sync(resmgr_context_t *ctp, iofunc_ocb_t *ocb, int ioflag);
int iofunc_stat(resmgr_context_t *ctp, iofunc_attr_t *attr, struct stat *stat);
int iofunc_chmod(resmgr_context_t *ctp, io_chmod_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_chown(resmgr_context_t *ctp, io_chown_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_utime(resmgr_context_t *ctp, io_utime_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_lseek(resmgr_context_t *ctp, io_lseek_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_devctl(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_pathconf(resmgr_context_t *ctp, io_pathconf_t *msg, iofunc_ocb_t *ocb,
                    iofunc_attr_t *attr);
int iofunc_fdinfo(resmgr_context_t *ctp, iofunc_ocb_t *ocb, iofunc_attr_t *attr,
                  struct _fdinfo *info);
int iofunc_openfd(resmgr_context_t *ctp, io_openfd_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr);
int iofunc_space_verify(resmgr_context_t *ctp, io_space_t *msg, iofunc_ocb_t *ocb, int *nonblock);

/* Checks for path-based requests (filesystems): permissions in the directory. */
int iofunc_link(resmgr_context_t *ctp, io_link_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                struct _client_info *info);
int iofunc_unlink(resmgr_context_t *ctp, io_unlink_t *msg, iofunc_attr_t *attr,
                  iofunc_attr_t *dattr, struct _client_info *info);
int iofunc_mknod(resmgr_context_t *ctp, io_mknod_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                 struct _client_info *info);
int iofunc_rename(resmgr_context_t *ctp, io_rename_t *msg, iofunc_attr_t *oldattr,
                  iofunc_attr_t *olddattr, iofunc_attr_t *newattr, iofunc_attr_t *newdattr,
                  struct _client_info *info);
int iofunc_readlink(resmgr_context_t *ctp, io_readlink_t *msg, iofunc_attr_t *attr,
                    struct _client_info *info);

/* Notification (select/poll): nop is an array of 3 lists (IOFUNC_NOTIFY_*). */
int iofunc_notify(resmgr_context_t *ctp, io_notify_t *msg, iofunc_notify_t *nop, int trig,
                  const int *notifycounts, int *armed);
void iofunc_notify_trigger(iofunc_notify_t *nop, int count, int index);
void iofunc_notify_trigger_strict(resmgr_context_t *ctp, iofunc_notify_t *nop, int count,
                                  int index);
void iofunc_notify_remove(resmgr_context_t *ctp, iofunc_notify_t *nop);
void iofunc_notify_remove_strict(resmgr_context_t *ctp, iofunc_notify_t *nop, int lim);

/* Default handlers (iofunc_func_init() installs them). */
int iofunc_open_default(resmgr_context_t *ctp, io_open_t *msg, iofunc_attr_t *attr, void *extra);
int iofunc_read_default(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb);
int iofunc_write_default(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb);
int iofunc_close_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb);
int iofunc_close_dup_default(resmgr_context_t *ctp, io_close_t *msg, iofunc_ocb_t *ocb);
int iofunc_stat_default(resmgr_context_t *ctp, io_stat_t *msg, iofunc_ocb_t *ocb);
int iofunc_notify_default(resmgr_context_t *ctp, io_notify_t *msg, iofunc_ocb_t *ocb);
int iofunc_devctl_default(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb);
int iofunc_unblock_default(resmgr_context_t *ctp, io_pulse_t *msg, iofunc_ocb_t *ocb);
int iofunc_pathconf_default(resmgr_context_t *ctp, io_pathconf_t *msg, iofunc_ocb_t *ocb);
int iofunc_lseek_default(resmgr_context_t *ctp, io_lseek_t *msg, iofunc_ocb_t *ocb);
int iofunc_chmod_default(resmgr_context_t *ctp, io_chmod_t *msg, iofunc_ocb_t *ocb);
int iofunc_chown_default(resmgr_context_t *ctp, io_chown_t *msg, iofunc_ocb_t *ocb);
int iofunc_utime_default(resmgr_context_t *ctp, io_utime_t *msg, iofunc_ocb_t *ocb);
int iofunc_openfd_default(resmgr_context_t *ctp, io_openfd_t *msg, iofunc_ocb_t *ocb);
int iofunc_fdinfo_default(resmgr_context_t *ctp, io_fdinfo_t *msg, iofunc_ocb_t *ocb);
int iofunc_lock_default(resmgr_context_t *ctp, io_lock_t *msg, iofunc_ocb_t *ocb);
int iofunc_mmap_default(resmgr_context_t *ctp, io_mmap_t *msg, iofunc_ocb_t *ocb);
int iofunc_sync_default(resmgr_context_t *ctp, io_sync_t *msg, iofunc_ocb_t *ocb);
int iofunc_space_default(resmgr_context_t *ctp, io_space_t *msg, iofunc_ocb_t *ocb);
int iofunc_lock_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb);
int iofunc_unlock_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb);

__END_DECLS

#endif /* _SYS_IOFUNC_H */
