/*
 * semaphore.h - semaphores (POSIX). sem_t is QNX's sync_t.
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>
#include <qsoe/abi/neutrino.h>
#include <fcntl.h>

__BEGIN_DECLS

typedef struct _sync sem_t;

#define SEM_FAILED ((sem_t *)-1)

int sem_init(sem_t *sem, int pshared, unsigned value);
int sem_destroy(sem_t *sem);
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *__restrict sem, const struct timespec *__restrict abstime);
int sem_clockwait(sem_t *__restrict sem, __clockid_t clock,
                  const struct timespec *__restrict abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *__restrict sem, int *__restrict value);

__END_DECLS

#endif /* _SEMAPHORE_H */
