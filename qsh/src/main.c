/*
 * main.c - start-up: command line options, the initial variables, startup
 * files, the top-level read-parse-execute loops (scripts, -c strings,
 * interactive input) and the entry point of child shells (--qsh-state).
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Absolute path of this executable, for spawning child shells (a login
 * shell's "-qsh" is looked up as "qsh"). */
static char *find_self(const char *argv0)
{
	if (argv0[0] == '-' && argv0[1])
		argv0++;
	if (strchr(argv0, '/')) {
		char *r = canon_path(argv0);
		return r ? r : xstrdup(argv0);
	}
	const char *path = getenv("PATH");
	int e;
	char *p = path_search(argv0, path ? path : "/bin:/usr/bin", &e);
	if (p) {
		char *r = canon_path(p);
		return r ? r : xstrdup(p);
	}
	return xstrdup(argv0);
}

static void set_int_var(const char *name, long v, int flags)
{
	struct var *x = var_need(name);
	x->flags |= V_INTEGER | flags;
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	int ro = x->flags & V_READONLY;
	x->flags &= ~V_READONLY;
	var_assign(x, 0, buf, 0);
	x->flags |= ro;
}

/* mksh's initial parameters. */
static void init_vars(void)
{
	struct var *v;
	if (!var_getstr("PATH"))
		var_setstr("PATH", "/bin:/usr/bin");
	var_setstr("IFS", " \t\n");
	var_setstr("PATHSEP", ":");
	const char *ps1 = var_getstr("PS1");
	if (!ps1 || (geteuid() == 0 && !strchr(ps1, '#')))
		var_setstr("PS1", geteuid() == 0 ? "# " : "$ ");
	var_setstr("PS2", "> ");
	var_setstr("PS3", "#? ");
	var_setstr("PS4", "+ ");
	v = var_need("KSH_VERSION");
	var_assign(v, 0, QSH_VERSION, 0);
	v->flags |= V_READONLY;
	set_int_var("OPTIND", 1, 0);
	set_int_var("PPID", (long)getppid(), V_UNSIGNED);
	set_int_var("PGRP", (long)getpgrp(), V_UNSIGNED);
	set_int_var("USER_ID", (long)geteuid(), V_UNSIGNED);
	set_int_var("KSHUID", (long)getuid(), V_UNSIGNED);
	set_int_var("KSHGID", (long)getgid(), V_UNSIGNED);
	set_int_var("KSHEGID", (long)getegid(), V_UNSIGNED);
	var_need("RANDOM")->flags |= V_UNSIGNED;
	var_need("SECONDS");
	var_need("BASHPID");
	var_need("EPOCHREALTIME");
	var_need("LINENO");
	set_int_var("TMOUT", 0, 0);
	var_need("COLUMNS");
	var_need("LINES");
	var_chflags(var_need("HOME"), V_EXPORT, 0, 0, -1);
	var_chflags(var_need("SHELL"), V_EXPORT, 0, 0, -1);
	struct var *pv = var_need("PIPESTATUS");
	var_assign(pv, 0, "0", 0);
	pv->flags |= V_INTEGER | V_UNSIGNED | V_READONLY;
	/* PWD: keep the imported value if it names the current directory */
	const char *pwd = var_getstr("PWD");
	struct stat a, b;
	if (!pwd || pwd[0] != '/' || stat(pwd, &a) != 0 || stat(".", &b) != 0 ||
	    a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
		char buf[PATH_MAX];
		if (getcwd(buf, sizeof buf))
			var_setstr("PWD", buf);
	}
}

/* Top level for a non-interactive shell: errors exit. */
static int run_noninteractive(void)
{
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	if (k) {
		catch_restore(&c);
		tree_pool_unwind(0);
		shell_exit(k == UW_EXIT ? sh.status : error_status());
	}
	int st = run_source();
	catch_pop(&c);
	return st;
}

