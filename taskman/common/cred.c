/*
 * cred.c - TM_SETCRED: the setuid family, setgroups, and reading the ids.
 *
 * POSIX rules: a process whose effective uid is 0 may set any ids; any
 * other may only choose among the ids it already holds (real, effective,
 * saved), as each call specifies. The result is mirrored into the kernel
 * (seam_set_cred), which reports it to servers (ConnectClientInfo).
 */
#include <errno.h>
#include <string.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

/* True if id is one of the three. */
static int held(int id, int a, int b, int c)
{
	return id == a || id == b || id == c;
}

/*
 * Applies one of the uid (or, with the same logic, gid) calls to the id
 * triple *r, *e, *s. want_* are the requested ids (-1: unchanged). priv is
 * the caller's privilege. Returns 0 or an errno.
 */
static int set_ids(int call, int priv, int *r, int *e, int *s, int want_r, int want_e, int want_s)
{
	if (want_r < -1 || want_e < -1 || want_s < -1)
		return EINVAL;
	switch (call) {
	case TM_CRED_SETUID: /* setuid(want_r) */
		if (want_r < 0)
			return EINVAL;
		if (priv) {
			*r = *e = *s = want_r;
		} else if (want_r == *r || want_r == *s) {
			*e = want_r;
		} else {
			return EPERM;
		}
		return 0;
	case TM_CRED_SETEUID: /* seteuid(want_e) */
		if (want_e < 0)
			return EINVAL;
		if (!priv && !held(want_e, *r, *e, *s))
			return EPERM;
		*e = want_e;
		return 0;
	case TM_CRED_SETREUID: { /* setreuid(want_r, want_e) */
		if (!priv && ((want_r != -1 && want_r != *r && want_r != *e) ||
		              (want_e != -1 && !held(want_e, *r, *e, *s))))
			return EPERM;
		int old_r = *r;
		if (want_r != -1)
			*r = want_r;
		if (want_e != -1)
			*e = want_e;
		if (want_r != -1 || (want_e != -1 && want_e != old_r))
			*s = *e;
		return 0;
	}
	case TM_CRED_SETRESUID: /* setresuid(want_r, want_e, want_s) */
		if (!priv && ((want_r != -1 && !held(want_r, *r, *e, *s)) ||
		              (want_e != -1 && !held(want_e, *r, *e, *s)) ||
		              (want_s != -1 && !held(want_s, *r, *e, *s))))
			return EPERM;
		if (want_r != -1)
			*r = want_r;
		if (want_e != -1)
			*e = want_e;
		if (want_s != -1)
			*s = want_s;
		return 0;
	default:
		return EINVAL;
	}
}

/* Applies request q to credentials c (caller's). Returns 0 or an errno. */
static int apply(int call, const struct tm_cred *want, struct tm_cred *c)
{
	int priv = c->euid == 0;

	switch (call) {
	case TM_CRED_SETUID:
	case TM_CRED_SETEUID:
	case TM_CRED_SETREUID:
	case TM_CRED_SETRESUID:
		return set_ids(call, priv, &c->ruid, &c->euid, &c->suid, want->ruid, want->euid,
		               want->suid);
	case TM_CRED_SETGID:
	case TM_CRED_SETEGID:
	case TM_CRED_SETREGID:
	case TM_CRED_SETRESGID:
		/* the gid calls are numbered like the uid ones, 4 later */
		return set_ids(call - 4, priv, &c->rgid, &c->egid, &c->sgid, want->rgid, want->egid,
		               want->sgid);
	case TM_CRED_SETGROUPS:
		if (!priv)
			return EPERM;
		if (want->ngroups > TM_NGROUPS_MAX)
			return EINVAL;
		for (uint32_t i = 0; i < want->ngroups; i++)
			if (want->groups[i] < 0)
				return EINVAL;
		c->ngroups = want->ngroups;
		memcpy(c->groups, want->groups, want->ngroups * sizeof(c->groups[0]));
		return 0;
	default:
		return EINVAL;
	}
}

/*
 * TM_SETCRED: applies one call to the caller's ids (or reads them) and
 * mirrors the result into the kernel. Replies 0, struct tm_cred, or an errno.
 */
void tm_do_setcred(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_setcred)) < 0)
		return;
	const struct tm_setcred *q = m->buf;
	struct tm_cred c;
	int err = 0;

	tm_lock(&tm_proc_lock);
	struct tm_proc *self = tm_proc_find_locked(tm_sender(m));
	if (self == NULL) {
		err = ESRCH;
	} else if (q->hdr.subtype == TM_CRED_GET) {
		c = self->cred;
	} else {
		c = self->cred;
		err = apply(q->hdr.subtype, &q->cred, &c);
		if (err == 0) {
			self->cred = c;
			int r = seam_set_cred(self->pid, &c);
			if (r < 0)
				tm_log("cannot mirror the ids of %d: error %d\n", self->pid, -r);
		}
	}
	tm_unlock(&tm_proc_lock);
	if (err)
		tm_error(m->rcvid, err);
	else if (q->hdr.subtype == TM_CRED_GET)
		tm_reply(m->rcvid, 0, &c, sizeof(c));
	else
		tm_reply(m->rcvid, 0, NULL, 0);
}
