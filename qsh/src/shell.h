/*
 * shell.h - interfaces between the run-time parts of qsh: variables,
 * expansion, patterns, arithmetic, execution, jobs, traps, builtins and the
 * interactive front end.
 */
#ifndef QSH_SHELL_H
#define QSH_SHELL_H

#include "qsh.h"
#include "tree.h"

#include <signal.h>
#include <stdio.h>

/* ------------------------------------------------------------------ util.c */

int c_isalnum(int c);
int c_isalpha(int c);
int c_isblank(int c);
int c_iscntrl(int c);
int c_isdigit(int c);
int c_isgraph(int c);
int c_islower(int c);
int c_isprint(int c);
int c_ispunct(int c);
int c_isspace(int c);
int c_isupper(int c);
int c_isxdigit(int c);
int c_toupper(int c);
int c_tolower(int c);
void flush_out(void);
void print_columns(int fd, char **v, size_t n, int prefcol);

/* Arena vector of strings (NULL-terminated). */
struct stv {
	char **v;
	size_t n, cap;
};
void stv_init(struct stv *v);
void stv_push(struct stv *v, char *s);

/* ------------------------------------------------------------------ variables */

#define V_EXPORT    0x0001
#define V_READONLY  0x0002
#define V_INTEGER   0x0004
#define V_UPPER     0x0008
#define V_LOWER     0x0010
#define V_LJUST     0x0020
#define V_RJUST     0x0040
#define V_ZEROFILL  0x0080
#define V_UNSIGNED  0x0100
#define V_TAG       0x0200
#define V_ARRAY     0x0400
#define V_NAMEREF   0x0800
#define V_SPECIAL   0x1000
#define V_IMPORT    0x2000
#define V_LOCALDECL 0x4000 /* declared by typeset in a function scope */
#define V_FMTMASK   (V_INTEGER | V_UPPER | V_LOWER | V_LJUST | V_RJUST | V_ZEROFILL | V_UNSIGNED)

struct velem {
	uint32_t idx;
	char *val;
};

struct var {
	struct var *next; /* hash chain */
	char *name;
	int flags;
	int base;  /* integer output base (0: not yet set) */
	int width; /* -L -R -Z width */
	int special;
	struct velem *el;
	size_t n, cap;
};

/* special variable ids */
enum {
	SV_NONE,
	SV_RANDOM,
	SV_SECONDS,
	SV_LINENO,
	SV_BASHPID,
	SV_EPOCHREALTIME,
	SV_PATH,
	SV_IFS,
	SV_OPTIND,
	SV_HISTFILE,
	SV_HISTSIZE,
	SV_COLUMNS,
	SV_LINES,
	SV_TMOUT,
	SV_PPID,
	SV_PGRP,
};

struct scope;
extern struct scope *scope_top, *scope_global;

void var_init(char **envp);
struct var *var_lookup(const char *name);
struct var *var_lookup_raw(const char *name);
struct var *var_lookup_scope(struct scope *sc, const char *name);
struct var *var_create(struct scope *sc, const char *name);
struct var *var_need(const char *name);
const char *var_getstr(const char *name);
const char *var_elem(struct var *v, uint32_t idx);
int var_isset(struct var *v);
void var_setstr(const char *name, const char *val);
void var_setint(const char *name, long val);
int var_assign(struct var *v, uint32_t idx, const char *val, int append);
void var_assign_word(const char *text, int flags);
void var_clear(struct var *v);
int var_unset(const char *name, int warn);
void var_unset_elem(struct var *v, uint32_t idx);
void var_set_array(struct var *v, char **vals, size_t n, int mode);
void var_chflags(struct var *v, int set, int clear, int base, int width);
char *var_format(struct var *v, const char *val);
char *var_int_str(struct var *v, long val);
void scope_push(void);
void scope_pop(void);
int scope_depth(void);
struct scope *scope_up(struct scope *sc);
void getopts_reset(void);
void scope_pop_to(int depth);
char **var_environ(struct strv *extra);
void var_foreach(void (*fn)(struct var *, void *), void *arg, int sorted);
const char *ifs_value(void);
void var_special_changed(struct var *v);
int var_name_split(const char *s, char **name, char **sub);
uint32_t arr_index(const char *sub, const char *full);
struct var *var_resolve(const char *name, int create);
extern int var_posix_imported_int;

/* ------------------------------------------------------------------ patterns */

#define QC           '\x01'
#define PAT_SPECIALS "\x01*?[]()|@!+{},-^\\~=:/"

int pat_match(const char *pat, const char *str);
int pat_match_n(const char *pat, const char *str, size_t n);
int pat_has_magic(const char *pat);
char *pat_unquote(const char *pat);
char *pat_quote(const char *s);
size_t glob_expand(const char *pat, struct stv *out);
void brace_expand(const char *s, struct stv *out);

/* ------------------------------------------------------------------ expansion */

