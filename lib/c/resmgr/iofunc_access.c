/*
 * iofunc_access.c - who the client is (ConnectClientInfo(), answered by
 * the kernel from the client's credentials) and POSIX permission checks
 * against an attribute structure.
 *
 * Limit: the kernel reports at most __NGROUPS_MAX (8) supplementary groups
 * of a client; a permission granted only through a later group is refused.
 */
#include <sys/iofunc.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/*
 * Fills info with the credentials of the client of the message being
 * handled. Returns EOK or an errno (ESRCH if the client is gone).
 */
int iofunc_client_info(resmgr_context_t *ctp, int ioflag, struct _client_info *info)
{
	if (ConnectClientInfo(ctp->info.scoid, info, __NGROUPS_MAX) < 0)
		return errno;
	return EOK;
}

/*
 * Like iofunc_client_info() into a structure allocated for the caller
 * (free it with iofunc_client_info_ext_free()). Returns EOK or an errno.
 */
int iofunc_client_info_ext(resmgr_context_t *ctp, int ioflag, struct _client_info **info, int flags)
{
	struct _client_info *ci = malloc(sizeof(*ci));

	if (ci == NULL)
		return ENOMEM;
	int r = iofunc_client_info(ctp, ioflag, ci);
	if (r != EOK) {
		free(ci);
		return r;
	}
	*info = ci;
	return EOK;
}

/* Frees what iofunc_client_info_ext() allocated; *info becomes NULL. Returns EOK. */
int iofunc_client_info_ext_free(struct _client_info **info)
{
	if (info != NULL) {
		free(*info);
		*info = NULL;
	}
	return EOK;
}

/* True if the client of info is in group gid (effective or supplementary). */
static int in_group(const struct _client_info *info, gid_t gid)
{
	if (info->cred.egid == gid)
		return 1;
	unsigned n = info->cred.ngroups;
	if (n > __NGROUPS_MAX)
		n = __NGROUPS_MAX;
	for (unsigned i = 0; i < n; i++)
		if (info->cred.grouplist[i] == gid)
			return 1;
	return 0;
}

/*
 * Checks that the client (info, or the current client when NULL) may
 * access attr as checkmode asks: S_IREAD / S_IWRITE / S_IEXEC (any of the
 * user/group/other forms), or S_ISUID (must own it) and S_ISGID (must be
 * in its group). Root may do anything except execute a file nobody may
 * execute. Returns EOK, EACCES, EPERM, or the client-info error.
 */
int iofunc_check_access(resmgr_context_t *ctp, const iofunc_attr_t *attr, mode_t checkmode,
                        const struct _client_info *info)
{
	struct _client_info mine;

	if (info == NULL) {
		int r = iofunc_client_info(ctp, 0, &mine);
		if (r != EOK)
			return r;
		info = &mine;
	}
	uid_t uid = info->cred.euid;
	if (checkmode & S_ISUID) {
		if (uid != 0 && uid != attr->uid)
			return EPERM;
	}
	if (checkmode & S_ISGID) {
		if (uid != 0 && !in_group(info, attr->gid))
			return EPERM;
	}
	mode_t want = 0;
	if (checkmode & (S_IRUSR | S_IRGRP | S_IROTH))
		want |= 4;
	if (checkmode & (S_IWUSR | S_IWGRP | S_IWOTH))
		want |= 2;
	if (checkmode & (S_IXUSR | S_IXGRP | S_IXOTH))
		want |= 1;
	if (want == 0)
		return EOK;
	if (uid == 0) {
		if ((want & 1) && !S_ISDIR(attr->mode) &&
		    !(attr->mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
			return EACCES;
		return EOK;
	}
	mode_t have;
	if (uid == attr->uid)
		have = (attr->mode >> 6) & 7;
	else if (in_group(info, attr->gid))
		have = (attr->mode >> 3) & 7;
	else
		have = attr->mode & 7;
	return (have & want) == want ? EOK : EACCES;
}
