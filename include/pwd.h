/*
 * pwd.h - the user database, read from /etc/passwd (POSIX.1-2008 <pwd.h>).
 * struct passwd has QNX's layout (with pw_age and pw_comment, both "").
 */
#ifndef _PWD_H
#define _PWD_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef __uid_t uid_t;
#endif
#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef __gid_t gid_t;
#endif

struct passwd {
	char *pw_name;    /* login name */
	char *pw_passwd;  /* encrypted password (usually "x": see <shadow.h>) */
	uid_t pw_uid;     /* user id */
	gid_t pw_gid;     /* primary group id */
	char *pw_age;     /* password aging (unused, "") */
	char *pw_comment; /* comment (unused, "") */
	char *pw_gecos;   /* real name */
	char *pw_dir;     /* home directory */
	char *pw_shell;   /* login shell */
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen,
               struct passwd **result);
int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
struct passwd *getpwent(void);
int getpwent_r(struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
void setpwent(void);
void endpwent(void);

__END_DECLS

#endif /* _PWD_H */
