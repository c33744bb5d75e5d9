/*
 * progname.c - the program's name: GNU program_invocation_name and
 * program_invocation_short_name, BSD getprogname/setprogname. Start-up
 * sets them from argv[0] (__qsoe_set_progname); err() and warn() print
 * the short name.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *program_invocation_name = "";
char *program_invocation_short_name = "";

/* Records argv[0] (not copied: it lives as long as the process). */
void __qsoe_set_progname(char *argv0)
{
	if (!argv0)
		return;
	program_invocation_name = argv0;
	char *slash = strrchr(argv0, '/');
	program_invocation_short_name = slash ? slash + 1 : argv0;
}

/* The short name of the program ("" if start-up had no argv[0]). */
const char *getprogname(void)
{
	return program_invocation_short_name;
}

/* Sets the short name to the last component of name (kept, not copied). */
void setprogname(const char *name)
{
	if (!name)
		return;
	const char *slash = strrchr(name, '/');
	program_invocation_short_name = (char *)(slash ? slash + 1 : name);
}
