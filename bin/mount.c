/*
 * mount - list the pathname space, or mount a file system through its
 * mount_TYPE program.
 *
 * mount                           every prefix some server has attached
 * mount -t type [-o opts] [-r] [-v] [special] dir
 *                                 run mount_TYPE [-o opts] [-r] [special] dir
 *                                 (looked for in /sbin, /bin, /usr/sbin,
 *                                 /usr/bin) and exit with its status
 * QSOE's resource managers attach their prefixes themselves when they
 * start; a file system type is mountable once its mount_TYPE program
 * exists.
 */
#include "procinfo.h"
#include "qu.h"
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

QU_USAGE("Usage: mount\n"
         "       mount -t type [-o options] [-r] [-v] [special] dir\n"
         "Without operands: lists what each server has attached to the pathname space.\n"
         "  -t type  file system type (runs mount_TYPE)   -o options  passed on\n"
         "  -r       read-only                            -v  show the command run\n");

/* Lists /proc/mounts as "server (pid N) on path type T (flags)". */
static int list(void)
{
	struct qu_mount *ms;
	size_t n;

	if (qu_mounts(&ms, &n) < 0)
		qu_die_errno(1, errno, "%s/mounts", qu_proc_root());
	for (size_t i = 0; i < n; i++) {
		if (ms[i].link) {
			printf("%s -> %s (link)\n", ms[i].path, ms[i].link);
			continue;
		}
		char *name = qu_proc_name(ms[i].pid);
		printf("%s (pid %ld) on %s type %s", name, (long)ms[i].pid, ms[i].path,
		       qu_ftype_name(ms[i].ftype));
		if (strcmp(ms[i].flags, "-"))
			printf(" (%s)", ms[i].flags);
		putchar('\n');
		free(name);
	}
	qu_mounts_free(ms, n);
	return 0;
}

/* The path of mount_TYPE in the system directories, malloc'ed, or NULL. */
static char *helper(const char *type)
{
	static const char *const dirs[] = {"/sbin", "/bin", "/usr/sbin", "/usr/bin"};

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char *p = qu_malloc(strlen(dirs[i]) + strlen(type) + 8);
		sprintf(p, "%s/mount_%s", dirs[i], type);
		if (access(p, X_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *type = NULL, *opts = NULL;
	int ro = 0, verbose = 0, c;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "t:o:rwv")) != -1) {
		switch (c) {
		case 't':
			type = qu_optarg;
			break;
		case 'o':
			opts = qu_optarg;
			break;
		case 'r':
			ro = 1;
			break;
		case 'w':
			ro = 0;
			break;
		case 'v':
			verbose = 1;
			break;
		}
	}
	int nops = argc - qu_optind;
	if (nops == 0 && !type && !opts)
		return list();
	if (nops < 1 || nops > 2)
		qu_usage(1, nops ? "extra operand" : "missing mount point");
	if (!type)
		qu_die(1, "%s: give the file system type with -t", qu_quote(argv[argc - 1]));
	if (!*type || strchr(type, '/'))
		qu_die(1, "%s: invalid file system type", qu_quote(type));
	char *prog = helper(type);
	if (!prog)
		qu_die(1, "no support for file system type %s (no mount_%s program)", type, type);
	char *av[8];
	int k = 0;
	av[k++] = prog;
	if (opts) {
		av[k++] = "-o";
		av[k++] = (char *)opts;
	}
	if (ro)
		av[k++] = "-r";
	for (int i = qu_optind; i < argc; i++)
		av[k++] = argv[i];
	av[k] = NULL;
	if (verbose) {
		for (int i = 0; i < k; i++)
			printf("%s%s", i ? " " : "", av[i]);
		putchar('\n');
		fflush(stdout);
	}
	int st = qu_spawn_wait(av);
	if (st < 0)
		qu_die_errno(1, errno, "cannot run %s", prog);
	free(prog);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	qu_err("%s was killed by signal %d", av[0], WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return 1;
}
