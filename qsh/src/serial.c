/*
 * serial.c - the shell state handed to a child qsh (subshells, pipeline
 * elements, background lists, command substitutions): options, $0, the
 * positional parameters, special parameters, every variable in every
 * scope with its attributes, functions, aliases, traps, tracked aliases
 * and the command to run, written to a pipe in a versioned text format.
 *
 * Format (version 1): "QSH-STATE 1\n" then records; integers are decimal
 * followed by a space, strings are "<len>:<bytes>" or "-" for NULL, trees
 * are written recursively (see ser_node). The record letters are listed
 * in DESIGN.md.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "QSH-STATE "

/* ------------------------------------------------------------------ writer */

static void w_int(struct sbuf *b, long v)
{
	sb_printf(b, "%ld ", v);
}

static void w_strn(struct sbuf *b, const char *s, size_t n)
{
	if (!s) {
		sb_adds(b, "- ");
		return;
	}
	sb_printf(b, "%zu:", n);
	sb_addn(b, s, n);
}

static void w_str(struct sbuf *b, const char *s)
{
	w_strn(b, s, s ? strlen(s) : 0);
}

static void ser_parts(struct sbuf *b, const struct wpart *p);
static void ser_nodes(struct sbuf *b, const struct node *n);

static void ser_words(struct sbuf *b, const struct word *w)
{
	long n = 0;
	for (const struct word *x = w; x; x = x->next)
		n++;
	w_int(b, n);
	for (; w; w = w->next)
		ser_parts(b, w->parts);
}

static void ser_parts(struct sbuf *b, const struct wpart *p)
{
	long n = 0;
	for (const struct wpart *x = p; x; x = x->next)
		n++;
	w_int(b, n);
	for (; p; p = p->next) {
		w_int(b, p->type);
		w_int(b, p->op);
		w_int(b, p->flags);
		w_strn(b, p->s, p->len);
		ser_parts(b, p->kids);
		ser_parts(b, p->arg);
		ser_parts(b, p->arg2);
		ser_nodes(b, p->cmd);
		ser_words(b, p->list);
		w_str(b, p->raw);
	}
}

static void ser_redirs(struct sbuf *b, const struct redir *r)
{
	long n = 0;
	for (const struct redir *x = r; x; x = x->next)
		n++;
	w_int(b, n);
	for (; r; r = r->next) {
		w_int(b, r->fd);
		w_int(b, r->op);
		w_int(b, r->flags);
		ser_words(b, r->target);
		w_strn(b, r->hdtext, r->hdtext ? strlen(r->hdtext) : 0);
		ser_parts(b, r->hdbody);
		w_str(b, r->hdmark);
	}
}

/* Write a chain of nodes (linked by next). */
static void ser_nodes(struct sbuf *b, const struct node *n)
{
	long cnt = 0;
	for (const struct node *x = n; x; x = x->next)
		cnt++;
	w_int(b, cnt);
	for (; n; n = n->next) {
		w_int(b, n->type);
		w_int(b, n->flags);
		w_int(b, n->line);
		w_str(b, n->str);
		ser_nodes(b, n->left);
		ser_nodes(b, n->right);
		ser_nodes(b, n->third);
		ser_words(b, n->words);
		ser_words(b, n->assigns);
		ser_redirs(b, n->redirs);
		long ni = 0;
		for (const struct caseitem *c = n->items; c; c = c->next)
			ni++;
		w_int(b, ni);
		for (const struct caseitem *c = n->items; c; c = c->next) {
			ser_words(b, c->pats);
			ser_nodes(b, c->body);
			w_int(b, c->term);
		}
	}
}

/* Append the serialised form of tree n (a single node, no siblings). */
void ser_node(struct sbuf *b, const struct node *n)
{
	if (!n) {
		w_int(b, 0);
		return;
	}
	struct node copy = *n;
	copy.next = NULL;
	ser_nodes(b, &copy);
}

static void ser_var(struct var *v, void *arg)
{
	struct sbuf *b = arg;
	w_str(b, v->name);
	w_int(b, v->flags);
	w_int(b, v->base);
	w_int(b, v->width);
	w_int(b, (long)v->n);
	for (size_t i = 0; i < v->n; i++) {
		w_int(b, (long)v->el[i].idx);
		w_str(b, v->el[i].val);
	}
}

