/*
 * iconv.c - iconv_open, iconv, iconv_close between these encodings
 * (names compared without case, '-' or '_'):
 *
 *   UTF-8 (UTF8)
 *   UTF-16, UTF-16LE, UTF-16BE     UTF-16 reads a byte order mark if there
 *   UTF-32, UTF-32LE, UTF-32BE     is one (else big-endian, RFC 2781) and
 *                                  writes one, then little-endian
 *   UCS-2 (little-endian, no surrogates), UCS-2LE, UCS-2BE
 *   UCS-4 (big-endian), UCS-4LE, UCS-4BE, WCHAR_T (native 32-bit)
 *   ASCII (US-ASCII, ANSI_X3.4-1968, 646), ISO-8859-1 (LATIN1, L1, ISO8859-1)
 *
 * A target name may end in //TRANSLIT (a character the target cannot hold
 * becomes '?') and/or //IGNORE (such characters, and invalid input, are
 * skipped; iconv then fails with EILSEQ at the end of the input, after
 * converting all of it, as glibc does). Without them iconv stops with
 * EILSEQ at the character. Errors: EILSEQ (invalid or unrepresentable
 * input, *inbuf left at it), EINVAL (an incomplete sequence ends the
 * input), E2BIG (the output is full); iconv_open fails with EINVAL for an
 * unknown name. The return value counts characters converted
 * irreversibly (TRANSLIT replacements).
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum enc {
	E_UTF8,
	E_UTF16,
	E_UTF16LE,
	E_UTF16BE,
	E_UTF32,
	E_UTF32LE,
	E_UTF32BE,
	E_UCS2LE,
	E_UCS2BE,
	E_UCS4LE,
	E_UCS4BE,
	E_ASCII,
	E_LATIN1
};

struct __qsoe_iconv {
	enum enc from, to;
	int translit, ignore;
	int in_order; /* UTF-16/32 input: 0 undecided, 1 little-endian, 2 big-endian */
	int bom_done; /* UTF-16/32 output: the byte order mark was written */
	int ignored;  /* //IGNORE skipped something in this call */
};

static const struct {
	const char *name;
	enum enc e;
} names[] = {
        {"UTF8", E_UTF8},           {"UTF16", E_UTF16},        {"UTF16LE", E_UTF16LE},
        {"UTF16BE", E_UTF16BE},     {"UTF32", E_UTF32},        {"UTF32LE", E_UTF32LE},
        {"UTF32BE", E_UTF32BE},     {"UCS2", E_UCS2LE},        {"UCS2LE", E_UCS2LE},
        {"UCS2BE", E_UCS2BE},       {"UCS4", E_UCS4BE},        {"UCS4LE", E_UCS4LE},
        {"UCS4BE", E_UCS4BE},       {"WCHART", E_UCS4LE},      {"ASCII", E_ASCII},
        {"USASCII", E_ASCII},       {"ANSIX3.41968", E_ASCII}, {"646", E_ASCII},
        {"ISO88591", E_LATIN1},     {"LATIN1", E_LATIN1},      {"L1", E_LATIN1},
        {"ISO885911987", E_LATIN1},
};

/*
 * Looks name up; with flags (the target) parses //TRANSLIT and //IGNORE.
 * Returns 0 and *e, or -1.
 */
static int lookup(const char *name, enum enc *e, int *translit, int *ignore)
{
	char key[32];
	size_t k = 0;
	const char *p = name;

	for (; *p && !(p[0] == '/' && p[1] == '/'); p++) {
		if (*p == '-' || *p == '_')
			continue;
		if (k + 1 >= sizeof(key))
			return -1;
		key[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	}
	key[k] = 0;
	while (*p == '/' && p[1] == '/') {
		p += 2;
		const char *end = p;
		while (*end && *end != '/')
			end++;
		size_t n = (size_t)(end - p);
		if (!translit || n == 0)
			return -1;
		if (n == 8 && strncasecmp(p, "TRANSLIT", 8) == 0)
			*translit = 1;
		else if (n == 6 && strncasecmp(p, "IGNORE", 6) == 0)
			*ignore = 1;
		else
			return -1;
		p = end;
	}
	if (*p)
		return -1;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(key, names[i].name) == 0) {
			*e = names[i].e;
			return 0;
		}
	return -1;
}

/* A converter from fromcode to tocode, or (iconv_t)-1 with EINVAL (unknown) or ENOMEM. */
iconv_t iconv_open(const char *tocode, const char *fromcode)
{
	enum enc from, to;
	int translit = 0, ignore = 0, dummy1 = 0, dummy2 = 0;

	if (!tocode || !fromcode || lookup(tocode, &to, &translit, &ignore) < 0 ||
	    lookup(fromcode, &from, &dummy1, &dummy2) < 0) {
		errno = EINVAL;
		return (iconv_t)-1;
	}
	struct __qsoe_iconv *cd = calloc(1, sizeof(*cd));
	if (!cd) {
		errno = ENOMEM;
		return (iconv_t)-1;
	}
	cd->from = from;
	cd->to = to;
	cd->translit = translit;
	cd->ignore = ignore;
	return cd;
}

