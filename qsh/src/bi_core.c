/*
 * bi_core.c - control flow and execution builtins: : true false exit
 * return break continue eval . source exec shift times builtin command.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"
#include "lex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <unistd.h>

/* true, : */
int b_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* false */
int b_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* Parse a status/level number argument; -1 after an error message. */
static long num_arg(const char *s)
{
	long v;
	if (parse_int(s, &v) < 0) {
		bi_errorf("bad number: %s", s);
		return -1;
	}
	return v;
}

/* exit [status] */
int b_exit(int argc, char **argv)
{
	int st = sh.status;
	if (argc > 2) {
		bi_errorf("too many arguments");
		return 1;
	}
	if (argc == 2) {
		long v = num_arg(argv[1]);
		if (v < 0 && !(argv[1][0] == '-'))
			return 1;
		st = (int)(v & 0xff);
	}
	if (sh.interactive && Flag(O_MONITOR) && jobs_stopped() && !exit_warned()) {
		out_str(2, "You have stopped jobs\n");
		return 1;
	}
	shell_exit(st);
}

/* return [status] */
int b_return(int argc, char **argv)
{
	int st = sh.status;
	if (argc > 1) {
		long v = arith_eval_str(argv[1]);
		st = (int)(v & 0xff);
	}
	if (!sh.func_depth && !sh.dot_depth)
		shell_exit(st);
	sh.returning = 1;
	sh.status = st;
	return st;
}

static int loop_cmd(int argc, char **argv, int cont)
{
	long n = 1;
	if (argc > 1) {
		if (parse_int(argv[1], &n) < 0) {
			bi_errorf("bad number: %s", argv[1]);
			return 1;
		}
		if (n < 1) {
			bi_errorf("%s: bad value", argv[1]);
			return 1;
		}
	}
	if (!sh.loop_depth) {
		bi_warnf("can't %s", cont ? "continue" : "break");
		return 0;
	}
	if (n > sh.loop_depth) {
		bi_warnf("can only %s %d level(s)", cont ? "continue" : "break", sh.loop_depth);
		n = sh.loop_depth;
	}
	if (cont) {
		sh.breaking = (int)n - 1;
		sh.continuing = 1;
		if (n > 1) {
			sh.breaking = 0;
			sh.continuing = (int)n;
		}
	} else {
		sh.breaking = (int)n;
	}
	return 0;
}

/* break [n] */
int b_break(int argc, char **argv)
{
	return loop_cmd(argc, argv, 0);
}

/* continue [n] */
int b_continue(int argc, char **argv)
{
	return loop_cmd(argc, argv, 1);
}

/* eval args... */
int b_eval(int argc, char **argv)
{
	struct sbuf b;
	sb_init(&b);
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	char *s = sb_take(&b);
	struct srcpos save = sh.src;
	sh.src.name = NULL;
	int st = exec_list_string(s, NULL, sh.src.line, 1);
	sh.src = save;
	free(s);
	return st;
}

