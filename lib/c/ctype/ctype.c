/*
 * ctype.c - byte classification and case mapping. Both QSOE locales ("C"
 * and "C.UTF-8") classify only ASCII; bytes 0x80-0xff and EOF belong to no
 * class and map to themselves. The *_l forms ignore their locale argument.
 */
#include <ctype.h>
#include "libc.h"

enum {
	U = 0x01,  /* upper */
	L = 0x02,  /* lower */
	D = 0x04,  /* digit */
	S = 0x08,  /* space */
	P = 0x10,  /* punct */
	C = 0x20,  /* cntrl */
	X = 0x40,  /* hex digit letter */
	B = 0x80,  /* blank */
	G = 0x100, /* graphic (non-space printable) */
};

/* Classes of the 128 ASCII characters. */
static const unsigned short table[128] = {
        C,     C,         C,         C,         C,         C,         C,         C,     /* 00-07 */
        C,     C | S | B, C | S,     C | S,     C | S,     C | S,     C,         C,     /* 08-0f */
        C,     C,         C,         C,         C,         C,         C,         C,     /* 10-17 */
        C,     C,         C,         C,         C,         C,         C,         C,     /* 18-1f */
        S | B, P | G,     P | G,     P | G,     P | G,     P | G,     P | G,     P | G, /* 20-27 */
        P | G, P | G,     P | G,     P | G,     P | G,     P | G,     P | G,     P | G, /* 28-2f */
        D | G, D | G,     D | G,     D | G,     D | G,     D | G,     D | G,     D | G, /* 30-37 */
        D | G, D | G,     P | G,     P | G,     P | G,     P | G,     P | G,     P | G, /* 38-3f */
        P | G, U | X | G, U | X | G, U | X | G, U | X | G, U | X | G, U | X | G, U | G, /* 40-47 */
        U | G, U | G,     U | G,     U | G,     U | G,     U | G,     U | G,     U | G, /* 48-4f */
        U | G, U | G,     U | G,     U | G,     U | G,     U | G,     U | G,     U | G, /* 50-57 */
        U | G, U | G,     U | G,     P | G,     P | G,     P | G,     P | G,     P | G, /* 58-5f */
        P | G, L | X | G, L | X | G, L | X | G, L | X | G, L | X | G, L | X | G, L | G, /* 60-67 */
        L | G, L | G,     L | G,     L | G,     L | G,     L | G,     L | G,     L | G, /* 68-6f */
        L | G, L | G,     L | G,     L | G,     L | G,     L | G,     L | G,     L | G, /* 70-77 */
        L | G, L | G,     L | G,     P | G,     P | G,     P | G,     P | G,     C,     /* 78-7f */
};

/* Class bits of c (0 for EOF, non-ASCII and out-of-range values). */
static inline unsigned cls(int c)
{
	return (unsigned)c < 128 ? table[c] : 0;
}

/* Letter or digit. */
int isalnum(int c)
{
	return (cls(c) & (U | L | D)) != 0;
}

/* Letter. */
int isalpha(int c)
{
	return (cls(c) & (U | L)) != 0;
}

/* Space or tab. */
int isblank(int c)
{
	return (cls(c) & B) != 0;
}

/* Control character (0x00-0x1f, 0x7f). */
int iscntrl(int c)
{
	return (cls(c) & C) != 0;
}

/* Decimal digit. */
int isdigit(int c)
{
	return (unsigned)c - '0' < 10;
}

/* Printable except space. */
int isgraph(int c)
{
	return (cls(c) & G) != 0;
}

/* Lowercase letter. */
int islower(int c)
{
	return (cls(c) & L) != 0;
}

/* Printable including space. */
int isprint(int c)
{
	return (cls(c) & G) != 0 || c == ' ';
}

/* Punctuation: graphic but not alphanumeric. */
int ispunct(int c)
{
	return (cls(c) & P) != 0;
}

/* White space: space, \t \n \v \f \r. */
int isspace(int c)
{
	return (cls(c) & S) != 0;
}

/* Uppercase letter. */
int isupper(int c)
{
	return (cls(c) & U) != 0;
}

/* Hexadecimal digit. */
int isxdigit(int c)
{
	return (cls(c) & (D | X)) != 0;
}

/* Lowercase of an uppercase letter; anything else unchanged. */
int tolower(int c)
{
	return isupper(c) ? c + ('a' - 'A') : c;
}

/* Uppercase of a lowercase letter; anything else unchanged. */
int toupper(int c)
{
	return islower(c) ? c - ('a' - 'A') : c;
}

/* 7-bit value. */
int isascii(int c)
{
	return (unsigned)c < 128;
}

/* Clear all but the low 7 bits. */
int toascii(int c)
{
	return c & 0x7f;
}

int isalnum_l(int c, locale_t l)
{
	(void)l;
	return isalnum(c);
}

int isalpha_l(int c, locale_t l)
{
	(void)l;
	return isalpha(c);
}

int isblank_l(int c, locale_t l)
{
	(void)l;
	return isblank(c);
}

int iscntrl_l(int c, locale_t l)
{
	(void)l;
	return iscntrl(c);
}

int isdigit_l(int c, locale_t l)
{
	(void)l;
	return isdigit(c);
}

int isgraph_l(int c, locale_t l)
{
	(void)l;
	return isgraph(c);
}

int islower_l(int c, locale_t l)
{
	(void)l;
	return islower(c);
}

int isprint_l(int c, locale_t l)
{
	(void)l;
	return isprint(c);
}

int ispunct_l(int c, locale_t l)
{
	(void)l;
	return ispunct(c);
}

int isspace_l(int c, locale_t l)
{
	(void)l;
	return isspace(c);
}

int isupper_l(int c, locale_t l)
{
	(void)l;
	return isupper(c);
}

int isxdigit_l(int c, locale_t l)
{
	(void)l;
	return isxdigit(c);
}

int tolower_l(int c, locale_t l)
{
	(void)l;
	return tolower(c);
}

int toupper_l(int c, locale_t l)
{
	(void)l;
	return toupper(c);
}