static void count_fn(struct func *f, void *arg)
{
	(void)f;
	(*(long *)arg)++;
}

static void ser_func(struct func *f, void *arg)
{
	struct sbuf *b = arg;
	w_str(b, f->name);
	w_int(b, f->ksh);
	w_int(b, f->flags);
	ser_node(b, f->body);
}

static void count_alias(struct alias *a, void *arg)
{
	(void)a;
	(*(long *)arg)++;
}

static void ser_alias(struct alias *a, void *arg)
{
	struct sbuf *b = arg;
	w_str(b, alias_name(a));
	w_str(b, alias_value(a));
}

static void count_hash(const char *n, const char *p, void *arg)
{
	(void)n;
	(void)p;
	(*(long *)arg)++;
}

static void ser_hash(const char *n, const char *p, void *arg)
{
	struct sbuf *b = arg;
	w_str(b, n);
	w_str(b, p);
}

/* Build the complete state for running cmd in a child (malloc'd sbuf). */
void state_build(struct sbuf *b, const struct node *cmd)
{
	sb_printf(b, "%s%d\n", MAGIC, QSH_STATE_VERSION);
	sb_adds(b, "o");
	w_int(b, NOPTS);
	for (int i = 0; i < NOPTS; i++)
		w_int(b, opts[i]);
	sb_adds(b, "k");
	w_str(b, sh.kshname);
	w_str(b, sh.argv0);
	w_str(b, sh.selfpath);
	sb_adds(b, "p");
	w_int(b, sh.posc);
	for (int i = 0; i < sh.posc; i++)
		w_str(b, sh.posv[i]);
	sb_adds(b, "s");
	w_int(b, sh.status);
	w_int(b, (long)sh.rootpid);
	w_int(b, (long)sh.lastbg);
	w_int(b, sh.func_depth);
	w_int(b, sh.loop_depth);
	w_int(b, sh.private_fds);
	w_int(b, sh.src.line);
	w_int(b, sh.src.isfile);
	w_str(b, sh.src.name);
	w_int(b, (long)sh.start_time);
	w_int(b, sh.seconds_base);
	w_int(b, sh.dot_depth);
	w_int(b, sh.nest + 1);
	/* variables, scope by scope from the global one outwards */
	sb_adds(b, "v");
	int depth = scope_depth();
	w_int(b, depth + 1);
	for (int d = 0; d <= depth; d++) {
		struct sbuf vb;
		sb_init(&vb);
		long cnt = scope_serialize(d, ser_var, &vb);
		w_int(b, cnt);
		sb_addn(b, vb.s ? vb.s : "", vb.len);
		sb_free(&vb);
	}
	long n = 0;
	func_foreach(count_fn, &n);
	sb_adds(b, "f");
	w_int(b, n);
	func_foreach(ser_func, b);
	n = 0;
	alias_foreach(count_alias, &n);
	sb_adds(b, "a");
	w_int(b, n);
	alias_foreach(ser_alias, b);
	sb_adds(b, "t");
	w_int(b, NSIGS + 1);
	for (int i = 0; i <= NSIGS; i++)
		w_str(b, trap_get(i));
	n = 0;
	hash_foreach(count_hash, &n);
	sb_adds(b, "h");
	w_int(b, n);
	hash_foreach(ser_hash, b);
	sb_adds(b, "c");
	ser_node(b, cmd);
	sb_adds(b, "e\n");
}

/* Write the state for cmd to fd. 0 or -1. */
int state_write(int fd, const struct node *cmd)
{
	struct sbuf b;
	sb_init(&b);
	state_build(&b, cmd);
	int r = write_all(fd, b.s, b.len) == (ssize_t)b.len ? 0 : -1;
	sb_free(&b);
	return r;
}

/* ------------------------------------------------------------------ reader */

struct rd {
	const char *p, *end;
	struct pool *pool;
	int bad;
	int depth;
};

