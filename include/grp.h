/*
 * grp.h - the group database, read from /etc/group (POSIX.1-2008 <grp.h>).
 */
#ifndef _GRP_H
#define _GRP_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef __gid_t gid_t;
#endif

struct group {
	char *gr_name;   /* group name */
	char *gr_passwd; /* group password */
	gid_t gr_gid;    /* group id */
	char **gr_mem;   /* member names, NULL terminated */
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
int getgrnam_r(const char *name, struct group *grp, char *buf, size_t buflen,
               struct group **result);
int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t buflen, struct group **result);
struct group *getgrent(void);
int getgrent_r(struct group *grp, char *buf, size_t buflen, struct group **result);
void setgrent(void);
void endgrent(void);
/* The groups of user: group first, then every group listing the user (BSD, glibc). */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups);
int initgroups(const char *user, gid_t group);

__END_DECLS

#endif /* _GRP_H */
