/*
 * var.c - shell parameters: scopes (dynamic scoping, one per function
 * call), sparse indexed arrays, attributes (-i -u -l -L -R -Z -r -x),
 * special variables and the environment of spawned programs.
 */
#include "qsh.h"
#include "shell.h"
#include "varint.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct scope *scope_top, *scope_global;
int env_dirty = 1;

/* Hash of a variable name. */
unsigned hash_name(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* A new empty scope above up. */
struct scope *scope_new(struct scope *up, size_t size)
{
	struct scope *sc = xcalloc(1, sizeof *sc);
	sc->up = up;
	sc->size = size;
	sc->tab = xcalloc(size, sizeof *sc->tab);
	sc->depth = up ? up->depth + 1 : 0;
	return sc;
}

static void scope_grow(struct scope *sc)
{
	size_t ns = sc->size * 2;
	struct var **nt = xcalloc(ns, sizeof *nt);
	for (size_t i = 0; i < sc->size; i++) {
		struct var *v = sc->tab[i];
		while (v) {
			struct var *n = v->next;
			unsigned h = hash_name(v->name) & (ns - 1);
			v->next = nt[h];
			nt[h] = v;
			v = n;
		}
	}
	free(sc->tab);
	sc->tab = nt;
	sc->size = ns;
}

/* Find name in one scope only. */
struct var *var_lookup_scope(struct scope *sc, const char *name)
{
	unsigned h = hash_name(name) & (sc->size - 1);
	for (struct var *v = sc->tab[h]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

static int special_id(const char *name)
{
	static const struct {
		const char *n;
		int id;
	} sp[] = {{"RANDOM", SV_RANDOM},
	          {"SECONDS", SV_SECONDS},
	          {"LINENO", SV_LINENO},
	          {"BASHPID", SV_BASHPID},
	          {"EPOCHREALTIME", SV_EPOCHREALTIME},
	          {"PATH", SV_PATH},
	          {"IFS", SV_IFS},
	          {"OPTIND", SV_OPTIND},
	          {"HISTFILE", SV_HISTFILE},
	          {"HISTSIZE", SV_HISTSIZE},
	          {"COLUMNS", SV_COLUMNS},
	          {"LINES", SV_LINES},
	          {"TMOUT", SV_TMOUT}};
	for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++)
		if (!strcmp(sp[i].n, name))
			return sp[i].id;
	return SV_NONE;
}

/* Create an unset variable name in scope sc (must not exist there). */
struct var *var_create(struct scope *sc, const char *name)
{
	if (sc->count * 2 >= sc->size)
		scope_grow(sc);
	struct var *v = xcalloc(1, sizeof *v);
	v->name = xstrdup(name);
	if (sc == scope_global) {
		v->special = special_id(name);
		if (v->special)
			v->flags |= V_SPECIAL;
		if (v->special == SV_RANDOM || v->special == SV_SECONDS ||
		    v->special == SV_LINENO || v->special == SV_COLUMNS || v->special == SV_LINES ||
		    v->special == SV_OPTIND || v->special == SV_TMOUT)
			v->flags |= V_INTEGER;
		if (v->special == SV_BASHPID)
			v->flags |= V_INTEGER | V_UNSIGNED;
	}
	unsigned h = hash_name(name) & (sc->size - 1);
	v->next = sc->tab[h];
	sc->tab[h] = v;
	sc->count++;
	return v;
}

/* The visible variable called name itself (name references not followed). */
struct var *var_lookup_raw(const char *name)
{
	struct var *v = NULL;
	for (struct scope *sc = scope_top; sc && !v; sc = sc->up)
		v = var_lookup_scope(sc, name);
	return v;
}

/*
 * Follow name references from name; returns the final variable (or NULL)
 * and in *final the name it has (or would have). A reference cycle is an
 * error.
 */
static struct var *resolve(const char *name, const char **final)
{
	for (int hops = 0; hops < 32; hops++) {
		struct var *v = var_lookup_raw(name);
		*final = name;
		if (!v || !(v->flags & V_NAMEREF) || !v->n)
			return v;
		name = v->el[0].val;
	}
	errorf("%s: expression recurses on parameter '%s'", name, name);
	return NULL;
}

/* The visible variable called name (following name references), or NULL. */
struct var *var_lookup(const char *name)
{
	const char *f;
	return resolve(name, &f);
}

/* The visible variable, created in the global scope if it does not exist. */
struct var *var_need(const char *name)
{
	const char *f;
	struct var *v = resolve(name, &f);
	if (!v)
		v = var_create(scope_global, f);
	return v;
}

/* Resolve a name (with nameref) optionally creating it. */
struct var *var_resolve(const char *name, int create)
{
	return create ? var_need(name) : var_lookup(name);
}

/* Element idx of v (binary search); *pos gets the insertion point. */
struct velem *find_el(struct var *v, uint32_t idx, size_t *pos)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->el[mid].idx < idx)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (pos)
		*pos = lo;
	if (lo < v->n && v->el[lo].idx == idx)
		return &v->el[lo];
	return NULL;
}

