/*
 * sem.c - POSIX semaphores. An unnamed semaphore is a sync_t with owner
 * _NTO_SYNC_SEM and the value in __count (<qsoe/syncfast.h>: compare-and-
 * swap in user space, the kernel only to block or to wake a waiter).
 *
 * A named semaphore is the same object in a shared memory object
 * "/sem.NAME" (under /dev/shmem), mapped shared: the kernel keys waits by
 * physical address, so every process that maps it uses the same
 * semaphore. Opening the same name twice in a process gives the same
 * address (POSIX); sem_close unmaps it after the last close.
 */
#include <fcntl.h>
#include <qsoe/syncfast.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "thread_impl.h"

#define SEM_OBJ_SIZE 4096

int sem_init(sem_t *s, int pshared, unsigned value)
{
	if (value > SEM_VALUE_MAX)
		return (int)__qsoe_ret(-EINVAL);
	s->__u.__count = value;
	__atomic_store_n(&s->__owner, _NTO_SYNC_SEM, __ATOMIC_RELEASE);
	(void)pshared; /* every semaphore works across processes when in shared memory */
	return 0;
}

int sem_destroy(sem_t *s)
{
	if (__atomic_load_n(&s->__owner, __ATOMIC_RELAXED) != _NTO_SYNC_SEM)
		return (int)__qsoe_ret(-EINVAL);
	if (__atomic_load_n(&s->__u.__count, __ATOMIC_RELAXED) & _QSOE_SYNC_SEM_WAITING)
		return (int)__qsoe_ret(-EBUSY);
	SyncDestroy_r(s);
	__atomic_store_n(&s->__owner, _NTO_SYNC_DESTROYED, __ATOMIC_RELEASE);
	return 0;
}

/* Cancellation point. -1 with EINTR if a signal handler ran. */
int sem_wait(sem_t *s)
{
	__qsoe_testcancel();
	int r = __qsoe_sem_wait(s);
	if (r == EINTR)
		__qsoe_testcancel();
	return (int)__qsoe_ret(-r);
}

int sem_trywait(sem_t *s)
{
	return (int)__qsoe_ret(-__qsoe_sem_trywait(s));
}

int sem_clockwait(sem_t *__restrict s, clockid_t clk, const struct timespec *__restrict abs)
{
	uint64_t ns;

	__qsoe_testcancel();
	int r = __qsoe_sem_trywait(s);
	if (r != EAGAIN)
		return (int)__qsoe_ret(-r);
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return (int)__qsoe_ret(-EINVAL);
	r = __qsoe_abs_ns(abs, &ns);
	if (r == 0)
		r = __qsoe_sem_timedwait(s, clk, ns);
	if (r == EINTR)
		__qsoe_testcancel();
	return (int)__qsoe_ret(-r);
}

int sem_timedwait(sem_t *__restrict s, const struct timespec *__restrict abs)
{
	return sem_clockwait(s, CLOCK_REALTIME, abs);
}

int sem_post(sem_t *s)
{
	return (int)__qsoe_ret(-__qsoe_sem_post(s));
}

int sem_getvalue(sem_t *__restrict s, int *__restrict value)
{
	if (__atomic_load_n(&s->__owner, __ATOMIC_RELAXED) != _NTO_SYNC_SEM)
		return (int)__qsoe_ret(-EINVAL);
	*value = __qsoe_sem_value(s);
	return 0;
}

/* ---- named semaphores ---- */

struct named {
	struct named *next;
	sem_t *sem;
	unsigned refs;
	char name[];
};
static struct named *opened;
static qsoe_lock_t named_lock = QSOE_LOCK_INIT;

/* "/sem.NAME" for "/NAME"; -EINVAL/-ENAMETOOLONG for bad names. */
static int shm_name(const char *name, char *out, size_t size)
{
	if (name == NULL || name[0] != '/' || name[1] == 0 || strchr(name + 1, '/'))
		return -EINVAL;
	if (strlen(name) + 5 >= size || strlen(name) > NAME_MAX - 4)
		return -ENAMETOOLONG;
	strcpy(out, "/sem.");
	strcat(out, name + 1);
	return 0;
}

/* Maps the object open on fd; waits (briefly) until its creator has set it up. */
static sem_t *map_sem(int fd, int created, unsigned value)
{
	if (created && ftruncate(fd, SEM_OBJ_SIZE) < 0)
		return SEM_FAILED;
	void *p = mmap(NULL, SEM_OBJ_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return SEM_FAILED;
	sem_t *s = p;
	if (created) {
		sem_init(s, 1, value);
		return s;
	}
	for (int i = 0; __atomic_load_n(&s->__owner, __ATOMIC_ACQUIRE) != _NTO_SYNC_SEM; i++) {
		if (i == 1000) {
			munmap(p, SEM_OBJ_SIZE);
			errno = EINVAL; /* not (or never) a semaphore */
			return SEM_FAILED;
		}
		SchedYield_r();
	}
	return s;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
	char obj[NAME_MAX + 8];
	mode_t mode = 0;
	unsigned value = 0;
	int r = shm_name(name, obj, sizeof(obj));

	if (r < 0) {
		errno = -r;
		return SEM_FAILED;
	}
	if (oflag & O_CREAT) {
		va_list ap;
		va_start(ap, oflag);
		mode = (mode_t)va_arg(ap, unsigned);
		value = va_arg(ap, unsigned);
		va_end(ap);
		if (value > SEM_VALUE_MAX) {
			errno = EINVAL;
			return SEM_FAILED;
		}
	}
	qsoe_lock(&named_lock);
	for (struct named *n = opened; n; n = n->next)
		if (strcmp(n->name, name) == 0 && !((oflag & O_CREAT) && (oflag & O_EXCL))) {
			n->refs++;
			qsoe_unlock(&named_lock);
			return n->sem;
		}
	int created = 0, fd = -1;
	if (oflag & O_CREAT) {
		fd = shm_open(obj, O_RDWR | O_CREAT | O_EXCL, mode);
		created = fd >= 0;
		if (fd < 0 && (errno != EEXIST || (oflag & O_EXCL)))
			goto fail;
	}
	if (fd < 0 && (fd = shm_open(obj, O_RDWR, 0)) < 0)
		goto fail;
	sem_t *s = map_sem(fd, created, value);
	int e = errno;
	close(fd);
	if (s == SEM_FAILED) {
		if (created)
			shm_unlink(obj);
		errno = e;
		goto fail;
	}
	struct named *n = malloc(sizeof(*n) + strlen(name) + 1);
	if (n) {
		n->sem = s;
		n->refs = 1;
		strcpy(n->name, name);
		n->next = opened;
		opened = n;
	}
	qsoe_unlock(&named_lock);
	return s;
fail:
	qsoe_unlock(&named_lock);
	return SEM_FAILED;
}

int sem_close(sem_t *s)
{
	qsoe_lock(&named_lock);
	for (struct named **p = &opened; *p; p = &(*p)->next) {
		struct named *n = *p;
		if (n->sem != s)
			continue;
		if (--n->refs == 0) {
			*p = n->next;
			free(n);
			munmap(s, SEM_OBJ_SIZE);
		}
		qsoe_unlock(&named_lock);
		return 0;
	}
	qsoe_unlock(&named_lock);
	return (int)__qsoe_ret(-EINVAL);
}

int sem_unlink(const char *name)
{
	char obj[NAME_MAX + 8];
	int r = shm_name(name, obj, sizeof(obj));

	if (r < 0)
		return (int)__qsoe_ret(r);
	return shm_unlink(obj);
}
