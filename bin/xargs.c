/*
 * xargs - construct argument lists and invoke a utility (POSIX: -E -I -L -n
 * -p -s -t -x; also -0 and -r as GNU xargs).
 *
 * Input words are separated by blanks and newlines and may be quoted with
 * '...' or "..." or escaped with a backslash; with -0 they are separated by
 * NUL bytes only. The utility (default echo) runs with posix_spawnp.
 * Exit status: 0; 123 if an invocation exited with 1-125; 124 if one exited
 * with 255; 125 if one was killed by a signal; 126 if the utility could not
 * be run; 127 if it was not found.
 */
#include "lines.h"
#include "qu.h"
#include "run.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

QU_USAGE("Usage: xargs [-0prtx] [-E eofstr] [-I replstr] [-L number] [-n number] [-s size]\n"
         "             [utility [argument...]]\n"
         "  -0 NUL-separated input  -n max arguments per command  -L max input lines\n"
         "  -I replace replstr in the arguments with each input line  -s max command size\n"
         "  -t print commands  -p ask before each  -r do not run without input  -x exit if too "
         "long\n");

static int opt_t, opt_p, opt_r, opt_x, opt_0, status;
static long max_args = -1, max_lines = -1, max_size;
static const char *eofstr, *repl;
static char **base; /* utility and its fixed arguments */
static int nbase;
static size_t base_size;
static int ran_any;

/* Input state: the stream and a pending word that did not fit. */
static struct qu_reader rd;
static char *line; /* current input line (not -0) */
static size_t line_len, line_pos;
static int have_line, eof_seen, bad_quote;

/* Runs the command with the collected arguments. */
static void run_cmd(char **args, int nargs)
{
	char **v = qu_malloc(sizeof(char *) * (size_t)(nbase + nargs + 1));
	int i, st;

	for (i = 0; i < nbase; i++)
		v[i] = base[i];
	for (i = 0; i < nargs; i++)
		v[nbase + i] = args[i];
	v[nbase + nargs] = NULL;
	if (opt_t || opt_p) {
		for (i = 0; v[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "", v[i]);
		if (opt_p) {
			FILE *tty = fopen("/dev/tty", "r");
			char ans[16] = "";
			fputs(" ?...", stderr);
			fflush(stderr);
			if (tty) {
				if (!fgets(ans, sizeof(ans), tty))
					ans[0] = 0;
				fclose(tty);
			}
			if (ans[0] != 'y' && ans[0] != 'Y') {
				free(v);
				return;
			}
		} else {
			fputc('\n', stderr);
		}
	}
	ran_any = 1;
	st = qu_spawn_wait(v);
	free(v);
	if (st < 0) {
		int e = errno;
		qu_errno(e, "%s", base[0]);
		exit(e == ENOENT ? 127 : 126);
	}
	if (WIFSIGNALED(st)) {
		qu_err("%s: terminated by signal %d", base[0], WTERMSIG(st));
		exit(125);
	}
	if (WIFEXITED(st)) {
		if (WEXITSTATUS(st) == 255) {
			qu_err("%s: exited with status 255; aborting", base[0]);
			exit(124);
		}
		if (WEXITSTATUS(st) != 0)
			status = 123;
	}
}

/* Reads the next input line into line; returns 0 at the end. */
static int next_line(void)
{
	size_t len;
	int nl;
	char *l = qu_reader_line(&rd, &len, &nl);

	if (!l) {
		if (rd.err)
			qu_die_errno(1, rd.err, "read error");
		return 0;
	}
	line = qu_realloc(line, len + 1);
	memcpy(line, l, len + 1);
	line_len = len;
	line_pos = 0;
	return 1;
}

/* Reads the next word (-0: up to NUL). Sets *eol when the word ended its
 * input line (for -L). Returns a malloc'ed word or NULL at the end. */
static char *next_word(int *eol)
{
	char *w;
	size_t n = 0, cap = 64;
	int quote = 0, any = 0;

	*eol = 0;
	if (eof_seen || bad_quote)
		return NULL;
	if (opt_0) {
		/* NUL-separated: words are the records */
		static char *buf;
		static size_t blen, bpos;
		static int loaded;
		if (!loaded) {
			size_t cap2 = 0;
			ssize_t r;
			for (;;) {
				if (cap2 - blen < 65536) {
					cap2 = cap2 ? cap2 * 2 : 65536;
					buf = qu_realloc(buf, cap2 + 1);
				}
				r = read(STDIN_FILENO, buf + blen, cap2 - blen);
				if (r < 0 && errno == EINTR)
					continue;
				if (r < 0)
					qu_die_errno(1, errno, "read error");
				if (r == 0)
					break;
				blen += (size_t)r;
			}
			buf[blen] = 0;
			loaded = 1;
		}
		if (bpos >= blen)
			return NULL;
		w = qu_strdup(buf + bpos);
		bpos += strlen(buf + bpos) + 1;
		*eol = 1;
		return w;
	}
	w = qu_malloc(cap);
	for (;;) {
		char c;
		if (!have_line || line_pos > line_len) {
			if (!next_line()) {
				if (quote) {
					bad_quote = quote;
					free(w);
					return NULL;
				}
				if (!any) {
					free(w);
					return NULL;
				}
				break;
			}
			have_line = 1;
		}
		if (line_pos == line_len) {
			/* end of line */
			line_pos++;
			if (quote) {
				bad_quote = quote;
				free(w);
				return NULL;
			}
			if (any) {
				*eol = 1;
				break;
			}
			continue;
		}
		c = line[line_pos++];
		if (n + 2 > cap)
			w = qu_realloc(w, cap *= 2);
		if (quote) {
			if (c == quote)
				quote = 0;
			else
				w[n++] = c;
			continue;
		}
		if (c == ' ' || c == '\t') {
			if (any) {
				/* -L: a line ending in a blank continues on the next line */
				if (line_pos == line_len && max_lines > 0)
					continue;
				break;
			}
			continue;
		}
		any = 1;
		if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '\\' && line_pos < line_len) {
			w[n++] = line[line_pos++];
		} else if (c == '\\') {
			/* an escaped newline is part of the word */
			w[n++] = '\n';
			line_pos = line_len + 1;
		} else {
			w[n++] = c;
		}
	}
	w[n] = 0;
	if (line_pos >= line_len)
		*eol = 1;
	if (eofstr && !strcmp(w, eofstr)) {
		eof_seen = 1;
		free(w);
		return NULL;
	}
	return w;
}

