/*
 * expint.h - state shared by the word expander (expand.c) and parameter
 * expansion (param.c).
 */
#ifndef QSH_EXPINT_H
#define QSH_EXPINT_H

#include "shell.h"

struct ex {
	int flags;
	struct stv fields; /* completed fields (QC-quoted if esc) */
	struct xstr cur;
	int valid;    /* the current field exists */
	int after_ws; /* a field was just ended by IFS white space */
	int esc;      /* quote special characters with QC */
	int eq_seen;  /* the first unquoted '=' was seen (tilde) */
	int at_start; /* at the start of the word (tilde) */
	int at_empty; /* a "$@" expanded to nothing */
	int join_at;  /* "$@" in a no-split context: join with ' ' */
};

void ex_put_q(struct ex *x, const char *s, size_t n);
void ex_put_u(struct ex *x, const char *s, size_t n);
void ex_put_exp(struct ex *x, const char *s, int quoted);
void ex_end_field(struct ex *x, int force);
void ex_parts(struct ex *x, const struct wpart *p, int quoted, int litsplit);
void ex_param(struct ex *x, const struct wpart *p, int quoted);
char *ex_sub_string(const struct wpart *p, int flags);
char *ex_sub_pattern(const struct wpart *p);

#endif