static char special_buf[64];

/* Value of a special variable computed on access (NULL: use the stored one). */
static const char *special_get(struct var *v)
{
	switch (v->special) {
	case SV_RANDOM: {
		if (!sh.random_seeded) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			sh.random_state = (unsigned)ts.tv_nsec ^ (unsigned)getpid() * 2654435761u ^
			                  (unsigned)ts.tv_sec;
			sh.random_seeded = 1;
		}
		sh.random_state = sh.random_state * 1103515245u + 12345u;
		snprintf(special_buf, sizeof special_buf, "%u", (sh.random_state >> 16) & 0x7fff);
		return special_buf;
	}
	case SV_SECONDS:
		snprintf(special_buf, sizeof special_buf, "%ld",
		         (long)(time(NULL) - sh.start_time) + sh.seconds_base);
		return special_buf;
	case SV_LINENO:
		snprintf(special_buf, sizeof special_buf, "%d", sh.lineno);
		return special_buf;
	case SV_BASHPID:
		snprintf(special_buf, sizeof special_buf, "%ld", (long)getpid());
		return special_buf;
	case SV_EPOCHREALTIME: {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(special_buf, sizeof special_buf, "%lld.%06ld", (long long)ts.tv_sec,
		         ts.tv_nsec / 1000);
		return special_buf;
	}
	}
	return NULL;
}

/* Value of element idx of v, or NULL if unset. */
const char *var_elem(struct var *v, uint32_t idx)
{
	if (!v)
		return NULL;
	if ((v->flags & V_SPECIAL) && idx == 0) {
		const char *s = special_get(v);
		if (s)
			return s;
	}
	struct velem *e = find_el(v, idx, NULL);
	return e ? e->val : NULL;
}

/* Is v set (has any element, or is a computed special)? */
int var_isset(struct var *v)
{
	if (!v)
		return 0;
	if ((v->flags & V_SPECIAL) && special_get(v))
		return 1;
	return v->n > 0;
}

/* Scalar value of a variable (element 0), NULL if unset. */
const char *var_getstr(const char *name)
{
	return var_elem(var_lookup(name), 0);
}

/* Decimal (or base#digits) text of integer val for v's attributes (arena). */
char *var_int_str(struct var *v, long val)
{
	int base = v->base ? v->base : 10;
	char buf[80];
	char *p = buf + sizeof buf;
	*--p = 0;
	uint32_t u;
	int neg = 0;
	if (v->flags & V_UNSIGNED) {
		u = (uint32_t)val;
	} else {
		int32_t s = (int32_t)val;
		neg = s < 0;
		u = neg ? (uint32_t)0 - (uint32_t)s : (uint32_t)s;
	}
	do {
		int d = (int)(u % (uint32_t)base);
		*--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		u /= (uint32_t)base;
	} while (u);
	if (base != 10) {
		*--p = '#';
		char bb[8];
		int n = snprintf(bb, sizeof bb, "%d", base);
		p -= n;
		memcpy(p, bb, (size_t)n);
	}
	if (neg)
		*--p = '-';
	return ststrdup(p);
}

/* Apply -u -l -L -R -Z formatting to val (arena result). */
char *var_format(struct var *v, const char *val)
{
	char *s = ststrdup(val);
	if (v->flags & V_UPPER)
		for (char *p = s; *p; p++)
			*p = (char)c_toupper((unsigned char)*p);
	if (v->flags & V_LOWER)
		for (char *p = s; *p; p++)
			*p = (char)c_tolower((unsigned char)*p);
	if (!(v->flags & (V_LJUST | V_RJUST | V_ZEROFILL)))
		return s;
	size_t w = (size_t)v->width;
	if (!w) {
		w = strlen(s);
		v->width = (int)w;
	}
	if (v->flags & V_LJUST) {
		while (*s == ' ' || *s == '\t' || ((v->flags & V_ZEROFILL) && *s == '0'))
			s++;
		size_t n = strlen(s);
		char *r = stalloc(w + 1);
		if (n >= w)
			memcpy(r, s, w);
		else {
			memcpy(r, s, n);
			memset(r + n, ' ', w - n);
		}
		r[w] = 0;
		return r;
	}
	/* right justify (-R, or -Z alone) */
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	s[n] = 0;
	char *r = stalloc(w + 1);
	if (n >= w) {
		memcpy(r, s + n - w, w);
	} else {
		char pad = ' ';
		if ((v->flags & V_ZEROFILL) && (!(v->flags & V_RJUST) || 1)) {
			pad = (n && c_isdigit((unsigned char)s[0])) || (v->flags & V_INTEGER) ? '0'
			                                                                      : ' ';
			if (!(v->flags & V_ZEROFILL))
				pad = ' ';
		}
		if (pad == '0' && n && s[0] == '-') {
			r[0] = '-';
			memset(r + 1, '0', w - n);
			memcpy(r + 1 + (w - n), s + 1, n - 1);
		} else {
			memset(r, pad, w - n);
			memcpy(r + (w - n), s, n);
		}
	}
	r[w] = 0;
	return r;
}

