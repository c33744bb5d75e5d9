/*
 * varint.h - variable internals shared by var.c and varenv.c.
 */
#ifndef QSH_VARINT_H
#define QSH_VARINT_H

#include "shell.h"

struct scope {
	struct scope *up;
	struct var **tab;
	size_t size, count;
	int depth;
};

extern int env_dirty;
unsigned hash_name(const char *s);
struct scope *scope_new(struct scope *up, size_t size);
struct velem *find_el(struct var *v, uint32_t idx, size_t *pos);

#endif