/* Find the file for "." (PATH search unless it contains a slash). */
static char *dot_path(const char *name, int cwd_too)
{
	if (strchr(name, '/'))
		return ststrdup(name);
	const char *path = var_getstr("PATH");
	struct xstr x;
	xs_init(&x);
	xs_adds(&x, path ? path : "");
	if (cwd_too)
		xs_adds(&x, ":");
	char *p = xs_str(&x);
	for (;;) {
		char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		struct xstr f;
		xs_init(&f);
		if (n) {
			xs_addn(&f, p, n);
			xs_addc(&f, '/');
		}
		xs_adds(&f, name);
		char *full = xs_str(&f);
		if (access(full, R_OK) == 0 && !is_directory(full))
			return full;
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

/* Run an opened dot script; an error ends only the script (*kind set). */
static int dot_run(int fd, const char *path, int *kind)
{
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	int st;
	if (!k) {
		st = exec_file_fd(fd, path);
	} else {
		catch_restore(&c);
		st = k == UW_ERROR ? error_status() : 1;
	}
	catch_pop(&c);
	*kind = k;
	return st;
}

static int do_dot(int argc, char **argv, int cwd_too)
{
	if (argc < 2) {
		bi_errorf("missing argument");
		return 1;
	}
	char *path = dot_path(argv[1], cwd_too);
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0) {
		bi_errorf("%s: %s", argv[1], strerror(path ? errno : ENOENT));
		return 1;
	}
	fd = fd_move_high(fd);
	char **oposv = sh.posv;
	int oposc = sh.posc;
	int newpos = argc > 2;
	if (newpos) {
		sh.posv = xmalloc((size_t)argc * sizeof *sh.posv);
		for (int i = 2; i < argc; i++)
			sh.posv[i - 2] = xstrdup(argv[i]);
		sh.posc = argc - 2;
	}
	struct srcpos save = sh.src;
	sh.src.name = path;
	sh.src.isfile = 1;
	sh.dot_depth++;
	int ld = sh.loop_depth;
	sh.loop_depth = 0;
	int k = 0;
	int st = dot_run(fd, path, &k);
	sh.loop_depth = ld;
	sh.dot_depth--;
	if (k && k != UW_ERROR) {
		sh.src = save;
		close(fd);
		unwind(k);
	}
	if (sh.returning) {
		sh.returning = 0;
		st = sh.status;
	}
	sh.src = save;
	close(fd);
	if (newpos) {
		for (int i = 0; i < sh.posc; i++)
			free(sh.posv[i]);
		free(sh.posv);
		sh.posv = oposv;
		sh.posc = oposc;
	}
	return st;
}

/* . file [args] */
int b_dot(int argc, char **argv)
{
	return do_dot(argc, argv, 0);
}

/* source file [args] (also searches the current directory) */
int b_source(int argc, char **argv)
{
	return do_dot(argc, argv, 1);
}

/* exec [-a argv0] [-c] [command args] */
int b_exec(int argc, char **argv)
{
	int i = 1;
	char *a0 = NULL;
	int clear = 0;
	while (i < argc && argv[i][0] == '-' && argv[i][1]) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-c")) {
			clear = 1;
			i++;
		} else if (!strcmp(argv[i], "-a") && i + 1 < argc) {
			a0 = argv[i + 1];
			i += 2;
		} else {
			break;
		}
	}
	if (i >= argc) {
		/* redirections become permanent */
		redir_keep(exec_redir_base());
		redir_privatize_list(exec_current_redirs());
		return 0;
	}
	char **av = argv + i;
	const char *name = av[0];
	int e;
	char *path = command_path(name, &e);
	if (!path)
		shell_exit(report_cant_run(name, e));
	redir_keep(exec_redir_base());
	if (a0)
		av[0] = a0;
	char **envp = clear ? exec_clear_env() : var_environ(NULL);
	hist_save();
	e = exec_replace(path, av, envp);
	shell_exit(report_cant_run(name, e));
}

/* shift [n] */
int b_shift(int argc, char **argv)
{
	long n = 1;
	if (argc > 1) {
		if (argv[1][0] == '-' && argv[1][1]) {
			bi_errorf("%s: unknown option", argv[1]);
			return 1;
		}
		n = arith_eval_str(argv[1]);
	}
	if (n < 0 || n > sh.posc) {
		bi_errorf("nothing to shift");
		return 1;
	}
	for (long i = 0; i < n; i++)
		free(sh.posv[i]);
	memmove(sh.posv, sh.posv + n, (size_t)(sh.posc - n) * sizeof *sh.posv);
	sh.posc -= (int)n;
	return 0;
}

static void put_time(struct sbuf *b, clock_t t, double hz)
{
	double s = (double)t / hz;
	int m = (int)(s / 60);
	sb_printf(b, "%dm%05.2fs", m, s - 60 * m);
}

/* times */
int b_times(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct tms t;
	times(&t);
	double hz = (double)sysconf(_SC_CLK_TCK);
	struct sbuf b;
	sb_init(&b);
	put_time(&b, t.tms_utime, hz);
	sb_addc(&b, ' ');
	put_time(&b, t.tms_stime, hz);
	sb_addc(&b, '\n');
	put_time(&b, t.tms_cutime, hz);
	sb_addc(&b, ' ');
	put_time(&b, t.tms_cstime, hz);
	sb_addc(&b, '\n');
	out_n(1, b.s, b.len);
	sb_free(&b);
	return 0;
}

/* builtin [--] name [args]: run the builtin name. */
int b_builtin(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		return 0;
	const struct builtin *bi = builtin_find(argv[i]);
	if (!bi) {
		errorf("%s: %s: not found", bi_name, argv[i]);
		return 1;
	}
	return run_builtin(bi, argc - i, argv + i, (bi->flags & BI_SPECIAL) && bi_special_running);
}

/* command [-pvV] name [args] */
int b_command(int argc, char **argv)
{
	int i = 1, v = 0, V = 0, p = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'v')
				v = 1;
			else if (*o == 'V')
				V = 1;
			else if (*o == 'p')
				p = 1;
			else {
				bi_errorf("-%c: unknown option", *o);
				return 1;
			}
		}
	}
	if (i >= argc)
		return 0;
	if (v || V)
		return whence_names(argc - i, argv + i, V, p, 1);
	const struct builtin *bi = builtin_find(argv[i]);
	if (bi)
		return run_builtin(bi, argc - i, argv + i, 0);
	return run_command_external(argc - i, argv + i, p);
}
