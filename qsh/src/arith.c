/*
 * arith.c - arithmetic expressions ($((...)), let, ((...)), integer
 * variables, array subscripts): 32-bit two's complement with silent
 * wrap-around (unsigned if the expression starts with '#'), mksh's
 * operators and its error messages.
 */
#include "qsh.h"
#include "shell.h"

#include <stdlib.h>
#include <string.h>

enum atok {
	A_END,
	A_NUM,
	A_VAR,
	A_LPAR,
	A_RPAR,
	A_OP,
};

/* operator codes: the text is the code's entry in opnames */
enum aop {
	O_COMMA,
	O_ASSIGN,
	O_ADDA,
	O_SUBA,
	O_MULA,
	O_DIVA,
	O_MODA,
	O_SHLA,
	O_SHRA,
	O_ROLA,
	O_RORA,
	O_ANDA,
	O_XORA,
	O_ORA,
	O_QUEST,
	O_COLON,
	O_LOR,
	O_LAND,
	O_BOR,
	O_BXOR,
	O_BAND,
	O_EQ,
	O_NE,
	O_LT,
	O_LE,
	O_GT,
	O_GE,
	O_SHL,
	O_SHR,
	O_ROL,
	O_ROR,
	O_ADD,
	O_SUB,
	O_MUL,
	O_DIV,
	O_MOD,
	O_NOT,
	O_BNOT,
	O_INC,
	O_DEC,
};

static const char *const opnames[] = {
        ",",  "=",  "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "^<=", "^>=", "&=", "^=", "|=",
        "?",  ":",  "||", "&&", "|",  "^",  "&",  "==",  "!=",  "<",   "<=",  ">",  ">=", "<<",
        ">>", "^<", "^>", "+",  "-",  "*",  "/",  "%",   "!",   "~",   "++",  "--"};

struct ar {
	const char *expr;
	const char *p;
	int tok;
	int op;
	long val;
	const char *tstart; /* token text start */
	size_t tlen;
	char *name;
	char *sub;
	int noeval;
	int unsig;
	int depth;
};

int arith_catch;

static int rec_depth;
static const char *rec_names[64];

static _Noreturn void aerr(struct ar *a, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warningf("%s: %s", a->expr, msg);
	rec_depth = 0;
	unwind(UW_ERROR);
}

/* Wrap to 32 bits (signed or unsigned). */
static long wrap(struct ar *a, long long v)
{
	if (a->unsig)
		return (long)(uint32_t)v;
	return (long)(int32_t)(uint32_t)v;
}

static int digval(int c)
{
	if (c_isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c == '@')
		return 62;
	if (c == '_')
		return 63;
	return 99;
}

/*
 * Parse a number literal (decimal, 0x.., base#digits, 1#c); 0 on success.
 * *basep gets the base used (10 by default).
 */
int arith_parse_num(const char *s, long *out, int *basep)
{
	unsigned long long v = 0;
	int base = 10;
	const char *h = strchr(s, '#');
	if (h) {
		char *end;
		long b = strtol(s, &end, 10);
		if (end != h)
			return -1;
		if (b == 1) {
			*out = h[1] ? (unsigned char)h[1] : 0;
			if (basep)
				*basep = 1;
			return h[1] && h[2] ? -1 : 0;
		}
		if (b < 2 || b > 36)
			return -1;
		base = (int)b;
		s = h + 1;
		if (!*s)
			return -1;
	} else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return -1;
	}
	for (; *s; s++) {
		int d = digval((unsigned char)*s);
		if (d >= base)
			return -1;
		v = (v * (unsigned)base + (unsigned)d) & 0xffffffffull;
	}
	*out = (long)v;
	if (basep)
		*basep = base;
	return 0;
}

