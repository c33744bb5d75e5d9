/*
 * ocb.c - open control blocks of taskman's own files, and their bindings
 * to client connections. A client's file descriptor is its connection
 * (pid, coid); _IO_DUP binds one more connection to the same OCB (dup,
 * inheritance by a spawned child), so the file position is shared.
 *
 * ocb_lock protects the binding table and every OCB's reference count;
 * an OCB's own lock protects its position.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>

#define NBUCKETS 256

struct binding {
	struct binding *next;
	pid_t pid;
	int coid;
	struct tm_ocb *ocb;
};

static tm_lock_t ocb_lock = TM_LOCK_INIT;
static struct binding *tab[NBUCKETS];

/* The hash bucket of a client connection. */
static struct binding **bucket(pid_t pid, int coid)
{
	return &tab[((unsigned)pid * 31u + (unsigned)coid) % NBUCKETS];
}

/* A new OCB (see fs.h). */
struct tm_ocb *tm_ocb_new(int kind)
{
	struct tm_ocb *o = calloc(1, sizeof(*o));

	if (o == NULL)
		return NULL;
	o->refs = 1;
	o->kind = kind;
	tm_lock_init(&o->lock);
	return o;
}

/* Frees an OCB nobody references. */
static void ocb_free(struct tm_ocb *o)
{
	if (o->owned)
		free((void *)o->data);
	for (size_t i = 0; i < o->ndirents; i++)
		free(o->dirents[i].name);
	free(o->dirents);
	if (o->shm)
		fs_shm_release(o->shm);
	free(o->path);
	free(o);
}

/* Drops a reference (see fs.h). */
void tm_ocb_put(struct tm_ocb *o)
{
	tm_lock(&ocb_lock);
	int last = --o->refs == 0;
	tm_unlock(&ocb_lock);
	if (last)
		ocb_free(o);
}

/* Binds o to a client connection, replacing a stale binding (see fs.h). */
int tm_ocb_bind(struct tm_ocb *o, pid_t pid, int coid)
{
	struct binding *b = malloc(sizeof(*b)), *old = NULL;

	if (b == NULL)
		return -ENOMEM;
	b->pid = pid;
	b->coid = coid;
	b->ocb = o;
	tm_lock(&ocb_lock);
	for (struct binding **pb = bucket(pid, coid); *pb; pb = &(*pb)->next)
		if ((*pb)->pid == pid && (*pb)->coid == coid) {
			old = *pb; /* a stale binding: the connection id was reused */
			*pb = old->next;
			break;
		}
	o->refs++;
	b->next = *bucket(pid, coid);
	*bucket(pid, coid) = b;
	tm_unlock(&ocb_lock);
	if (old) {
		tm_ocb_put(old->ocb);
		free(old);
	}
	return 0;
}

/* The OCB of a client connection, with a reference (see fs.h). */
struct tm_ocb *tm_ocb_get(pid_t pid, int coid)
{
	struct tm_ocb *o = NULL;

	tm_lock(&ocb_lock);
	for (struct binding *b = *bucket(pid, coid); b; b = b->next)
		if (b->pid == pid && b->coid == coid) {
			o = b->ocb;
			o->refs++;
			break;
		}
	tm_unlock(&ocb_lock);
	return o;
}

/* close: drops a client connection's binding (see fs.h). */
int tm_ocb_unbind(pid_t pid, int coid)
{
	struct binding *found = NULL;

	tm_lock(&ocb_lock);
	for (struct binding **pb = bucket(pid, coid); *pb; pb = &(*pb)->next)
		if ((*pb)->pid == pid && (*pb)->coid == coid) {
			found = *pb;
			*pb = found->next;
			break;
		}
	tm_unlock(&ocb_lock);
	if (found == NULL)
		return -EBADF;
	tm_ocb_put(found->ocb);
	free(found);
	return 0;
}

/* Drops every binding of a process that ended (see fs.h). */
void tm_ocb_purge_pid(pid_t pid)
{
	struct binding *gone = NULL;

	tm_lock(&ocb_lock);
	for (unsigned i = 0; i < NBUCKETS; i++)
		for (struct binding **pb = &tab[i]; *pb;) {
			struct binding *b = *pb;
			if (b->pid != pid) {
				pb = &b->next;
				continue;
			}
			*pb = b->next;
			b->next = gone;
			gone = b;
		}
	tm_unlock(&ocb_lock);
	while (gone) {
		struct binding *b = gone;
		gone = b->next;
		tm_ocb_put(b->ocb);
		free(b);
	}
}

/* Adds a directory entry once (a union lists a name once; see fs.h). */
int tm_ocb_add_dirent(struct tm_ocb *o, const char *name, uint64_t ino, uint32_t mode)
{
	for (size_t i = 0; i < o->ndirents; i++)
		if (strcmp(o->dirents[i].name, name) == 0)
			return 0; /* unions list a name once */
	struct tm_dirent *n = realloc(o->dirents, (o->ndirents + 1) * sizeof(*n));
	if (n == NULL)
		return -ENOMEM;
	o->dirents = n;
	n[o->ndirents].name = strdup(name);
	if (n[o->ndirents].name == NULL)
		return -ENOMEM;
	n[o->ndirents].ino = ino;
	n[o->ndirents].mode = mode;
	o->ndirents++;
	return 0;
}
