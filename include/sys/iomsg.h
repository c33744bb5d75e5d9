/*
 * sys/iomsg.h - the _IO_* messages that clients send to resource managers.
 *
 * Every I/O message starts with a 16-bit type (_IO_*) and, except
 * _IO_CONNECT, a 16-bit combine_len. The numbers come from
 * <sys/iomsg_codes.h>, generated from abi/iomsg.def; the structures below
 * have QNX Neutrino's names and layouts (QNX <sys/iomsg.h>, 64-bit).
 * An io_X_t union holds the message (i) and, where there is one, the reply
 * (o) a resource manager sends back.
 */
#ifndef _SYS_IOMSG_H
#define _SYS_IOMSG_H

#include <sys/types.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/neutrino.h>
#include <sys/iomsg_codes.h>

/*
 * The resource-manager status macros below store into ctp->status; the
 * resource-manager library (<sys/resmgr.h>) defines _RESMGR_STATUS the same way.
 */
#ifndef _RESMGR_STATUS
#define _RESMGR_STATUS(_c, _s) ((_c)->status = (_s))
#endif

/* Extra data for _IO_XTYPE_READCOND. 12 bytes. */
struct _xtype_readcond {
	int32_t min;
	int32_t time;
	int32_t timeout;
};

/* Extra data for _IO_XTYPE_OFFSET (pread/pwrite). 8 bytes. */
struct _xtype_offset {
	off64_t offset;
};

/* ==== path-based messages: _IO_CONNECT =================================== */

/*
 * The connect message. 40 bytes, then path_len bytes of path (with its
 * NUL) and extra_len bytes of extra data. (QNX declares path[1]; a
 * flexible array here, so sizeof is the header size.)
 */
struct _io_connect {
	uint16_t type;      /* _IO_CONNECT */
	uint16_t subtype;   /* _IO_CONNECT_* */
	uint32_t file_type; /* _FTYPE_* */
	uint16_t reply_max; /* largest reply the client accepts */
	uint16_t entry_max; /* most _io_connect_entry the client accepts */
	uint32_t key;
	uint32_t handle; /* resmgr_attach() handle of the path */
	uint32_t ioflag; /* O_* with O_ACCMODE + 1 (_IO_FLAG_*) */
	uint32_t mode;   /* S_IF* and permissions */
	uint16_t sflag;  /* SH_* share flags */
	uint16_t access; /* S_I* access to check */
	uint16_t zero;
	uint16_t path_len;  /* bytes of path including the NUL */
	uint8_t eflag;      /* _IO_CONNECT_EFLAG_* */
	uint8_t extra_type; /* _IO_CONNECT_EXTRA_* */
	uint16_t extra_len; /* bytes of extra data after the path */
	char path[];
};

/* Reply redirecting the client to other servers or to a link. 20 bytes. */
struct _io_connect_link_reply {
	uint32_t reserved1;
	uint32_t file_type; /* _FTYPE_* */
	uint8_t eflag;      /* _IO_CONNECT_EFLAG_* */
	uint8_t reserved2[1];
	uint16_t chroot_len; /* length of the chroot part of the returned path */
	uint32_t umask;      /* with _IO_CONNECT_RET_UMASK */
	uint16_t nentries;   /* zero: the path is a symbolic link */
	uint16_t path_len;   /* includes the NUL; zero: NUL-terminated */
	                     /* struct _io_connect_entry server[nentries]; char path[path_len]; */
};

/* Reply saying the file type matched, with an errno. 8 bytes. */
struct _io_connect_ftype_reply {
	uint16_t status; /* an errno value, EOK for success */
	uint16_t reserved;
	uint32_t file_type; /* _FTYPE_* */
};

/* One server in a link reply. 32 bytes. */
struct _io_connect_entry {
	uint32_t nd;
	int32_t pid;
	int32_t chid;
	uint32_t handle;
	uint32_t key;
	uint32_t file_type;
	uint16_t prefix_len; /* bytes of the path this server owns */
	uint16_t zero[3];
};

