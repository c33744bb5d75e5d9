/*
 * getopt.h - command-line option parsing: POSIX getopt() and the GNU-style
 * getopt_long() and getopt_long_only().
 *
 * getopt() follows POSIX: it stops at the first operand. getopt_long() and
 * getopt_long_only() permute operands to the end as GNU does, unless the
 * option string starts with '+' or POSIXLY_CORRECT is set; a leading '-'
 * returns each operand as the argument of option 1.
 */
#ifndef _GETOPT_H
#define _GETOPT_H

#include <sys/cdefs.h>

__BEGIN_DECLS

extern char *optarg;
extern int optind, opterr, optopt;
/* Set to 1 (or set optind to 0) to restart scanning (BSD extension). */
extern int optreset;

struct option {
	const char *name; /* long option name */
	int has_arg;      /* no_argument, required_argument or optional_argument */
	int *flag;        /* if not NULL, store val here and return 0 */
	int val;          /* value to return or store */
};

#define no_argument       0
#define required_argument 1
#define optional_argument 2

int getopt(int argc, char *const argv[], const char *optstring);
int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex);
int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longindex);

__END_DECLS

#endif /* _GETOPT_H */