#define EXP_SPLIT   0x01 /* field splitting */
#define EXP_GLOB    0x02 /* pathname expansion */
#define EXP_TILDE   0x04 /* tilde at word start / after first = */
#define EXP_ASSIGN  0x08 /* assignment value: tilde after : too */
#define EXP_PAT     0x10 /* result is a pattern (keep QC quoting) */
#define EXP_BRACE   0x20 /* brace expansion */
#define EXP_HEREDOC 0x40
#define EXP_REDIR   0x80 /* redirection target */
#define EXP_FULL    (EXP_SPLIT | EXP_GLOB | EXP_TILDE | EXP_BRACE)

void expand_word_list(const struct word *w, struct stv *out, int flags);
void expand_word(const struct word *w, struct stv *out, int flags);
char *expand_str(const struct word *w, int flags);
char *expand_parts_str(const struct wpart *p, int flags);
char *expand_pattern(const struct word *w);
char *expand_heredoc(const struct redir *r);
char *expand_prompt(const char *ps);
char *tilde_lookup(const char *user);
void utf8_put(struct xstr *x, unsigned long u);
char *cmdsub_output(const struct wpart *part, int *status);

/* ------------------------------------------------------------------ arithmetic */

typedef int32_t ari_t;
typedef uint32_t uari_t;
long arith_eval(const char *expr, int *err);
long arith_eval_str(const char *s);
int arith_parse_num(const char *s, long *out, int *basep);
extern int arith_catch;

/* ------------------------------------------------------------------ aliases, functions */

struct alias;
struct alias *alias_find(const char *name);
const char *alias_value(struct alias *a);
const char *alias_name(struct alias *a);
void alias_ref(struct alias *a);
void alias_unref(struct alias *a);
void alias_set(const char *name, const char *value);
int alias_remove(const char *name);
void alias_clear(void);
void alias_foreach(void (*fn)(struct alias *, void *), void *arg);
void alias_init(void);

struct func {
	char *name;
	struct node *body;
	struct pool *pool;
	int ksh;
	int flags; /* trace, export, undefined */
	struct func *next;
};
#define FN_TRACE  1
#define FN_EXPORT 2
struct func *func_find(const char *name);
void func_define(const char *name, struct node *body, struct pool *pool, int ksh);
int func_remove(const char *name);
void func_foreach(void (*fn)(struct func *, void *), void *arg);

/* command hash (tracked aliases) */
char *path_search(const char *name, const char *path, int *err);
const char *hash_lookup(const char *name);
void hash_add(const char *name, const char *path);
void hash_clear(void);
void hash_foreach(void (*fn)(const char *, const char *, void *), void *arg);
int is_executable(const char *path);

/* ------------------------------------------------------------------ execution */

int exec_node(struct node *n, int flags);
#define EX_ASYNC  0x01
#define EX_NOFORK 0x02 /* last command: may exec directly */
#define EX_COND   0x04 /* status tested: no errexit */
#define EX_PIPE   0x08 /* element of a pipeline in a child */
int exec_simple(struct node *n, int flags);
int exec_list_string(const char *s, const char *name, int line, int inherit);
int exec_file(const char *path, const char *name, int mode);
void exec_toplevel(int interactive);
int run_function(struct func *f, char **argv, int argc);
void check_errexit(int status, int flags);
int exec_dbrack(struct node *n);

/* redirections */
int redir_apply(struct redir *r, int save, int *err);
void redir_restore(int depth);
int redir_depth(void);
void redir_keep(int depth);
int redir_privatize(void);
struct redir_save {
	int fd;
	int saved; /* -1: was closed */
};

/* spawning */
struct spawnspec {
	char **argv;
	char **envp;
	const char *path;
	int fdin, fdout; /* pipe ends to place on 0/1 (-1: none) */
	int closefds[4];
	int nclose;
	pid_t pgrp; /* -1: none; 0: new group */
	int bg;     /* background without job control */
	int fg;     /* foreground job with job control */
};
pid_t spawn_cmd(struct spawnspec *s, int *err);
pid_t spawn_shell(const struct node *n, int fdin, int fdout, pid_t pgrp, int bg, int fg, int *err);
int exec_replace(const char *path, char **argv, char **envp);
int wait_pid_status(pid_t pid);

/* serialisation of the shell state for child shells (serial.c) */
#define QSH_STATE_VERSION 1
int state_write(int fd, const struct node *cmd);
int state_read(int fd, struct node **cmd, struct pool **pool);
void ser_node(struct sbuf *b, const struct node *n);
struct node *deser_node(const char **p, const char *end, struct pool *pool);

/* ------------------------------------------------------------------ jobs */

struct job;
int job_fg_wait(struct job *j);
struct job *job_new(const struct node *n, int async);
void job_add_proc(struct job *j, pid_t pid, const char *cmd);
int job_wait_all(struct job *j);
void jobs_init(void);
void jobs_notify(int all);
void jobs_reap(int block);
int jobs_wait_any(void);
struct job *job_lookup(const char *spec, int *err);
int job_number(struct job *j);
void job_list(struct job *j, int fmt);
int job_resume(struct job *j, int fg);
int job_kill(struct job *j, int sig);
int job_waitfor(struct job *j);
int job_wait_pid(pid_t pid, int *found);
void jobs_foreach(void (*fn)(struct job *, void *), void *arg);
pid_t job_pgrp(struct job *j);
int jobs_stopped(void);
void jobs_hup(void);
void tty_take(void);
extern int job_last_status;

