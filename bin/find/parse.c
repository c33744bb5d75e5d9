/*
 * parse.c - parsing find's expression:
 *   expr := or;  or := and ("-o" and)*;  and := not (["-a"] not)*;
 *   not := ("!" | "-not") not | "(" expr ")" | primary
 */
#include "find.h"
#include "mode.h"
#include "qu.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

struct find_conf fc = {-1, 0, 0, 0, 0, 0, 0};

static char **av;
static int ac, pos, have_action;

static struct node *parse_or(void);

/* Makes a node. */
static struct node *mk(enum node_kind k, struct node *l, struct node *r)
{
	struct node *n = qu_malloc(sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = k;
	n->l = l;
	n->r = r;
	return n;
}

/* Returns the argument of the primary at av[pos-1], or exits. */
static const char *arg(void)
{
	if (pos >= ac)
		qu_die(1, "missing argument to `%s'", av[pos - 1]);
	return av[pos++];
}

/* Parses a numeric argument with an optional + or - prefix. */
static void numeric(struct node *n, const char *s, int allow_unit)
{
	char *end;

	n->cmp = '=';
	if (*s == '+' || *s == '-')
		n->cmp = *s++;
	if (*s < '0' || *s > '9')
		goto bad;
	n->num = strtoll(s, &end, 10);
	n->unit = 512;
	if (allow_unit && *end) {
		switch (*end++) {
		case 'c':
			n->unit = 1;
			break;
		case 'w':
			n->unit = 2;
			break;
		case 'b':
			n->unit = 512;
			break;
		case 'k':
			n->unit = 1024;
			break;
		case 'M':
			n->unit = 1024 * 1024;
			break;
		case 'G':
			n->unit = 1024LL * 1024 * 1024;
			break;
		default:
			goto bad;
		}
	}
	if (*end)
		goto bad;
	return;
bad:
	qu_die(1, "invalid argument `%s' to `%s'", s, av[pos - 2]);
}

/* Parses -exec/-ok: arguments up to ";" or "{} +". */
static void parse_exec(struct node *n)
{
	int start = pos;

	for (; pos < ac; pos++) {
		if (!strcmp(av[pos], ";"))
			break;
		if (!strcmp(av[pos], "+") && pos > start && !strcmp(av[pos - 1], "{}") &&
		    n->kind == N_EXEC) {
			n->plus = 1;
			break;
		}
	}
	if (pos >= ac || pos == start)
		qu_die(1, "missing argument to `%s'", av[start - 1]);
	n->argc = pos - start;
	n->argv = av + start;
	pos++;
}

/* Parses a primary. */
static struct node *primary(void)
{
	const char *p = av[pos++], *s;
	struct node *n;
	struct stat st;

