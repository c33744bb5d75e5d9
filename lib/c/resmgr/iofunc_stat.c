/*
 * iofunc_stat.c - the attribute as the client sees it: stat, chmod,
 * chown, utime, pathconf and fdinfo, with POSIX permission rules.
 */
#include <sys/iofunc.h>

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Fills st from attr (times brought up to date first). Returns EOK. */
int iofunc_stat(resmgr_context_t *ctp, iofunc_attr_t *attr, struct stat *st)
{
	iofunc_time_update(attr);
	memset(st, 0, sizeof(*st));
	st->st_ino = attr->inode;
	st->st_size = attr->nbytes;
	st->st_dev = attr->mount != NULL ? attr->mount->dev : 0;
	st->st_rdev = attr->rdev;
	st->st_uid = attr->uid;
	st->st_gid = attr->gid;
	st->st_mode = attr->mode;
	st->st_nlink = attr->nlink;
	st->st_mtim.tv_sec = attr->mtime;
	st->st_mtim.tv_nsec = attr->mtime_ns;
	st->st_atim.tv_sec = attr->atime;
	st->st_atim.tv_nsec = attr->atime_ns;
	st->st_ctim.tv_sec = attr->ctime;
	st->st_ctim.tv_nsec = attr->ctime_ns;
	st->__old_st_mtime = (uint32_t)attr->mtime;
	st->__old_st_atime = (uint32_t)attr->atime;
	st->__old_st_ctime = (uint32_t)attr->ctime;
	int bs = attr->mount != NULL && attr->mount->blocksize > 0 ? attr->mount->blocksize : 512;
	st->st_blocksize = bs;
	st->st_blksize = bs;
	st->st_nblocks = (int32_t)((attr->nbytes + bs - 1) / bs);
	st->st_blocks = (attr->nbytes + 511) / 512;
	return EOK;
}

/* Default stat: replies with the struct stat of the OCB's attribute. */
int iofunc_stat_default(resmgr_context_t *ctp, io_stat_t *msg, iofunc_ocb_t *ocb)
{
	iofunc_stat(ctp, ocb->attr, &msg->o);
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
}

/*
 * chmod: only the owner or root may; a non-root owner outside the file's
 * group loses S_ISGID. The file type bits cannot change. Returns EOK or
 * EPERM.
 */
int iofunc_chmod(resmgr_context_t *ctp, io_chmod_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	struct _client_info ci;
	int r = iofunc_client_info(ctp, 0, &ci);

	if (r != EOK)
		return r;
	if ((r = iofunc_check_access(ctp, attr, S_ISUID, &ci)) != EOK)
		return r;
	mode_t mode = msg->i.mode & ~S_IFMT;
	if (ci.cred.euid != 0 && (mode & S_ISGID) && iofunc_check_access(ctp, attr, S_ISGID, &ci))
		mode &= ~S_ISGID;
	attr->mode = (attr->mode & S_IFMT) | mode;
	attr->flags |= IOFUNC_ATTR_CTIME | IOFUNC_ATTR_DIRTY_MODE;
	return EOK;
}

int iofunc_chmod_default(resmgr_context_t *ctp, io_chmod_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_chmod(ctp, msg, ocb, ocb->attr);
}

/*
 * chown (-1 leaves an id unchanged): root may set anything; the owner may
 * set the group to one it belongs to (and, without
 * IOFUNC_PC_CHOWN_RESTRICTED on the mount, give the file away). A non-root
 * change clears S_ISUID/S_ISGID. Returns EOK or EPERM.
 */
int iofunc_chown(resmgr_context_t *ctp, io_chown_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	struct _client_info ci;
	int r = iofunc_client_info(ctp, 0, &ci);

	if (r != EOK)
		return r;
	uid_t uid = msg->i.uid == -1 ? attr->uid : (uid_t)msg->i.uid;
	gid_t gid = msg->i.gid == -1 ? attr->gid : (gid_t)msg->i.gid;
	if (ci.cred.euid != 0) {
		int restricted =
		        attr->mount == NULL || (attr->mount->conf & IOFUNC_PC_CHOWN_RESTRICTED);
		if (ci.cred.euid != attr->uid)
			return EPERM;
		if (uid != attr->uid && restricted)
			return EPERM;
		if (gid != attr->gid) {
			iofunc_attr_t probe = {0};
			probe.gid = gid;
			probe.mode = S_IFREG;
			if (iofunc_check_access(ctp, &probe, S_ISGID, &ci) != EOK)
				return EPERM;
		}
		if (uid != attr->uid || gid != attr->gid)
			attr->mode &= ~(S_ISUID | S_ISGID);
	}
	attr->uid = uid;
	attr->gid = gid;
	attr->flags |= IOFUNC_ATTR_CTIME | IOFUNC_ATTR_DIRTY_OWNER;
	return EOK;
}

int iofunc_chown_default(resmgr_context_t *ctp, io_chown_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_chown(ctp, msg, ocb, ocb->attr);
}

/*
 * utime: setting both times to now needs ownership or write permission;
 * setting explicit times needs ownership (or root). Returns EOK, EPERM or
 * EACCES.
 */