/* The interactive loop: errors and interrupts return to the prompt. */
static void run_interactive(void)
{
	static int eofs;
	eofs = 0;
	for (;;) {
		struct catchpt c;
		catch_push(&c);
		int k = sigsetjmp(c.jb, 0);
		if (k) {
			catch_restore(&c);
			tree_pool_unwind(0);
			lex_pending_reset();
			src_top_reset_line();
			if (k == UW_INTR)
				out_str(2, "\n");
			if (k == UW_EXIT)
				shell_exit(sh.status);
			catch_pop(&c);
			sh.status = k == UW_INTR ? 130 : sh.status ? sh.status : 1;
			continue;
		}
		got_sigint = 0;
		struct pool *pool = pool_new();
		tree_pool_push(pool);
		int eof = 0;
		src_tty_new_command();
		struct node *n = parse_line(pool, &eof);
		hist_commit();
		if (n)
			sh.src.line = parse_last_line;
		if (n) {
			eofs = 0;
			exec_node(n, 0);
		}
		tree_pool_pop();
		pool_unref(pool);
		catch_pop(&c);
		if (eof) {
			if (Flag(O_IGNOREEOF) && ++eofs < 13) {
				out_str(2, "Use 'exit' to leave shell.\n");
				src_clear_eof();
				continue;
			}
			if (Flag(O_MONITOR) && jobs_stopped() && !exit_warned()) {
				out_str(2, "You have stopped jobs\n");
				src_clear_eof();
				continue;
			}
			out_str(2, "\n");
			break;
		}
	}
}

/* Run a startup file if it exists (errors in it do not stop the shell). */
static void run_profile(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	fd = fd_move_high(fd);
	struct catchpt c;
	catch_push(&c);
	if (sigsetjmp(c.jb, 0)) {
		catch_restore(&c);
		tree_pool_unwind(0);
	} else {
		struct srcpos save = sh.src;
		sh.src.name = (char *)path;
		sh.src.isfile = 1;
		exec_file_fd(fd, path);
		sh.src = save;
	}
	catch_pop(&c);
	close(fd);
}

static void startup_files(void)
{
	if (sh.login) {
		run_profile("/etc/profile");
		const char *home = var_getstr("HOME");
		if (home) {
			struct xstr x;
			xs_init(&x);
			xs_adds(&x, home);
			xs_adds(&x, "/.profile");
			run_profile(xs_str(&x));
		}
	}
	if (sh.interactive) {
		const char *env = var_getstr("ENV");
		char *f = NULL;
		if (env && *env) {
			f = expand_prompt_noexcl(env);
		} else {
			const char *home = var_getstr("HOME");
			if (home) {
				struct xstr x;
				xs_init(&x);
				xs_adds(&x, home);
				xs_adds(&x, "/.qshrc");
				f = xstrdup(xs_str(&x));
			}
		}
		if (f)
			run_profile(f);
		free(f);
	}
}

/* Entry point of a child shell that receives its state on fd. */
static int child_main(int fd, char **argv)
{
	char stack_here;
	stack_init(&stack_here);
	sh.subshell = 1;
	sh.argv0 = xstrdup(argv[0]);
	sh.selfpath = xstrdup(argv[0]);
	sh.tty_fd = -1;
	trap_init();
	var_init(NULL);
	struct node *cmd = NULL;
	struct pool *pool = NULL;
	int r = state_read(fd, &cmd, &pool);
	close(fd);
	if (r < 0) {
		out_str(2, "qsh: bad or missing state for a child shell\n");
		_exit(255);
	}
	opts[O_INTERACTIVE] = 0;
	opts[O_MONITOR] = 0;
	sh.interactive = 0;
	sh.mypid = getpid();
	for (int f = 3; f <= 9; f++)
		if (sh.private_fds & (1 << f))
			fd_cloexec(f, 1);
	trap_subshell_reset();
	jobs_init();
	tree_pool_push(pool);
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	if (k) {
		catch_restore(&c);
		shell_exit(k == UW_EXIT ? sh.status : error_status());
	}
	int st = exec_node(cmd, EX_NOFORK);
	catch_pop(&c);
	shell_exit(st);
}

static void usage_error(const char *opt)
{
	out_fmt(2, "%s: %s: unknown option\n", sh.argv0, opt);
	exit(2);
}

