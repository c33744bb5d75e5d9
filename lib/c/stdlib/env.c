/*
 * env.c - the environment: environ, getenv, secure_getenv, setenv,
 * unsetenv, putenv, clearenv.
 *
 * environ starts as the array process start-up provides. The first change
 * copies it into a malloc'd array libc owns; strings made by setenv are
 * remembered so a later setenv/unsetenv of the same name frees them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "lock.h"

char **environ;

static qsoe_lock_t envlock = QSOE_LOCK_INIT;
static char **owned_env; /* environ when libc allocated the array */
static size_t owned_cap; /* slots in owned_env */
static char **made;      /* strings setenv allocated */
static size_t nmade, made_cap;

/* Length of the name part of "name=value", or of name. */
static size_t namelen(const char *s)
{
	return (size_t)(strchrnul(s, '=') - s);
}

/* Index of the entry for name (len bytes) in environ, or -1. */
static long find(const char *name, size_t len)
{
	if (!environ)
		return -1;
	for (long i = 0; environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			return i;
	return -1;
}

/* The value of name, or NULL. Not safe against concurrent setenv (as POSIX). */
char *getenv(const char *name)
{
	size_t len = namelen(name);

	if (name[len])
		return NULL;
	long i = find(name, len);
	return i >= 0 ? environ[i] + len + 1 : NULL;
}

/* getenv; QSOE has no set-id programs whose environment must be ignored. */
char *secure_getenv(const char *name)
{
	return getenv(name);
}

/* Free s if setenv made it. */
static void forget(char *s)
{
	for (size_t i = 0; i < nmade; i++)
		if (made[i] == s) {
			made[i] = made[--nmade];
			free(s);
			return;
		}
}

/* Make environ a libc-owned array with room for one more entry. */
static int own(void)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	if (environ == owned_env && n + 2 <= owned_cap)
		return 0;
	size_t cap = (n + 2) * 2;
	char **e = malloc(cap * sizeof(*e));
	if (!e)
		return -1;
	if (n)
		memcpy(e, environ, n * sizeof(*e));
	e[n] = NULL;
	if (environ == owned_env)
		free(owned_env);
	environ = owned_env = e;
	owned_cap = cap;
	return 0;
}

/* Put string s ("name=value") in place of name or at the end. */
static int put(char *s, size_t len)
{
	long i = find(s, len);

	if (own())
		return -1;
	if (i >= 0) {
		char *old = environ[i];
		environ[i] = s;
		forget(old);
		return 0;
	}
	size_t n = 0;
	while (environ[n])
		n++;
	environ[n] = s;
	environ[n + 1] = NULL;
	return 0;
}

/* Set name to value (unless it exists and overwrite is 0). -1/EINVAL or ENOMEM. */
int setenv(const char *name, const char *value, int overwrite)
{
	size_t len = name ? namelen(name) : 0;

	if (!len || name[len]) {
		errno = EINVAL;
		return -1;
	}
	qsoe_lock(&envlock);
	if (!overwrite && find(name, len) >= 0) {
		qsoe_unlock(&envlock);
		return 0;
	}
	size_t vlen = strlen(value);
	char *s = malloc(len + vlen + 2);
	if (!s || (nmade == made_cap &&
	           !(made = reallocarray(made, made_cap = made_cap * 2 + 8, sizeof(*made))))) {
		free(s);
		qsoe_unlock(&envlock);
		errno = ENOMEM;
		return -1;
	}
	memcpy(s, name, len);
	s[len] = '=';
	memcpy(s + len + 1, value, vlen + 1);
	made[nmade++] = s;
	int r = put(s, len);
	if (r)
		forget(s);
	qsoe_unlock(&envlock);
	return r;
}

/* Remove every entry for name. -1/EINVAL for an empty name or one with '='. */
int unsetenv(const char *name)
{
	size_t len = name ? namelen(name) : 0;

	if (!len || name[len]) {
		errno = EINVAL;
		return -1;
	}
	qsoe_lock(&envlock);
	long i;
	while ((i = find(name, len)) >= 0) {
		if (own()) {
			qsoe_unlock(&envlock);
			return -1;
		}
		char *old = environ[i];
		do
			environ[i] = environ[i + 1];
		while (environ[i++]);
		forget(old);
	}
	qsoe_unlock(&envlock);
	return 0;
}

/* Put string itself (not a copy) into the environment; "name" alone unsets. */
int putenv(char *string)
{
	size_t len = namelen(string);

	if (!string[len])
		return unsetenv(string);
	if (!len) {
		errno = EINVAL;
		return -1;
	}
	qsoe_lock(&envlock);
	int r = put(string, len);
	qsoe_unlock(&envlock);
	return r;
}

/* Empty the environment. */
int clearenv(void)
{
	qsoe_lock(&envlock);
	while (nmade)
		free(made[--nmade]);
	if (owned_env) {
		free(owned_env);
		owned_env = NULL;
		owned_cap = 0;
	}
	environ = NULL;
	qsoe_unlock(&envlock);
	return 0;
}
