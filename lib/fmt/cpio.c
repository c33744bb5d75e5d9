/*
 * cpio.c - a bounds-checked reader for cpio "newc" archives.
 *
 * Written from the format description in cpio(5): a 110-byte header of
 * thirteen 8-digit hexadecimal fields after the 6-byte magic.
 */
#include "cpio.h"

#include <string.h>

#define HDR_LEN 110u

/* Parses 8 hex digits; returns 0 or CPIO_E_BADHEX. */
static int hex8(const uint8_t *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		uint8_t c = p[i];
		uint32_t d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return CPIO_E_BADHEX;
		v = (v << 4) | d;
	}
	*out = v;
	return 0;
}

static size_t pad4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

int cpio_next(const void *archive, size_t len, size_t *off, struct cpio_entry *e)
{
	const uint8_t *a = archive;
	uint32_t f[13];
	size_t pos = *off;

	if (pos > len || len - pos < HDR_LEN)
		return CPIO_E_TRUNCATED;
	if (memcmp(a + pos, "07070", 5) != 0 || (a[pos + 5] != '1' && a[pos + 5] != '2'))
		return CPIO_E_BADMAGIC;
	for (int i = 0; i < 13; i++)
		if (hex8(a + pos + 6 + 8 * i, &f[i]) != 0)
			return CPIO_E_BADHEX;

	uint32_t namesize = f[11];
	uint32_t filesize = f[6];
	size_t name_off = pos + HDR_LEN;
	if (namesize <= 1 || namesize > len - name_off)
		return namesize <= 1 ? CPIO_E_BADNAME : CPIO_E_TRUNCATED;
	if (a[name_off + namesize - 1] != '\0' ||
	    memchr(a + name_off, 0, namesize) != a + name_off + namesize - 1)
		return CPIO_E_BADNAME;
	size_t data_off = pad4(name_off + namesize);
	if (data_off > len || filesize > len - data_off)
		return CPIO_E_TRUNCATED;

	e->name = (const char *)(a + name_off);
	e->data = a + data_off;
	e->size = filesize;
	e->ino = f[0];
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->nlink = f[4];
	e->mtime = f[5];

	if (strcmp(e->name, "TRAILER!!!") == 0)
		return CPIO_END;
	size_t next = pad4(data_off + filesize);
	*off = next > len ? len : next;
	return 1;
}

const char *cpio_plain_name(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			return name;
	}
}

int cpio_find(const void *archive, size_t len, const char *path, struct cpio_entry *e)
{
	size_t off = 0;
	const char *want = cpio_plain_name(path);

	for (;;) {
		int r = cpio_next(archive, len, &off, e);
		if (r < 0)
			return r;
		if (r == CPIO_END)
			return CPIO_E_NOTFOUND;
		if (strcmp(cpio_plain_name(e->name), want) == 0)
			return 0;
	}
}

const char *cpio_strerror(int err)
{
	switch (err) {
	case CPIO_END:
		return "end of archive";
	case CPIO_E_NOTFOUND:
		return "not found";
	case CPIO_E_BADMAGIC:
		return "bad magic";
	case CPIO_E_BADHEX:
		return "bad header field";
	case CPIO_E_TRUNCATED:
		return "truncated";
	case CPIO_E_BADNAME:
		return "bad name";
	default:
		return "unknown error";
	}
}
