/*
 * exit.c - ending the process: exit, _exit, _Exit, quick_exit.
 *
 * exit() runs the atexit (and __cxa_atexit) handlers, flushes every stdio
 * stream, runs the finalisers of the loaded objects (init.c), flushes
 * again (for output the finalisers made) and ends the process through the
 * seam (__qsoe_exit): every thread ends and the parent sees the status.
 */
#include <stdlib.h>
#include <unistd.h>
#include "qsoe_os.h"

__attribute__((noreturn)) void exit(int status)
{
	__libc_run_atexit();
	__libc_stdio_exit();
	__qsoe_run_fini();
	__libc_stdio_exit();
	__qsoe_exit(status);
}

/* Ends the process at once: no handlers, no flushing. */
__attribute__((noreturn)) void _exit(int status)
{
	__qsoe_exit(status);
}

__attribute__((noreturn)) void _Exit(int status)
{
	__qsoe_exit(status);
}

/* Runs the at_quick_exit handlers, then _Exit. */
__attribute__((noreturn)) void quick_exit(int status)
{
	__libc_run_quick_exit();
	__qsoe_exit(status);
}
