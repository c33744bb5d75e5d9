/*
 * sys/resmgr.h - the QNX resource-manager layer: attaching a path to the
 * pathname space and the tables of connect and I/O handlers a resource
 * manager answers _IO_* messages with (QNX C Library Reference:
 * resmgr_attach(), resmgr_connect_funcs_t, resmgr_io_funcs_t, ...).
 *
 * Include <sys/iofunc.h> first: it sets RESMGR_HANDLE_T and RESMGR_OCB_T
 * to iofunc_attr_t and iofunc_ocb_t (a program may set its own types
 * before including either). docs/resmgr.md describes the framework.
 *
 * Handlers return:
 *   EOK or an errno      (_RESMGR_ERRNO(e)) the library replies MsgError(e),
 *                        or for EOK MsgReply(ctp->status) with no data;
 *   _RESMGR_NPARTS(n)    reply ctp->status with ctp->iov[0..n-1];
 *   _RESMGR_NOREPLY      the handler replied, or will reply later (it kept
 *                        ctp->rcvid);
 *   _RESMGR_DEFAULT      do what the library does by default (ENOSYS for
 *                        a message without a default action).
 */
#ifndef _SYS_RESMGR_H
#define _SYS_RESMGR_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <sys/dispatch.h>
#include <sys/iomsg.h>

__BEGIN_DECLS

#ifndef RESMGR_HANDLE_T
#define RESMGR_HANDLE_T void
#endif
#ifndef RESMGR_OCB_T
#define RESMGR_OCB_T void
#endif

/* A file type (_FTYPE_* from <sys/iomsg.h>); int-sized like QNX's enum. */
enum _file_type { __FTYPE_ENUM_MIN = -1, __FTYPE_ENUM_MAX = 0x7fffffff };

/* ---- handler return values ----------------------------------------------- */

#define _RESMGR_ERRNO(_e)              (_e)
#define _RESMGR_NPARTS(_n)             (-(_n))
#define _RESMGR_NOREPLY                ((int)-0x7ffffffe)
#define _RESMGR_DEFAULT                ((int)-0x7fffffff)
#define _RESMGR_PTR(_ctp, _addr, _len) (SETIOV((_ctp)->iov + 0, (_addr), (_len)), _RESMGR_NPARTS(1))
#ifndef _RESMGR_STATUS
#define _RESMGR_STATUS(_c, _s) ((_c)->status = (_s))
#endif

/* The data after a devctl message header (input or output form). */
#ifndef _DEVCTL_DATA
#define _DEVCTL_DATA(_msg) ((void *)((char *)&(_msg) + sizeof(_msg)))
#endif

/* ---- message types the handlers receive ---------------------------------- */

typedef struct _pulse io_pulse_t;

/* _IO_CONNECT_RENAME extra: the old path, NUL-terminated. */
typedef union _io_rename_extra {
	char path[1];
} io_rename_extra_t;

/* _IO_CONNECT_LINK extra: hard link (the client's connection to the target),
 * symbolic link (the target path) or resource manager link. */
typedef union _io_link_extra {
	struct _msg_info32 info;
	struct _io_resmgr_link_extra resmgr;
	char path[1];
} io_link_extra_t;

/* _IO_CONNECT_MOUNT extra. */
typedef struct _io_mount_extra {
	uint32_t flags;   /* _MOUNT_* */
	uint32_t nbytes;  /* bytes of this structure and what follows */
	uint32_t datalen; /* bytes of data after the strings */
	uint32_t zero;
	char data[]; /* special device, type, options */
} io_mount_extra_t;

/* Everything a resource manager may receive (sizes the receive buffer). */
typedef union _resmgr_iomsgs {
	uint16_t type;
	struct _pulse pulse;
	io_open_t open;
	io_close_t close;
	io_read_t read;
	io_write_t write;
	io_stat_t stat;
	io_notify_t notify;
	io_devctl_t devctl;
	io_pathconf_t pathconf;
	io_lseek_t lseek;
	io_chmod_t chmod;
	io_chown_t chown;
	io_utime_t utime;
	io_openfd_t openfd;
	io_fdinfo_t fdinfo;
	io_lock_t lock;
	io_space_t space;
	io_shutdown_t shutdown;
	io_mmap_t mmap;
	io_msg_t msg;
	io_dup_t dup;
	io_sync_t sync;
} resmgr_iomsgs_t;

/* ---- handler tables ------------------------------------------------------- */

