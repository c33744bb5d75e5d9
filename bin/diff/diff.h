/*
 * diff.h - the diff utility: the comparison (myers.c), the output formats
 * (output.c) and the file and directory handling (diff.c).
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>
#include <sys/stat.h>

struct dline {
	const char *s; /* text without the newline */
	size_t len;
	int nl; /* ends with a newline */
};

struct dfile {
	const char *name;  /* as shown in messages and headers */
	const char *label; /* -L label, or NULL */
	struct stat st;
	char *data;
	struct dline *lines;
	size_t n;
	int *equiv;    /* equivalence class of each line */
	char *changed; /* per line, with a guard element before and after */
};

struct diff_opts {
	char format; /* 'n' normal, 'u' unified, 'c' context, 'q' brief */
	int context;
	int icase, ispace, ballspace, recursive, newfile, report_same, text;
};

extern struct diff_opts dopt;

/* Computes f0->changed and f1->changed (a minimal edit script, with
 * changes shifted as GNU diff shifts them). */
void diff_compare(struct dfile *f0, struct dfile *f1);

/* Prints the differences in the chosen format. */
void diff_print(struct dfile *f0, struct dfile *f1);

#endif /* DIFF_H */
