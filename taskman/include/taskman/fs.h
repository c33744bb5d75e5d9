/*
 * fs.h - taskman's pathname space and its own files: path helpers, the
 * boot archive, the prefix tree of attaches, open control blocks (OCBs)
 * and the file systems taskman serves itself (/, /proc, /sys, /dev/...).
 */
#ifndef TASKMAN_FS_H
#define TASKMAN_FS_H

#include <sys/stat.h>
#include <sys/iomsg.h>
#include <taskman/taskman.h>

/* ---- pathutil.c ---------------------------------------------------------- */

/*
 * Normalises an absolute path into out (size bytes): "//" and "." folded,
 * ".." removed with the component before it (never above "/"), no trailing
 * '/' except for "/" itself. Returns its length, -EINVAL (not absolute),
 * or -ENAMETOOLONG (a component over NAME_MAX, or too long for out).
 */
int tm_path_normalize(const char *in, char *out, size_t size);

/* Joins dir (absolute) and rel (absolute: replaces dir) and normalises. */
int tm_path_join(const char *dir, const char *rel, char *out, size_t size);

/* ---- bootfs.c: the boot archive (newc cpio), read-only ---------------------- */
struct bootfs_ent {
	const char *path; /* without the leading '/'; "" is the root */
	uint32_t mode;    /* S_IF* and permissions */
	uint32_t uid, gid, nlink, mtime;
	const void *data; /* file contents, or a symbolic link's target */
	size_t size;
	uint64_t ino;
};

/* Indexes the archive (directories implied by paths are synthesised). */
void bootfs_init(const void *archive, size_t size);

/* The entry for path (absolute or not; normalised; links not followed), or NULL. */
const struct bootfs_ent *bootfs_find(const char *path);

/*
 * Finds a regular file by absolute path, following the archive's symbolic
 * links. Returns 0 and the entry, -ENOENT, -ENOTDIR, -ELOOP, -EISDIR or
 * -ENAMETOOLONG.
 */
int bootfs_lookup(const char *path, const struct bootfs_ent **ent);

/*
 * Walks rel (a path below the archive's root, normalised, without the
 * leading '/') as an open does. A symbolic link met on the way, or at the
 * end unless nofollow, gives 1 and the absolute path to resolve instead
 * (the link's target with the rest of rel) in link (size bytes).
 * Otherwise 0 and *ent (any type), -ENOENT, -ENOTDIR or -ENAMETOOLONG.
 */
int bootfs_walk(const char *rel, int nofollow, const struct bootfs_ent **ent, char *link,
                size_t size);

/*
 * Calls fn for each entry directly inside directory dir (normalised, no
 * leading '/'; "" for the root). Returns the number of entries.
 */
size_t bootfs_list(const char *dir, void (*fn)(const struct bootfs_ent *e, void *arg), void *arg);

/* ---- pathmgr.c: the prefix tree ------------------------------------------------ */

/* One server in a resolution answer. */
struct pm_entry {
	pid_t pid;
	int chid;
	uint32_t handle, file_type;
	uint16_t prefix_len;
};

/*
 * Attaches path for (pid, chid, handle). Returns the attach id (> 0) or
 * -ENOMEM, -EINVAL.
 */
int pm_attach(const char *path, pid_t pid, int chid, uint32_t handle, uint32_t flags,
              uint32_t file_type);

/* Removes attach id; pid must own it. 0, -ENOENT or -EPERM. */
int pm_detach(int id, pid_t pid);

/* Creates (target != NULL) or removes a path-manager link. 0, -EEXIST, -ENOENT, -ENOMEM. */
int pm_link(const char *path, const char *target);

/* Marks path as a permanent directory node (always listable). */
int pm_mkdir(const char *path);

/*
 * Resolves the normalised absolute path in/out (links followed, the new
 * path written back; size bytes of room) for file_type. Fills up to max
 * entries best first; returns how many servers match (may exceed max),
 * 0 if none, or -ELOOP, -ENAMETOOLONG, -ENOMEM.
 */
int pm_resolve(char *path, size_t size, uint32_t file_type, struct pm_entry *ents, int max);

/* Calls fn for every name directly below the tree node path (for directory listings). */
void pm_list(const char *path, void (*fn)(const char *name, void *arg), void *arg);

/* True if the tree has a node at path (an attach, a link or a directory). */
int pm_exists(const char *path);

/* One attach (link == NULL) or path-manager link, for pm_foreach. */
struct pm_info {
	const char *path; /* normalised, absolute */
	pid_t pid;
	int chid;
	uint32_t handle, flags, file_type;
	const char *link; /* a link's target; NULL for an attach */
};

/*
 * Calls fn for every attach and link in the tree, a node's before its
 * children's, under the tree lock: fn must not take taskman's locks or
 * block (it may allocate).
 */
void pm_foreach(void (*fn)(const struct pm_info *i, void *arg), void *arg);

/* pathreq.c: checks an _IO_CONNECT and fetches its path; 0 or an errno. */
int tm_connect_check(struct tm_msg *m);

/* Removes every attach pid made (the process ended). */
void tm_path_remove_pid(pid_t pid);

/* ---- ocb.c: open files of taskman's own file systems -------------------------- */
enum tm_ocb_kind {
	TM_OCB_DATA,    /* read-only bytes (archive file, generated text, a link) */
	TM_OCB_DIR,     /* a directory: a generated list of entries */
	TM_OCB_NULL,    /* /dev/null */
	TM_OCB_ZERO,    /* /dev/zero */
	TM_OCB_URANDOM, /* /dev/urandom */
	TM_OCB_SHM,     /* a /dev/shmem object */
};

struct tm_dirent {
	char *name;
	uint64_t ino;
	uint32_t mode;
};