/* Special variable side effects after an assignment. */
void var_special_changed(struct var *v)
{
	struct velem *e = find_el(v, 0, NULL);
	const char *val = e ? e->val : NULL;
	switch (v->special) {
	case SV_PATH:
		hash_clear();
		break;
	case SV_RANDOM:
		if (val) {
			/* like mksh, the value is mixed into the state (no replay) */
			sh.random_state =
			        (sh.random_state ^ (unsigned)strtoul(val, NULL, 10)) * 2654435761u +
			        0x9e3779b9u;
			sh.random_seeded = 1;
		}
		break;
	case SV_SECONDS:
		if (val) {
			sh.start_time = time(NULL);
			sh.seconds_base = (int)strtol(val, NULL, 10);
		}
		break;
	case SV_OPTIND:
		getopts_reset();
		break;
	case SV_HISTFILE:
		hist_set_file(val);
		break;
	case SV_HISTSIZE:
		hist_set_size(val ? strtol(val, NULL, 10) : 0);
		break;
	}
}

/*
 * Assign val to element idx of v (append: concatenate). Applies integer
 * evaluation and formatting; a read-only variable is a fatal error.
 * Returns 0.
 */
int var_assign(struct var *v, uint32_t idx, const char *val, int append)
{
	if (v->flags & V_READONLY)
		errorfx(2, "read-only: %s", v->name);
	struct stmark m;
	stmark(&m);
	char *nv;
	if (v->flags & V_INTEGER) {
		long x;
		if (append) {
			/* mksh: += on an integer concatenates, then evaluates */
			const char *old = var_elem(v, idx);
			x = arith_eval_str(xs_cat2(old ? old : "", val));
		} else {
			if (!v->base) {
				const char *q = val;
				while (*q == ' ' || *q == '\t')
					q++;
				const char *h = q;
				while (c_isdigit((unsigned char)*h))
					h++;
				if (*h == '#' && h > q) {
					long b = strtol(q, NULL, 10);
					if (b >= 2 && b <= 36)
						v->base = (int)b;
				}
			}
			x = arith_eval_str(val);
		}
		nv = var_int_str(v, x);
		if (v->flags & (V_LJUST | V_RJUST | V_ZEROFILL))
			nv = var_format(v, nv);
	} else if (append) {
		const char *old = var_elem(v, idx);
		struct xstr x;
		xs_init(&x);
		xs_adds(&x, old ? old : "");
		xs_adds(&x, val);
		nv = var_format(v, xs_str(&x));
	} else {
		nv = var_format(v, val);
	}
	size_t pos;
	struct velem *e = find_el(v, idx, &pos);
	if (e) {
		free(e->val);
		e->val = xstrdup(nv);
	} else {
		if (v->n == v->cap) {
			v->cap = v->cap ? v->cap * 2 : 1;
			v->el = xrealloc(v->el, v->cap * sizeof *v->el);
		}
		memmove(v->el + pos + 1, v->el + pos, (v->n - pos) * sizeof *v->el);
		v->el[pos].idx = idx;
		v->el[pos].val = xstrdup(nv);
		v->n++;
	}
	strelease(&m);
	if (idx)
		v->flags |= V_ARRAY;
	v->flags &= ~V_IMPORT;
	if (Flag(O_ALLEXPORT))
		v->flags |= V_EXPORT;
	if (v->flags & V_EXPORT)
		env_dirty = 1;
	if (v->flags & V_SPECIAL)
		var_special_changed(v);
	return 0;
}

/* Set scalar variable name to val (global or visible local). */
void var_setstr(const char *name, const char *val)
{
	var_assign(var_need(name), 0, val, 0);
}

/* Set a variable to an integer value. */
void var_setint(const char *name, long val)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", val);
	var_setstr(name, buf);
}

/* Remove all values (keeps attributes). */
void var_clear(struct var *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->el[i].val);
	v->n = 0;
	if (v->flags & V_EXPORT)
		env_dirty = 1;
}