int main(int argc, char **argv)
{
	char stack_here;
	stack_init(&stack_here);
	if (argc == 2 && !strncmp(argv[1], "--qsh-state=", 12))
		return child_main(atoi(argv[1] + 12), argv);
	sh.argv0 = xstrdup(argc > 0 ? argv[0] : "qsh");
	sh.selfpath = find_self(sh.argv0);
	sh.rootpid = sh.mypid = getpid();
	sh.start_time = time(NULL);
	sh.tty_fd = -1;
	trap_init();
	var_init(environ);
	alias_init();
	init_vars();
	opts[O_BRACEEXPAND] = 1;
	opts[O_NOHUP] = 1;
	opts[O_INHERIT_XTRACE] = 1;
	opts[O_VITABCOMPLETE] = 1;
	opts[O_EMACS] = 1;
	const char *base = strrchr(sh.argv0, '/');
	base = base ? base + 1 : sh.argv0;
	if (base[0] == '-')
		sh.login = 1;
	/* options */
	char *cmdstr = NULL;
	int i = 1, force_i = 0, force_s = 0;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		int on = a[0] == '-';
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'c' && on) {
				opts[O_COMMAND] = 1;
			} else if (*p == 'i') {
				force_i = on;
			} else if (*p == 's') {
				force_s = on;
			} else if (*p == 'l') {
				sh.login = on;
			} else if (*p == 'o') {
				if (i + 1 >= argc)
					usage_error("-o");
				int o = opt_byname(argv[++i]);
				if (o < 0)
					usage_error(argv[i]);
				opt_set(o, on);
			} else {
				int o = opt_byletter((unsigned char)*p);
				if (o < 0) {
					char b[3] = {a[0], *p, 0};
					usage_error(b);
				}
				opt_set(o, on);
			}
		}
	}
	opts[O_LOGIN] = (unsigned char)sh.login;
	if (opts[O_COMMAND]) {
		if (i >= argc) {
			out_fmt(2, "%s: -c: option requires an argument\n", sh.argv0);
			exit(2);
		}
		cmdstr = argv[i++];
	}
	const char *script = NULL;
	if (!cmdstr && !force_s && i < argc)
		script = argv[i++];
	if (!cmdstr && !script)
		opts[O_STDIN] = 1;
	/* $0 and the positional parameters */
	if (cmdstr && i < argc)
		sh.kshname = xstrdup(argv[i++]);
	else if (script)
		sh.kshname = xstrdup(script);
	else
		sh.kshname = xstrdup(sh.argv0);
	sh.posc = argc - i;
	sh.posv = xmalloc(((size_t)sh.posc + 1) * sizeof *sh.posv);
	for (int k = 0; k < sh.posc; k++)
		sh.posv[k] = xstrdup(argv[i + k]);
	if (force_i || (!cmdstr && !script && isatty(0) && isatty(2)))
		sh.interactive = 1;
	opts[O_INTERACTIVE] = (unsigned char)sh.interactive;
	if (!sh.interactive)
		opts[O_TRACKALL] = 1;
	if (sh.interactive) {
		int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (fd >= 0)
			sh.tty_fd = fd_move_high(fd);
		else if (isatty(2))
			sh.tty_fd = fd_dup_high(2);
		opts[O_MONITOR] = sh.tty_fd >= 0;
		signals_interactive(1);
		jobs_init();
		tty_update_size();
		hist_init();
	} else {
		jobs_init();
	}
	startup_files();
	if (cmdstr) {
		sh.src.name = NULL;
		struct catchpt c;
		catch_push(&c);
		int k = sigsetjmp(c.jb, 0);
		if (k) {
			catch_restore(&c);
			shell_exit(k == UW_EXIT ? sh.status : error_status());
		}
		int st = exec_list_string(cmdstr, NULL, 1, 0);
		catch_pop(&c);
		shell_exit(st);
	}
	if (script) {
		int fd = open(script, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			sh.src.name = NULL;
			int e = errno;
			struct sbuf b;
			sb_init(&b);
			sb_printf(&b, "%s: %s", script, strerror(e));
			vmsgf_str('E', b.s);
			sb_free(&b);
			exit(127);
		}
		fd = fd_move_high(fd);
		sh.src.name = sh.kshname;
		sh.src.isfile = 1;
		src_push_file(fd, script, S_FILE);
		shell_exit(run_noninteractive());
	}
	sh.src.name = "<stdin>";
	sh.src.isfile = 1;
	if (sh.interactive) {
		src_push_file(0, "<stdin>", S_TTY);
		run_interactive();
		shell_exit(sh.status);
	}
	src_push_file(0, "<stdin>", S_STDIN);
	shell_exit(run_noninteractive());
}
