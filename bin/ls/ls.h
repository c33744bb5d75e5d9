/*
 * ls.h - shared declarations of the ls utility (ls.c gathers and sorts,
 * ls_out.c formats).
 */
#ifndef LS_H
#define LS_H

#include <stddef.h>
#include <sys/stat.h>

struct ent {
	char *name; /* as displayed (operand path or directory entry name) */
	char *path; /* path used for stat, readlink */
	char *link; /* symbolic link target (long format), or NULL */
	struct stat st;
	int ok;      /* st is valid */
	int link_ok; /* lst (the link target's status) is valid */
	mode_t link_mode;
};

struct opts {
	int all, almost, dirs_as_files, recursive, longfmt, human, inode, blocks;
	int classify, slash, numeric, no_owner, no_group, quote_np, follow_all;
	int follow_args, reverse, unsorted;
	char sort;     /* 'n' name, 't' time, 'S' size */
	char timekind; /* 'm' modification, 'c' status change, 'a' access */
	char format;   /* '1' one per line, 'C' columns, 'x' across, 'l' long */
	int width;     /* terminal width for C and x */
};

extern struct opts opt;
extern int exit_status;

/* Prints a list of entries in the chosen format; with total, the
 * "total N" line of the long format first. The long format's column widths
 * also cover the wn entries of wv (the directory operands listed later, as
 * coreutils does). */
void ls_print(struct ent *v, size_t n, int total, struct ent *wv, size_t wn);

#endif /* LS_H */
