/*
 * proclist.c - TM_PROCLIST (the process table for ps and pidin) and
 * TM_SHUTDOWN.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

/*
 * TM_PROCLIST: as many struct tm_procent as fit in the caller's reply
 * buffer, for the processes with pid >= from in increasing pid order.
 * Reply status: how many such processes there are (may exceed what fits);
 * the reply holds min(status, fit) entries, and an entry whose process
 * ended while the list was made has pid 0.
 */
void tm_do_proclist(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_proclist)) < 0)
		return;
	const struct tm_proclist *q = m->buf;
	size_t fit =
	        m->info.dstmsglen > 0 ? (size_t)m->info.dstmsglen / sizeof(struct tm_procent) : 0;
	if (fit > 4096)
		fit = 4096; /* one reply of at most ~512 KiB; ask again from the last pid */
	pid_t *pids = fit ? malloc(fit * sizeof(*pids)) : NULL;
	struct tm_procent *ents = fit ? calloc(fit, sizeof(*ents)) : NULL;
	if (fit && (pids == NULL || ents == NULL)) {
		free(pids);
		free(ents);
		tm_error(m->rcvid, ENOMEM);
		return;
	}
	size_t total = tm_proc_pids(q->from < 0 ? 0 : q->from, pids, fit);
	size_t n = total < fit ? total : fit;
	for (size_t i = 0; i < n; i++) {
		struct tm_procent *e = &ents[i];
		if (tm_proc_describe(pids[i], e) < 0) {
			e->pid = 0;
			continue;
		}
		struct seam_proc_info info;
		if (e->state != 1 && seam_proc_info(pids[i], &info, NULL, 0) >= 0) {
			e->nthreads = info.nthreads;
			e->mem_bytes = info.mem_bytes;
			e->utime_ns = info.cpu_ns;
		}
	}
	tm_reply(m->rcvid, (long)total, ents, n * sizeof(*ents));
	free(pids);
	free(ents);
}

/* TM_SHUTDOWN: power off or reboot; root only. Replies 0 first. */
void tm_do_shutdown(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_shutdown)) < 0)
		return;
	const struct tm_shutdown *q = m->buf;
	struct tm_cred c;

	if (tm_proc_cred(tm_sender(m), &c) < 0 || c.euid != 0) {
		tm_error(m->rcvid, EPERM);
		return;
	}
	if (q->how != TM_SHUTDOWN_POWEROFF && q->how != TM_SHUTDOWN_REBOOT) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	int how = q->how, status = q->status;
	tm_log("%s requested by pid %d\n", how == TM_SHUTDOWN_REBOOT ? "reboot" : "power off",
	       tm_sender(m));
	tm_reply(m->rcvid, 0, NULL, 0);
	if (how == TM_SHUTDOWN_REBOOT)
		seam_reboot();
	else
		seam_poweroff(status);
}
