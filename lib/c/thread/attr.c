/*
 * attr.c - thread attributes (pthread_attr_t is QNX's struct _thread_attr,
 * which ThreadCreate takes as is). A zero stack size means the kernel's
 * default (128 KiB); the guard size is recorded but not enforced: the
 * kernel maps thread stacks without guard pages.
 */
#include <string.h>
#include "thread_impl.h"

#define DEFAULT_STACK (128 * 1024)
#define PAGE          4096

int pthread_attr_init(pthread_attr_t *a)
{
	memset(a, 0, sizeof(*a));
	a->__policy = SCHED_RR;
	a->__param.sched_priority = _QSOE_PRIO_DEFAULT;
	a->__guardsize = PAGE;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	memset(a, 0, sizeof(*a));
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = (a->__flags & PTHREAD_CREATE_DETACHED) ? PTHREAD_CREATE_DETACHED
	                                                : PTHREAD_CREATE_JOINABLE;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_DETACHED && state != PTHREAD_CREATE_JOINABLE)
		return EINVAL;
	a->__flags = (a->__flags & ~PTHREAD_CREATE_DETACHED) | state;
	return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *__restrict a, size_t *__restrict size)
{
	*size = a->__guardsize;
	return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
	if (size > 0xffffffffu)
		return EINVAL;
	a->__guardsize = (unsigned)size;
	return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *__restrict a, int *__restrict inherit)
{
	*inherit = (a->__flags & PTHREAD_EXPLICIT_SCHED) ? PTHREAD_EXPLICIT_SCHED
	                                                 : PTHREAD_INHERIT_SCHED;
	return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit)
{
	if (inherit != PTHREAD_EXPLICIT_SCHED && inherit != PTHREAD_INHERIT_SCHED)
		return EINVAL;
	a->__flags = (a->__flags & ~PTHREAD_EXPLICIT_SCHED) | inherit;
	return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *__restrict a,
                               struct sched_param *__restrict param)
{
	*param = a->__param;
	return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *__restrict a,
                               const struct sched_param *__restrict param)
{
	if (param->sched_priority < _QSOE_PRIO_MIN || param->sched_priority > _QSOE_PRIO_MAX)
		return EINVAL;
	a->__param = *param;
	return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *__restrict a, int *__restrict policy)
{
	*policy = a->__policy;
	return 0;
}

int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy)
{
	if (policy != SCHED_FIFO && policy != SCHED_RR && policy != SCHED_OTHER)
		return policy == SCHED_SPORADIC ? ENOTSUP : EINVAL;
	a->__policy = policy;
	return 0;
}

int pthread_attr_getscope(const pthread_attr_t *__restrict a, int *__restrict scope)
{
	*scope =
	        (a->__flags & PTHREAD_SCOPE_PROCESS) ? PTHREAD_SCOPE_PROCESS : PTHREAD_SCOPE_SYSTEM;
	return 0;
}

/* Every thread competes system-wide (it is a kernel thread). */
int pthread_attr_setscope(pthread_attr_t *a, int scope)
{
	if (scope == PTHREAD_SCOPE_PROCESS)
		return ENOTSUP;
	if (scope != PTHREAD_SCOPE_SYSTEM)
		return EINVAL;
	a->__flags &= ~PTHREAD_SCOPE_PROCESS;
	return 0;
}

int pthread_attr_getstack(const pthread_attr_t *__restrict a, void **__restrict addr,
                          size_t *__restrict size)
{
	*addr = a->__stackaddr;
	*size = a->__stacksize;
	return 0;
}

/* The caller's own stack [addr, addr + size): the thread's TLS block goes at its top. */
int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
	if (size < PTHREAD_STACK_MIN || addr == NULL)
		return EINVAL;
	a->__stackaddr = addr;
	a->__stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *__restrict a, size_t *__restrict size)
{
	*size = a->__stacksize ? a->__stacksize : DEFAULT_STACK;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->__stacksize = size;
	return 0;
}
