/*
 * bi_printf.c - printf (POSIX). Like mksh it defers to an external printf
 * found in PATH and is used only when there is none (or via "builtin").
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int pf_err;

/* Numeric value of a printf argument ('c gives the character code). */
static long long num_arg(const char *s)
{
	if (s[0] == '\'' || s[0] == '"')
		return (unsigned char)s[1];
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 0);
	if (end == s || *end || errno) {
		if (*s) {
			bi_warnf("%s: %s", s,
			         end == s ? "expected numeric value" : "not completely converted");
			pf_err = 1;
		}
	}
	return v;
}

static double dbl_arg(const char *s)
{
	if (s[0] == '\'' || s[0] == '"')
		return (unsigned char)s[1];
	char *end;
	double v = strtod(s, &end);
	if (end == s && *s) {
		bi_warnf("%s: expected numeric value", s);
		pf_err = 1;
	}
	return v;
}

/* Backslash escapes of the format string and of %b arguments. */
static int escape(struct xstr *o, const char **sp, int bmode)
{
	const char *s = *sp;
	char c = *++s;
	int v = 0, n = 0;
	switch (c) {
	case 'a':
		xs_addc(o, 7);
		break;
	case 'b':
		xs_addc(o, 8);
		break;
	case 'c':
		if (bmode) {
			*sp = s;
			return 1;
		}
		xs_addc(o, '\\');
		xs_addc(o, 'c');
		break;
	case 'f':
		xs_addc(o, 12);
		break;
	case 'n':
		xs_addc(o, 10);
		break;
	case 'r':
		xs_addc(o, 13);
		break;
	case 't':
		xs_addc(o, 9);
		break;
	case 'v':
		xs_addc(o, 11);
		break;
	case '\\':
		xs_addc(o, '\\');
		break;
	case '\0':
		xs_addc(o, '\\');
		s--;
		break;
	default:
		if (c >= '0' && c <= '7') {
			int max = bmode && c == '0' ? 4 : 3;
			s--;
			while (n < max && s[1] >= '0' && s[1] <= '7') {
				v = v * 8 + (*++s - '0');
				n++;
			}
			xs_addc(o, v & 0xff);
		} else {
			xs_addc(o, '\\');
			xs_addc(o, c);
		}
	}
	*sp = s;
	return 0;
}

/* printf format [args...] */
int b_printf(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		bi_errorf("missing format");
		return 1;
	}
	const char *fmt = argv[i++];
	pf_err = 0;
	struct xstr o;
	xs_init(&o);
	int stop = 0;
	do {
		int used = 0;
		for (const char *f = fmt; *f && !stop; f++) {
			if (*f == '\\') {
				escape(&o, &f, 0);
				continue;
			}
			if (*f != '%') {
				xs_addc(&o, *f);
				continue;
			}
			if (f[1] == '%') {
				xs_addc(&o, '%');
				f++;
				continue;
			}
			/* collect the conversion specification */
			char spec[64];
			size_t sl = 0;
			spec[sl++] = '%';
			f++;
			while (*f && strchr("-+ #0", *f) && sl < 40)
				spec[sl++] = *f++;
			while (*f && (c_isdigit((unsigned char)*f) || *f == '*') && sl < 50) {
				if (*f == '*') {
					long long w = i < argc ? num_arg(argv[i++]) : 0;
					sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%lld",
					                       w);
					used = 1;
					f++;
				} else
					spec[sl++] = *f++;
			}
			if (*f == '.') {
				spec[sl++] = *f++;
				while (*f && (c_isdigit((unsigned char)*f) || *f == '*') &&
				       sl < 58) {
					if (*f == '*') {
						long long w = i < argc ? num_arg(argv[i++]) : 0;
						sl += (size_t)snprintf(spec + sl, sizeof spec - sl,
						                       "%lld", w);
						used = 1;
						f++;
					} else
						spec[sl++] = *f++;
				}
			}
			while (*f && strchr("hlLqjzt", *f))
				f++;
			char conv = *f;
			if (!conv) {
				bi_warnf("%s: invalid conversion specification", spec);
				pf_err = 1;
				break;
			}
			const char *arg = i < argc ? argv[i] : NULL;
			if (arg) {
				i++;
				used = 1;
			}
			char buf[512];
			switch (conv) {
			case 'd':
			case 'i':
				spec[sl++] = 'l';
				spec[sl++] = 'l';
				spec[sl++] = 'd';
				spec[sl] = 0;
				snprintf(buf, sizeof buf, spec, arg ? num_arg(arg) : 0LL);
				xs_adds(&o, buf);
				break;
			case 'o':
			case 'u':
			case 'x':
			case 'X':
				spec[sl++] = 'l';
				spec[sl++] = 'l';
				spec[sl++] = conv;
				spec[sl] = 0;
				snprintf(buf, sizeof buf, spec,
				         (unsigned long long)(arg ? num_arg(arg) : 0LL));
				xs_adds(&o, buf);
				break;
			case 'e':
			case 'E':
			case 'f':
			case 'F':
			case 'g':
			case 'G':
			case 'a':
			case 'A':
				spec[sl++] = conv;
				spec[sl] = 0;
				snprintf(buf, sizeof buf, spec, arg ? dbl_arg(arg) : 0.0);
				xs_adds(&o, buf);
				break;
			case 'c':
				if (arg && *arg)
					xs_addc(&o, arg[0]);
				break;
			case 's':
			case 'b': {
				const char *s = arg ? arg : "";
				struct xstr t;
				xs_init(&t);
				if (conv == 'b') {
					for (const char *p = s; *p; p++) {
						if (*p == '\\') {
							if (escape(&t, &p, 1)) {
								stop = 1;
								break;
							}
						} else
							xs_addc(&t, *p);
					}
				} else
					xs_adds(&t, s);
				spec[sl++] = 's';
				spec[sl] = 0;
				size_t need = t.len + 64 +
				              (size_t)atoi(spec + 1 + strspn(spec + 1, "-+ #0"));
				char *b = stalloc(need + 1);
				snprintf(b, need + 1, spec, xs_str(&t));
				xs_adds(&o, b);
				break;
			}
			default:
				bi_warnf("%%%c: invalid directive", conv);
				pf_err = 1;
				stop = 1;
			}
		}
		if (!used)
			break;
	} while (i < argc && !stop);
	if (out_n_checked(1, o.s ? o.s : "", o.len) < 0)
		return 1;
	return pf_err;
}
