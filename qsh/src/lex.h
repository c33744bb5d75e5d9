/*
 * lex.h - input sources, the lexer and the parser.
 */
#ifndef QSH_LEX_H
#define QSH_LEX_H

#include "qsh.h"
#include "tree.h"

/* ------------------------------------------------------------------ input */

enum srctype {
	S_STRING, /* eval, -c, function text, here-document bodies */
	S_FILE,   /* a script or dot file read by blocks */
	S_STDIN,  /* standard input, read without reading ahead */
	S_TTY,    /* interactive line editor */
	S_ALIAS,  /* alias expansion text */
	S_BACK,   /* pushed back text (lexer backtracking) */
};

struct alias;

struct source {
	struct source *prev;
	int type;
	char *buf; /* current line or string */
	size_t pos, len;
	int fd;
	char *rbuf; /* S_FILE read buffer */
	size_t rpos, rlen;
	char *name;
	int line;
	int eof;
	int counts;          /* S_BACK: newlines count toward the base line */
	struct alias *alias; /* S_ALIAS: being expanded */
	int alias_blank;     /* S_ALIAS: value ends in a blank */
	int first_line;      /* S_TTY: next read is a PS1 line */
	struct sbuf hist;    /* S_TTY: text of the command being read */
	int owned;           /* buf is malloc'd */
};

extern struct source *src_top;

void src_push_string(const char *s, size_t len, const char *name, int line);
void src_push_file(int fd, const char *name, int type);
void src_push_alias(struct alias *a);
void src_push_back(const char *s, size_t len, int counts);
void src_pop(void);
struct source *src_base(void);
int src_line(void);
int lgetc(void);
void src_record_push(struct xstr *x);
void src_record_pop(void);
void src_record_reset(void);
void lungetc(int c);

/* ------------------------------------------------------------------ lexer */

enum tok {
	T_EOF,
	T_NL,
	T_WORD,
	T_SEMI,
	T_AMP,
	T_ANDAND,
	T_OROR,
	T_PIPE,
	T_COPROC,
	T_LPAR,
	T_RPAR,
	T_DSEMI,
	T_SEMIAMP,
	T_SEMIPIPE,
	T_REDIR,
	T_ARITHCMD, /* (( ... )) */
};

/* Per-parse state; recursive parses (command substitution) get their own. */
struct parser {
	struct pool *pool;
	int peeked; /* a token is in tok */
	int tok;
	int tokline;
	struct word *word;
	struct redir *redir;
	int cmdpos;     /* next word may be alias/keyword */
	int alias_next; /* previous alias ended in a blank */
	int dbrack;     /* inside [[ ]] */
	int arith_ok;   /* "((" may start an arithmetic command */
	int depth;      /* recursion depth of constructs */
	int in_cmdsub;  /* parsing $( ... ): ')' ends */
	int nocheck_alias;
	int lpar2; /* the last '(' was followed by another '(' (messages) */
};

struct parser *parser_cur(void);
int lex_next(struct parser *p);
int lex_peek(struct parser *p);
void lex_consume(struct parser *p);
void lex_read_heredocs(struct parser *p);
struct wpart *lex_string_parts(struct pool *pool, const char *s, size_t len, int mode);
_Noreturn void syntax_error_tok(struct parser *p, int tok);
_Noreturn void syntax_errorf(int line, const char *fmt, ...);
const char *tok_name(int tok, struct parser *p, char *buf, size_t n);
void lex_pending_reset(void);

/* lexer modes for lex_string_parts */
#define LM_HEREDOC 1
#define LM_DQUOTE  2
#define LM_ARITH   3
#define LM_PATTERN 4

/* ------------------------------------------------------------------ parser */

struct node *parse_line(struct pool *pool, int *eof);
extern int parse_last_line; /* line of the end of the last parsed command line */
struct node *parse_string(struct pool *pool, const char *s, const char *name, int line);
struct node *parse_cmdsub(struct parser *outer);
struct node *parse_funsub(struct parser *outer);
struct node *parse_list_until(struct parser *p, int endtok);

#endif
