/*
 * test, [ - evaluate expression (POSIX, with the XSI -a -o ( ) operators and
 * the common -nt -ot -ef, -k -O -G -S extensions).
 *
 * With four or fewer arguments the POSIX rules by argument count apply; longer
 * expressions are parsed with -o lowest, then -a, then !, ( ) and primaries.
 * Integers may be of any length. Exit status 0 true, 1 false, 2 error.
 */
#include "qu.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: test expression\n"
         "       [ expression ]\n"
         "Evaluates expression; exit status 0 if true, 1 if false, 2 on error.\n");

static char **av;
static int ac, pos;

static int expr(void);
static int posixtest(int nargs);

/* Reports a syntax error and exits with status 2. */
static _Noreturn void syntax(const char *fmt, const char *arg)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", qu_prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

/* Error for running out of arguments. */
static _Noreturn void beyond(void)
{
	syntax("missing argument after %s", qu_quote(av[ac - 1]));
}

/* Moves to the next argument; with need, one must follow. */
static void advance(int need)
{
	pos++;
	if (need && pos >= ac)
		beyond();
}

/* Returns 1 if s is a binary operator. */
static int is_binop(const char *s)
{
	static const char *const ops[] = {"=",   "==",  "!=",  "-eq", "-ne", "-lt", "-le",
	                                  "-gt", "-ge", "-nt", "-ot", "-ef", NULL};
	int i;

	for (i = 0; ops[i]; i++)
		if (!strcmp(s, ops[i]))
			return 1;
	return 0;
}

/* Returns 1 if s is a unary operator. */
static int is_unop(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefgGhkLnOprsStuwxz", s[1]);
}

/* Validates an integer operand (blanks, sign, digits, blanks) and returns a
 * pointer to its first digit; *neg receives the sign, *len the digit count
 * after leading zeros. */
static const char *get_int(const char *s, int *neg, size_t *len)
{
	const char *p = s, *d;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	*neg = 0;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	d = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == d)
		syntax("invalid integer %s", qu_quote(s));
	*len = (size_t)(p - d);
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (*p)
		syntax("invalid integer %s", qu_quote(s));
	while (*len > 1 && *d == '0')
		d++, (*len)--;
	if (*len == 1 && *d == '0')
		*neg = 0;
	return d;
}

/* Compares two integer strings of any length; returns <0, 0 or >0. */
static int int_cmp(const char *a, const char *b)
{
	int na, nb, r;
	size_t la, lb;
	const char *da = get_int(a, &na, &la), *db = get_int(b, &nb, &lb);

	if (na != nb)
		return na ? -1 : 1;
	if (la != lb)
		r = la < lb ? -1 : 1;
	else
		r = strncmp(da, db, la);
	return na ? -r : r;
}

/* Evaluates the binary operator at av[pos+1] with operands around it. */
static int binary(void)
{
	const char *l = av[pos], *op = av[pos + 1], *r = av[pos + 2];
	struct stat a, b;
	int ha, hb;

	pos += 3;
	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(l, r);
	if (!strcmp(op, "!="))
		return strcmp(l, r) != 0;
	if (op[1] == 'e' && op[2] == 'q')
		return int_cmp(l, r) == 0;
	if (!strcmp(op, "-ne"))
		return int_cmp(l, r) != 0;
	if (!strcmp(op, "-lt"))
		return int_cmp(l, r) < 0;
	if (!strcmp(op, "-le"))
		return int_cmp(l, r) <= 0;
	if (!strcmp(op, "-gt"))
		return int_cmp(l, r) > 0;
	if (!strcmp(op, "-ge"))
		return int_cmp(l, r) >= 0;
	ha = stat(l, &a) == 0;
	hb = stat(r, &b) == 0;
	if (!strcmp(op, "-ef"))
		return ha && hb && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	if (!strcmp(op, "-nt")) {
		if (!ha || !hb)
			return ha;
		return a.st_mtim.tv_sec > b.st_mtim.tv_sec ||
		       (a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
		        a.st_mtim.tv_nsec > b.st_mtim.tv_nsec);
	}
	/* -ot */
	if (!ha || !hb)
		return hb;
	return a.st_mtim.tv_sec < b.st_mtim.tv_sec ||
	       (a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec < b.st_mtim.tv_nsec);
}

