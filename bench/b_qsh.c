/*
 * b_qsh.c - ubench group "qsh" (the shell issue): qsh starting and running
 * the builtin true, a 1,000-iteration arithmetic loop, and a pipeline of
 * three programs. Each sample is the posix_spawn of /bin/qsh -c SCRIPT and
 * the waitpid for it, so qsh's own start-up and exit are in every count.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "ubench.h"

/* The scripts (docs/benchmarks.md). The loop checks its own result. */
static char *const true_argv[] = {"/bin/qsh", "-c", "true", NULL};
static char *const loop_argv[] = {
        "/bin/qsh", "-c",
        "i=0; while [ \"$i\" -lt 1000 ]; do i=$((i + 1)); done; [ \"$i\" -eq 1000 ]", NULL};
static char *const pipe_argv[] = {"/bin/qsh", "-c", "/bin/echo hello | /bin/cat | /bin/wc -c",
                                  NULL};

static int op_qsh(void *arg)
{
	return ub_spawn_wait(arg, NULL);
}

static int op_qsh_quiet(void *arg)
{
	return ub_spawn_wait(arg, &ub_quiet);
}

/* See ubench.h. */
void ub_group_qsh(void)
{
	char out[64];

	ub_measure("qsh_true", 1, op_qsh, (void *)true_argv);
	ub_measure("qsh_loop_1000", 1, op_qsh, (void *)loop_argv);
	/* The pipeline must print what wc -c says of "hello\n". */
	ssize_t n = ub_spawn_output(pipe_argv, out, sizeof(out));
	if (n < 0) {
		ub_fail("qsh_pipeline_3", "running the pipeline");
	} else if (strcmp(out + strspn(out, " \t"), "6\n") != 0) {
		errno = EIO;
		ub_fail("qsh_pipeline_3", "unexpected output of the pipeline");
	} else {
		ub_measure("qsh_pipeline_3", 1, op_qsh_quiet, (void *)pipe_argv);
	}
}
