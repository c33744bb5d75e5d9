/*
 * umount - unmount a file system.
 *
 * umount dir...
 * QSOE's servers attach their prefixes themselves and drop them when they
 * end; none takes an unmount request yet. umount checks that dir is a
 * mount point (a prefix in /proc/mounts) and says which server owns it;
 * it fails with ENOTSUP (or EINVAL if dir is not a mount point).
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: umount dir...\n"
         "Unmounts the file system mounted on dir.\n");

/* dir made absolute and without "." components or trailing '/' (lexically). */
static char *absolute(const char *dir)
{
	char cwd[PATH_MAX], *out;
	size_t len;

	if (dir[0] == '/') {
		out = qu_strdup(dir);
	} else {
		if (!getcwd(cwd, sizeof(cwd)))
			strcpy(cwd, "/");
		out = qu_malloc(strlen(cwd) + strlen(dir) + 2);
		sprintf(out, "%s/%s", strcmp(cwd, "/") ? cwd : "", dir);
	}
	/* fold "//" and "/./" */
	char *d = out;
	for (const char *s = out; *s; s++) {
		if (*s == '/' && (s[1] == '/' || (s[1] == '.' && (s[2] == '/' || !s[2]))))
			continue;
		*d++ = *s;
	}
	*d = 0;
	len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		out[--len] = 0;
	if (!*out)
		strcpy(out, "/");
	return out;
}

int main(int argc, char **argv)
{
	struct qu_mount *ms;
	size_t n;
	int status = 0;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	if (qu_mounts(&ms, &n) < 0)
		qu_die_errno(1, errno, "%s/mounts", qu_proc_root());
	for (int a = qu_optind; a < argc; a++) {
		char *path = absolute(argv[a]);
		size_t i;
		for (i = 0; i < n; i++)
			if (!ms[i].link && !strcmp(ms[i].path, path))
				break;
		if (i == n) {
			qu_errno(EINVAL, "%s: not mounted", argv[a]);
		} else {
			char *name = qu_proc_name(ms[i].pid);
			qu_errno(ENOTSUP, "%s: served by %s (pid %ld), which cannot be unmounted",
			         argv[a], name, (long)ms[i].pid);
			free(name);
		}
		status = 1;
		free(path);
	}
	qu_mounts_free(ms, n);
	return status;
}
