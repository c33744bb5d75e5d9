/*
 * g_sem.c - group "semaphores": unnamed semaphores between threads
 * (wait/post/trywait/timedwait/getvalue, errors) and named ones, opened
 * twice and shared with a child process.
 */
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

static sem_t s;
static int done;

static void *poster(void *arg)
{
	for (int i = 0; i < 100; i++)
		sem_post(&s);
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	return arg;
}

SUITE_GROUP(semaphores)
{
	int v;

	CHECK_OK(sem_init(&s, 0, 2));
	CHECK_OK(sem_getvalue(&s, &v));
	CHECK_EQ(v, 2);
	CHECK_OK(sem_trywait(&s));
	CHECK_OK(sem_wait(&s));
	CHECK_ERR(sem_trywait(&s), -1, EAGAIN);
	struct timespec abs;
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 30000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	CHECK_ERR(sem_timedwait(&s, &abs), -1, ETIMEDOUT);
	pthread_t t;
	pthread_create(&t, NULL, poster, NULL);
	int got = 0;
	for (int i = 0; i < 100; i++)
		if (sem_wait(&s) == 0)
			got++;
	pthread_join(t, NULL);
	CHECK_EQ(got, 100);
	CHECK_OK(sem_getvalue(&s, &v));
	CHECK_EQ(v, 0);
	CHECK_ERR(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1u), -1, EINVAL);
	CHECK_OK(sem_destroy(&s));
	CHECK_ERR(sem_post(&s), -1, EINVAL);

	sem_unlink("/suite-sem");
	sem_t *a = sem_open("/suite-sem", O_CREAT | O_EXCL, 0600, 1);
	CHECK(a != SEM_FAILED, "sem_open O_CREAT (errno %d %s)", errno, strerror(errno));
	if (a != SEM_FAILED) {
		sem_t *b = sem_open("/suite-sem", 0);
		CHECK(b == a, "opening the same name again gives the same semaphore");
		CHECK_OK(sem_wait(a));
		CHECK_ERR(sem_trywait(b), -1, EAGAIN);
		CHECK_OK(sem_post(b));
		CHECK_OK(sem_getvalue(a, &v));
		CHECK_EQ(v, 1);
		CHECK_OK(sem_close(b));
		CHECK_OK(sem_close(a));
		CHECK_OK(sem_unlink("/suite-sem"));
	}
	CHECK(sem_open("/suite-sem", 0) == SEM_FAILED && errno == ENOENT,
	      "an unlinked name is gone (errno %d)", errno);
	CHECK(sem_open("bad", O_CREAT, 0600, 0) == SEM_FAILED && errno == EINVAL,
	      "a name without '/' is EINVAL");
}