static long r_int(struct rd *r)
{
	if (r->bad)
		return 0;
	const char *p = r->p;
	int neg = 0;
	if (p < r->end && *p == '-') {
		neg = 1;
		p++;
	}
	long v = 0;
	const char *s = p;
	while (p < r->end && c_isdigit((unsigned char)*p)) {
		if (v > 100000000000L) {
			r->bad = 1;
			return 0;
		}
		v = v * 10 + (*p - '0');
		p++;
	}
	if (p == s || p >= r->end || *p != ' ') {
		r->bad = 1;
		return 0;
	}
	r->p = p + 1;
	return neg ? -v : v;
}

/* A string into the pool (or heap if pool is NULL); NULL for "-". */
static char *r_strn(struct rd *r, size_t *len)
{
	if (r->bad)
		return NULL;
	if (r->p + 1 < r->end && r->p[0] == '-' && r->p[1] == ' ') {
		r->p += 2;
		if (len)
			*len = 0;
		return NULL;
	}
	size_t n = 0;
	const char *p = r->p;
	while (p < r->end && c_isdigit((unsigned char)*p)) {
		n = n * 10 + (size_t)(*p - '0');
		if (n > (size_t)(r->end - r->p))
			break;
		p++;
	}
	if (p >= r->end || *p != ':' || n > (size_t)(r->end - p - 1)) {
		r->bad = 1;
		return NULL;
	}
	p++;
	char *s = r->pool ? pool_strndup(r->pool, p, n) : xstrndup(p, n);
	r->p = p + n;
	if (len)
		*len = n;
	return s;
}

static int r_char(struct rd *r, char c)
{
	if (r->bad || r->p >= r->end || *r->p != c) {
		r->bad = 1;
		return 0;
	}
	r->p++;
	return 1;
}

static struct wpart *deser_parts(struct rd *r);
static struct node *deser_nodes(struct rd *r);

static long r_count(struct rd *r)
{
	long n = r_int(r);
	if (n < 0 || n > (long)(r->end - r->p)) {
		r->bad = 1;
		return 0;
	}
	return n;
}

static struct word *deser_words(struct rd *r)
{
	long n = r_count(r);
	struct word *head = NULL, **tail = &head;
	for (long i = 0; i < n && !r->bad; i++) {
		struct word *w = pool_alloc(r->pool, sizeof *w);
		w->parts = deser_parts(r);
		*tail = w;
		tail = &w->next;
	}
	return head;
}

static struct wpart *deser_parts(struct rd *r)
{
	if (++r->depth > 4 * QSH_MAX_DEPTH)
		r->bad = 1;
	long n = r_count(r);
	struct wpart *head = NULL, **tail = &head;
	for (long i = 0; i < n && !r->bad; i++) {
		struct wpart *p = pool_alloc(r->pool, sizeof *p);
		p->type = (unsigned char)r_int(r);
		p->op = (unsigned char)r_int(r);
		p->flags = (unsigned short)r_int(r);
		p->s = r_strn(r, &p->len);
		if (!p->s && (p->type == WP_LIT || p->type == WP_QLIT || p->type == WP_PARAM))
			r->bad = 1;
		p->kids = deser_parts(r);
		p->arg = deser_parts(r);
		p->arg2 = deser_parts(r);
		p->cmd = deser_nodes(r);
		p->list = deser_words(r);
		p->raw = r_strn(r, NULL);
		if (p->type > WP_ARRAY)
			r->bad = 1;
		if ((p->type == WP_FUNSUB || p->type == WP_VALSUB) && !p->cmd)
			r->bad = 1;
		*tail = p;
		tail = &p->next;
	}
	r->depth--;
	return head;
}

static struct redir *deser_redirs(struct rd *r)
{
	long n = r_count(r);
	struct redir *head = NULL, **tail = &head;
	for (long i = 0; i < n && !r->bad; i++) {
		struct redir *x = pool_alloc(r->pool, sizeof *x);
		x->fd = (int)r_int(r);
		x->op = (int)r_int(r);
		x->flags = (int)r_int(r);
		x->target = deser_words(r);
		x->hdtext = r_strn(r, NULL);
		x->hdbody = deser_parts(r);
		x->hdmark = r_strn(r, NULL);
		if (x->op < R_IN || x->op > R_HERESTR || x->fd > 9)
			r->bad = 1;
		*tail = x;
		tail = &x->next;
	}
	return head;
}