int iofunc_utime(resmgr_context_t *ctp, io_utime_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	struct _client_info ci;
	int r = iofunc_client_info(ctp, 0, &ci);

	if (r != EOK)
		return r;
	int owner = iofunc_check_access(ctp, attr, S_ISUID, &ci) == EOK;
	if (msg->i.cur_flag) {
		if (!owner && iofunc_check_access(ctp, attr, S_IWRITE, &ci) != EOK)
			return EACCES;
		attr->flags |= IOFUNC_ATTR_ATIME | IOFUNC_ATTR_MTIME;
	} else {
		if (!owner)
			return EPERM;
		attr->atime = msg->i.times.actime;
		attr->mtime = msg->i.times.modtime;
		attr->atime_ns = attr->mtime_ns = 0;
		attr->flags |= IOFUNC_ATTR_DIRTY_TIME;
	}
	attr->flags |= IOFUNC_ATTR_CTIME;
	iofunc_time_update(attr);
	return EOK;
}

int iofunc_utime_default(resmgr_context_t *ctp, io_utime_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_utime(ctp, msg, ocb, ocb->attr);
}

/*
 * fpathconf values for attr (from its mount's IOFUNC_PC_* conf and
 * <limits.h>). The value is the reply status. Returns EINVAL for a name
 * without a value here.
 */
int iofunc_pathconf(resmgr_context_t *ctp, io_pathconf_t *msg, iofunc_ocb_t *ocb,
                    iofunc_attr_t *attr)
{
	uint32_t conf = attr->mount != NULL ? attr->mount->conf : IOFUNC_PC_CHOWN_RESTRICTED;
	long v;

	switch (msg->i.name) {
	case _PC_LINK_MAX:
		v = LINK_MAX;
		break;
	case _PC_MAX_CANON:
		v = MAX_CANON;
		break;
	case _PC_MAX_INPUT:
		v = MAX_INPUT;
		break;
	case _PC_NAME_MAX:
		v = NAME_MAX;
		break;
	case _PC_PATH_MAX:
		v = PATH_MAX;
		break;
	case _PC_PIPE_BUF:
		v = PIPE_BUF;
		break;
	case _PC_NO_TRUNC:
		v = (conf & IOFUNC_PC_NO_TRUNC) ? 1 : -1;
		break;
	case _PC_VDISABLE:
		v = _POSIX_VDISABLE;
		break;
	case _PC_CHOWN_RESTRICTED:
		v = (conf & IOFUNC_PC_CHOWN_RESTRICTED) ? 1 : -1;
		break;
	case _PC_SYNC_IO:
		v = (conf & IOFUNC_PC_SYNC_IO) ? 1 : -1;
		break;
	case _PC_FILESIZEBITS:
		v = attr->mount != NULL && (attr->mount->flags & IOFUNC_MOUNT_32BIT) ? 32 : 64;
		break;
	case _PC_SYMLINK_MAX:
		v = SYMLINK_MAX;
		break;
	default:
		return EINVAL;
	}
	_IO_SET_PATHCONF_VALUE(ctp, v);
	return EOK;
}

int iofunc_pathconf_default(resmgr_context_t *ctp, io_pathconf_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_pathconf(ctp, msg, ocb, ocb->attr);
}

/* Fills info with what _IO_FDINFO reports about ocb. Returns EOK. */
int iofunc_fdinfo(resmgr_context_t *ctp, iofunc_ocb_t *ocb, iofunc_attr_t *attr,
                  struct _fdinfo *info)
{
	memset(info, 0, sizeof(*info));
	info->mode = attr->mode;
	info->ioflag = (uint32_t)ocb->ioflag;
	info->offset = (uint64_t)ocb->offset;
	info->size = (uint64_t)attr->nbytes;
	info->sflag = ocb->sflag;
	info->count = attr->count;
	info->rcount = attr->rcount;
	info->wcount = attr->wcount;
	info->rlocks = attr->rlocks;
	info->wlocks = attr->wlocks;
	return EOK;
}

size_t __rm_ocb_path(resmgr_context_t *ctp, char *buf, size_t n);

/*
 * Default fdinfo: the information, then the path the OCB was opened by
 * (NUL-terminated, cut to the client's path_len); the status is the path's
 * full length (0 if the library does not know it).
 */
int iofunc_fdinfo_default(resmgr_context_t *ctp, io_fdinfo_t *msg, iofunc_ocb_t *ocb)
{
	char path[PATH_MAX];
	size_t want = msg->i.path_len > 0 ? (size_t)msg->i.path_len : 0;

	iofunc_fdinfo(ctp, ocb, ocb->attr, &msg->o.info);
	memset(msg->o.zero, 0, sizeof(msg->o.zero));
	size_t len = __rm_ocb_path(ctp, path, want < sizeof(path) ? want : sizeof(path));
	_IO_SET_FDINFO_LEN(ctp, (long)len);
	if (len == 0 || want == 0)
		return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
	size_t k = strlen(path) + 1; /* cut to fit, NUL-terminated */
	/* Reply from a private buffer: msg->o and path live on this stack frame. */
	iov_t iov[2];
	SETIOV(&iov[0], &msg->o, sizeof(msg->o));
	SETIOV(&iov[1], path, k);
	MsgReplyv(ctp->rcvid, ctp->status, iov, 2);
	return _RESMGR_NOREPLY;
}