typedef struct _resmgr_connect_funcs {
	unsigned nfuncs;
	int (*open)(resmgr_context_t *ctp, io_open_t *msg, RESMGR_HANDLE_T *handle, void *extra);
	int (*unlink)(resmgr_context_t *ctp, io_unlink_t *msg, RESMGR_HANDLE_T *handle,
	              void *reserved);
	int (*rename)(resmgr_context_t *ctp, io_rename_t *msg, RESMGR_HANDLE_T *handle,
	              io_rename_extra_t *extra);
	int (*mknod)(resmgr_context_t *ctp, io_mknod_t *msg, RESMGR_HANDLE_T *handle,
	             void *reserved);
	int (*readlink)(resmgr_context_t *ctp, io_readlink_t *msg, RESMGR_HANDLE_T *handle,
	                void *reserved);
	int (*link)(resmgr_context_t *ctp, io_link_t *msg, RESMGR_HANDLE_T *handle,
	            io_link_extra_t *extra);
	int (*unblock)(resmgr_context_t *ctp, io_pulse_t *msg, RESMGR_HANDLE_T *handle,
	               void *reserved);
	int (*mount)(resmgr_context_t *ctp, io_mount_t *msg, RESMGR_HANDLE_T *handle,
	             io_mount_extra_t *extra);
} resmgr_connect_funcs_t;
#define _RESMGR_CONNECT_NFUNCS \
	((sizeof(resmgr_connect_funcs_t) - sizeof(unsigned)) / sizeof(void (*)(void)))

/*
 * The I/O handlers, in _IO_* order: the handler of message type T is entry
 * T - _IO_BASE - 1 (_IO_CLOSE goes to close_dup; close_ocb is called when
 * the last connection to an OCB goes away).
 */
typedef struct _resmgr_io_funcs {
	unsigned nfuncs;
	int (*read)(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb);
	int (*write)(resmgr_context_t *ctp, io_write_t *msg, RESMGR_OCB_T *ocb);
	int (*close_ocb)(resmgr_context_t *ctp, void *reserved, RESMGR_OCB_T *ocb);
	int (*stat)(resmgr_context_t *ctp, io_stat_t *msg, RESMGR_OCB_T *ocb);
	int (*notify)(resmgr_context_t *ctp, io_notify_t *msg, RESMGR_OCB_T *ocb);
	int (*devctl)(resmgr_context_t *ctp, io_devctl_t *msg, RESMGR_OCB_T *ocb);
	int (*unblock)(resmgr_context_t *ctp, io_pulse_t *msg, RESMGR_OCB_T *ocb);
	int (*pathconf)(resmgr_context_t *ctp, io_pathconf_t *msg, RESMGR_OCB_T *ocb);
	int (*lseek)(resmgr_context_t *ctp, io_lseek_t *msg, RESMGR_OCB_T *ocb);
	int (*chmod)(resmgr_context_t *ctp, io_chmod_t *msg, RESMGR_OCB_T *ocb);
	int (*chown)(resmgr_context_t *ctp, io_chown_t *msg, RESMGR_OCB_T *ocb);
	int (*utime)(resmgr_context_t *ctp, io_utime_t *msg, RESMGR_OCB_T *ocb);
	int (*openfd)(resmgr_context_t *ctp, io_openfd_t *msg, RESMGR_OCB_T *ocb);
	int (*fdinfo)(resmgr_context_t *ctp, io_fdinfo_t *msg, RESMGR_OCB_T *ocb);
	int (*lock)(resmgr_context_t *ctp, io_lock_t *msg, RESMGR_OCB_T *ocb);
	int (*space)(resmgr_context_t *ctp, io_space_t *msg, RESMGR_OCB_T *ocb);
	int (*shutdown)(resmgr_context_t *ctp, io_shutdown_t *msg, RESMGR_OCB_T *ocb);
	int (*mmap)(resmgr_context_t *ctp, io_mmap_t *msg, RESMGR_OCB_T *ocb);
	int (*msg)(resmgr_context_t *ctp, io_msg_t *msg, RESMGR_OCB_T *ocb);
	int (*reserved)(resmgr_context_t *ctp, void *msg, RESMGR_OCB_T *ocb);
	int (*dup)(resmgr_context_t *ctp, io_dup_t *msg, RESMGR_OCB_T *ocb);
	int (*close_dup)(resmgr_context_t *ctp, io_close_t *msg, RESMGR_OCB_T *ocb);
	int (*lock_ocb)(resmgr_context_t *ctp, void *reserved, RESMGR_OCB_T *ocb);
	int (*unlock_ocb)(resmgr_context_t *ctp, void *reserved, RESMGR_OCB_T *ocb);
	int (*sync)(resmgr_context_t *ctp, io_sync_t *msg, RESMGR_OCB_T *ocb);
	int (*power)(resmgr_context_t *ctp, void *msg, RESMGR_OCB_T *ocb);
	int (*acl)(resmgr_context_t *ctp, void *msg, RESMGR_OCB_T *ocb);
	int (*pause)(resmgr_context_t *ctp, void *reserved, RESMGR_OCB_T *ocb);
	int (*unpause)(resmgr_context_t *ctp, io_pulse_t *msg, RESMGR_OCB_T *ocb);
	int (*read64)(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb);
	int (*write64)(resmgr_context_t *ctp, io_write_t *msg, RESMGR_OCB_T *ocb);
	int (*notify64)(resmgr_context_t *ctp, io_notify_t *msg, RESMGR_OCB_T *ocb);
	int (*utime64)(resmgr_context_t *ctp, io_utime_t *msg, RESMGR_OCB_T *ocb);
} resmgr_io_funcs_t;
#define _RESMGR_IO_NFUNCS ((sizeof(resmgr_io_funcs_t) - sizeof(unsigned)) / sizeof(void (*)(void)))

