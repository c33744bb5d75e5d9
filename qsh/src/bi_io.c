/*
 * bi_io.c - echo, print and read.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int hexv(int c)
{
	if (c_isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Append s with print's backslash escapes; returns 1 if "\c" was seen
 * (mksh: the trailing newline is suppressed, output continues).
 */
static int print_escapes(struct xstr *o, const char *s)
{
	int nonl = 0;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			xs_addc(o, *s);
			continue;
		}
		char c = *++s;
		switch (c) {
		case 'a':
			xs_addc(o, 7);
			break;
		case 'b':
			xs_addc(o, 8);
			break;
		case 'c':
			nonl = 1;
			break;
		case 'e':
		case 'E':
			xs_addc(o, 27);
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
		case '0': {
			int v = 0, n = 0;
			while (n < 3 && s[1] >= '0' && s[1] <= '7') {
				v = v * 8 + (*++s - '0');
				n++;
			}
			xs_addc(o, v & 0xff);
			break;
		}
		case 'x': {
			int v = 0, n = 0;
			while (n < 2 && hexv((unsigned char)s[1]) >= 0) {
				v = v * 16 + hexv((unsigned char)*++s);
				n++;
			}
			if (!n) {
				xs_addc(o, '\\');
				xs_addc(o, 'x');
			} else {
				xs_addc(o, v);
			}
			break;
		}
		case 'u':
		case 'U': {
			int max = c == 'u' ? 4 : 8, n = 0;
			unsigned long v = 0;
			while (n < max && hexv((unsigned char)s[1]) >= 0) {
				v = v * 16 + (unsigned long)hexv((unsigned char)*++s);
				n++;
			}
			if (!n) {
				xs_addc(o, '\\');
				xs_addc(o, c);
			} else {
				utf8_put(o, v);
			}
			break;
		}
		default:
			xs_addc(o, '\\');
			xs_addc(o, c);
		}
	}
	return nonl;
}

/* Write the collected output to fd; records write errors for the caller. */
static int emit(int fd, struct xstr *o)
{
	if (out_n_checked(fd, o->s ? o->s : "", o->len) < 0)
		return 1;
	return 0;
}

/* echo [-neE] args */
int b_echo(int argc, char **argv)
{
	int i = 1, nl = 1, esc = 1;
	if (Flag(O_POSIX) || Flag(O_SH)) {
		esc = 0;
		if (i < argc && !strcmp(argv[i], "-n")) {
			nl = 0;
			i++;
		}
	} else {
		for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
			const char *p = argv[i] + 1;
			if (strspn(p, "neE") != strlen(p))
				break;
			for (; *p; p++) {
				if (*p == 'n')
					nl = 0;
				else if (*p == 'e')
					esc = 1;
				else
					esc = 0;
			}
		}
	}
	struct xstr o;
	xs_init(&o);
	int stop = 0;
	for (; i < argc; i++) {
		if (esc)
			stop |= print_escapes(&o, argv[i]);
		else
			xs_adds(&o, argv[i]);
		if (i + 1 < argc)
			xs_addc(&o, ' ');
	}
	if (nl && !stop)
		xs_addc(&o, '\n');
	return emit(1, &o);
}

/* print [-AcelNnprsu[n] | -R [-n]] args */
int b_print(int argc, char **argv)
{
	int nl = 1, esc = 1, fd = 1, sep = ' ', term = '\n', hist = 0, arith = 0, cols = 0;
	int i = 1;
	int Rmode = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		const char *p = argv[i] + 1;
		if (Rmode && strcmp(argv[i], "-n"))
			break;
		int ok = 1;
		for (; *p && ok; p++) {
			switch (*p) {
			case 'A':
				arith = 1;
				break;
			case 'c':
				cols = 1;
				break;
			case 'e':
				esc = 1;
				break;
			case 'l':
				sep = '\n';
				break;
			case 'N':
				sep = term = 0;
				break;
			case 'n':
				nl = 0;
				break;
			case 'p':
				fd = coproc_fd(1);
				if (fd < 0) {
					bi_errorf("-p: no coprocess");
					return 1;
				}
				break;
			case 'r':
				esc = 0;
				break;
			case 'R':
				esc = 0;
				Rmode = 1;
				break;
			case 's':
				hist = 1;
				break;
			case 'u':
				if (p[1] && c_isdigit((unsigned char)p[1])) {
					fd = p[1] - '0';
					p++;
				} else {
					fd = 1;
				}
				break;
			default:
				bi_errorf("-%c: unknown option", *p);
				return 1;
			}
		}
	}
	if (i < argc && !strcmp(argv[i], "-") && !Rmode)
		i++;
	if (fd != 1 && fcntl(fd, F_GETFD) < 0) {
		bi_errorf("-u%d: bad file descriptor", fd);
		return 1;
	}
	struct xstr o;
	xs_init(&o);
	int stop = 0;
	(void)cols;
	for (int k = i; k < argc; k++) {
		if (arith) {
			long v = arith_eval_str(argv[k]);
			xs_addc(&o, (int)(v & 0xff));
			continue;
		}
		if (esc)
			stop |= print_escapes(&o, argv[k]);
		else
			xs_adds(&o, argv[k]);
		if (k + 1 < argc)
			xs_addc(&o, sep);
	}
	if (nl && !stop)
		xs_addc(&o, term);
	if (hist) {
		char *s = xs_str(&o);
		size_t l = strlen(s);
		if (l && s[l - 1] == '\n')
			s[l - 1] = 0;
		hist_add(s);
		return 0;
	}
	return emit(fd, &o);
}

