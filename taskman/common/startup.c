/*
 * startup.c - the main stack and the start-up block a new program's entry
 * point receives in a0 (layout in include/qsoe/taskman.h, "The start-up
 * block"). The block is built in place through a window into the child.
 */
#include <errno.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/seam.h>
#include <taskman/spawn.h>

#define AT_NULL     0
#define AT_PHDR     3
#define AT_PHENT    4
#define AT_PHNUM    5
#define AT_PAGESZ   6
#define AT_BASE     7
#define AT_ENTRY    9
#define AT_UID      11
#define AT_EUID     12
#define AT_GID      13
#define AT_EGID     14
#define NAUX        24 /* entries written below, AT_NULL included */

#define ALIGN(x, a) (((x) + (a)-1) & ~((size_t)(a)-1))

/* Offsets of the parts of the block. */
struct layout {
	size_t linkmap, fds, acts, cred, mask, ign, phdr, strings, total;
};

/* Bytes of an object's name with its NUL. */
static size_t obj_name_len(const struct tm_obj *o)
{
	return strlen(o->name) + 1;
}

/* Computes where everything goes. */
static void plan(const struct tm_startup *s, struct layout *l)
{
	const struct tm_spawn_args *a = s->a;
	const struct tm_image *im = s->im;
	size_t off = (1 + a->argc + 1 + a->envc + 1 + 2 * NAUX) * 8;

	off = ALIGN(off, 16);
	l->linkmap = off;
	off += sizeof(struct tm_linkmap) + im->nobjs * sizeof(struct tm_object);
	l->fds = off = ALIGN(off, 8);
	off += a->nfds * sizeof(struct tm_fd);
	l->acts = off = ALIGN(off, 8);
	off += a->nacts * sizeof(struct tm_fileact);
	l->cred = off = ALIGN(off, 8);
	off += sizeof(struct tm_cred);
	l->mask = off = ALIGN(off, 8);
	off += sizeof(__sigset_t);
	l->ign = off;
	off += sizeof(__sigset_t);
	l->phdr = off = ALIGN(off, 8);
	if (im->phdr == 0)
		off += im->prog.phnum * sizeof(Elf64_Phdr);
	l->strings = off;
	off += a->argv_len + a->env_len + strlen(a->cwd) + 1 + a->acts_len;
	for (unsigned i = 0; i < im->nobjs; i++)
		off += obj_name_len(&im->objs[i]);
	l->total = TM_ALIGN_UP(off);
}

/* Writes pointers to n packed strings into w, copying them to child address *cs via *ls. */
static void put_strings(uint64_t *w, const char *src, uint32_t n, size_t len, char **ls,
                        uint64_t *cs)
{
	memcpy(*ls, src, len);
	const char *p = *ls;
	for (uint32_t i = 0; i < n; i++) {
		w[i] = *cs + (uint64_t)(p - *ls);
		p += strlen(p) + 1;
	}
	w[n] = 0;
	*ls += len;
	*cs += len;
}

/* Fills the link map entry of object o (child addresses). */
static void put_object(struct tm_object *t, const struct tm_obj *o, uint64_t name)
{
	const struct tm_dso *d = o->dso;
	uint64_t b = o->base;

	memset(t, 0, sizeof(*t));
	t->base = b;
	t->dynamic = d->dyn_vaddr ? b + d->dyn_vaddr : 0;
	t->name = (const char *)(uintptr_t)name;
	t->init = d->init ? b + d->init : 0;
	t->init_array = d->init_arraysz ? b + d->init_array : 0;
	t->init_arraysz = d->init_arraysz;
	t->preinit_array = d->preinit_arraysz ? b + d->preinit_array : 0;
	t->preinit_arraysz = d->preinit_arraysz;
	t->fini = d->fini ? b + d->fini : 0;
	t->fini_array = d->fini_arraysz ? b + d->fini_array : 0;
	t->fini_arraysz = d->fini_arraysz;
	if (d->tls_memsz) {
		t->tls_image = b + d->tls_vaddr;
		t->tls_filesz = d->tls_filesz;
		t->tls_memsz = d->tls_memsz;
		t->tls_align = d->tls_align;
	}
}