	if (!strcmp(p, "-name") || !strcmp(p, "-iname") || !strcmp(p, "-path") ||
	    !strcmp(p, "-wholename")) {
		n = mk(p[1] == 'n' ? N_NAME : p[1] == 'i' ? N_INAME : N_PATH, NULL, NULL);
		n->str = arg();
		return n;
	}
	if (!strcmp(p, "-type")) {
		n = mk(N_TYPE, NULL, NULL);
		s = arg();
		if (strlen(s) != 1 || !strchr("bcdflps", s[0]))
			qu_die(1, "Unknown argument to -type: %s", s);
		n->str = s;
		return n;
	}
	if (!strcmp(p, "-size")) {
		n = mk(N_SIZE, NULL, NULL);
		numeric(n, arg(), 1);
		return n;
	}
	if (!strcmp(p, "-mtime") || !strcmp(p, "-atime") || !strcmp(p, "-ctime") ||
	    !strcmp(p, "-mmin") || !strcmp(p, "-links") || !strcmp(p, "-inum")) {
		n = mk(p[1] == 'a'   ? N_ATIME
		       : p[1] == 'c' ? N_CTIME
		       : p[1] == 'l' ? N_LINKS
		       : p[1] == 'i' ? N_INUM
		       : p[2] == 'm' ? N_MMIN
		                     : N_MTIME,
		       NULL, NULL);
		numeric(n, arg(), 0);
		return n;
	}
	if (!strcmp(p, "-newer")) {
		n = mk(N_NEWER, NULL, NULL);
		s = arg();
		if ((fc.follow ? stat(s, &st) : lstat(s, &st)) != 0)
			qu_die_errno(1, errno, "%s", qu_quote(s));
		n->t = st.st_mtim;
		return n;
	}
	if (!strcmp(p, "-perm")) {
		n = mk(N_PERM, NULL, NULL);
		s = arg();
		n->cmp = '=';
		if (*s == '-' || *s == '/')
			n->cmp = *s++;
		if (qu_mode_apply(s, 0, 0, 0, &n->mode) != 0)
			qu_die(1, "invalid mode `%s'", s);
		return n;
	}
	if (!strcmp(p, "-user") || !strcmp(p, "-group")) {
		char *end;
		n = mk(p[1] == 'u' ? N_USER : N_GROUP, NULL, NULL);
		s = arg();
		if (n->kind == N_USER) {
			struct passwd *pw = getpwnam(s);
			if (pw)
				n->num = pw->pw_uid;
			else if ((n->num = strtoll(s, &end, 10)), !*s || *end)
				qu_die(1, "`%s' is not the name of a known user", s);
		} else {
			struct group *gr = getgrnam(s);
			if (gr)
				n->num = gr->gr_gid;
			else if ((n->num = strtoll(s, &end, 10)), !*s || *end)
				qu_die(1, "`%s' is not the name of an existing group", s);
		}
		return n;
	}
	if (!strcmp(p, "-nouser"))
		return mk(N_NOUSER, NULL, NULL);
	if (!strcmp(p, "-nogroup"))
		return mk(N_NOGROUP, NULL, NULL);
	if (!strcmp(p, "-empty"))
		return mk(N_EMPTY, NULL, NULL);
	if (!strcmp(p, "-prune"))
		return mk(N_PRUNE, NULL, NULL);
	if (!strcmp(p, "-true"))
		return mk(N_TRUE, NULL, NULL);
	if (!strcmp(p, "-false"))
		return mk(N_NOT, mk(N_TRUE, NULL, NULL), NULL);
	if (!strcmp(p, "-print")) {
		have_action = 1;
		return mk(N_PRINT, NULL, NULL);
	}
	if (!strcmp(p, "-print0")) {
		have_action = 1;
		return mk(N_PRINT0, NULL, NULL);
	}
	if (!strcmp(p, "-quit"))
		return mk(N_QUIT, NULL, NULL);
	if (!strcmp(p, "-delete")) {
		have_action = 1;
		fc.depth_first = 1;
		return mk(N_DELETE, NULL, NULL);
	}
	if (!strcmp(p, "-exec") || !strcmp(p, "-ok")) {
		have_action = 1;
		n = mk(p[1] == 'e' ? N_EXEC : N_OK, NULL, NULL);
		parse_exec(n);
		return n;
	}
	/* global options: they apply wherever they appear */
	if (!strcmp(p, "-maxdepth") || !strcmp(p, "-mindepth")) {
		char *end;
		long v;
		s = arg();
		v = strtol(s, &end, 10);
		if (!*s || *end || v < 0)
			qu_die(1, "Expected a positive decimal integer argument to %s, but got %s",
			       p, qu_quote(s));
		if (p[2] == 'a')
			fc.maxdepth = (int)v;
		else
			fc.mindepth = (int)v;
		return mk(N_TRUE, NULL, NULL);
	}
	if (!strcmp(p, "-depth") || !strcmp(p, "-d")) {
		fc.depth_first = 1;
		return mk(N_TRUE, NULL, NULL);
	}
	if (!strcmp(p, "-xdev") || !strcmp(p, "-mount")) {
		fc.xdev = 1;
		return mk(N_TRUE, NULL, NULL);
	}
	if (!strcmp(p, "-follow")) {
		fc.follow = 2;
		return mk(N_TRUE, NULL, NULL);
	}
	if (p[0] == '-' && p[1])
		qu_die(1, "unknown predicate `%s'", p);
	qu_die(1, "paths must precede expression: `%s'", p);
}

/* not := "!" not | "(" expr ")" | primary */
static struct node *parse_not(void)
{
	struct node *n;

	if (pos >= ac)
		qu_die(1, "expected an expression after '%s'", av[pos - 1]);
	if (!strcmp(av[pos], "!") || !strcmp(av[pos], "-not")) {
		pos++;
		return mk(N_NOT, parse_not(), NULL);
	}
	if (!strcmp(av[pos], "(")) {
		pos++;
		if (pos < ac && !strcmp(av[pos], ")"))
			qu_die(1, "invalid expression; empty parentheses are not allowed.");
		n = parse_or();
		if (pos >= ac || strcmp(av[pos], ")"))
			qu_die(1, "invalid expression; I was expecting to find a ')' somewhere but "
			          "did not see one.");
		pos++;
		return n;
	}
	if (!strcmp(av[pos], ")") || !strcmp(av[pos], "-o") || !strcmp(av[pos], "-a") ||
	    !strcmp(av[pos], "-or") || !strcmp(av[pos], "-and"))
		qu_die(1,
		       "invalid expression; you have used a binary operator '%s' with nothing "
		       "before it.",
		       av[pos]);
	return primary();
}

/* and := not (["-a"] not)* */
static struct node *parse_and(void)
{
	struct node *n = parse_not();

	while (pos < ac && strcmp(av[pos], "-o") && strcmp(av[pos], "-or") &&
	       strcmp(av[pos], ")")) {
		if (!strcmp(av[pos], "-a") || !strcmp(av[pos], "-and")) {
			pos++;
			if (pos >= ac)
				qu_die(1,
				       "invalid expression; you have used a binary operator '%s' "
				       "with nothing after it.",
				       av[pos - 1]);
		}
		n = mk(N_AND, n, parse_not());
	}
	return n;
}

/* or := and ("-o" and)* */
static struct node *parse_or(void)
{
	struct node *n = parse_and();

	while (pos < ac && (!strcmp(av[pos], "-o") || !strcmp(av[pos], "-or"))) {
		pos++;
		if (pos >= ac)
			qu_die(1,
			       "invalid expression; you have used a binary operator '%s' with "
			       "nothing after it.",
			       av[pos - 1]);
		n = mk(N_OR, n, parse_and());
	}
	return n;
}

/* See find.h. */
struct node *parse_expr(char **argv, int i, int argc)
{
	struct node *n;

	av = argv;
	ac = argc;
	pos = i;
	if (pos >= ac)
		return mk(N_PRINT, NULL, NULL);
	n = parse_or();
	if (pos < ac)
		qu_die(1, "invalid expression; you have too many ')'");
	if (!have_action)
		n = mk(N_AND, n, mk(N_PRINT, NULL, NULL));
	return n;
}