int iconv_close(iconv_t cd)
{
	if (!cd || cd == (iconv_t)-1) {
		errno = EBADF;
		return -1;
	}
	free(cd);
	return 0;
}

static unsigned rd16(const unsigned char *p, int le)
{
	return le ? p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static uint32_t rd32(const unsigned char *p, int le)
{
	return le ? p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
	          : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Decodes one character of p[0..n). Returns the bytes it used (the code
 * point in *c; a byte order mark read at the start uses bytes and yields
 * *c = -1), -1 for invalid input (the bytes to skip in *skip), or -2 if
 * the input ends inside the character.
 */
static int decode(struct __qsoe_iconv *cd, const unsigned char *p, size_t n, int32_t *c, int *skip)
{
	*skip = 1;
	switch (cd->from) {
	case E_UTF8: {
		unsigned b = p[0], need, min;
		uint32_t v;
		if (b < 0x80) {
			*c = (int32_t)b;
			return 1;
		}
		if (b >= 0xc2 && b <= 0xdf)
			need = 1, v = b & 0x1f, min = 0x80;
		else if (b >= 0xe0 && b <= 0xef)
			need = 2, v = b & 0x0f, min = 0x800;
		else if (b >= 0xf0 && b <= 0xf4)
			need = 3, v = b & 0x07, min = 0x10000;
		else
			return -1;
		for (unsigned i = 1; i <= need; i++) {
			if (i >= n)
				return -2;
			if ((p[i] & 0xc0) != 0x80) {
				*skip = (int)i;
				return -1;
			}
			v = v << 6 | (p[i] & 0x3f);
		}
		if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
			*skip = (int)need + 1;
			return -1;
		}
		*c = (int32_t)v;
		return (int)need + 1;
	}
	case E_UTF16:
	case E_UTF16LE:
	case E_UTF16BE:
	case E_UCS2LE:
	case E_UCS2BE: {
		if (n < 2)
			return -2;
		int le = cd->from == E_UTF16LE || cd->from == E_UCS2LE;
		if (cd->from == E_UTF16) {
			if (!cd->in_order) {
				unsigned bom = rd16(p, 0);
				cd->in_order = bom == 0xfffe ? 1 : 2;
				if (bom == 0xfffe || bom == 0xfeff) {
					*c = -1;
					return 2;
				}
			}
			le = cd->in_order == 1;
		}
		unsigned u = rd16(p, le);
		*skip = 2;
		if (u < 0xd800 || u > 0xdfff) {
			*c = (int32_t)u;
			return 2;
		}
		if (cd->from == E_UCS2LE || cd->from == E_UCS2BE || u >= 0xdc00)
			return -1;
		if (n < 4)
			return -2;
		unsigned lo = rd16(p + 2, le);
		if (lo < 0xdc00 || lo > 0xdfff)
			return -1;
		*c = (int32_t)(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
		return 4;
	}
	case E_UTF32:
	case E_UTF32LE:
	case E_UTF32BE:
	case E_UCS4LE:
	case E_UCS4BE: {
		if (n < 4)
			return -2;
		int le = cd->from == E_UTF32LE || cd->from == E_UCS4LE;
		if (cd->from == E_UTF32) {
			if (!cd->in_order) {
				uint32_t bom = rd32(p, 0);
				cd->in_order = bom == 0xfffe0000u ? 1 : 2;
				if (bom == 0xfffe0000u || bom == 0xfeff) {
					*c = -1;
					return 4;
				}
			}
			le = cd->in_order == 1;
		}
		uint32_t v = rd32(p, le);
		*skip = 4;
		if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
			return -1;
		*c = (int32_t)v;
		return 4;
	}
	case E_ASCII:
		if (p[0] >= 0x80)
			return -1;
		*c = p[0];
		return 1;
	case E_LATIN1:
		*c = p[0];
		return 1;
	}
	return -1;
}

static void wr16(unsigned char *p, unsigned v, int le)
{
	p[le ? 0 : 1] = (unsigned char)v;
	p[le ? 1 : 0] = (unsigned char)(v >> 8);
}

static void wr32(unsigned char *p, uint32_t v, int le)
{
	for (int i = 0; i < 4; i++)
		p[le ? i : 3 - i] = (unsigned char)(v >> (8 * i));
}

/*
 * Encodes c into out[0..room). Returns the bytes written, 0 if c cannot
 * be represented in the target, or -1 if room is too small.
 */
static int encode(struct __qsoe_iconv *cd, uint32_t c, unsigned char *out, size_t room)
{
	switch (cd->to) {
	case E_UTF8:
		if (c < 0x80) {
			if (room < 1)
				return -1;
			out[0] = (unsigned char)c;
			return 1;
		}
		if (c < 0x800) {
			if (room < 2)
				return -1;
			out[0] = (unsigned char)(0xc0 | c >> 6);
			out[1] = (unsigned char)(0x80 | (c & 0x3f));
			return 2;
		}
		if (c < 0x10000) {
			if (room < 3)
				return -1;
			out[0] = (unsigned char)(0xe0 | c >> 12);
			out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			out[2] = (unsigned char)(0x80 | (c & 0x3f));
			return 3;
		}
		if (room < 4)
			return -1;
		out[0] = (unsigned char)(0xf0 | c >> 18);
		out[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		out[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		out[3] = (unsigned char)(0x80 | (c & 0x3f));
		return 4;
	case E_UTF16:
	case E_UTF16LE:
	case E_UTF16BE:
	case E_UCS2LE:
	case E_UCS2BE: {
		int le = cd->to != E_UTF16BE && cd->to != E_UCS2BE;
		if (room < 2)
			return -1; /* a full output is reported before anything else */
		if (c >= 0x10000 && (cd->to == E_UCS2LE || cd->to == E_UCS2BE))
			return 0;
		size_t need = c >= 0x10000 ? 4 : 2;
		if (room < need)
			return -1;
		if (c >= 0x10000) {
			wr16(out, 0xd800 + ((c - 0x10000) >> 10), le);
			wr16(out + 2, 0xdc00 + ((c - 0x10000) & 0x3ff), le);
		} else {
			wr16(out, c, le);
		}
		return (int)need;
	}
	case E_UTF32:
	case E_UTF32LE:
	case E_UTF32BE:
	case E_UCS4LE:
	case E_UCS4BE: {
		int le = cd->to == E_UTF32 || cd->to == E_UTF32LE || cd->to == E_UCS4LE;
		if (room < 4)
			return -1;
		wr32(out, c, le);
		return 4;
	}
	case E_ASCII:
	case E_LATIN1:
		if (room < 1)
			return -1;
		if (c >= (cd->to == E_ASCII ? 0x80u : 0x100u))
			return 0;
		out[0] = (unsigned char)c;
		return 1;
	}
	return 0;
}

/*
 * Converts from *inbuf (*inleft bytes) into *outbuf (*outleft bytes),
 * advancing both. inbuf or *inbuf NULL resets the shift state (nothing to
 * write: every encoding here is stateless apart from byte order marks).
 * Returns the number of irreversible conversions, or (size_t)-1 with
 * errno EILSEQ, EINVAL, E2BIG or EBADF.
 */
size_t iconv(iconv_t cd, char **__restrict inbuf, size_t *__restrict inleft,
             char **__restrict outbuf, size_t *__restrict outleft)
{
	if (!cd || cd == (iconv_t)-1) {
		errno = EBADF;
		return (size_t)-1;
	}
	if (!inbuf || !*inbuf) {
		cd->in_order = 0;
		cd->bom_done = 0;
		return 0;
	}
	const unsigned char *in = (const unsigned char *)*inbuf;
	size_t ileft = *inleft, irreversible = 0;
	unsigned char *out = outbuf ? (unsigned char *)*outbuf : NULL;
	size_t oleft = outbuf && outleft ? *outleft : 0;
	int err = 0;

	cd->ignored = 0;
	while (ileft) {
		int32_t c;
		int skip;
		int used = decode(cd, in, ileft, &c, &skip);
		if (used == -2) {
			err = EINVAL;
			break;
		}
		if (used == -1) {
			if (!cd->ignore) {
				err = EILSEQ;
				break;
			}
			cd->ignored = 1;
			in += skip;
			ileft -= (size_t)skip;
			continue;
		}
		if (c >= 0 && !cd->bom_done && (cd->to == E_UTF16 || cd->to == E_UTF32)) {
			/* the byte order mark goes out first, little-endian */
			int bl = cd->to == E_UTF16 ? 2 : 4;
			if (oleft < (size_t)bl) {
				err = E2BIG;
				break;
			}
			if (bl == 2)
				wr16(out, 0xfeff, 1);
			else
				wr32(out, 0xfeff, 1);
			out += bl;
			oleft -= (size_t)bl;
			cd->bom_done = 1;
		}
		if (c >= 0) {
			int w = encode(cd, (uint32_t)c, out, oleft);
			if (w == 0) {
				if (cd->translit) {
					w = encode(cd, '?', out, oleft);
					if (w > 0)
						irreversible++;
				} else if (cd->ignore) {
					cd->ignored = 1;
				} else {
					err = EILSEQ;
					break;
				}
			}
			if (w < 0) {
				err = E2BIG;
				break;
			}
			out += w;
			oleft -= (size_t)w;
		}
		in += used;
		ileft -= (size_t)used;
	}
	*inbuf = (char *)in;
	*inleft = ileft;
	if (outbuf && outleft) {
		*outbuf = (char *)out;
		*outleft = oleft;
	}
	if (!err && cd->ignored)
		err = EILSEQ;
	if (err) {
		errno = err;
		return (size_t)-1;
	}
	return irreversible;
}
