/*
 * fsutil.c - what taskman's own file systems share: permission checks,
 * stat records, and the attaches taskman makes for them at start-up.
 */
#include <errno.h>
#include <string.h>
#include <taskman/fs.h>

/* Owner, group or other permission bits against the wanted access (see fs.h). */
int tm_access(const struct tm_cred *c, uint32_t mode, uid_t uid, gid_t gid, uint32_t ioflag)
{
	unsigned want = ((ioflag & _IO_FLAG_RD) ? 4 : 0) | ((ioflag & _IO_FLAG_WR) ? 2 : 0) |
	                ((ioflag & _IO_FLAG_EX) ? 1 : 0);

	if (c->euid == 0) {
		/* root: anything, but executing needs an execute bit somewhere */
		return (want & 1) && !(mode & 0111) ? -EACCES : 0;
	}
	unsigned have;
	if (c->euid == uid) {
		have = (mode >> 6) & 7;
	} else {
		int member = c->egid == gid;
		for (uint32_t i = 0; i < c->ngroups && i < TM_NGROUPS_MAX && !member; i++)
			member = c->groups[i] == gid;
		have = member ? (mode >> 3) & 7 : mode & 7;
	}
	return (want & ~have) ? -EACCES : 0;
}

/* A stat record for a synthesised object (see fs.h). */
void tm_stat_fill(struct stat *st, uint64_t ino, uint32_t mode, uint64_t size, uint32_t uid,
                  uint32_t gid, uint32_t mtime)
{
	memset(st, 0, sizeof(*st));
	st->st_ino = ino;
	st->st_size = (off_t)size;
	st->st_dev = 1; /* taskman */
	st->st_uid = uid;
	st->st_gid = gid;
	st->st_mode = mode;
	st->st_nlink = S_ISDIR(mode) ? 2 : 1;
	st->st_blocksize = 512;
	st->st_blksize = 4096;
	st->st_blocks = (blkcnt_t)((size + 511) / 512);
	st->st_nblocks = (int32_t)st->st_blocks;
	st->st_mtim.tv_sec = mtime;
	st->st_atim.tv_sec = mtime;
	st->st_ctim.tv_sec = mtime;
	st->__old_st_mtime = st->__old_st_atime = st->__old_st_ctime = mtime;
}

/* Attaches taskman's own file systems (at start-up; panics on failure). */
void tm_fs_init(void)
{
	static const struct {
		const char *path;
		uint32_t handle, flags;
	} own[] = {
	        {"/", TMH_BOOT, TM_PATH_DIR | TM_PATH_AFTER},
	        {"/proc", TMH_PROC, TM_PATH_DIR},
	        {"/sys", TMH_SYS, TM_PATH_DIR},
	        {"/dev/null", TMH_NULL, 0},
	        {"/dev/zero", TMH_ZERO, 0},
	        {"/dev/urandom", TMH_URANDOM, 0},
	        {"/dev/tty", TMH_TTY, 0},
	        {"/dev/shmem", TMH_SHMEM, TM_PATH_DIR},
	};

	for (unsigned i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (pm_attach(own[i].path, SYSMGR_PID, SYSMGR_CHID, own[i].handle, own[i].flags,
		              _FTYPE_ANY) < 0)
			tm_panic("cannot attach %s", own[i].path);
	pm_mkdir("/dev/name/local");
	fs_sys_init();
}
