/*
 * mode.c - chmod mode specifications (POSIX chmod's grammar) and ls-style
 * mode strings.
 */
#include "mode.h"
#include "qu.h"

#include <string.h>
#include <sys/stat.h>

#define ALLBITS 07777
#define USR     (S_IRWXU | S_ISUID)
#define GRP     (S_IRWXG | S_ISGID)
#define OTH     (S_IRWXO | S_ISVTX)

/* Returns the permission bits of class c ('u','g','o') of m, spread to all
 * three classes (rwx only). */
static mode_t class_perm(mode_t m, char c)
{
	mode_t r = 0;

	if (c == 'u')
		r = (m & S_IRWXU) >> 6;
	else if (c == 'g')
		r = (m & S_IRWXG) >> 3;
	else
		r = m & S_IRWXO;
	return r | r << 3 | r << 6;
}

/* Applies an octal spec; returns 0 or -1. */
static int apply_octal(const char *s, mode_t *out)
{
	mode_t m = 0;

	for (; *s; s++) {
		if (*s < '0' || *s > '7')
			return -1;
		m = m * 8 + (mode_t)(*s - '0');
		if (m > ALLBITS)
			return -1;
	}
	*out = m;
	return 0;
}

/* See mode.h. */
int qu_mode_apply(const char *spec, mode_t old, int isdir, mode_t mask, mode_t *out)
{
	mode_t cur = old & ALLBITS;
	const char *s = spec;

	if (*s >= '0' && *s <= '7')
		return apply_octal(s, out);
	for (;;) {
		mode_t who = 0;
		int nowho;

		for (;; s++) {
			if (*s == 'u')
				who |= USR;
			else if (*s == 'g')
				who |= GRP;
			else if (*s == 'o')
				who |= OTH;
			else if (*s == 'a')
				who |= USR | GRP | OTH;
			else
				break;
		}
		nowho = who == 0;
		if (*s != '+' && *s != '-' && *s != '=')
			return -1;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t perm = 0, eff;
			if (*s == 'u' || *s == 'g' || *s == 'o') {
				perm = class_perm(cur, *s++);
			} else {
				for (;; s++) {
					if (*s == 'r')
						perm |= S_IRUSR | S_IRGRP | S_IROTH;
					else if (*s == 'w')
						perm |= S_IWUSR | S_IWGRP | S_IWOTH;
					else if (*s == 'x')
						perm |= S_IXUSR | S_IXGRP | S_IXOTH;
					else if (*s == 'X') {
						if (isdir || (cur & (S_IXUSR | S_IXGRP | S_IXOTH)))
							perm |= S_IXUSR | S_IXGRP | S_IXOTH;
					} else if (*s == 's')
						perm |= S_ISUID | S_ISGID;
					else if (*s == 't')
						perm |= S_ISVTX;
					else
						break;
				}
			}
			if (nowho) {
				eff = perm & ~mask & (S_IRWXU | S_IRWXG | S_IRWXO);
				eff |= perm & (S_ISUID | S_ISGID | S_ISVTX);
				if (op == '=')
					who = USR | GRP | OTH;
				else
					who = ALLBITS;
			} else {
				eff = perm & who;
			}
			if (op == '+')
				cur |= eff;
			else if (op == '-')
				cur &= ~eff;
			else {
				mode_t clear = who & ~(isdir ? (S_ISUID | S_ISGID) & who : 0);
				if (nowho)
					clear = S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX;
				cur = (cur & ~clear) | (eff & who);
			}
			if (nowho)
				who = 0;
		}
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s)
			return -1;
		break;
	}
	*out = cur;
	return 0;
}

/* See mode.h. */
int qu_mode_valid(const char *spec)
{
	mode_t m;

	return *spec && qu_mode_apply(spec, 0, 0, 0, &m) == 0;
}

/* See mode.h. */
void qu_mode_string(mode_t m, char buf[11])
{
	char t = '?';

	if (S_ISREG(m))
		t = '-';
	else if (S_ISDIR(m))
		t = 'd';
	else if (S_ISLNK(m))
		t = 'l';
	else if (S_ISCHR(m))
		t = 'c';
	else if (S_ISBLK(m))
		t = 'b';
	else if (S_ISFIFO(m))
		t = 'p';
	else if (S_ISSOCK(m))
		t = 's';
	buf[0] = t;
	buf[1] = (m & S_IRUSR) ? 'r' : '-';
	buf[2] = (m & S_IWUSR) ? 'w' : '-';
	buf[3] = (m & S_ISUID) ? ((m & S_IXUSR) ? 's' : 'S') : ((m & S_IXUSR) ? 'x' : '-');
	buf[4] = (m & S_IRGRP) ? 'r' : '-';
	buf[5] = (m & S_IWGRP) ? 'w' : '-';
	buf[6] = (m & S_ISGID) ? ((m & S_IXGRP) ? 's' : 'S') : ((m & S_IXGRP) ? 'x' : '-');
	buf[7] = (m & S_IROTH) ? 'r' : '-';
	buf[8] = (m & S_IWOTH) ? 'w' : '-';
	buf[9] = (m & S_ISVTX) ? ((m & S_IXOTH) ? 't' : 'T') : ((m & S_IXOTH) ? 'x' : '-');
	buf[10] = 0;
}
