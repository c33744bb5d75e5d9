/*
 * editint.h - the line editor's state, shared by edit.c and complete.c.
 */
#ifndef QSH_EDITINT_H
#define QSH_EDITINT_H

#include <stddef.h>

struct ed {
	char *buf;
	size_t len, cap, pos;
	const char *prompt; /* last line of the prompt, as printed */
	size_t pwidth;      /* its visible width */
	int cols;
	int hidx;    /* history entry shown (hist_count(): the new line) */
	char *saved; /* the new line while browsing history */
	int out;     /* descriptor the editor writes to */
};

void ed_insert(struct ed *e, const char *s, size_t n);
void ed_refresh(struct ed *e);
void ed_redraw_full(struct ed *e);
void ed_write(struct ed *e, const char *s, size_t n);
int complete_word(struct ed *e, int tabs);

#endif