/* ---- attaching ------------------------------------------------------------- */

typedef struct _resmgr_attr {
	unsigned flags;      /* RESMGR_FLAG_* */
	unsigned nparts_max; /* reply iov entries (0: the library's minimum) */
	size_t msg_max_size; /* receive buffer bytes (0: the library's minimum) */
	int (*other_func)(resmgr_context_t *ctp, void *msg); /* RESMGR_FLAG_ATTACH_OTHERFUNC */
	unsigned reserved[4];
} resmgr_attr_t;

/* resmgr_attr_t flags. */
#define RESMGR_FLAG_NO_DEFAULT_FUNC  0x00000001u /* reserved (no implicit defaults anyway) */
#define RESMGR_FLAG_ATTACH_OTHERFUNC 0x00000002u /* other_func gets unknown messages */
#define RESMGR_FLAG_CROSS_ENDIAN     0x00000004u /* accepted, ignored */

/* resmgr_attach() flags (QNX pathmgr values). */
#define _RESMGR_FLAG_BEFORE    0x0001u /* resolve before other attaches of the path */
#define _RESMGR_FLAG_AFTER     0x0002u /* resolve after them */
#define _RESMGR_FLAG_DIR       0x0004u /* a directory: everything below it comes here */
#define _RESMGR_FLAG_OPAQUE    0x0008u /* hide attaches below it */
#define _RESMGR_FLAG_FTYPEONLY 0x0010u /* only opens of exactly file_type */
#define _RESMGR_FLAG_FTYPEALL  0x0020u /* every file type */
#define _RESMGR_FLAG_SELF      0x0040u /* allow opens from this process */
#define _RESMGR_FLAG_MASK      0x007fu

/* resmgr_detach() flags. */
#define _RESMGR_DETACH_ALL      0x0000u /* remove the path and refuse its open OCBs */
#define _RESMGR_DETACH_PATHNAME 0x0001u /* remove only the path; open OCBs keep working */
#define _RESMGR_DETACH_CLOSE    0x0002u /* close its OCBs now */

int resmgr_attach(dispatch_t *dpp, resmgr_attr_t *attr, const char *path, enum _file_type file_type,
                  unsigned flags, const resmgr_connect_funcs_t *connect_funcs,
                  const resmgr_io_funcs_t *io_funcs, RESMGR_HANDLE_T *handle);
int resmgr_detach(dispatch_t *dpp, int id, unsigned flags);
int resmgr_pathname(int id, unsigned flags, char *path, int maxbuf);
int resmgr_devino(int id, dev_t *pdevno, ino_t *pino);

resmgr_context_t *resmgr_context_alloc(dispatch_t *dpp);
void resmgr_context_free(resmgr_context_t *ctp);
resmgr_context_t *resmgr_block(resmgr_context_t *ctp);
int resmgr_handler(resmgr_context_t *ctp);

/* ---- talking to the client --------------------------------------------- */

ssize_t resmgr_msgread(resmgr_context_t *ctp, void *msg, size_t nbytes, size_t offset);
ssize_t resmgr_msgreadv(resmgr_context_t *ctp, const iov_t *iov, int parts, size_t offset);
ssize_t resmgr_msgwrite(resmgr_context_t *ctp, const void *msg, size_t nbytes, size_t offset);
ssize_t resmgr_msgwritev(resmgr_context_t *ctp, const iov_t *iov, int parts, size_t offset);
int resmgr_msgreply(resmgr_context_t *ctp, void *msg, size_t nbytes);
int resmgr_msgreplyv(resmgr_context_t *ctp, iov_t *iov, int parts);

/* ---- OCBs -------------------------------------------------------------------- */

int resmgr_open_bind(resmgr_context_t *ctp, RESMGR_OCB_T *ocb, const resmgr_io_funcs_t *iofuncs);
RESMGR_OCB_T *resmgr_ocb(resmgr_context_t *ctp);
int resmgr_unbind(resmgr_context_t *ctp);
const resmgr_io_funcs_t *resmgr_iofuncs(resmgr_context_t *ctp);

__END_DECLS

#endif /* _SYS_RESMGR_H */
