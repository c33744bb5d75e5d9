/*
 * tree.h - the parse tree: words (lists of parts), redirections and command
 * nodes. Trees are allocated in a reference counted pool (mem.c).
 */
#ifndef QSH_TREE_H
#define QSH_TREE_H

#include "qsh.h"

/* Word part types. */
enum wptype {
	WP_LIT,    /* unquoted literal text */
	WP_QLIT,   /* quoted literal text ('...', \c, $'...') */
	WP_DQ,     /* "...": kids */
	WP_PARAM,  /* $name, ${...} */
	WP_CMDSUB, /* $(...) and `...`: cmd */
	WP_ARITH,  /* $((...)): kids is the expression */
	WP_TILDE,  /* ~user: s is the user name (may be empty) */
	WP_FUNSUB, /* ${ list;} */
	WP_VALSUB, /* ${|list;} */
	WP_ARRAY,  /* name=( words ): list */
};

/* Parameter expansion operators (wpart.op). */
enum pop {
	P_NONE,
	P_MINUS,   /* - */
	P_ASSIGN,  /* = */
	P_QUEST,   /* ? */
	P_PLUS,    /* + */
	P_TRIMS,   /* # */
	P_TRIML,   /* ## */
	P_RTRIMS,  /* % */
	P_RTRIML,  /* %% */
	P_SUB1,    /* /pat/rep */
	P_SUBALL,  /* //pat/rep */
	P_SUBBEG,  /* /#pat/rep */
	P_SUBEND,  /* /%pat/rep */
	P_SUBSTR,  /* :off:len */
	P_ATQ,     /* @Q */
	P_ATHASH,  /* @# */
	P_ATCARET, /* @^ */
	P_ATSUB,   /* @/pat/rep */
};

/* wpart.flags */
#define PF_COLON    0x0001 /* ":-" etc */
#define PF_LENGTH   0x0002 /* ${#x} */
#define PF_INDIRECT 0x0004 /* ${!x} */
#define PF_WIDTH    0x0008 /* ${%x} */
#define PF_SUBSCR   0x0010 /* has [subscript] in kids */
#define PF_SUBAT    0x0020 /* [@] */
#define PF_SUBSTAR  0x0040 /* [*] */
#define PF_BQUOTE   0x0080 /* CMDSUB from backquotes */
#define PF_HASLEN   0x0100 /* P_SUBSTR has a length */
#define PF_NOREP    0x0200 /* P_SUB* without replacement */
#define PF_BRACED   0x0400 /* ${...} form */

struct node;

struct wpart {
	struct wpart *next;
	unsigned char type;
	unsigned char op;
	unsigned short flags;
	char *s;
	size_t len;
	struct wpart *kids;
	struct wpart *arg;
	struct wpart *arg2;
	struct node *cmd;
	struct word *list;
	char *raw; /* WP_PARAM ${...}: source text for messages */
};

struct word {
	struct wpart *parts;
	struct word *next;
};

/* Redirection operators. */
enum rop {
	R_IN,      /* < */
	R_OUT,     /* > */
	R_CLOBBER, /* >| */
	R_APPEND,  /* >> */
	R_RDWR,    /* <> */
	R_DUPIN,   /* <& */
	R_DUPOUT,  /* >& */
	R_HERE,    /* << and <<- */
	R_HERESTR, /* <<< */
};
#define RF_BOTH    0x01 /* &> : also redirect 2 to the same place */
#define RF_HQUOTED 0x02 /* here-document marker was quoted: no expansion */
#define RF_STRIP   0x04 /* <<- */

struct redir {
	struct redir *next;
	int fd; /* -1: default for the operator */
	int op;
	int flags;
	struct word *target;  /* file, fd word, here-string, or marker */
	char *hdtext;         /* here-document body when quoted */
	struct wpart *hdbody; /* here-document body parts when unquoted */
	char *hdmark;         /* marker after quote removal (parse time only) */
	size_t hdlen;
};

/* Command node types. */
enum ntype {
	N_SIMPLE,
	N_PIPE, /* kids linked by next; flags NF_NEGATE */
	N_LIST, /* kids linked by next */
	N_AND,
	N_OR,
	N_ASYNC,    /* left & */
	N_COPROC,   /* left |& */
	N_SUBSHELL, /* ( left ) */
	N_BRACE,    /* { left } */
	N_IF,       /* if left then right else third */
	N_WHILE,
	N_UNTIL,
	N_FOR, /* str var, words list (NF_HASIN), right body */
	N_SELECT,
	N_CASE,   /* words subject, items */
	N_FUNC,   /* str name, left body, NF_KSHFUNC */
	N_DBRACK, /* left: test expression tree */
	N_ARITH,  /* (( words )) */
	N_TIME,   /* time left, NF_TIMEP */
	/* [[ ]] expression nodes */
	DB_AND,
	DB_OR,
	DB_NOT,
	DB_PAREN,
	DB_UNARY,  /* str op, words operand */
	DB_BINARY, /* str op, words left, words->next right */
	DB_WORD,   /* words */
};

#define NF_NEGATE  0x01
#define NF_HASIN   0x02
#define NF_KSHFUNC 0x04
#define NF_TIMEP   0x08
#define NF_BANG    0x10 /* ! before [[ / pipeline */
#define NF_ELIF    0x20 /* N_IF created by elif */

/* case terminators */
enum { CT_BREAK, CT_FALL, CT_CONT };

struct caseitem {
	struct caseitem *next;
	struct word *pats;
	struct node *body;
	int term;
};

struct node {
	unsigned char type;
	unsigned char flags;
	int line;
	struct node *next; /* sibling in N_PIPE/N_LIST */
	struct node *left, *right, *third;
	struct word *words;   /* args, for-list, case subject, arith expr */
	struct word *assigns; /* simple command assignments */
	struct redir *redirs;
	char *str; /* for/select var, function name, test op */
	struct caseitem *items;
	struct pool *pool; /* owning pool (root nodes of function bodies) */
};

/* tree.c */
int word_is_lit(const struct word *w, const char *s);
char *word_lit(const struct word *w);
char *word_lit_pool(struct pool *pool, const struct word *w);
int word_has_quote(const struct word *w);
void unparse_node(struct sbuf *b, const struct node *n, int indent);
void unparse_word(struct sbuf *b, const struct word *w);
void unparse_short(struct sbuf *b, const struct node *n);
void unparse_redirs(struct sbuf *b, const struct redir *r, int hdoc);

#endif