/* Read the next token. */
static void next(struct ar *a)
{
	const char *p = a->p;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	a->tstart = p;
	a->name = a->sub = NULL;
	if (!*p) {
		a->tok = A_END;
		a->p = p;
		a->tlen = 0;
		return;
	}
	if (c_isdigit((unsigned char)*p)) {
		const char *q = p;
		while (c_isalnum((unsigned char)*q) || *q == '_' || *q == '#' ||
		       (*q == '@' && q > p && strchr(p, '#') && strchr(p, '#') < q))
			q++;
		if (q > p + 1 && p[0] == '1' && p[1] == '#' && q == p + 2 && *q && *q != ' ')
			q++; /* 1#c with a non-alphanumeric c */
		char *t = ststrndup(p, (size_t)(q - p));
		if (arith_parse_num(t, &a->val, NULL) < 0) {
			a->p = q;
			aerr(a, "bad number: Invalid argument");
		}
		a->val = wrap(a, (long long)(uint32_t)a->val);
		a->tok = A_NUM;
		a->p = q;
		a->tlen = (size_t)(q - p);
		return;
	}
	if (*p == '\'' && p[1] && p[2] == '\'') {
		a->val = (unsigned char)p[1];
		a->tok = A_NUM;
		a->p = p + 3;
		a->tlen = 3;
		return;
	}
	if (is_name_start((unsigned char)*p)) {
		const char *q = p;
		while (is_name_char((unsigned char)*q))
			q++;
		a->name = ststrndup(p, (size_t)(q - p));
		const char *r = q;
		while (*r == ' ' || *r == '\t')
			r++;
		if (*q == '[') {
			int depth = 0;
			const char *e = q;
			for (; *e; e++) {
				if (*e == '[')
					depth++;
				else if (*e == ']' && --depth == 0)
					break;
			}
			if (!*e)
				aerr(a, "missing ]");
			a->sub = ststrndup(q + 1, (size_t)(e - q - 1));
			q = e + 1;
		}
		a->tok = A_VAR;
		a->p = q;
		a->tlen = (size_t)(q - p);
		return;
	}
	if (*p == '(' || *p == ')') {
		a->tok = *p == '(' ? A_LPAR : A_RPAR;
		a->p = p + 1;
		a->tlen = 1;
		return;
	}
	int best = -1;
	size_t bl = 0;
	for (int i = 0; i < (int)(sizeof opnames / sizeof opnames[0]); i++) {
		size_t l = strlen(opnames[i]);
		if (l > bl && !strncmp(p, opnames[i], l)) {
			best = i;
			bl = l;
		}
	}
	if (best < 0) {
		/* reported when the parser looks at it (mksh evaluates up to here) */
		a->tlen = 1;
		a->tok = A_OP;
		a->op = -1;
		a->p = p + 1;
		return;
	}
	a->tok = A_OP;
	a->op = best;
	a->p = p + bl;
	a->tlen = bl;
}

static _Noreturn void unexpected(struct ar *a)
{
	if (a->tok == A_END)
		aerr(a, "unexpected 'end of expression'");
	aerr(a, "unexpected '%.*s'", (int)a->tlen, a->tstart);
}

static long expr_comma(struct ar *a);
static long expr_assign(struct ar *a);

/* Value of variable name[sub] as a number (evaluating its text). */
static long var_value(struct ar *a, const char *name, const char *sub)
{
	if (a->noeval)
		return 0;
	struct var *v = var_lookup(name);
	uint32_t idx = sub ? (uint32_t)arith_eval_str(sub) : 0;
	const char *s = var_elem(v, idx);
	if (!s)
		return 0;
	const char *q = s;
	while (*q == ' ' || *q == '\t' || *q == '\n')
		q++;
	if (!*q)
		return 0;
	long n;
	int base;
	if (v && (v->flags & V_INTEGER) && arith_parse_num(q, &n, &base) == 0)
		return wrap(a, n);
	for (int i = 0; i < rec_depth; i++)
		if (!strcmp(rec_names[i], name))
			aerr(a, "expression recurses on parameter '%s'", name);
	if (rec_depth >= 64)
		aerr(a, "expression recurses on parameter '%s'", name);
	rec_names[rec_depth++] = name;
	int err = 0;
	long r = arith_eval(s, &err);
	rec_depth--;
	return wrap(a, r);
}

/* Store value into name[sub]. */
static void var_store(struct ar *a, const char *name, const char *sub, long val)
{
	if (a->noeval)
		return;
	struct var *v = var_need(name);
	uint32_t idx = sub ? (uint32_t)arith_eval_str(sub) : 0;
	char buf[32];
	if (v->flags & V_INTEGER) {
		int ro = v->flags & V_READONLY;
		if (ro)
			errorfx(2, "read-only: %s", name);
		snprintf(buf, sizeof buf, "%ld", val);
		var_assign(v, idx, buf, 0);
		return;
	}
	if (a->unsig)
		snprintf(buf, sizeof buf, "%lu", (unsigned long)(uint32_t)val);
	else
		snprintf(buf, sizeof buf, "%ld", val);
	var_assign(v, idx, buf, 0);
}