struct tm_shm;

struct tm_ocb {
	int refs; /* bindings to client connections (under the OCB table lock) */
	tm_lock_t lock;
	int kind;         /* enum tm_ocb_kind */
	uint32_t ioflag;  /* the open's _IO_FLAG_* | O_* bits */
	uint64_t offset;  /* file position (directories: entry index) */
	struct stat st;   /* what fstat reports (shm: refreshed from the object) */
	const char *data; /* TM_OCB_DATA */
	size_t size;
	int owned;                 /* data was malloc'd */
	struct tm_dirent *dirents; /* TM_OCB_DIR */
	size_t ndirents;
	struct tm_shm *shm; /* TM_OCB_SHM */
	char *path;         /* absolute path it was opened as (_IO_FDINFO) */
};

/* The reply an I/O message handler prepares (io.c sends it). */
struct tm_ioreply {
	long status;
	const void *data;
	size_t len;
	void *heap;   /* freed after the reply */
	uint64_t off; /* storage for an offset reply */
};

/* A new OCB of kind with one reference; NULL if out of memory. */
struct tm_ocb *tm_ocb_new(int kind);

/* Binds ocb to the client connection (pid, coid), taking a reference. 0 or -ENOMEM. */
int tm_ocb_bind(struct tm_ocb *ocb, pid_t pid, int coid);

/* The OCB bound to (pid, coid) with a reference for the caller, or NULL. */
struct tm_ocb *tm_ocb_get(pid_t pid, int coid);

/* Drops the binding of (pid, coid); 0 or -EBADF. */
int tm_ocb_unbind(pid_t pid, int coid);

/* Drops a reference; the last one frees the OCB. */
void tm_ocb_put(struct tm_ocb *ocb);

/* Drops every binding of pid (the process ended). */
void tm_ocb_purge_pid(pid_t pid);

/* Adds an entry to a directory OCB being built; 0 or -ENOMEM. */
int tm_ocb_add_dirent(struct tm_ocb *ocb, const char *name, uint64_t ino, uint32_t mode);

/* ---- the file systems: open handlers (fs_*.c) ---------------------------------- */

/* Handles of the attaches taskman makes for itself. */
enum {
	TMH_BOOT = 1,
	TMH_PROC,
	TMH_SYS,
	TMH_NULL,
	TMH_ZERO,
	TMH_URANDOM,
	TMH_TTY,
	TMH_SHMEM,
};

/* What an open (an _IO_CONNECT to taskman's own files) decided. */
struct tm_open {
	const struct tm_msg *m;
	const struct _io_connect *c;
	const char *path;    /* the path below the attach's prefix, normalised, no leading '/' */
	const char *full;    /* the whole absolute path */
	struct tm_cred cred; /* the client's ids */
	pid_t pid;           /* the client */
	struct tm_ocb *ocb;  /* out: the new OCB */
	char *link;          /* out: restart resolution at this absolute path (malloc'd) */
};

/* Each returns 0 (ocb or link set) or a negative errno. */
int fs_boot_open(struct tm_open *o);
/*
 * Would a new name at o->path have a directory to go in? Decides EROFS (it
 * would, but the archive is read-only) against ENOENT (no such directory)
 * for a create, mkdir, mknod or link in the boot archive.
 */
int fs_boot_parent_exists(const struct tm_open *o);
int fs_proc_open(struct tm_open *o);
int fs_sys_open(struct tm_open *o);
int fs_dev_open(struct tm_open *o, int handle);
int fs_shm_open(struct tm_open *o);
int fs_shm_unlink(struct tm_open *o);

/* fs_shm.c: an OCB of the object closed (drops its reference). */
void fs_shm_release(struct tm_shm *shm);

/* fs_shm.c: the object's size, mode, owner and times into st. */
void fs_shm_stat(struct tm_shm *shm, struct stat *st);

/* fs_shm.c: sets the object's size (ftruncate); 0 or -errno. */
int fs_shm_resize(struct tm_shm *shm, uint64_t size);

/* fs_shm.c: reads/writes object bytes at off (n clipped to the size on reads). */
ssize_t fs_shm_read(struct tm_shm *shm, rcvid_t rcvid, uint64_t off, size_t n);
ssize_t fs_shm_write(struct tm_shm *shm, rcvid_t rcvid, size_t msgoff, uint64_t off, size_t n,
                     int append);

/* fs_shm.c: chmod/chown by cred; 0 or -errno. */
int fs_shm_chattr(struct tm_shm *shm, const struct tm_cred *cred, int chmod_, mode_t mode,
                  uid_t uid, gid_t gid);

/*
 * fs_shm.c: maps [off, off + len) of the object into pid: shared (the
 * object's pages) or a private copy. *addr: wanted address (exact with
 * fixed), returns where. 0 or -errno.
 */
int fs_shm_map(struct tm_shm *shm, pid_t pid, uint64_t off, size_t len, int prot, int shared,
               int fixed, uintptr_t *addr);

/* fs_sys.c: reads the devicetree's model and the version once at start-up. */
void fs_sys_init(void);

/* fs_dev.c: the /dev/urandom generator (not cryptographic). */
void tm_random_fill(void *buf, size_t n);

/* Permission check for an open of a file with mode/uid/gid by cred; 0 or -EACCES. */
int tm_access(const struct tm_cred *cred, uint32_t mode, uid_t uid, gid_t gid, uint32_t ioflag);

/* Fills st for a synthesised object. */
void tm_stat_fill(struct stat *st, uint64_t ino, uint32_t mode, uint64_t size, uint32_t uid,
                  uint32_t gid, uint32_t mtime);

/* Makes the attaches for taskman's own file systems. */
void tm_fs_init(void);

#endif