/* ------------------------------------------------------------------ traps */

#define NSIGS 65
void trap_init(void);
int trap_set(int sig, const char *action);
const char *trap_get(int sig);
void run_pending_traps(void);
int trap_pending(void);
void trap_exit(void);
void trap_err(void);
int sig_byname(const char *name);
const char *sig_name(int sig);
const char *sig_desc(int sig);
void sig_reset_for_child(sigset_t *def);
void trap_subshell_reset(void);
extern volatile sig_atomic_t got_sigint;
extern volatile sig_atomic_t got_sigchld;
int trap_ignored_at_start(int sig);
void signals_interactive(int on);
void trap_list(int fd);

/* ------------------------------------------------------------------ builtins */

typedef int (*builtin_fn)(int argc, char **argv);
#define BI_SPECIAL 0x01 /* POSIX special builtin */
#define BI_ASSIGN  0x02 /* keeps assignments */
#define BI_DECL    0x04 /* declaration utility */
#define BI_DEFER   0x08 /* used only if not found in PATH */
struct builtin {
	const char *name;
	builtin_fn fn;
	int flags;
};
const struct builtin *builtin_find(const char *name);
const struct builtin *builtin_all(size_t *n);
extern const char *bi_name; /* name of the running builtin */
extern int bi_special_running;
int bi_getopt(int argc, char **argv, const char *opts, int *optind, int *opt, char **optarg);
int bi_usage(const char *fmt, ...);

/* ------------------------------------------------------------------ interactive */

char *interactive_read(int first);
char *edit_read_line(const char *prompt);
void hist_add(const char *line);
void hist_init(void);
void hist_save(void);
int hist_count(void);
const char *hist_get(int idx);
int hist_number(void);
void hist_set_file(const char *path);
void hist_set_size(long n);
int tty_winsize(int fd, int *cols, int *rows);
void tty_update_size(void);

/* ------------------------------------------------------------------ glue */

#define QSH_MAX_FUNC_DEPTH 5000
#define QSH_MAX_NEST       200 /* child shells inside child shells */
#define QSH_MAX_EXEC_DEPTH 20000

extern int out_error;
struct sbuf *out_capture_set(struct sbuf *b);
int out_n_checked(int fd, const char *s, size_t n);
char *resolve_path(const char *path);
char *canon_path(const char *path);
char *xs_cat2(const char *a, const char *b);
void vmsgf_str(int kind, const char *msg);
int error_status(void);
int arith_try(const char *e, long *v);
int word_is_assign(const struct word *w);
void do_assign(struct word *w, const char *text, int local);
char *command_path(const char *name, int *err);
int report_cant_run(const char *name, int err);
void xtrace_args(char **assigns, size_t na, char **argv, size_t argc);
int run_builtin(const struct builtin *bi, int argc, char **argv, int special);
int exec_redir_base(void);
struct redir *exec_current_redirs(void);
char **exec_clear_env(void);
int run_command_external(int argc, char **argv, int defpath);
int whence_names(int argc, char **argv, int verbose, int pathonly, int cmdv);
int exec_file_fd(int fd, const char *name);
int run_source(void);
void stack_init(void *base);
int stack_exhausted(void);
int exit_warned(void);
int is_directory(const char *path);
int exec_pipeline(struct node *n, int flags);
int exec_subshell(struct node *n, int flags);
int exec_async(struct node *n, int coproc);
int exec_select(struct node *n, int flags);
int coproc_fd(int out);
void coproc_release(int out);
char *funsub_output(const struct wpart *part, int *status);
void redir_save_fd(int fd);
int redir_privatize_list(struct redir *r);
void job_discard(struct job *j);
void pipestatus_set1(int st);
void job_set_cmd_argv(struct job *j, char **argv);
void job_add_status(struct job *j, int st);
int job_wait_quiet(struct job *j);
int trap_last_signal(void);
int trap_any_set(void);
int sig_table(int i, int *sig, const char **name, const char **desc);
void var_raw_set(struct var *v, uint32_t idx, char *val);
long scope_serialize(int d, void (*fn)(struct var *, void *), void *arg);
void state_build(struct sbuf *b, const struct node *cmd);
int state_parse(const char *s, size_t n, struct node **cmd, struct pool **poolp);
char *expand_prompt_noexcl(const char *ps);
const char *expand_prompt_ps4(void);
void tree_pool_push(struct pool *p);
void tree_pool_pop(void);
struct pool *tree_pool_current(void);
int tree_pool_depth(void);
void tree_pool_unwind(int depth);
int parse_set_options(int argc, char **argv, int invocation, char **arrname, int *arrmode,
                      int *sort, int *dashdash);
int ulimit_builtin(int argc, char **argv);
int fc_builtin(int argc, char **argv);
void hist_commit(void);
void hist_pending_flush(void);
int test_unary(const char *op, const char *a);
int test_binary(const char *op, const char *a, const char *b, int pat);
int is_keyword(const char *s);
void src_top_reset_line(void);
void src_tty_new_command(void);
void src_clear_eof(void);

#endif