static struct node *deser_nodes(struct rd *r)
{
	if (++r->depth > 4 * QSH_MAX_DEPTH)
		r->bad = 1;
	long n = r_count(r);
	struct node *head = NULL, **tail = &head;
	for (long i = 0; i < n && !r->bad; i++) {
		struct node *x = pool_alloc(r->pool, sizeof *x);
		x->type = (unsigned char)r_int(r);
		x->flags = (unsigned char)r_int(r);
		x->line = (int)r_int(r);
		x->str = r_strn(r, NULL);
		x->left = deser_nodes(r);
		x->right = deser_nodes(r);
		x->third = deser_nodes(r);
		x->words = deser_words(r);
		x->assigns = deser_words(r);
		x->redirs = deser_redirs(r);
		long ni = r_count(r);
		struct caseitem **ct = &x->items;
		for (long k = 0; k < ni && !r->bad; k++) {
			struct caseitem *c = pool_alloc(r->pool, sizeof *c);
			c->pats = deser_words(r);
			c->body = deser_nodes(r);
			c->term = (int)r_int(r);
			*ct = c;
			ct = &c->next;
		}
		if (x->type > DB_WORD ||
		    ((x->type == N_FOR || x->type == N_SELECT || x->type == N_FUNC ||
		      x->type == DB_UNARY || x->type == DB_BINARY) &&
		     !x->str))
			r->bad = 1;
		if (x->type == DB_BINARY && (!x->words || !x->words->next))
			r->bad = 1;
		if ((x->type == N_PIPE || x->type == DB_AND || x->type == DB_OR ||
		     x->type == DB_NOT || x->type == DB_PAREN || x->type == N_ASYNC ||
		     x->type == N_COPROC) &&
		    !x->left)
			r->bad = 1;
		if ((x->type == DB_AND || x->type == DB_OR) && !x->right)
			r->bad = 1;
		if ((x->type == DB_UNARY || x->type == DB_WORD) && !x->words)
			r->bad = 1;
		*tail = x;
		tail = &x->next;
	}
	r->depth--;
	return head;
}

/* Parse a serialised tree from [*p, end) into pool; NULL on malformed input. */
struct node *deser_node(const char **p, const char *end, struct pool *pool)
{
	struct rd r = {*p, end, pool, 0, 0};
	struct node *n = deser_nodes(&r);
	if (r.bad)
		return NULL;
	*p = r.p;
	return n;
}

/* Fix DB_UNARY/DB_BINARY operator strings to the parser's static names. */
static void no_fixups(void)
{
}

/*
 * Read a complete state from fd and install it in this (fresh) shell.
 * *cmd gets the command to run, *pool the pool holding all trees.
 * Returns 0, or -1 if the state is missing or malformed.
 */
int state_read(int fd, struct node **cmd, struct pool **poolp)
{
	struct sbuf b;
	sb_init(&b);
	char buf[8192];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_addn(&b, buf, (size_t)n);
	}
	int r = state_parse(b.s ? b.s : "", b.len, cmd, poolp);
	sb_free(&b);
	no_fixups();
	return r;
}

