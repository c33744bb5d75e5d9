/*
 * malloc.h - allocator extras (not POSIX): memalign, malloc_usable_size,
 * malloc_trim, as in other Unix C libraries. The standard functions are in
 * <stdlib.h>.
 */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <sys/cdefs.h>
#include <stdlib.h>

__BEGIN_DECLS
/* Return cached free memory to the system; returns 1 if any was released. */
int malloc_trim(size_t pad);
__END_DECLS

#endif /* _MALLOC_H */