static long binop(struct ar *a, int op, long x, long y)
{
	int32_t sx = (int32_t)x, sy = (int32_t)y;
	uint32_t ux = (uint32_t)x, uy = (uint32_t)y;
	switch (op) {
	case O_ADD:
		return wrap(a, (long long)ux + uy);
	case O_SUB:
		return wrap(a, (long long)ux - uy);
	case O_MUL:
		return wrap(a, (long long)((uint64_t)ux * uy));
	case O_DIV:
	case O_MOD:
		if (a->noeval)
			return 0;
		if (y == 0)
			aerr(a, "zero divisor");
		if (a->unsig)
			return wrap(a, op == O_DIV ? ux / uy : ux % uy);
		if (sx == INT32_MIN && sy == -1)
			return op == O_DIV ? INT32_MIN : 0;
		return wrap(a, op == O_DIV ? sx / sy : sx % sy);
	case O_SHL:
		return wrap(a, (long long)(uint32_t)(ux << (uy & 31)));
	case O_SHR:
		if (a->unsig)
			return wrap(a, ux >> (uy & 31));
		return wrap(a, sx >> (uy & 31));
	case O_ROL:
		uy &= 31;
		return wrap(a, uy ? (uint32_t)((ux << uy) | (ux >> (32 - uy))) : ux);
	case O_ROR:
		uy &= 31;
		return wrap(a, uy ? (uint32_t)((ux >> uy) | (ux << (32 - uy))) : ux);
	case O_BAND:
		return wrap(a, ux & uy);
	case O_BOR:
		return wrap(a, ux | uy);
	case O_BXOR:
		return wrap(a, ux ^ uy);
	case O_EQ:
		return x == y;
	case O_NE:
		return x != y;
	case O_LT:
		return a->unsig ? ux < uy : sx < sy;
	case O_LE:
		return a->unsig ? ux <= uy : sx <= sy;
	case O_GT:
		return a->unsig ? ux > uy : sx > sy;
	case O_GE:
		return a->unsig ? ux >= uy : sx >= sy;
	}
	return 0;
}

static long primary(struct ar *a)
{
	if (a->tok == A_NUM) {
		long v = a->val;
		next(a);
		return v;
	}
	if (a->tok == A_LPAR) {
		next(a);
		long v = expr_comma(a);
		if (a->tok != A_RPAR)
			unexpected(a);
		next(a);
		return v;
	}
	if (a->tok == A_VAR) {
		char *name = a->name, *sub = a->sub;
		next(a);
		if (a->tok == A_OP && (a->op == O_INC || a->op == O_DEC)) {
			int op = a->op;
			next(a);
			long v = var_value(a, name, sub);
			var_store(a, name, sub, wrap(a, (long long)v + (op == O_INC ? 1 : -1)));
			return v;
		}
		return var_value(a, name, sub);
	}
	unexpected(a);
}

static long unary(struct ar *a)
{
	if (++a->depth > 1000)
		aerr(a, "expression too deep");
	long r;
	if (a->tok == A_OP) {
		int op = a->op;
		switch (op) {
		case O_ADD:
			next(a);
			r = unary(a);
			break;
		case O_SUB:
			next(a);
			r = wrap(a, -(long long)(uint32_t)unary(a));
			break;
		case O_NOT:
			next(a);
			r = !unary(a);
			break;
		case O_BNOT:
			next(a);
			r = wrap(a, ~(uint32_t)unary(a));
			break;
		case O_INC:
		case O_DEC: {
			next(a);
			if (a->tok != A_VAR)
				aerr(a, "%s requires lvalue", opnames[op]);
			char *name = a->name, *sub = a->sub;
			next(a);
			long v = wrap(a,
			              (long long)var_value(a, name, sub) + (op == O_INC ? 1 : -1));
			var_store(a, name, sub, v);
			r = v;
			break;
		}
		default:
			unexpected(a);
		}
	} else {
		r = primary(a);
		if (a->tok == A_OP && (a->op == O_INC || a->op == O_DEC))
			aerr(a, "%s requires lvalue", opnames[a->op]);
	}
	a->depth--;
	return r;
}