/* Evaluates the unary operator at av[pos] with its operand. */
static int unary(void)
{
	const char *op = av[pos], *s;
	struct stat st;
	char *end;
	long fd;

	if (!is_unop(op))
		syntax("%s: unary operator expected", qu_quote(op));
	advance(1);
	s = av[pos];
	pos++;
	switch (op[1]) {
	case 'n':
		return *s != 0;
	case 'z':
		return *s == 0;
	case 't':
		fd = strtol(s, &end, 10);
		if (!*s || *end || fd < 0 || fd > 65535)
			syntax("invalid integer %s", qu_quote(s));
		return isatty((int)fd);
	case 'h':
	case 'L':
		return lstat(s, &st) == 0 && S_ISLNK(st.st_mode);
	case 'r':
		return faccessat(AT_FDCWD, s, R_OK, AT_EACCESS) == 0;
	case 'w':
		return faccessat(AT_FDCWD, s, W_OK, AT_EACCESS) == 0;
	case 'x':
		return faccessat(AT_FDCWD, s, X_OK, AT_EACCESS) == 0;
	}
	if (stat(s, &st) != 0)
		return 0;
	switch (op[1]) {
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'e':
		return 1;
	case 'f':
		return S_ISREG(st.st_mode);
	case 'g':
		return (st.st_mode & S_ISGID) != 0;
	case 'G':
		return st.st_gid == getegid();
	case 'k':
		return (st.st_mode & S_ISVTX) != 0;
	case 'O':
		return st.st_uid == geteuid();
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 's':
		return st.st_size > 0;
	case 'S':
		return S_ISSOCK(st.st_mode);
	case 'u':
		return (st.st_mode & S_ISUID) != 0;
	}
	return 0;
}

/* term: "!"* ( "(" expr ")" | binary | unary | string ). */
static int term(void)
{
	int value, negate = 0, nargs;

	if (pos >= ac)
		beyond();
	while (pos < ac && !strcmp(av[pos], "!")) {
		advance(1);
		negate = !negate;
	}
	if (!strcmp(av[pos], "(")) {
		advance(1);
		for (nargs = 1; pos + nargs < ac && strcmp(av[pos + nargs], ")"); nargs++) {
			if (nargs == 4) {
				nargs = ac - pos;
				break;
			}
		}
		value = posixtest(nargs);
		if (pos >= ac)
			syntax("%s expected", "')'");
		if (strcmp(av[pos], ")"))
			syntax("')' expected, found %s", qu_quote(av[pos]));
		pos++;
	} else if (ac - pos >= 3 && is_binop(av[pos + 1])) {
		value = binary();
	} else if (is_unop(av[pos])) {
		value = unary();
	} else {
		value = av[pos][0] != 0;
		pos++;
	}
	return negate ? !value : value;
}

/* and: term ("-a" term)*. */
static int and_expr(void)
{
	int value = 1;

	for (;;) {
		value &= term();
		if (!(pos < ac && !strcmp(av[pos], "-a")))
			return value;
		advance(0);
	}
}

/* expr: and ("-o" and)*. */
static int expr(void)
{
	int value = 0;

	for (;;) {
		value |= and_expr();
		if (!(pos < ac && !strcmp(av[pos], "-o")))
			return value;
		advance(0);
	}
}

/* POSIX evaluation of the next nargs arguments by their count. */
static int posixtest(int nargs)
{
	int value;

	switch (nargs) {
	case 1:
		value = av[pos][0] != 0;
		pos++;
		return value;
	case 2:
		if (!strcmp(av[pos], "!")) {
			pos++;
			return !posixtest(1);
		}
		if (av[pos][0] == '-' && av[pos][1] && !av[pos][2])
			return unary();
		beyond();
	case 3:
		if (is_binop(av[pos + 1]))
			return binary();
		if (!strcmp(av[pos], "!")) {
			pos++;
			return !posixtest(2);
		}
		if (!strcmp(av[pos], "(") && !strcmp(av[pos + 2], ")")) {
			pos++;
			value = posixtest(1);
			pos++;
			return value;
		}
		if (!strcmp(av[pos + 1], "-a") || !strcmp(av[pos + 1], "-o"))
			return expr();
		syntax("%s: binary operator expected", qu_quote(av[pos + 1]));
	case 4:
		if (!strcmp(av[pos], "!")) {
			pos++;
			return !posixtest(3);
		}
		if (!strcmp(av[pos], "(") && !strcmp(av[pos + 3], ")")) {
			pos++;
			value = posixtest(2);
			pos++;
			return value;
		}
		/* FALLTHROUGH */
	default:
		return expr();
	}
}

int main(int argc, char **argv)
{
	int value;

	qu_init(argv[0]);
	if (!strcmp(qu_prog, "[")) {
		if (argc < 2 || strcmp(argv[argc - 1], "]"))
			syntax("missing %s", "']'");
		argc--;
	}
	av = argv;
	ac = argc;
	pos = 1;
	if (argc <= 1)
		return 1;
	value = argc - 1 <= 4 ? posixtest(argc - 1) : expr();
	if (pos != argc)
		syntax("extra argument %s", qu_quote(argv[pos]));
	return !value;
}
