/*
 * find.h - the find utility: expression nodes (parse.c) and their
 * evaluation (find.c).
 */
#ifndef FIND_H
#define FIND_H

#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

enum node_kind {
	N_AND,
	N_OR,
	N_NOT,
	N_TRUE,
	N_NAME,
	N_INAME,
	N_PATH,
	N_TYPE,
	N_SIZE,
	N_MTIME,
	N_ATIME,
	N_CTIME,
	N_MMIN,
	N_NEWER,
	N_PERM,
	N_USER,
	N_GROUP,
	N_NOUSER,
	N_NOGROUP,
	N_LINKS,
	N_INUM,
	N_EMPTY,
	N_PRUNE,
	N_PRINT,
	N_PRINT0,
	N_EXEC,
	N_OK,
	N_QUIT,
	N_DELETE,
};

struct node {
	enum node_kind kind;
	struct node *l, *r;
	const char *str;
	char cmp; /* '+', '-' or '=' for numeric tests, perm: '=', '-', '/' */
	long long num;
	long long unit; /* -size unit in bytes (512 for blocks) */
	mode_t mode;
	struct timespec t;      /* -newer */
	char **argv;            /* -exec */
	int argc, plus, braces; /* plus: "{} +" form */
	char **batch;           /* pending arguments of "{} +" */
	size_t nbatch, batch_bytes;
};

struct find_conf {
	int maxdepth, mindepth, depth_first, xdev, follow; /* follow: 0 -P, 1 -H, 2 -L */
	time_t now;
	int status;
};

extern struct find_conf fc;

/* Parses argv[i..argc) as an expression; returns the tree (with the
 * implicit -print added when there is no action). Exits on errors. */
struct node *parse_expr(char **argv, int i, int argc);

/* Runs the pending "{} +" commands of the tree. */
void flush_batches(struct node *n);

/* Runs "{} +" command n with its batch. */
void run_batch(struct node *n);

#endif /* FIND_H */
