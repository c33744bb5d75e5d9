/*
 * copy.h - copying files and trees, shared by cp and mv.
 */
#ifndef QU_COPY_H
#define QU_COPY_H

struct qu_copy_opts {
	int recursive;   /* copy directories (-R) */
	int preserve;    /* keep mode, owner and times (-p) */
	int force;       /* unlink a destination that cannot be opened (-f) */
	int interactive; /* ask before overwriting (-i) */
	int deref; /* 0: copy links as links (-P), 1: follow all (-L), 2: follow operands (-H) */
	int mv;    /* called by mv: messages and rules of mv */
};

/* Copies src to dst (dst is the final name, not a directory to copy into).
 * Prints a message for every problem; returns 0 if everything was copied,
 * 1 otherwise. */
int qu_copy(const char *src, const char *dst, const struct qu_copy_opts *o);

/* Returns a malloc'ed "dir/last component of src". */
char *qu_path_into(const char *dir, const char *src);

/* Returns 1 if the directory dir is dst's parent or one of its ancestors
 * (so copying or moving dir to dst would put it inside itself). */
int qu_is_inside(const char *dir, const char *dst);

#endif /* QU_COPY_H */