static int prec(int op)
{
	switch (op) {
	case O_LOR:
		return 1;
	case O_LAND:
		return 2;
	case O_BOR:
		return 3;
	case O_BXOR:
		return 4;
	case O_BAND:
		return 5;
	case O_EQ:
	case O_NE:
		return 6;
	case O_LT:
	case O_LE:
	case O_GT:
	case O_GE:
		return 7;
	case O_SHL:
	case O_SHR:
	case O_ROL:
	case O_ROR:
		return 8;
	case O_ADD:
	case O_SUB:
		return 9;
	case O_MUL:
	case O_DIV:
	case O_MOD:
		return 10;
	}
	return 0;
}

/* Binary operators by precedence climbing, with lazy && and ||. */
static long binary(struct ar *a, int minprec)
{
	long x = unary(a);
	for (;;) {
		if (a->tok != A_OP)
			return x;
		int op = a->op, p = prec(op);
		if (!p || p < minprec)
			return x;
		next(a);
		if (op == O_LAND || op == O_LOR) {
			int skip = op == O_LAND ? !x : !!x;
			a->noeval += skip;
			long y = binary(a, p + 1);
			a->noeval -= skip;
			x = skip ? (op == O_LOR) : !!y;
			continue;
		}
		long y = binary(a, p + 1);
		x = binop(a, op, x, y);
	}
}

static long ternary(struct ar *a)
{
	long c = binary(a, 1);
	if (a->tok != A_OP || a->op != O_QUEST)
		return c;
	next(a);
	a->noeval += !c;
	long x = expr_assign(a);
	a->noeval -= !c;
	if (a->tok != A_OP || a->op != O_COLON)
		aerr(a, "missing :");
	next(a);
	a->noeval += !!c;
	long y = expr_assign(a);
	a->noeval -= !!c;
	return c ? x : y;
}

static long expr_assign(struct ar *a)
{
	if (a->tok == A_VAR) {
		/* look ahead for an assignment operator */
		struct ar save = *a;
		char *name = a->name, *sub = a->sub;
		next(a);
		if (a->tok == A_OP && a->op >= O_ASSIGN && a->op <= O_ORA) {
			int op = a->op;
			next(a);
			if (a->tok == A_END)
				aerr(a, "%s requires lvalue", opnames[op]);
			long y = expr_assign(a);
			long v = y;
			if (op != O_ASSIGN) {
				static const int base[] = {0,     0,      O_ADD,  O_SUB, O_MUL,
				                           O_DIV, O_MOD,  O_SHL,  O_SHR, O_ROL,
				                           O_ROR, O_BAND, O_BXOR, O_BOR};
				v = binop(a, base[op], var_value(a, name, sub), y);
			}
			var_store(a, name, sub, v);
			return v;
		}
		*a = save;
	}
	long x = ternary(a);
	if (a->tok == A_OP && a->op >= O_ASSIGN && a->op <= O_ORA)
		aerr(a, "%s requires lvalue", opnames[a->op]);
	return x;
}

static long expr_comma(struct ar *a)
{
	long x = expr_assign(a);
	while (a->tok == A_OP && a->op == O_COMMA) {
		next(a);
		x = expr_assign(a);
	}
	return x;
}

/*
 * Evaluate expression s. On an error a warning is printed and the shell
 * unwinds (UW_ERROR); err is unused but kept for callers.
 */
long arith_eval(const char *s, int *err)
{
	(void)err;
	struct ar a;
	memset(&a, 0, sizeof a);
	a.expr = s;
	a.p = s;
	while (*a.p == ' ' || *a.p == '\t' || *a.p == '\n')
		a.p++;
	if (*a.p == '#') {
		a.unsig = 1;
		a.p++;
	}
	next(&a);
	if (a.tok == A_END)
		return 0;
	long v = expr_comma(&a);
	if (a.tok != A_END)
		unexpected(&a);
	return v;
}

/* Evaluate s as an arithmetic expression (errors unwind). */
long arith_eval_str(const char *s)
{
	int err = 0;
	return arith_eval(s, &err);
}

/* Evaluate e catching errors (let, (( ))): 0 and *v, or -1 after a message. */
int arith_try(const char *e, long *v)
{
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	if (k) {
		catch_restore(&c);
		catch_pop(&c);
		if (k != UW_ERROR)
			unwind(k);
		error_status();
		return -1;
	}
	*v = arith_eval_str(e);
	catch_pop(&c);
	return 0;
}
