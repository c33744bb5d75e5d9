/*
 * varenv.c - walking variables (listings in name order), the environment
 * of spawned programs (cached, rebuilt when an exported variable changes),
 * importing the environment at start-up, and raw access used when a child
 * shell installs its inherited state.
 */
#include "qsh.h"
#include "shell.h"
#include "varint.h"

#include <stdlib.h>
#include <string.h>

static char **env_cache;
static size_t env_n;

/* ------------------------------------------------------------------ environment */

static int cmp_name(const void *a, const void *b)
{
	const struct var *x = *(struct var *const *)a, *y = *(struct var *const *)b;
	return strcmp(x->name, y->name);
}

/*
 * Call fn for every visible variable (inner scopes shadow outer ones),
 * sorted by name if sorted.
 */
void var_foreach(void (*fn)(struct var *, void *), void *arg, int sorted)
{
	size_t n = 0, cap = 64;
	struct var **all = xmalloc(cap * sizeof *all);
	for (struct scope *sc = scope_top; sc; sc = sc->up) {
		for (size_t i = 0; i < sc->size; i++) {
			for (struct var *v = sc->tab[i]; v; v = v->next) {
				int shadowed = 0;
				for (struct scope *s2 = scope_top; s2 != sc; s2 = s2->up)
					if (var_lookup_scope(s2, v->name)) {
						shadowed = 1;
						break;
					}
				if (shadowed)
					continue;
				if (n == cap) {
					cap *= 2;
					all = xrealloc(all, cap * sizeof *all);
				}
				all[n++] = v;
			}
		}
	}
	if (sorted)
		qsort(all, n, sizeof *all, cmp_name);
	for (size_t i = 0; i < n; i++)
		fn(all[i], arg);
	free(all);
}

/* Order "name=value" strings by name. */
static int cmp_env(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	for (;; x++, y++) {
		int cx = *x == '=' ? 0 : (unsigned char)*x;
		int cy = *y == '=' ? 0 : (unsigned char)*y;
		if (cx != cy || !cx)
			return cx - cy;
	}
}

static void env_collect(struct var *v, void *arg)
{
	struct strv *sv = arg;
	if (!(v->flags & V_EXPORT) || !v->n)
		return;
	const char *val = var_elem(v, 0);
	if (!val)
		return;
	size_t ln = strlen(v->name), lv = strlen(val);
	char *s = xmalloc(ln + lv + 2);
	memcpy(s, v->name, ln);
	s[ln] = '=';
	memcpy(s + ln + 1, val, lv + 1);
	sv_push(sv, s);
}

/*
 * The environment for a spawned program: exported variables plus the
 * "name=value" strings in extra (which override). The result is cached;
 * with extra it lives in the temporary arena.
 */
char **var_environ(struct strv *extra)
{
	if (env_dirty || !env_cache) {
		if (env_cache) {
			for (size_t i = 0; i < env_n; i++)
				free(env_cache[i]);
			free(env_cache);
		}
		struct strv sv;
		sv_init(&sv);
		var_foreach(env_collect, &sv, 0);
		sv_push(&sv, NULL);
		sv.n--;
		qsort(sv.v, sv.n, sizeof *sv.v, cmp_env);
		env_cache = sv.v;
		env_n = sv.n;
		env_dirty = 0;
	}
	if (!extra || !extra->n)
		return env_cache;
	char **e = stalloc((env_n + extra->n + 1) * sizeof *e);
	size_t k = 0;
	for (size_t i = 0; i < env_n; i++) {
		const char *eq = strchr(env_cache[i], '=');
		size_t ln = (size_t)(eq - env_cache[i]);
		int over = 0;
		for (size_t j = 0; j < extra->n; j++)
			if (!strncmp(extra->v[j], env_cache[i], ln + 1))
				over = 1;
		if (!over)
			e[k++] = env_cache[i];
	}
	for (size_t j = 0; j < extra->n; j++) {
		/* a later assignment to the same name wins */
		const char *eq = strchr(extra->v[j], '=');
		size_t ln = eq ? (size_t)(eq - extra->v[j]) : strlen(extra->v[j]);
		int dup = 0;
		for (size_t l = j + 1; l < extra->n; l++)
			if (!strncmp(extra->v[l], extra->v[j], ln + 1))
				dup = 1;
		if (!dup)
			e[k++] = extra->v[j];
	}
	e[k] = NULL;
	qsort(e, k, sizeof *e, cmp_env); /* mksh passes the environment sorted */
	return e;
}

/* IFS value for splitting (default " \t\n" when unset). */
const char *ifs_value(void)
{
	struct var *v = var_lookup("IFS");
	const char *s = v ? var_elem(v, 0) : NULL;
	return s ? s : " \t\n";
}

/* Import the environment and set the shell's initial variables. */
void var_init(char **envp)
{
	scope_global = scope_top = scope_new(NULL, 256);
	for (char **e = envp; e && *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq || eq == *e)
			continue;
		char *name = xstrndup(*e, (size_t)(eq - *e));
		if (is_valid_name(name) && strcmp(name, "IFS") != 0) {
			struct var *v = var_lookup_scope(scope_global, name);
			if (!v)
				v = var_create(scope_global, name);
			v->flags |= V_EXPORT;
			size_t pos;
			if (!find_el(v, 0, &pos)) {
				v->el = xrealloc(v->el, sizeof *v->el);
				v->cap = 1;
				v->el[0].idx = 0;
				v->el[0].val = xstrdup(eq + 1);
				v->n = 1;
			}
			v->flags |= V_IMPORT;
		}
		free(name);
	}
}

/* Store val (taken over) as element idx without any checks (state import). */
void var_raw_set(struct var *v, uint32_t idx, char *val)
{
	size_t pos;
	struct velem *e = find_el(v, idx, &pos);
	if (e) {
		free(e->val);
		e->val = val;
		return;
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 1;
		v->el = xrealloc(v->el, v->cap * sizeof *v->el);
	}
	memmove(v->el + pos + 1, v->el + pos, (v->n - pos) * sizeof *v->el);
	v->el[pos].idx = idx;
	v->el[pos].val = val;
	v->n++;
	env_dirty = 1;
}

/* Call fn for each variable of the scope at depth d (0: global); count. */
long scope_serialize(int d, void (*fn)(struct var *, void *), void *arg)
{
	struct scope *sc = scope_top;
	while (sc && sc->depth > d)
		sc = sc->up;
	if (!sc)
		return 0;
	long n = 0;
	for (size_t i = 0; i < sc->size; i++)
		for (struct var *v = sc->tab[i]; v; v = v->next) {
			fn(v, arg);
			n++;
		}
	return n;
}