/* Parse and install state text s (n bytes). 0 or -1. */
int state_parse(const char *s, size_t n, struct node **cmd, struct pool **poolp)
{
	size_t ml = strlen(MAGIC);
	if (n < ml + 2 || memcmp(s, MAGIC, ml) != 0)
		return -1;
	const char *nl = memchr(s, '\n', n);
	if (!nl || atoi(s + ml) != QSH_STATE_VERSION)
		return -1;
	struct pool *pool = pool_new();
	struct rd r = {nl + 1, s + n, pool, 0, 0};
	r_char(&r, 'o');
	long no = r_int(&r);
	for (long i = 0; i < no && !r.bad; i++) {
		long v = r_int(&r);
		if (i < NOPTS)
			opts[i] = (unsigned char)(v != 0);
	}
	r_char(&r, 'k');
	struct pool *save = r.pool;
	r.pool = NULL;
	char *k = r_strn(&r, NULL);
	if (k) {
		free(sh.kshname);
		sh.kshname = k;
	}
	char *a0 = r_strn(&r, NULL);
	if (a0) {
		free(sh.argv0);
		sh.argv0 = a0;
	}
	char *self = r_strn(&r, NULL);
	if (self) {
		free(sh.selfpath);
		sh.selfpath = self;
	}
	r_char(&r, 'p');
	long pc = r_count(&r);
	char **pv = xcalloc((size_t)pc + 1, sizeof *pv);
	for (long i = 0; i < pc && !r.bad; i++) {
		pv[i] = r_strn(&r, NULL);
		if (!pv[i])
			pv[i] = xstrdup("");
	}
	for (int i = 0; sh.posv && i < sh.posc; i++)
		free(sh.posv[i]);
	free(sh.posv);
	sh.posv = pv;
	sh.posc = (int)pc;
	r_char(&r, 's');
	sh.status = (int)r_int(&r);
	sh.rootpid = (pid_t)r_int(&r);
	sh.lastbg = (pid_t)r_int(&r);
	sh.func_depth = (int)r_int(&r);
	sh.loop_depth = (int)r_int(&r);
	sh.private_fds = (int)r_int(&r);
	sh.src.line = (int)r_int(&r);
	sh.src.isfile = (int)r_int(&r);
	sh.src.name = r_strn(&r, NULL);
	sh.start_time = (time_t)r_int(&r);
	sh.seconds_base = (int)r_int(&r);
	sh.dot_depth = (int)r_int(&r);
	sh.nest = (int)r_int(&r);
	r_char(&r, 'v');
	long nsc = r_count(&r);
	for (long d = 0; d < nsc && !r.bad; d++) {
		if (d > 0)
			scope_push();
		long nv = r_count(&r);
		for (long i = 0; i < nv && !r.bad; i++) {
			char *name = r_strn(&r, NULL);
			int flags = (int)r_int(&r);
			int base = (int)r_int(&r);
			int width = (int)r_int(&r);
			long ne = r_count(&r);
			if (!name || r.bad) {
				free(name);
				r.bad = 1;
				break;
			}
			struct var *v = var_lookup_scope(scope_top, name);
			if (!v)
				v = var_create(scope_top, name);
			var_clear(v);
			v->flags = flags | (v->flags & V_SPECIAL);
			v->base = base;
			v->width = width;
			for (long e = 0; e < ne && !r.bad; e++) {
				uint32_t idx = (uint32_t)r_int(&r);
				char *val = r_strn(&r, NULL);
				var_raw_set(v, idx, val ? val : xstrdup(""));
			}
			free(name);
		}
	}
	r.pool = save;
	r_char(&r, 'f');
	long nf = r_count(&r);
	for (long i = 0; i < nf && !r.bad; i++) {
		char *name = r_strn(&r, NULL);
		int ksh = (int)r_int(&r);
		int fl = (int)r_int(&r);
		struct node *body = deser_nodes(&r);
		if (name && body && !r.bad) {
			func_define(name, body, pool, ksh);
			func_find(name)->flags = fl;
		}
	}
	r_char(&r, 'a');
	long na = r_count(&r);
	alias_clear();
	for (long i = 0; i < na && !r.bad; i++) {
		char *an = r_strn(&r, NULL);
		char *av = r_strn(&r, NULL);
		if (an && av)
			alias_set(an, av);
	}
	r_char(&r, 't');
	long nt = r_count(&r);
	for (long i = 0; i < nt && !r.bad; i++) {
		char *t = r_strn(&r, NULL);
		if (i <= NSIGS && t)
			trap_set((int)i, t);
	}
	r_char(&r, 'h');
	long nh = r_count(&r);
	for (long i = 0; i < nh && !r.bad; i++) {
		char *hn = r_strn(&r, NULL);
		char *hp = r_strn(&r, NULL);
		if (hn && hp)
			hash_add(hn, hp);
	}
	r_char(&r, 'c');
	struct node *c = deser_nodes(&r);
	r_char(&r, 'e');
	if (r.bad) {
		pool_unref(pool);
		return -1;
	}
	*cmd = c;
	*poolp = pool;
	return 0;
}