/* See spawn.h. */
int tm_build_startup(pid_t pid, const struct tm_startup *s, uintptr_t *stack, size_t *size,
                     uintptr_t *block)
{
	const struct tm_spawn_args *a = s->a;
	const struct tm_image *im = s->im;
	struct layout l;
	uintptr_t base = 0;
	void *local;

	plan(s, &l);
	int r = seam_map_anon(pid, &base, TM_STACK_SIZE + l.total, PROT_READ | PROT_WRITE, 0);
	if (r < 0)
		return r;
	uint64_t b = base + TM_STACK_SIZE;
	r = seam_map_child(pid, b, l.total, &local);
	if (r < 0)
		return r;
	char *blk = local;
	uint64_t *w = local;
	char *ls = blk + l.strings;
	uint64_t cs = b + l.strings;

	w[0] = a->argc;
	put_strings(w + 1, a->argv, a->argc, a->argv_len, &ls, &cs);
	uint64_t *env = w + 1 + a->argc + 1;
	put_strings(env, a->envp, a->envc, a->env_len, &ls, &cs);
	uint64_t cwd = cs, actstr;
	size_t n = strlen(a->cwd) + 1;
	memcpy(ls, a->cwd, n);
	ls += n;
	cs += n;
	actstr = cs;
	memcpy(ls, a->actstr, a->acts_len);
	ls += a->acts_len;
	cs += a->acts_len;

	struct tm_linkmap *lm = (struct tm_linkmap *)(blk + l.linkmap);
	lm->nobjects = im->nobjs;
	for (unsigned i = 0; i < im->nobjs; i++) {
		n = obj_name_len(&im->objs[i]);
		memcpy(ls, im->objs[i].name, n);
		put_object(&lm->objects[i], &im->objs[i], cs);
		ls += n;
		cs += n;
	}
	memcpy(blk + l.fds, a->fds, a->nfds * sizeof(struct tm_fd));
	memcpy(blk + l.acts, a->acts, a->nacts * sizeof(struct tm_fileact));
	memcpy(blk + l.cred, &s->cred, sizeof(s->cred));
	memcpy(blk + l.mask, &a->sigmask, sizeof(a->sigmask));
	memcpy(blk + l.ign, &s->sigign, sizeof(s->sigign));
	uint64_t phdr = im->phdr;
	if (phdr == 0) {
		memcpy(blk + l.phdr, im->prog.image + im->prog.phoff,
		       im->prog.phnum * sizeof(Elf64_Phdr));
		phdr = b + l.phdr;
	}

	const struct tm_cred *c = &s->cred;
	uint64_t aux[NAUX][2] = {
	        {AT_PHDR, phdr},
	        {AT_PHENT, sizeof(Elf64_Phdr)},
	        {AT_PHNUM, im->prog.phnum},
	        {AT_PAGESZ, TM_PAGE},
	        {AT_BASE, im->objs[0].base},
	        {AT_ENTRY, im->entry},
	        {AT_UID, (uint64_t)c->ruid},
	        {AT_EUID, (uint64_t)c->euid},
	        {AT_GID, (uint64_t)c->rgid},
	        {AT_EGID, (uint64_t)c->egid},
	        {AT_QSOE_LINKMAP, b + l.linkmap},
	        {AT_QSOE_FDS, b + l.fds},
	        {AT_QSOE_NFDS, a->nfds},
	        {AT_QSOE_ACTS, b + l.acts},
	        {AT_QSOE_NACTS, a->nacts},
	        {AT_QSOE_ACTSTR, actstr},
	        {AT_QSOE_CRED, b + l.cred},
	        {AT_QSOE_CWD, cwd},
	        {AT_QSOE_UMASK, a->umask},
	        {AT_QSOE_SIGMASK, b + l.mask},
	        {AT_QSOE_SIGIGN, b + l.ign},
	        {AT_QSOE_PPID, (uint64_t)s->ppid},
	        {AT_QSOE_PID, (uint64_t)s->pid},
	        {AT_NULL, 0},
	};
	memcpy(env + a->envc + 1, aux, sizeof(aux));
	seam_unmap_local(local, l.total);
	*stack = base;
	*size = TM_STACK_SIZE;
	*block = b;
	return 0;
}
