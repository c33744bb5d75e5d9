/*
 * init.c - running the initialisers and finalisers of the loaded objects.
 *
 * taskman reports the objects it loaded in the link map (AT_QSOE_LINKMAP:
 * the program first, then the libraries in load order, every address
 * already relocated). Before main: the program's DT_PREINIT_ARRAY, then
 * each library's DT_INIT and DT_INIT_ARRAY in reverse load order (so a
 * library is initialised after those it needs), then the program's. At
 * exit the finalisers run in the opposite order: the program's
 * DT_FINI_ARRAY (backwards) and DT_FINI, then each library's in load order.
 * Without a link map only the program's arrays (passed by crt1) run.
 */
#include "qsoe_os.h"

typedef void (*fn_t)(void);

void __qsoe_run_init(fn_t *pre, fn_t *pre_end, fn_t *init, fn_t *init_end, fn_t *fini,
                     fn_t *fini_end) QSOE_HIDDEN;

static fn_t *crt_fini, *crt_fini_end;

/* Calls the functions of an array forwards (or backwards). */
static void run_array(fn_t *a, fn_t *end, int backwards)
{
	size_t n = (size_t)(end - a);

	for (size_t i = 0; i < n; i++) {
		fn_t f = a[backwards ? n - 1 - i : i];
		if (f != NULL && f != (fn_t)-1)
			f();
	}
}

static void run_obj_init(const struct tm_object *o)
{
	if (o->init)
		((fn_t)o->init)();
	if (o->init_array)
		run_array((fn_t *)o->init_array, (fn_t *)(o->init_array + o->init_arraysz), 0);
}

static void run_obj_fini(const struct tm_object *o)
{
	if (o->fini_array)
		run_array((fn_t *)o->fini_array, (fn_t *)(o->fini_array + o->fini_arraysz), 1);
	if (o->fini)
		((fn_t)o->fini)();
}

void __qsoe_run_init(fn_t *pre, fn_t *pre_end, fn_t *init, fn_t *init_end, fn_t *fini,
                     fn_t *fini_end)
{
	const struct tm_linkmap *lm = __qsoe_proc.lm;

	if (lm == NULL || lm->nobjects == 0) {
		crt_fini = fini;
		crt_fini_end = fini_end;
		run_array(pre, pre_end, 0);
		run_array(init, init_end, 0);
		return;
	}
	const struct tm_object *prog = &lm->objects[0];
	if (prog->preinit_array)
		run_array((fn_t *)prog->preinit_array,
		          (fn_t *)(prog->preinit_array + prog->preinit_arraysz), 0);
	for (uint32_t i = lm->nobjects - 1; i >= 1; i--)
		run_obj_init(&lm->objects[i]);
	run_obj_init(prog);
}

/* Runs the finalisers, once (exit() may be called again from one of them). */
void __qsoe_run_fini(void)
{
	static int done;
	const struct tm_linkmap *lm = __qsoe_proc.lm;

	if (__atomic_exchange_n(&done, 1, __ATOMIC_ACQ_REL))
		return;
	if (lm == NULL || lm->nobjects == 0) {
		if (crt_fini)
			run_array(crt_fini, crt_fini_end, 1);
		return;
	}
	for (uint32_t i = 0; i < lm->nobjects; i++)
		run_obj_fini(&lm->objects[i]);
}
