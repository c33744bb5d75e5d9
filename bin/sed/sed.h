/*
 * sed.h - the sed utility: compiled scripts (compile.c), execution
 * (execute.c) and input/output (sed.c).
 */
#ifndef SED_H
#define SED_H

#include <regex.h>
#include <stddef.h>
#include <stdio.h>

enum addr_type { A_NONE, A_LINE, A_LAST, A_RE, A_STEP, A_PLUS, A_ZERO };

struct sre {
	regex_t re;
	int empty; /* the empty regex: reuse the last one used */
};

struct addr {
	enum addr_type type;
	unsigned long n, step;
	struct sre *re;
};

struct wfile {
	char *name;
	FILE *f;
	struct wfile *next;
};

struct cmd {
	struct addr a1, a2;
	int neg;
	char c;
	/* range state */
	int active;
	unsigned long end_line;
	/* a i c: text; r w: file name; b t :: label */
	char *text;
	size_t textlen;
	int jump; /* b t T: index to jump to; {: index after the matching } */
	/* s */
	struct sre *re;
	char *repl;
	size_t repllen;
	int global, print, icase;
	unsigned long nth;
	struct wfile *wf;
	/* y */
	unsigned char ymap[256];
	int qcode;  /* q Q exit status */
	int lwidth; /* l line length */
};

struct script {
	struct cmd *v;
	size_t n, cap;
};

extern struct script prog;
extern int opt_n, opt_E, opt_s, opt_i, opt_debug;
extern const char *opt_suffix;

/* Adds script text from -e (num: the expression number) or -f (file name). */
void script_add(const char *text, const char *origin, int num);
/* Compiles the accumulated script; exits with status 1 on errors. */
void script_compile(void);

/* Input and output (sed.c). */
int input_next(char **line, size_t *len, int *nl); /* 0 at end of input */
int input_is_last(void);
unsigned long input_lineno(void);
FILE *output_file(void);
/* Writes text (with its newline unless missing_nl) to f. */
void out_line(FILE *f, const char *s, size_t len, int nl);

/* Runs the script over the input; returns the exit status (q's code). */
int execute(void);

#endif /* SED_H */