/* Replaces every replstr in s by r (malloc'ed result). */
static char *replace_all(const char *s, const char *rs, const char *r)
{
	size_t rl = strlen(rs), vl = strlen(r), cnt = 0;
	const char *p;
	char *out, *o;

	for (p = s; (p = strstr(p, rs)) != NULL; p += rl)
		cnt++;
	o = out = qu_malloc(strlen(s) + cnt * vl + 1);
	while ((p = strstr(s, rs)) != NULL) {
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		memcpy(o, r, vl);
		o += vl;
		s = p + rl;
	}
	strcpy(o, s);
	return out;
}

/* -I mode: one command per input line with replstr replaced. */
static void insert_mode(void)
{
	char **v = qu_malloc(sizeof(char *) * (size_t)(nbase + 1));
	char **saved = base;
	int i;

	while (next_line()) {
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			continue;
		if (eofstr && !strcmp(s, eofstr))
			break;
		for (i = 0; i < nbase; i++)
			v[i] = replace_all(saved[i], repl, s);
		base = v;
		run_cmd(NULL, 0);
		base = saved;
		for (i = 0; i < nbase; i++)
			free(v[i]);
	}
	free(v);
}

int main(int argc, char **argv)
{
	static char *echo_argv[] = {"echo", NULL};
	char **args = NULL, *w;
	int c, nargs = 0, cap = 0, eol, lines = 0, i;
	size_t size;
	long arg_max = sysconf(_SC_ARG_MAX);
	char *end;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "0prtxE:I:L:n:s:")) != -1) {
		switch (c) {
		case '0':
			opt_0 = 1;
			break;
		case 'p':
			opt_p = 1;
			break;
		case 'r':
			opt_r = 1;
			break;
		case 't':
			opt_t = 1;
			break;
		case 'x':
			opt_x = 1;
			break;
		case 'E':
			eofstr = qu_optarg;
			break;
		case 'I':
			repl = qu_optarg;
			break;
		case 'L':
		case 'n':
		case 's': {
			long v = strtol(qu_optarg, &end, 10);
			if (!*qu_optarg || *end || v < 1)
				qu_die(1, "invalid number %s for -%c option", qu_quote(qu_optarg),
				       c);
			if (c == 'L')
				max_lines = v, max_args = -1;
			else if (c == 'n')
				max_args = v, max_lines = -1;
			else
				max_size = v;
			break;
		}
		}
	}
	if (arg_max <= 0 || arg_max > 131072 + 2048)
		arg_max = 131072 + 2048;
	if (!max_size || max_size > arg_max - 2048)
		max_size = max_size ? max_size : arg_max - 2048;
	if (qu_optind < argc) {
		base = argv + qu_optind;
		nbase = argc - qu_optind;
	} else {
		base = echo_argv;
		nbase = 1;
	}
	for (i = 0; i < nbase; i++)
		base_size += strlen(base[i]) + 1;
	if ((long)base_size > max_size)
		qu_die(1, "argument line too long");
	qu_reader_init(&rd, STDIN_FILENO);
	if (repl) {
		insert_mode();
		return status;
	}
	size = base_size;
	for (;;) {
		w = next_word(&eol);
		if (w && (long)(size + strlen(w) + 1) > max_size && nargs > 0) {
			if (opt_x)
				qu_die(1, "argument list too long");
			run_cmd(args, nargs);
			for (i = 0; i < nargs; i++)
				free(args[i]);
			nargs = 0;
			size = base_size;
			lines = 0;
		}
		if (w && (long)(base_size + strlen(w) + 1) > max_size)
			qu_die(1, "argument line too long");
		if (!w)
			break;
		if (nargs == cap) {
			cap = cap ? cap * 2 : 64;
			args = qu_realloc(args, sizeof(char *) * (size_t)cap);
		}
		args[nargs++] = w;
		size += strlen(w) + 1;
		if (eol)
			lines++;
		if ((max_args > 0 && nargs >= max_args) || (max_lines > 0 && lines >= max_lines)) {
			run_cmd(args, nargs);
			for (i = 0; i < nargs; i++)
				free(args[i]);
			nargs = 0;
			size = base_size;
			lines = 0;
		}
	}
	if (nargs > 0 || (!ran_any && !opt_r && !bad_quote))
		run_cmd(args, nargs);
	if (bad_quote)
		qu_die(1,
		       "unmatched %s quote; by default quotes are special to xargs unless you "
		       "use the -0 option",
		       bad_quote == '\'' ? "single" : "double");
	for (i = 0; i < nargs; i++)
		free(args[i]);
	free(args);
	return status;
}