/* _IO_CONNECT_EXTRA_RESMGR_LINK data. 32 bytes. */
struct _io_resmgr_link_extra {
	uint32_t nd;
	int32_t pid;
	int32_t chid;
	uint32_t handle;
	uint32_t flags; /* PATHMGR_FLAG_* */
	uint32_t file_type;
	uint32_t reserved[2];
};

typedef union {
	struct _io_connect connect;
	struct _io_connect_link_reply link_reply;
	struct _io_connect_ftype_reply ftype_reply;
} io_open_t;
typedef io_open_t io_unlink_t;
typedef io_open_t io_rename_t;
typedef io_open_t io_mknod_t;
typedef io_open_t io_readlink_t;
typedef io_open_t io_link_t;
typedef io_open_t io_mount_t;

/* Status for a connect reply that continues resolution (link, ftype, ...). */
#define _IO_SET_CONNECT_RET(_c, _s) _RESMGR_STATUS(_c, (long)_IO_CONNECT_RET_FLAG | (long)(_s))

/* ==== fd-based messages ================================================= */

/* The header every fd-based message starts with. 4 bytes. */
struct _io_combine {
	uint16_t type;
	uint16_t combine_len; /* bytes of this message; | _IO_COMBINE_FLAG if another follows */
};

/* _IO_CLOSE. 4 bytes. */
struct _io_close {
	uint16_t type;
	uint16_t combine_len;
};
typedef union {
	struct _io_close i;
} io_close_t;

/* _IO_READ. 16 bytes; the reply is the data, its length is the status. */
struct _io_read {
	uint16_t type;
	uint16_t combine_len;
	uint32_t nbytes; /* bytes wanted */
	uint32_t xtype;  /* _IO_XTYPE_* | _IO_XFLAG_* */
	uint32_t zero;
};
/* _IO_READ64: the same with the top 32 bits of the count. 16 bytes. */
struct _io_read64 {
	uint16_t type;
	uint16_t combine_len;
	uint32_t nbytes;
	uint32_t xtype;
	uint32_t nbytes_hi;
};
typedef union {
	struct _io_read i;
	struct _io_read64 i64;
} io_read_t;

/* _IO_WRITE. 16 bytes, then the data. */
struct _io_write {
	uint16_t type;
	uint16_t combine_len;
	uint32_t nbytes; /* bytes of data following */
	uint32_t xtype;  /* _IO_XTYPE_* | _IO_XFLAG_* */
	uint32_t zero;
};
/* _IO_WRITE64: the same with the top 32 bits of the count. 16 bytes. */
struct _io_write64 {
	uint16_t type;
	uint16_t combine_len;
	uint32_t nbytes;
	uint32_t xtype;
	uint32_t nbytes_hi;
};
typedef union {
	struct _io_write i;
	struct _io_write64 i64;
} io_write_t;

/* Byte count of a read or write request, whichever of the two forms it is. */
#define _IO_READ_GET_NBYTES(_m)                                                         \
	((_m)->i.type == _IO_READ64                                                     \
	         ? (((uint64_t)(_m)->i64.nbytes_hi << 32) | (uint64_t)(_m)->i64.nbytes) \
	         : (uint64_t)(_m)->i.nbytes)
#define _IO_WRITE_GET_NBYTES(_m)                                                        \
	((_m)->i.type == _IO_WRITE64                                                    \
	         ? (((uint64_t)(_m)->i64.nbytes_hi << 32) | (uint64_t)(_m)->i64.nbytes) \
	         : (uint64_t)(_m)->i.nbytes)
/* Status of a read/write reply: the bytes transferred. */
#define _IO_SET_READ_NBYTES(_c, _s)  _RESMGR_STATUS(_c, _s)
#define _IO_SET_WRITE_NBYTES(_c, _s) _RESMGR_STATUS(_c, _s)

/* _IO_STAT. 8 bytes; the reply is a struct stat. */
struct _io_stat {
	uint16_t type;
	uint16_t combine_len;
	union {
		uint32_t zero;
		uint32_t format; /* requested stat form (QNX 7+) */
	};
};
typedef union {
	struct _io_stat i;
	struct stat o;
} io_stat_t;

/*
 * _IO_NOTIFY: arm or poll for input/output/out-of-band conditions. 88 bytes
 * (event at 16), then struct pollfd fds[nfds] for the extended form.
 */