/* ------------------------------------------------------------------ read */

struct rdin {
	int fd;
	int seekable;
	char buf[512];
	size_t pos, len;
};

static int rd_getc(struct rdin *r, int timeout_ms)
{
	if (r->pos < r->len)
		return (unsigned char)r->buf[r->pos++];
	if (timeout_ms >= 0) {
		struct pollfd pfd = {r->fd, POLLIN, 0};
		int pr = poll(&pfd, 1, timeout_ms);
		if (pr == 0)
			return -2;
	}
	for (;;) {
		ssize_t n = read(r->fd, r->buf, r->seekable ? sizeof r->buf : 1);
		if (n < 0 && errno == EINTR) {
			if (trap_pending())
				return -3;
			continue;
		}
		if (n <= 0)
			return -1;
		r->pos = 0;
		r->len = (size_t)n;
		return (unsigned char)r->buf[r->pos++];
	}
}

/* Give back bytes read ahead from a seekable descriptor. */
static void rd_done(struct rdin *r)
{
	if (r->seekable && r->pos < r->len)
		lseek(r->fd, -(off_t)(r->len - r->pos), SEEK_CUR);
}

/* Is c an IFS character (and not escaped)? */
static int is_ifs(const char *ifs, int c)
{
	return c && strchr(ifs, c) != NULL;
}

static int is_ifs_ws(const char *ifs, int c)
{
	return (c == ' ' || c == '\t' || c == '\n') && is_ifs(ifs, c);
}

