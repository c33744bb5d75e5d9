/*
 * main.c - taskman on Skimmer: start-up.
 *
 * The kernel starts taskman first, with the boot archive and devicetree
 * mapped and nothing else. taskman reads what the kernel left (seam_init),
 * indexes the archive, sets up its tables and its own files, creates its
 * channel (SYSMGR_CHID, so every later process is born connected to it),
 * starts the server threads, runs the boot work (boot.c), and then its
 * first thread becomes the reaper.
 */
#include <errno.h>
#include <taskman/fs.h>
#include <taskman/proc.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>

int seam_init(void);
void tm_boot(unsigned long boot_instret);

__attribute__((noreturn)) void taskman_main(unsigned long boot_instret)
{
	if (seam_init() < 0) {
		seam_console("taskman: no boot information\n", 29);
		seam_poweroff(6);
	}
	const struct seam_boot *b = seam_boot_info();
	bootfs_init(b->archive, b->archive_size);
	tm_log("QSOE/N task manager; boot archive %lu KiB\n",
	       (unsigned long)(b->archive_size / 1024));
	tm_proc_init(SYSMGR_PID);
	tm_fs_init();
	int r = tm_server_start();
	if (r < 0)
		tm_panic("cannot start serving: error %d", -r);
	tm_boot(boot_instret);
	tm_reaper_loop();
}
