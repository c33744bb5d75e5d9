/*
 * qsh.h - core types and global state shared by every part of qsh.
 *
 * qsh is a mksh (R59) compatible shell written in portable C over POSIX.1-2008.
 * It never forks: external programs start with posix_spawn and everything that
 * needs a separate shell process (subshells, pipeline elements, command
 * substitutions of shell code, background lists) runs in a fresh qsh process
 * that receives the complete shell state (see serial.c and DESIGN.md).
 */
#ifndef QSH_H
#define QSH_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <setjmp.h>
#include <sys/types.h>

#define QSH_VERSION "@(#)MIRBSD KSH R59 2023/04/29 +QSOE qsh"

/* ------------------------------------------------------------------ memory */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void *xmemdup(const void *p, size_t n);

/* Temporary (stack-like) arena: released in bulk to a mark. */
struct stmark {
	void *blk;
	size_t used;
};
void *stalloc(size_t n);
char *ststrdup(const char *s);
char *ststrndup(const char *s, size_t n);
void stmark(struct stmark *m);
void strelease(const struct stmark *m);

/* Reference counted pool: parse trees live in one. */
struct pool;
struct pool *pool_new(void);
void *pool_alloc(struct pool *p, size_t n);
char *pool_strndup(struct pool *p, const char *s, size_t n);
struct pool *pool_ref(struct pool *p);
void pool_unref(struct pool *p);

/* Growable string on the malloc heap. */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sb_init(struct sbuf *b);
void sb_free(struct sbuf *b);
void sb_addc(struct sbuf *b, int c);
void sb_addn(struct sbuf *b, const char *s, size_t n);
void sb_adds(struct sbuf *b, const char *s);
void sb_printf(struct sbuf *b, const char *fmt, ...);
char *sb_take(struct sbuf *b);
void sb_reset(struct sbuf *b);

/* Growable string in the temporary arena (valid until the next release). */
struct xstr {
	char *s;
	size_t len, cap;
};
void xs_init(struct xstr *x);
void xs_addc(struct xstr *x, int c);
void xs_addn(struct xstr *x, const char *s, size_t n);
void xs_adds(struct xstr *x, const char *s);
char *xs_str(struct xstr *x);

/* A growable vector of string pointers (malloc heap, strings not owned). */
struct strv {
	char **v;
	size_t n, cap;
};
void sv_init(struct strv *v);
void sv_push(struct strv *v, char *s);
void sv_free(struct strv *v);

/* ------------------------------------------------------------------ errors */

/* Kinds of non-local exits from the executing code back to a catch point. */
enum unwind {
	UW_NONE,
	UW_ERROR, /* a shell error: fatal unless interactive or caught */
	UW_EXIT,  /* "exit": leave the shell (process) */
	UW_INTR,  /* interrupted by SIGINT in an interactive shell */
};

struct catchpt {
	sigjmp_buf jb;
	struct catchpt *prev;
	struct stmark mark;
	int scope_depth;
	int redir_depth;
	int src_depth;
	int func_depth;
	int loop_depth;
	int noerrexit;
	int in_trap;
	int exec_depth;
	int pool_depth;
};
extern struct catchpt *catch_top;
void catch_push(struct catchpt *c);
void catch_pop(struct catchpt *c);
void catch_restore(struct catchpt *c);
void catch_restore_partial(struct catchpt *c);
_Noreturn void unwind(int how);

void errorf(const char *fmt, ...); /* "E: ..." and unwind(UW_ERROR) */
void errorfx(int status, const char *fmt, ...);
void warningf(const char *fmt, ...);  /* "W: ..." and continue */
void bi_errorf(const char *fmt, ...); /* "E: ...: builtin: ..." */
void bi_warnf(const char *fmt, ...);
void msg_prefix(struct sbuf *b, int kind, int with_src);
void vmsgf(int kind, int with_src, const char *fmt, va_list ap);
_Noreturn void shell_exit(int status);
_Noreturn void internal_error(const char *what);

/* ------------------------------------------------------------------ options */

