/*
 * asan_opts.c - default sanitizer options of the qsh-asan build: the shell
 * keeps long-lived allocations until exit, so leak checking is off (memory
 * errors and undefined behaviour are still fatal).
 */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
