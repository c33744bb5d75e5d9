/*
 * initgroups.c - initgroups(): the supplementary groups of a user (from
 * /etc/group, as getgrouplist finds them) become the caller's.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <unistd.h>

/*
 * Sets the supplementary group list to group and every group that lists
 * user. Returns 0, or -1 with errno: EINVAL if the user is in more than
 * NGROUPS_MAX groups (QSOE does not truncate the list silently), EPERM
 * without the privilege setgroups needs.
 */
int initgroups(const char *user, gid_t group)
{
	gid_t list[NGROUPS_MAX];
	int n = NGROUPS_MAX;

	if (!user) {
		errno = EINVAL;
		return -1;
	}
	if (getgrouplist(user, group, list, &n) < 0) {
		errno = EINVAL;
		return -1;
	}
	return setgroups(n, list);
}
