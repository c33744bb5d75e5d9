/*
 * sort.h - keys and line comparison of the sort utility.
 */
#ifndef SORT_H
#define SORT_H

#include <stddef.h>

#define MOD_B 0x01 /* skip leading blanks */
#define MOD_D 0x02 /* dictionary order: blanks and alphanumerics only */
#define MOD_F 0x04 /* fold lower case to upper case */
#define MOD_I 0x08 /* ignore non-printable characters */
#define MOD_N 0x10 /* numeric */
#define MOD_R 0x20 /* reverse */

struct key {
	size_t sf, sc; /* start field and character (1-based; sc 0 = start of field) */
	size_t ef, ec; /* end field and character (ef 0 = end of line; ec 0 = end of field) */
	int mods;
	int bstart, bend; /* b applies to the start / the end position */
};

struct line {
	const char *s;
	size_t len;
};

struct sort_conf {
	struct key *keys;
	size_t nkeys;
	int gmods;  /* global modifiers, for a missing key and keys without any */
	int tab;    /* field separator, or -1 for blank-separated fields */
	int stable; /* -s: no last-resort comparison */
	int unique; /* -u */
};

extern struct sort_conf conf;

/* Parses a -k argument into k, applying global modifiers later; returns 0 or -1. */
int key_parse(const char *s, struct key *k);

/* Applies the global modifiers to keys that have none. */
void keys_finish(void);

/* Compares two lines by the keys (and, unless -s or -u, the whole line as a
 * last resort); returns <0, 0 or >0 in output order. */
int line_cmp(const struct line *a, const struct line *b);

/* Compares two lines by the keys only (for -u and -c with -u). */
int key_cmp(const struct line *a, const struct line *b);

#endif /* SORT_H */
