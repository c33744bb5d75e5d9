/*
 * prompt.c - expansion of PS1/PS2 (parameter, command and arithmetic
 * substitution; '!' is the history number, "!!" a literal '!') and PS4,
 * and the select loop which prompts with PS3.
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <stdlib.h>
#include <string.h>

/* Expand s like a double-quoted string; on error return s itself (malloc). */
static char *expand_dq(const char *s)
{
	if (!s)
		return xstrdup("");
	if (!strpbrk(s, "$`\\"))
		return xstrdup(s);
	struct catchpt c;
	catch_push(&c);
	struct pool *pool = pool_new();
	char *r;
	int k = sigsetjmp(c.jb, 0);
	if (k) {
		catch_restore(&c);
		catch_pop(&c);
		pool_unref(pool);
		if (k == UW_EXIT)
			unwind(k);
		return xstrdup(s);
	}
	struct wpart *p = lex_string_parts(pool, s, strlen(s), LM_HEREDOC);
	r = xstrdup(expand_parts_str(p, EXP_HEREDOC));
	catch_pop(&c);
	pool_unref(pool);
	return r;
}

/* PS1/PS2 text ready to print (malloc). */
char *expand_prompt(const char *ps)
{
	int save = sh.status;
	char *e = expand_dq(ps);
	sh.status = save;
	struct sbuf b;
	sb_init(&b);
	for (const char *p = e; *p; p++) {
		if (*p == '!') {
			if (p[1] == '!') {
				sb_addc(&b, '!');
				p++;
			} else {
				sb_printf(&b, "%d", hist_number());
			}
			continue;
		}
		sb_addc(&b, *p);
	}
	free(e);
	return sb_take(&b);
}

/* Expand a string like a prompt but without '!' processing (malloc). */
char *expand_prompt_noexcl(const char *ps)
{
	return expand_dq(ps);
}

/* Expanded PS4 for xtrace (arena). */
const char *expand_prompt_ps4(void)
{
	const char *ps4 = var_getstr("PS4");
	if (!ps4)
		return "";
	int save = sh.status;
	int x = opts[O_XTRACE];
	opts[O_XTRACE] = 0;
	char *e = expand_dq(ps4);
	opts[O_XTRACE] = (unsigned char)x;
	sh.status = save;
	char *r = ststrdup(e);
	free(e);
	return r;
}

/* Print the select menu (words numbered, in columns) to standard error. */
static void select_menu(struct stv *items)
{
	int numw = 1;
	for (size_t n = items->n; n >= 10; n /= 10)
		numw++;
	char **e = stalloc((items->n + 1) * sizeof *e);
	for (size_t i = 0; i < items->n; i++) {
		struct sbuf b;
		sb_init(&b);
		sb_printf(&b, "%*zu) %s", numw, i + 1, items->v[i]);
		e[i] = ststrdup(b.s);
		sb_free(&b);
	}
	print_columns(2, e, items->n, 1);
}

/* select name [in words]; do list; done */
int exec_select(struct node *n, int flags)
{
	(void)flags;
	struct stv items;
	stv_init(&items);
	if (n->flags & NF_HASIN)
		expand_word_list(n->words, &items, EXP_FULL);
	else
		for (int i = 0; i < sh.posc; i++)
			stv_push(&items, sh.posv[i]);
	int st = 1;
	int show = 1;
	sh.loop_depth++;
	for (;;) {
		if (show && items.n)
			select_menu(&items);
		show = 0;
		const char *ps3 = var_getstr("PS3");
		out_str(2, ps3 ? ps3 : "#? ");
		char *args[] = {"read", "-r", "REPLY", NULL};
		const struct builtin *rd = builtin_find("read");
		if (run_builtin(rd, 3, args, 0) != 0) {
			st = 1;
			break;
		}
		const char *reply = var_getstr("REPLY");
		const char *p = reply ? reply : "";
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p) {
			show = 1;
			continue;
		}
		long k;
		if (parse_int(p, &k) == 0 && k >= 1 && (size_t)k <= items.n)
			var_setstr(n->str, items.v[k - 1]);
		else
			var_unset(n->str, 0);
		st = exec_node(n->right, 0);
		if (sh.breaking) {
			sh.breaking--;
			st = 0;
			break;
		}
		if (sh.continuing) {
			if (--sh.continuing > 0)
				break;
			continue;
		}
		if (sh.returning)
			break;
		reply = var_getstr("REPLY");
		if (!reply || !*reply)
			show = 1;
	}
	sh.loop_depth--;
	return st;
}
