/*
 * fs_sys.c - /sys: small read-only text files describing the system, one
 * value and a newline each:
 *   osname   "QSOE"
 *   version  the build's `git describe` (QSOE_VERSION)
 *   board    the devicetree's root "model" ("unknown" without one)
 *   cmdline  the kernel command line
 *   kernel   the kernel's name ("Skimmer" on QSOE/N)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include <taskman/seam.h>
#include "fdt.h"
#include "version.h"

static char board[128] = "unknown";

static const char *const names[] = {"board", "cmdline", "kernel", "osname", "version"};

/* Reads the board name from the devicetree once. */
void fs_sys_init(void)
{
	const struct seam_boot *b = seam_boot_info();
	struct fdt f;

	if (b->fdt && fdt_init(&f, b->fdt, b->fdt_size) == 0) {
		const char *m = fdt_getprop_str(&f, fdt_root(&f), "model");
		if (m)
			snprintf(board, sizeof(board), "%s", m);
	}
}

/* The value of /sys/name, or NULL. */
static const char *value(const char *name)
{
	if (strcmp(name, "osname") == 0)
		return "QSOE";
	if (strcmp(name, "version") == 0)
		return QSOE_VERSION;
	if (strcmp(name, "board") == 0)
		return board;
	if (strcmp(name, "cmdline") == 0)
		return seam_boot_info()->cmdline;
	if (strcmp(name, "kernel") == 0)
		return seam_boot_info()->kernel_name;
	return NULL;
}

/* Opens /sys (a directory) or one of its files (a snapshot of the value). */
int fs_sys_open(struct tm_open *o)
{
	struct tm_ocb *ocb;

	if (o->c->ioflag & (_IO_FLAG_WR | O_CREAT))
		return -EROFS;
	if (o->path[0] == 0) {
		ocb = tm_ocb_new(TM_OCB_DIR);
		if (ocb == NULL)
			return -ENOMEM;
		for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (tm_ocb_add_dirent(ocb, names[i], 0x2000000000ULL + i, S_IFREG | 0444) <
			    0) {
				tm_ocb_put(ocb);
				return -ENOMEM;
			}
		tm_stat_fill(&ocb->st, 0x2000000100ULL, S_IFDIR | 0555, ocb->ndirents, 0, 0, 0);
		o->ocb = ocb;
		return 0;
	}
	const char *v = value(o->path);
	if (v == NULL)
		return -ENOENT;
	size_t n = strlen(v);
	char *text = malloc(n + 2);
	if (text == NULL)
		return -ENOMEM;
	memcpy(text, v, n);
	text[n] = '\n';
	text[n + 1] = 0;
	ocb = tm_ocb_new(TM_OCB_DATA);
	if (ocb == NULL) {
		free(text);
		return -ENOMEM;
	}
	ocb->data = text;
	ocb->size = n + 1;
	ocb->owned = 1;
	unsigned i = 0;
	while (strcmp(names[i], o->path) != 0)
		i++;
	tm_stat_fill(&ocb->st, 0x2000000000ULL + i, S_IFREG | 0444, n + 1, 0, 0, 0);
	o->ocb = ocb;
	return 0;
}
