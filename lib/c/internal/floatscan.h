/*
 * floatscan.h - the correctly rounded string-to-binary-float conversion
 * shared by strtof/strtod/strtold, their wide and _l forms, and scanf.
 */
#ifndef QSOE_LIBC_FLOATSCAN_H
#define QSOE_LIBC_FLOATSCAN_H

enum { QSOE_FLT, QSOE_DBL, QSOE_LDBL };

/*
 * Convert the longest prefix of s (after white space) that is a C floating
 * constant, "inf", "infinity", "nan" or "nan(chars)" to the IEEE format
 * fmt (QSOE_FLT: binary32, QSOE_DBL: binary64, QSOE_LDBL: binary128),
 * rounding to nearest-even. Returns the raw bits (low 32/64/128 bits);
 * stores the end of the parsed text in *end (s if nothing was parsed)
 * and sets errno to ERANGE on overflow or underflow.
 */
unsigned __int128 __qsoe_floatscan(const char *s, char **end, int fmt);

#endif /* QSOE_LIBC_FLOATSCAN_H */