enum opt {
	O_ALLEXPORT,
	O_ASIS,
	O_BGNICE,
	O_BRACEEXPAND,
	O_EMACS,
	O_ERREXIT,
	O_GMACS,
	O_IGNOREEOF,
	O_INHERIT_XTRACE,
	O_INTERACTIVE,
	O_KEYWORD,
	O_LOGIN,
	O_MARKDIRS,
	O_MONITOR,
	O_NOCLOBBER,
	O_NOEXEC,
	O_NOGLOB,
	O_NOHUP,
	O_NOLOG,
	O_NOTIFY,
	O_NOUNSET,
	O_PHYSICAL,
	O_PIPEFAIL,
	O_POSIX,
	O_PRIVILEGED,
	O_RESTRICTED,
	O_SH,
	O_STDIN,
	O_TRACKALL,
	O_UTF8,
	O_VERBOSE,
	O_VI,
	O_VIESCCOMPLETE,
	O_VITABCOMPLETE,
	O_VIRAW,
	O_XTRACE,
	O_COMMAND, /* -c, no long name */
	NOPTS
};
struct optdesc {
	const char *name;
	char letter;
};
extern const struct optdesc optdescs[NOPTS];
extern unsigned char opts[NOPTS];
#define Flag(o) (opts[o])
int opt_byname(const char *name);
int opt_byletter(int c);
void opt_set(int o, int on);
char *opt_dollar_minus(void);

/* ------------------------------------------------------------------ shell */

/* Where commands are being read from (for messages and LINENO). */
struct srcpos {
	const char *name; /* file name or NULL for strings (eval, -c) */
	int line;
	int isfile;
};

struct shell {
	char *kshname;  /* $0 */
	char *argv0;    /* our argv[0] */
	char *selfpath; /* path used to spawn more qsh processes */
	char **posv;    /* positional parameters $1.. */
	int posc;
	int status;    /* $? */
	pid_t rootpid; /* $$ */
	pid_t mypid;   /* BASHPID */
	pid_t ppid;
	pid_t lastbg;    /* $! (0: unset) */
	int interactive; /* reading commands from a terminal */
	int subshell;    /* we are a subshell child */
	int login;
	int noerrexit; /* >0 inside if/while conditions, && || lists ... */
	int breaking;  /* break/continue levels pending */
	int continuing;
	int returning; /* "return" pending */
	int loop_depth;
	int func_depth;
	int dot_depth;
	int exec_depth; /* recursion guard */
	int in_trap;
	int lastcmdsub; /* status of the last command substitution */
	int had_cmdsub;
	struct srcpos src; /* current source position */
	int src_depth;
	time_t start_time; /* for SECONDS */
	int seconds_base;
	int errexit_pending;
	int exiting;
	int private_fds; /* bitmask of fds 3..9 private to the shell */
	mode_t umask_cache;
	unsigned int random_state;
	int random_seeded;
	int tty_fd; /* -1 if none */
	pid_t shell_pgrp;
	int monitor_active;
	int pipestatus_n;
	int *pipestatus;
	int lineno; /* line of the command being executed ($LINENO) */
	int nest;   /* how many child shells deep this shell is */
};
extern struct shell sh;

/* Maximum recursion depth of shell constructs before "too deep" errors. */
#define QSH_MAX_DEPTH 1000

/* ------------------------------------------------------------------ misc util */

int is_name_start(int c);
int is_name_char(int c);
int is_valid_name(const char *s);
int is_digits(const char *s);
char *str_quote(const char *s); /* quoted for re-entry (malloc) */
void str_quote_sb(struct sbuf *b, const char *s);
int parse_int(const char *s, long *out);
ssize_t write_all(int fd, const void *buf, size_t n);
int fd_cloexec(int fd, int on);
int fd_move_high(int fd); /* dup to >= 10 with FD_CLOEXEC, close the old one */
int fd_dup_high(int fd);  /* dup to >= 10 with FD_CLOEXEC */

/* Output to standard output/error from builtins (unbuffered sbuf-based). */
void out_str(int fd, const char *s);
void out_n(int fd, const char *s, size_t n);
void out_fmt(int fd, const char *fmt, ...);

#endif
