/*
 * wait.c - waitpid, wait, wait3, wait4 and waitid: TM_WAIT requests to
 * taskman, which answers a blocking wait when a child changes state.
 * The CPU time of collected children is added up for times() and
 * getrusage(RUSAGE_CHILDREN).
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "qsoe_os.h"

static int reply_cld_status(const struct tm_wait_reply *r)
{
	return r->cld_status;
}

static int reply_cld_code(const struct tm_wait_reply *r)
{
	return r->cld_code;
}

/* One TM_WAIT. Returns the pid (0: WNOHANG and nothing yet) or -errno. */
static long do_wait(unsigned subtype, int idtype, id_t id, int options, struct tm_wait_reply *r)
{
	struct tm_wait m;

	__qsoe_testcancel();
	memset(&m, 0, sizeof(m));
	memset(r, 0, sizeof(*r));
	m.hdr.type = TM_WAIT;
	m.hdr.subtype = (uint16_t)subtype;
	m.hdr.size = sizeof(m);
	m.idtype = idtype;
	m.id = id;
	m.options = options;
	/* A cancellation point: MsgSend, not __qsoe_tm's MsgSendnc. */
	long pid = MsgSend_r(SYSMGR_COID, &m, sizeof(m), r, sizeof(*r));
	if (pid > 0 && reply_cld_code(r) != CLD_STOPPED && reply_cld_code(r) != CLD_CONTINUED &&
	    !(options & WNOWAIT)) {
		__atomic_add_fetch(&__qsoe_proc.child_utime_ns, r->utime_ns, __ATOMIC_RELAXED);
		__atomic_add_fetch(&__qsoe_proc.child_stime_ns, r->stime_ns, __ATOMIC_RELAXED);
	}
	return pid;
}

/* waitpid's pid argument as an id type and id. */
static void pid_to_id(pid_t pid, int *idtype, id_t *id)
{
	if (pid > 0) {
		*idtype = TM_P_PID;
		*id = pid;
	} else if (pid == -1) {
		*idtype = TM_P_ALL;
		*id = 0;
	} else {
		*idtype = TM_P_PGID;
		*id = pid == 0 ? 0 : -pid;
	}
}

static void fill_rusage(struct rusage *ru, const struct tm_wait_reply *r)
{
	if (ru == NULL)
		return;
	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = (time_t)(r->utime_ns / 1000000000u);
	ru->ru_utime.tv_usec = (suseconds_t)(r->utime_ns % 1000000000u / 1000u);
	ru->ru_stime.tv_sec = (time_t)(r->stime_ns / 1000000000u);
	ru->ru_stime.tv_usec = (suseconds_t)(r->stime_ns % 1000000000u / 1000u);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	struct tm_wait_reply r;
	int idtype;
	id_t id;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return (pid_t)__qsoe_ret(-EINVAL);
	pid_to_id(pid, &idtype, &id);
	long got = do_wait(TM_WAIT_PID, idtype, id, options, &r);
	if (got < 0)
		return (pid_t)__qsoe_ret(got);
	if (got > 0) {
		if (status)
			*status = r.status;
		fill_rusage(ru, &r);
	}
	return (pid_t)got;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

pid_t wait3(int *status, int options, struct rusage *ru)
{
	return wait4(-1, status, options, ru);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	struct tm_wait_reply r;
	int t;

	if (info == NULL)
		return (int)__qsoe_ret(-EFAULT);
	if ((options & ~(WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT)) ||
	    !(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return (int)__qsoe_ret(-EINVAL);
	switch (idtype) {
	case P_ALL:
		t = TM_P_ALL;
		break;
	case P_PID:
		t = TM_P_PID;
		break;
	case P_PGID:
		t = TM_P_PGID;
		break;
	default:
		return (int)__qsoe_ret(-EINVAL);
	}
	long got = do_wait(TM_WAIT_ID, t, id, options, &r);
	if (got < 0)
		return (int)__qsoe_ret(got);
	memset(info, 0, sizeof(*info));
	if (got > 0) {
		info->si_signo = SIGCHLD;
		info->si_code = reply_cld_code(&r);
		info->si_pid = (pid_t)got;
		info->si_uid = r.uid;
		info->si_status = reply_cld_status(&r);
	}
	return 0;
}
