/*
 * key.c - thread-specific data: pthread_key_create, pthread_key_delete,
 * pthread_getspecific, pthread_setspecific, and the destructor pass at
 * thread exit.
 *
 * PTHREAD_KEYS_MAX keys. Each key has a generation, bumped when it is
 * created and deleted; a thread's value counts only if it was set in the
 * key's current generation, so a recreated key starts as NULL in every
 * thread without touching their descriptors.
 */
#include "thread_impl.h"

static struct {
	unsigned seq; /* odd: in use */
	void (*dtor)(void *);
} keys[PTHREAD_KEYS_MAX];
static qsoe_lock_t keys_lock = QSOE_LOCK_INIT;

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
	qsoe_lock(&keys_lock);
	for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!(keys[k].seq & 1)) {
			keys[k].dtor = dtor;
			__atomic_store_n(&keys[k].seq, keys[k].seq + 1, __ATOMIC_RELEASE);
			qsoe_unlock(&keys_lock);
			*key = k;
			return 0;
		}
	}
	qsoe_unlock(&keys_lock);
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	qsoe_lock(&keys_lock);
	int ok = keys[key].seq & 1;
	if (ok) {
		keys[key].dtor = NULL;
		__atomic_store_n(&keys[key].seq, keys[key].seq + 1, __ATOMIC_RELEASE);
	}
	qsoe_unlock(&keys_lock);
	return ok ? 0 : EINVAL;
}

void *pthread_getspecific(pthread_key_t key)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return NULL;
	struct __qsoe_thread *t = __qsoe_self();
	unsigned seq = __atomic_load_n(&keys[key].seq, __ATOMIC_ACQUIRE);
	return (seq & 1) && t->key_seq[key] == seq ? t->keys[key] : NULL;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	unsigned seq = __atomic_load_n(&keys[key].seq, __ATOMIC_ACQUIRE);
	if (!(seq & 1))
		return EINVAL;
	struct __qsoe_thread *t = __qsoe_self();
	t->keys[key] = (void *)value;
	t->key_seq[key] = seq;
	return 0;
}

void __qsoe_tsd_run_destructors(void)
{
	struct __qsoe_thread *t = (struct __qsoe_thread *)__tls()->__keydata;

	if (t == NULL)
		return;
	for (int pass = 0; pass < PTHREAD_DESTRUCTOR_ITERATIONS; pass++) {
		int ran = 0;
		for (int k = 0; k < PTHREAD_KEYS_MAX; k++) {
			unsigned seq = __atomic_load_n(&keys[k].seq, __ATOMIC_ACQUIRE);
			void (*dtor)(void *) = keys[k].dtor;
			void *v = t->keys[k];
			if (!(seq & 1) || t->key_seq[k] != seq || v == NULL || dtor == NULL)
				continue;
			t->keys[k] = NULL;
			dtor(v);
			ran = 1;
		}
		if (!ran)
			break;
	}
}