/* Remove element idx of an array. */
void var_unset_elem(struct var *v, uint32_t idx)
{
	size_t pos;
	struct velem *e = find_el(v, idx, &pos);
	if (!e)
		return;
	free(e->val);
	memmove(v->el + pos, v->el + pos + 1, (v->n - pos - 1) * sizeof *v->el);
	v->n--;
	if (v->flags & V_EXPORT)
		env_dirty = 1;
}

static void var_free(struct var *v)
{
	var_clear(v);
	free(v->el);
	free(v->name);
	free(v);
}

/*
 * Unset the visible variable name: it is removed from its scope (an outer
 * one becomes visible). Read-only: warning (if warn) and 1.
 */
int var_unset(const char *name, int warn)
{
	for (struct scope *sc = scope_top; sc; sc = sc->up) {
		unsigned h = hash_name(name) & (sc->size - 1);
		for (struct var **pp = &sc->tab[h]; *pp; pp = &(*pp)->next) {
			struct var *v = *pp;
			if (strcmp(v->name, name))
				continue;
			if (v->flags & V_READONLY) {
				if (warn)
					warningf("read-only: %s", name);
				return 1;
			}
			if (v->flags & V_EXPORT)
				env_dirty = 1;
			int special = v->special;
			*pp = v->next;
			sc->count--;
			var_free(v);
			if (special == SV_PATH)
				hash_clear();
			if (special == SV_HISTFILE)
				hist_set_file(NULL);
			return 0;
		}
	}
	return 0;
}

/*
 * Replace (mode 0), overlay from index 0 (mode 1, set +A) or append
 * (mode 2) the elements of array v with vals.
 */
void var_set_array(struct var *v, char **vals, size_t n, int mode)
{
	if (v->flags & V_READONLY)
		errorfx(2, "read-only: %s", v->name);
	uint32_t base = 0;
	if (mode == 0)
		var_clear(v);
	else if (mode == 2 && v->n)
		base = v->el[v->n - 1].idx + 1;
	for (size_t i = 0; i < n; i++)
		var_assign(v, base + (uint32_t)i, vals[i], 0);
	v->flags |= V_ARRAY;
}

/* Change attributes: set/clear masks, integer base, field width. */
void var_chflags(struct var *v, int set, int clear, int base, int width)
{
	int old = v->flags;
	v->flags = (v->flags | set) & ~clear;
	if (base)
		v->base = base;
	if (width >= 0 && (set & (V_LJUST | V_RJUST | V_ZEROFILL)))
		v->width = width;
	if ((old ^ v->flags) & V_EXPORT)
		env_dirty = 1;
	if ((set & (V_FMTMASK)) && v->n) {
		/* re-apply formatting to existing values */
		int ro = v->flags & V_READONLY;
		v->flags &= ~V_READONLY;
		for (size_t i = 0; i < v->n; i++) {
			char *val = ststrdup(v->el[i].val);
			var_assign(v, v->el[i].idx, val, 0);
		}
		v->flags |= ro;
	}
}

/* ------------------------------------------------------------------ scopes */

/* Enter a function scope. */
void scope_push(void)
{
	scope_top = scope_new(scope_top, 8);
}

/* Leave the innermost function scope, freeing its variables. */
void scope_pop(void)
{
	struct scope *sc = scope_top;
	if (!sc || sc == scope_global)
		return;
	for (size_t i = 0; i < sc->size; i++) {
		struct var *v = sc->tab[i];
		while (v) {
			struct var *n = v->next;
			if (v->flags & V_EXPORT)
				env_dirty = 1;
			var_free(v);
			v = n;
		}
	}
	scope_top = sc->up;
	free(sc->tab);
	free(sc);
}

/* The scope enclosing sc. */
struct scope *scope_up(struct scope *sc)
{
	return sc->up;
}

/* Number of scopes above the global one. */
int scope_depth(void)
{
	return scope_top ? scope_top->depth : 0;
}

/* Pop scopes until depth remains. */
void scope_pop_to(int depth)
{
	while (scope_top && scope_top->depth > depth)
		scope_pop();
}

/* Split "name[sub]" into name and subscript text (arena); 0 if not an lvalue. */
int var_name_split(const char *s, char **name, char **sub)
{
	const char *p = s;
	if (!is_name_start((unsigned char)*p))
		return 0;
	while (is_name_char((unsigned char)*p))
		p++;
	*name = ststrndup(s, (size_t)(p - s));
	*sub = NULL;
	if (!*p)
		return 1;
	if (*p != '[')
		return 0;
	size_t n = strlen(p);
	if (p[n - 1] != ']')
		return 0;
	*sub = ststrndup(p + 1, n - 2);
	return 1;
}

/* Evaluate an array subscript (arithmetic) into an index. */
uint32_t arr_index(const char *sub, const char *full)
{
	(void)full;
	long x = arith_eval_str(sub);
	return (uint32_t)x;
}