struct _io_notify {
	uint16_t type;
	uint16_t combine_len;
	int32_t action; /* _NOTIFY_ACTION_* */
	int32_t flags;  /* _NOTIFY_COND_* */
	struct sigevent event;
	/* valid when flags has _NOTIFY_COND_EXTEN: */
	int32_t mgr[2];
	int32_t flags_extra_mask;
	int32_t flags_exten;
	int32_t nfds;
	int32_t fd_first;
	int32_t nfds_ready;
	int64_t timo;
};
/* Its reply. 88 bytes. */
struct _io_notify_reply {
	uint32_t zero;
	uint32_t flags; /* conditions that are met */
	int32_t flags2;
	struct sigevent event;
	int32_t mgr[2];
	int32_t flags_extra_mask;
	int32_t flags_exten;
	int32_t nfds;
	int32_t fd_first;
	int32_t nfds_ready;
	int64_t timo;
};
typedef union {
	struct _io_notify i;
	struct _io_notify_reply o;
} io_notify_t;

/* _IO_DEVCTL. 16 bytes, then nbytes of data. */
struct _io_devctl {
	uint16_t type;
	uint16_t combine_len;
	int32_t dcmd; /* DCMD_* with direction and size encoded */
	uint32_t nbytes;
	int32_t zero;
};
/* Its reply. 16 bytes, then nbytes of data. */
struct _io_devctl_reply {
	uint32_t zero;
	int32_t ret_val; /* the devctl() *info value */
	uint32_t nbytes;
	int32_t zero2;
};
typedef union {
	struct _io_devctl i;
	struct _io_devctl_reply o;
} io_devctl_t;

/* _IO_PATHCONF. 8 bytes; the value is the reply status. */
struct _io_pathconf {
	uint16_t type;
	uint16_t combine_len;
	short name; /* _PC_* */
	uint16_t zero;
};
typedef union {
	struct _io_pathconf i;
} io_pathconf_t;
#define _IO_SET_PATHCONF_VALUE(_c, _s) _RESMGR_STATUS(_c, _s)

/* _IO_LSEEK. 16 bytes; the reply is the new 64-bit offset. */
struct _io_lseek {
	uint16_t type;
	uint16_t combine_len;
	short whence; /* SEEK_SET, SEEK_CUR, SEEK_END */
	uint16_t zero;
	int64_t offset;
};
typedef union {
	struct _io_lseek i;
	uint64_t o;
} io_lseek_t;

/* _IO_CHMOD. 8 bytes. */
struct _io_chmod {
	uint16_t type;
	uint16_t combine_len;
	mode_t mode;
};
typedef union {
	struct _io_chmod i;
} io_chmod_t;

/* _IO_CHOWN. 12 bytes. */
struct _io_chown {
	uint16_t type;
	uint16_t combine_len;
	int32_t gid;
	int32_t uid;
};
typedef union {
	struct _io_chown i;
} io_chown_t;

/* _IO_UTIME. 24 bytes (times is struct utimbuf with 64-bit time_t). */
struct _io_utime {
	uint16_t type;
	uint16_t combine_len;
	int32_t cur_flag; /* nonzero: ignore times, set both to now */
	struct {
		time_t actime;
		time_t modtime;
	} times;
};
typedef union {
	struct _io_utime i;
} io_utime_t;

/*
 * _IO_OPENFD. 68 bytes. _io_openfd, _io_mmap and _io_dup embed the 48-byte
 * struct _msg_info32 so the message is the same for 32- and 64-bit clients;
 * QNX 6 embedded struct _msg_info. Which one QNX 7/8 use is unconfirmed
 * (from memory of the QNX 7 headers, not from a source read for this).
 */
struct _io_openfd {
	uint16_t type;
	uint16_t combine_len;
	uint32_t ioflag; /* as in _io_connect */
	uint16_t sflag;
	uint16_t xtype; /* _IO_OPENFD_* */
	struct _msg_info32 info;
	uint32_t reserved2;
	uint32_t key;
};
typedef union {
	struct _io_openfd i;
} io_openfd_t;