/* read [-A|-a] [-d x] [-N z|-n z] [-p|-u[n]] [-t n] [-rs] [name[?prompt] ...] */
int b_read(int argc, char **argv)
{
	int raw = 0, fd = 0, nmax = -1, exact = 0, hist = 0, arr = 0;
	int delim = '\n';
	long timeout = -1;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			const char *optarg = NULL;
			char c = *p;
			if (c == 'd' || c == 'n' || c == 'N' || c == 't') {
				optarg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
				if (!optarg) {
					bi_errorf("-%c: missing argument", c);
					return 2;
				}
			}
			switch (c) {
			case 'A':
				arr = 1;
				break;
			case 'a':
				arr = 2;
				break;
			case 'd':
				delim = (unsigned char)optarg[0];
				break;
			case 'N':
			case 'n':
				nmax = atoi(optarg);
				exact = c == 'N';
				break;
			case 't':
				timeout = (long)(atof(optarg) * 1000);
				break;
			case 'r':
				raw = 1;
				break;
			case 's':
				hist = 1;
				break;
			case 'p':
				fd = coproc_fd(0);
				if (fd < 0) {
					bi_errorf("-p: no coprocess");
					return 2;
				}
				break;
			case 'u':
				if (p[1] && c_isdigit((unsigned char)p[1]))
					fd = *++p - '0';
				else
					fd = 0;
				if (fcntl(fd, F_GETFD) < 0) {
					bi_errorf("-u: %d: bad file descriptor: %s", fd,
					          strerror(EBADF));
					return 2;
				}
				break;
			default:
				bi_errorf("-%c: unknown option", c);
				return 2;
			}
			if (optarg)
				break;
		}
	}
	const char *first = i < argc ? argv[i] : NULL;
	char *prompt = NULL;
	if (first && strchr(first, '?')) {
		char *q = strchr(first, '?');
		prompt = q + 1;
		argv[i] = ststrndup(first, (size_t)(q - first));
	}
	if (prompt && isatty(fd))
		out_str(2, prompt);
	struct rdin r;
	memset(&r, 0, sizeof r);
	r.fd = fd;
	r.seekable = lseek(fd, 0, SEEK_CUR) >= 0;
	/* read the line, marking escaped characters with QC */
	struct xstr line;
	xs_init(&line);
	int c, got = 0, st = 0, count = 0;
	for (;;) {
		if (nmax >= 0 && count >= nmax)
			break;
		c = rd_getc(&r, (int)timeout);
		if (c == -2) {
			st = 128 + 14;
			break;
		}
		if (c == -3) {
			st = 1;
			break;
		}
		if (c < 0) {
			st = 1;
			break;
		}
		got = 1;
		count++;
		if (nmax < 0 && c == delim)
			break;
		if (nmax >= 0 && !exact && c == '\n' && delim == '\n')
			break;
		if (!raw && c == '\\') {
			int d = rd_getc(&r, (int)timeout);
			if (d < 0)
				break;
			if (d == '\n' && delim == '\n')
				continue;
			xs_addc(&line, QC);
			xs_addc(&line, d);
			continue;
		}
		if (c == QC)
			xs_addc(&line, QC);
		if (c)
			xs_addc(&line, c);
	}
	rd_done(&r);
	(void)got;
	char *s = xs_str(&line);
	if (hist)
		hist_add(pat_unquote(s));
	const char *ifs = ifs_value();
	if (arr == 2) {
		const char *name = i < argc ? argv[i] : "REPLY";
		struct var *v = var_need(name);
		char *u = pat_unquote(s);
		size_t n = strlen(u);
		char **vals = stalloc((n + 1) * sizeof *vals);
		for (size_t k = 0; k < n; k++) {
			char b[8];
			snprintf(b, sizeof b, "%u", (unsigned char)u[k]);
			vals[k] = ststrdup(b);
		}
		var_set_array(v, vals, n, 0);
		return st;
	}
	/* split into fields */
	struct stv fields;
	stv_init(&fields);
	int nvars = arr ? -1 : (i < argc ? argc - i : 1);
	const char *p = s;
	while (*p && is_ifs_ws(ifs, (unsigned char)*p))
		p++;
	while (*p) {
		if (nvars > 0 && (int)fields.n == nvars - 1) {
			/* last variable: the rest, trailing IFS white space removed */
			struct xstr rest;
			xs_init(&rest);
			xs_adds(&rest, p);
			while (rest.len && is_ifs_ws(ifs, (unsigned char)rest.s[rest.len - 1]) &&
			       !(rest.len >= 2 && rest.s[rest.len - 2] == QC))
				rest.len--;
			stv_push(&fields, pat_unquote(xs_str(&rest)));
			p = "";
			break;
		}
		struct xstr f;
		xs_init(&f);
		while (*p && !(is_ifs(ifs, (unsigned char)*p))) {
			if (*p == QC && p[1]) {
				xs_addc(&f, QC);
				p++;
			}
			xs_addc(&f, *p++);
		}
		stv_push(&fields, pat_unquote(xs_str(&f)));
		/* skip one delimiter with adjacent white space */
		while (*p && is_ifs_ws(ifs, (unsigned char)*p))
			p++;
		if (*p && is_ifs(ifs, (unsigned char)*p)) {
			p++;
			while (*p && is_ifs_ws(ifs, (unsigned char)*p))
				p++;
		}
	}
	if (arr) {
		const char *name = i < argc ? argv[i] : "REPLY";
		struct var *v = var_need(name);
		var_set_array(v, fields.v, fields.n, 0);
		return st;
	}
	if (i >= argc) {
		/* REPLY gets the whole line (leading/trailing white space removed) */
		var_setstr("REPLY", fields.n ? fields.v[0] : "");
		return st;
	}
	for (int k = 0; i + k < argc; k++) {
		char *nm, *sub;
		if (!var_name_split(argv[i + k], &nm, &sub)) {
			/* mksh: a name not starting like an identifier is a special
			 * (read-only) parameter; other malformed names are ignored */
			if (!is_name_start((unsigned char)argv[i + k][0])) {
				bi_errorf("read-only: %s", argv[i + k]);
				return 2;
			}
			continue;
		}
		const char *val = (size_t)k < fields.n ? fields.v[k] : "";
		if (sub)
			var_assign(var_need(nm), arr_index(sub, argv[i + k]), val, 0);
		else
			var_setstr(nm, val);
	}
	return st;
}
