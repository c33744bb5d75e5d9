/*
 * lexint.h - declarations private to the lexer (lex.c, lexword.c, parse.c).
 */
#ifndef QSH_LEXINT_H
#define QSH_LEXINT_H

#include "lex.h"

/* read_parts modes beyond the public LM_* ones */
#define LM_PWORD     10 /* ${x-word} unquoted */
#define LM_PWORD_DQ  11 /* "${x-word}" */
#define LM_PAT       12 /* ${x#pat} */
#define LM_SUBPAT    13 /* ${x/pat/...}: ends at / or } */
#define LM_SUBREP    14 /* ${x/pat/rep}: ends at } */
#define LM_SUBREP_DQ 15
#define LM_SUBSCR    16 /* [ ... ] */
#define LM_SUBSTR    17 /* ${x:off:len}: ends at : or } */
#define LM_SUBSTRLEN 18 /* ends at } */

int lgetcc(void);
void lex_alias_blank(void);
void lex_alias_ended(struct alias *a);
int is_keyword(const char *s);
const char *redir_opname(const struct redir *r, char *buf, size_t n);
void lex_heredoc_marker(struct parser *p, struct redir *r);
struct wpart *read_parts(struct parser *p, int mode);
struct wpart *read_word_parts(struct parser *p, int *digit_fd);
struct node *newnode(struct parser *p, int type, int line);
int peek(struct parser *p);
void enter(struct parser *p);
struct node *dbracket(struct parser *p, int line);
struct wpart *newpart(struct parser *p, int type);
_Noreturn void no_closing_quote(void);
struct wpart *lex_read_braced(struct parser *p, int dq);

#endif