/* What _IO_FDINFO reports about an open file (QNX <sys/iomgr.h>). 64 bytes. */
struct _fdinfo {
	uint32_t mode;   /* file mode */
	uint32_t ioflag; /* open flags */
	uint64_t offset; /* current position */
	uint64_t size;   /* current size */
	uint32_t flags;  /* _FDINFO_* */
	uint16_t sflag;  /* share flags */
	uint16_t count;  /* OCBs open on the file */
	uint16_t rcount; /* ... for reading */
	uint16_t wcount; /* ... for writing */
	uint16_t rlocks; /* read locks */
	uint16_t wlocks; /* write locks */
	uint32_t zero[6];
};

/* _IO_FDINFO. 16 bytes; the reply is _io_fdinfo_reply then the path. */
struct _io_fdinfo {
	uint16_t type;
	uint16_t combine_len;
	uint32_t flags;   /* _FDINFO_FLAG_* */
	int32_t path_len; /* room for the path */
	uint32_t reserved;
};
/* Its reply. 72 bytes, then the path and a NUL. */
struct _io_fdinfo_reply {
	uint32_t zero[2];
	struct _fdinfo info;
};
typedef union {
	struct _io_fdinfo i;
	struct _io_fdinfo_reply o;
} io_fdinfo_t;
#define _IO_SET_FDINFO_LEN(_c, _s) _RESMGR_STATUS(_c, _s)

/* _IO_LOCK. 12 bytes, then nbytes of data (a struct flock for F_*LK). */
struct _io_lock {
	uint16_t type;
	uint16_t combine_len;
	uint32_t subtype; /* F_GETLK, F_SETLK, F_SETLKW */
	int32_t nbytes;
};
/* Its reply. 12 bytes, then the data. */
struct _io_lock_reply {
	uint32_t zero[3];
};
typedef union {
	struct _io_lock i;
	struct _io_lock_reply o;
} io_lock_t;

/* _IO_SPACE. 24 bytes; the reply is the new file size. */
struct _io_space {
	uint16_t type;
	uint16_t combine_len;
	uint16_t subtype; /* F_ALLOCSP or F_FREESP */
	short whence;
	uint64_t start;
	uint64_t len; /* zero: to the end of the file */
};
typedef union {
	struct _io_space i;
	uint64_t o;
} io_space_t;

/* _IO_SHUTDOWN. 4 bytes. */
struct _io_shutdown {
	uint16_t type;
	uint16_t combine_len;
};
/* Its reply. 4 bytes. */
struct _io_shutdown_reply {
	uint32_t zero;
};
typedef union {
	struct _io_shutdown i;
	struct _io_shutdown_reply o;
} io_shutdown_t;

/* _IO_MMAP. 88 bytes. */
struct _io_mmap {
	uint16_t type;
	uint16_t combine_len;
	uint32_t prot; /* PROT_* */
	uint64_t offset;
	struct _msg_info32 info;
	uint32_t zero[6];
};
/* Its reply. 24 bytes. */
struct _io_mmap_reply {
	uint32_t zero;
	uint32_t flags;
	uint64_t offset;
	int32_t coid;
	int32_t fd;
};
typedef union {
	struct _io_mmap i;
	struct _io_mmap_reply o;
} io_mmap_t;

/* _IO_DUP. 60 bytes. */
struct _io_dup {
	uint16_t type;
	uint16_t combine_len;
	struct _msg_info32 info; /* the client the new OCB is for */
	uint32_t reserved;
	uint32_t key;
};
typedef union {
	struct _io_dup i;
} io_dup_t;

/* _IO_MSG: a manager-specific message. 8 bytes, then the manager's data. */
struct _io_msg {
	uint16_t type;
	uint16_t combine_len;
	uint16_t mgrid;   /* manager id (_IOMGR_*) */
	uint16_t subtype; /* manager-specific */
};
typedef union {
	struct _io_msg i;
} io_msg_t;

/* _IO_SYNC. 8 bytes. */
struct _io_sync {
	uint16_t type;
	uint16_t combine_len;
	uint32_t flag; /* O_SYNC, O_DSYNC, O_RSYNC */
};
typedef union {
	struct _io_sync i;
} io_sync_t;

#endif /* _SYS_IOMSG_H */
