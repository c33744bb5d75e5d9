/*
 * func.c - the tables of functions, aliases and tracked aliases (the
 * command hash), PATH search, and calling shell functions.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ functions */

static struct func *funcs;

/* The function called name, or NULL. */
struct func *func_find(const char *name)
{
	for (struct func *f = funcs; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/* Define (or redefine) a function; takes a reference on pool. */
void func_define(const char *name, struct node *body, struct pool *pool, int ksh)
{
	struct func *f = func_find(name);
	if (!f) {
		f = xcalloc(1, sizeof *f);
		f->name = xstrdup(name);
		f->next = funcs;
		funcs = f;
	} else {
		pool_unref(f->pool);
	}
	f->body = body;
	f->pool = pool_ref(pool);
	f->ksh = ksh;
}

/* Remove a function; returns 0 if it existed. */
int func_remove(const char *name)
{
	for (struct func **pp = &funcs; *pp; pp = &(*pp)->next) {
		struct func *f = *pp;
		if (!strcmp(f->name, name)) {
			*pp = f->next;
			pool_unref(f->pool);
			free(f->name);
			free(f);
			return 0;
		}
	}
	return 1;
}

static int cmp_func(const void *a, const void *b)
{
	return strcmp((*(struct func *const *)a)->name, (*(struct func *const *)b)->name);
}

/* Call fn for every function, sorted by name. */
void func_foreach(void (*fn)(struct func *, void *), void *arg)
{
	size_t n = 0;
	for (struct func *f = funcs; f; f = f->next)
		n++;
	struct func **v = xmalloc((n + 1) * sizeof *v);
	n = 0;
	for (struct func *f = funcs; f; f = f->next)
		v[n++] = f;
	qsort(v, n, sizeof *v, cmp_func);
	for (size_t i = 0; i < n; i++)
		fn(v[i], arg);
	free(v);
}

/*
 * Call function f with arguments argv[1..argc-1]. Functions get their own
 * variable scope and positional parameters; ksh-style functions also set
 * $0 and get local options and OPTIND. Returns the exit status.
 */
int run_function(struct func *f, char **argv, int argc)
{
	if (sh.func_depth >= QSH_MAX_FUNC_DEPTH || stack_exhausted())
		errorf("%s: too deep recursion", f->name);
	struct pool *pool = pool_ref(f->pool);
	char **oposv = sh.posv;
	int oposc = sh.posc;
	char *okshname = sh.kshname;
	unsigned char oopts[NOPTS];
	memcpy(oopts, opts, sizeof oopts);
	sh.posv = xmalloc((size_t)argc * sizeof *sh.posv);
	for (int i = 1; i < argc; i++)
		sh.posv[i - 1] = xstrdup(argv[i]);
	sh.posc = argc - 1;
	scope_push();
	if (f->ksh) {
		sh.kshname = xstrdup(f->name);
		struct var *v = var_create(scope_top, "OPTIND");
		v->flags |= V_INTEGER;
		var_assign(v, 0, "1", 0);
		getopts_reset();
	}
	if (f->flags & FN_TRACE)
		opt_set(O_XTRACE, 1);
	sh.func_depth++;
	int oloop = sh.loop_depth;
	sh.loop_depth = 0;
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	int st = 0;
	if (k)
		catch_restore_partial(&c);
	if (!k) {
		st = exec_node(f->body, 0);
		if (sh.returning) {
			st = sh.status;
			sh.returning = 0;
		}
	}
	catch_pop(&c);
	sh.loop_depth = oloop;
	sh.func_depth--;
	scope_pop();
	for (int i = 0; i < sh.posc; i++)
		free(sh.posv[i]);
	free(sh.posv);
	sh.posv = oposv;
	sh.posc = oposc;
	if (f->ksh) {
		free(sh.kshname);
		sh.kshname = okshname;
		int keep_priv = opts[O_PRIVILEGED];
		for (int i = 0; i < NOPTS; i++)
			if (i != O_INTERACTIVE && i != O_MONITOR && opts[i] != oopts[i])
				opt_set(i, oopts[i]);
		opts[O_PRIVILEGED] = (unsigned char)keep_priv;
		getopts_reset();
	} else if (f->flags & FN_TRACE) {
		opt_set(O_XTRACE, oopts[O_XTRACE]);
	}
	pool_unref(pool);
	if (k == UW_ERROR) {
		/* like mksh, an error ends the innermost function only */
		st = error_status();
	} else if (k) {
		unwind(k);
	}
	sh.status = st;
	return st;
}

/* ------------------------------------------------------------------ aliases */

struct alias {
	char *name;
	char *value;
	int refs;
	int dead;
	int exported;
	struct alias *next;
};

static struct alias *aliases;

/* The alias name, or NULL. */
struct alias *alias_find(const char *name)
{
	for (struct alias *a = aliases; a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

const char *alias_value(struct alias *a)
{
	return a->value;
}

const char *alias_name(struct alias *a)
{
	return a->name;
}

/* Keep a (being expanded) alive even if removed meanwhile. */
void alias_ref(struct alias *a)
{
	a->refs++;
}

void alias_unref(struct alias *a)
{
	if (--a->refs == 0 && a->dead) {
		free(a->name);
		free(a->value);
		free(a);
	}
}

static void alias_kill(struct alias *a)
{
	if (a->refs) {
		a->dead = 1;
		return;
	}
	free(a->name);
	free(a->value);
	free(a);
}

/* Define alias name=value. */
void alias_set(const char *name, const char *value)
{
	alias_remove(name);
	struct alias *a = xcalloc(1, sizeof *a);
	a->name = xstrdup(name);
	a->value = xstrdup(value);
	/* keep the list sorted by name */
	struct alias **pp = &aliases;
	while (*pp && strcmp((*pp)->name, name) < 0)
		pp = &(*pp)->next;
	a->next = *pp;
	*pp = a;
}

/* Remove an alias; 0 if it existed. */
int alias_remove(const char *name)
{
	for (struct alias **pp = &aliases; *pp; pp = &(*pp)->next) {
		if (!strcmp((*pp)->name, name)) {
			struct alias *a = *pp;
			*pp = a->next;
			alias_kill(a);
			return 0;
		}
	}
	return 1;
}

/* Remove every alias. */
void alias_clear(void)
{
	while (aliases) {
		struct alias *a = aliases;
		aliases = a->next;
		alias_kill(a);
	}
}

/* Call fn for every alias in name order. */
void alias_foreach(void (*fn)(struct alias *, void *), void *arg)
{
	for (struct alias *a = aliases; a; a = a->next)
		fn(a, arg);
}

/* mksh's predefined aliases. */
void alias_init(void)
{
	static const char *const def[][2] = {{"autoload", "\\\\builtin typeset -fu"},
	                                     {"functions", "\\\\builtin typeset -f"},
	                                     {"hash", "\\\\builtin alias -t"},
	                                     {"history", "\\\\builtin fc -l"},
	                                     {"integer", "\\\\builtin typeset -i"},
	                                     {"local", "\\\\builtin typeset"},
	                                     {"login", "\\\\builtin exec login"},
	                                     {"nameref", "\\\\builtin typeset -n"},
	                                     {"nohup", "nohup "},
	                                     {"r", "\\\\builtin fc -e -"},
	                                     {"type", "\\\\builtin whence -v"}};
	for (size_t i = 0; i < sizeof def / sizeof def[0]; i++)
		alias_set(def[i][0], def[i][1]);
}

/* ------------------------------------------------------------------ hash */

struct hent {
	char *name, *path;
	struct hent *next;
};
static struct hent *hashed;

/* Is path an executable regular file? */
int is_executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/*
 * Search path (colon separated; empty entries mean ".") for an executable
 * called name. Returns the path (arena) or NULL with *err = ENOENT/EACCES.
 */
char *path_search(const char *name, const char *path, int *err)
{
	*err = ENOENT;
	const char *p = path;
	for (;;) {
		const char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		struct xstr x;
		xs_init(&x);
		if (n) {
			xs_addn(&x, p, n);
			xs_addc(&x, '/');
		}
		xs_adds(&x, name);
		char *full = xs_str(&x);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(full, X_OK) == 0) {
				if (!n) {
					struct xstr y;
					xs_init(&y);
					xs_adds(&y, "./");
					xs_adds(&y, name);
					return xs_str(&y);
				}
				return full;
			}
			*err = EACCES;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

/* Tracked alias for name, or NULL. */
const char *hash_lookup(const char *name)
{
	for (struct hent *h = hashed; h; h = h->next)
		if (!strcmp(h->name, name))
			return h->path;
	return NULL;
}

/* Remember name -> path. */
void hash_add(const char *name, const char *path)
{
	for (struct hent *h = hashed; h; h = h->next)
		if (!strcmp(h->name, name)) {
			free(h->path);
			h->path = xstrdup(path);
			return;
		}
	struct hent *h = xcalloc(1, sizeof *h);
	h->name = xstrdup(name);
	h->path = xstrdup(path);
	struct hent **pp = &hashed;
	while (*pp && strcmp((*pp)->name, name) < 0)
		pp = &(*pp)->next;
	h->next = *pp;
	*pp = h;
}

/* Forget every tracked alias (PATH changed). */
void hash_clear(void)
{
	while (hashed) {
		struct hent *h = hashed;
		hashed = h->next;
		free(h->name);
		free(h->path);
		free(h);
	}
}

/* Call fn(name, path) for every tracked alias in name order. */
void hash_foreach(void (*fn)(const char *, const char *, void *), void *arg)
{
	for (struct hent *h = hashed; h; h = h->next)
		fn(h->name, h->path, arg);
}
