/*
 * pathreq.c - the pathname-space requests: TM_PATH_ATTACH, TM_PATH_DETACH,
 * TM_PATH_LINK, and path resolution (_IO_CONNECT sent on SYSMGR_COID),
 * answered from the tree at once with the servers to try (include/qsoe/
 * taskman.h describes the reply).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include <taskman/proc.h>

#define ATTACH_FLAGS (TM_PATH_DIR | TM_PATH_BEFORE | TM_PATH_AFTER | TM_PATH_OPAQUE)
#define RESOLVE_MAX  64 /* servers reported for one path */
#define NAME_PREFIX  "/dev/name/"

/* Checks a NUL-terminated string of exactly len bytes (NUL included). */
static int str_ok(const char *s, size_t len)
{
	return len >= 1 && s[len - 1] == 0 && strlen(s) + 1 == len;
}

/* True if the sender is root (effective uid 0). */
static int is_root(const struct tm_msg *m)
{
	struct tm_cred c;
	return tm_proc_cred(tm_sender(m), &c) == 0 && c.euid == 0;
}

/* TM_PATH_ATTACH: checks the request and the caller's right, attaches. */
static void do_attach(struct tm_msg *m)
{
	const struct tm_path_attach *q = m->buf;
	char path[TM_PATH_MAX];

	if (m->len < sizeof(*q) || q->hdr.size < sizeof(*q)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (q->path_len > TM_PATH_MAX) {
		tm_error(m->rcvid, ENAMETOOLONG);
		return;
	}
	if (tm_req_fixed(m, sizeof(*q) + q->path_len) < 0)
		return;
	q = m->buf;
	if (!str_ok(q->path, q->path_len) || (q->flags & ~ATTACH_FLAGS) ||
	    (q->flags & (TM_PATH_BEFORE | TM_PATH_AFTER)) == (TM_PATH_BEFORE | TM_PATH_AFTER) ||
	    q->chid <= 0) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	int r = tm_path_normalize(q->path, path, sizeof(path));
	if (r < 0) {
		tm_error(m->rcvid, -r);
		return;
	}
	if (!is_root(m) && (strncmp(path, NAME_PREFIX, strlen(NAME_PREFIX)) != 0 ||
	                    path[strlen(NAME_PREFIX)] == 0)) {
		tm_error(m->rcvid, EPERM);
		return;
	}
	r = pm_attach(path, tm_sender(m), q->chid, q->handle, q->flags, q->file_type);
	if (r < 0)
		tm_error(m->rcvid, -r);
	else
		tm_reply(m->rcvid, r, NULL, 0);
}

/* TM_PATH_DETACH: the caller's own attach only. */
static void do_detach(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_path_detach)) < 0)
		return;
	const struct tm_path_detach *q = m->buf;
	int r = pm_detach(q->id, tm_sender(m));
	if (r < 0)
		tm_error(m->rcvid, -r);
	else
		tm_reply(m->rcvid, 0, NULL, 0);
}

/* TM_PATH_LINK: creates (subtype 0) or removes (1) a link; root only. */
static void do_link(struct tm_msg *m)
{
	const struct tm_path_link *q = m->buf;
	char path[TM_PATH_MAX];

	if (m->len < sizeof(*q) || q->hdr.size < sizeof(*q)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (q->path_len > TM_PATH_MAX || q->target_len > TM_PATH_MAX) {
		tm_error(m->rcvid, ENAMETOOLONG);
		return;
	}
	if (tm_req_fixed(m, sizeof(*q) + q->path_len + q->target_len) < 0)
		return;
	q = m->buf;
	const char *target = q->data + q->path_len;
	int create = q->hdr.subtype == 0;
	if (q->hdr.subtype > 1 || !str_ok(q->data, q->path_len) ||
	    (create && (!str_ok(target, q->target_len) || q->target_len < 2))) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (!is_root(m)) {
		tm_error(m->rcvid, EPERM);
		return;
	}
	int r = tm_path_normalize(q->data, path, sizeof(path));
	if (r >= 0)
		r = pm_link(path, create ? target : NULL);
	if (r < 0)
		tm_error(m->rcvid, -r);
	else
		tm_reply(m->rcvid, 0, NULL, 0);
}

/* The three pathname-space requests. */
void tm_do_path(struct tm_msg *m)
{
	const struct tm_hdr *h = m->buf;

	if (h->type == TM_PATH_ATTACH)
		do_attach(m);
	else if (h->type == TM_PATH_DETACH)
		do_detach(m);
	else
		do_link(m);
}

/*
 * Checks an _IO_CONNECT message and fetches its path. Returns 0, or an
 * errno (the message is malformed).
 */
int tm_connect_check(struct tm_msg *m)
{
	const struct _io_connect *c = m->buf;

	if (m->len < sizeof(*c) || m->info.srcmsglen < (ssize_t)sizeof(*c))
		return EINVAL;
	if (c->path_len == 0)
		return EINVAL;
	if (c->path_len > TM_PATH_MAX)
		return ENAMETOOLONG;
	if ((size_t)m->info.srcmsglen < sizeof(*c) + c->path_len + c->extra_len)
		return EINVAL;
	int r = tm_msg_fetch(m, sizeof(*c) + c->path_len);
	if (r < 0)
		return -r;
	c = m->buf;
	return str_ok(c->path, c->path_len) ? 0 : EINVAL;
}

/* _IO_CONNECT on SYSMGR_COID: answers the servers for the path at once. */
void tm_do_resolve(struct tm_msg *m)
{
	struct pm_entry ents[RESOLVE_MAX];
	char path[TM_PATH_MAX];

	int err = tm_connect_check(m);
	if (err) {
		tm_error(m->rcvid, err);
		return;
	}
	const struct _io_connect *c = m->buf;
	if (c->path[0] == 0) {
		tm_error(m->rcvid, ENOENT);
		return;
	}
	int r = tm_path_normalize(c->path, path, sizeof(path));
	if (r >= 0)
		r = pm_resolve(path, sizeof(path), c->file_type, ents, RESOLVE_MAX);
	if (r <= 0) {
		tm_error(m->rcvid, r == 0 ? ENOENT : -r);
		return;
	}
	size_t plen = strlen(path) + 1;
	size_t room = m->info.dstmsglen > 0 ? (size_t)m->info.dstmsglen : 0;
	if (c->reply_max && c->reply_max < room)
		room = c->reply_max;
	struct _io_connect_link_reply lr;
	size_t k = room >= sizeof(lr) + plen ? (room - sizeof(lr) - plen) / sizeof(ents[0]) : 0;
	if (k == 0) {
		tm_error(m->rcvid, EMSGSIZE);
		return;
	}
	if (k > (size_t)r)
		k = (size_t)(r < RESOLVE_MAX ? r : RESOLVE_MAX);
	if (c->entry_max && k > c->entry_max)
		k = c->entry_max;
	size_t len = sizeof(lr) + k * sizeof(struct _io_connect_entry) + plen;
	char *out = calloc(1, len);
	if (out == NULL) {
		tm_error(m->rcvid, ENOMEM);
		return;
	}
	memset(&lr, 0, sizeof(lr));
	lr.file_type = c->file_type;
	lr.eflag = c->eflag;
	lr.nentries = (uint16_t)k;
	lr.path_len = (uint16_t)plen;
	memcpy(out, &lr, sizeof(lr));
	struct _io_connect_entry *e = (struct _io_connect_entry *)(out + sizeof(lr));
	for (size_t i = 0; i < k; i++) {
		struct _io_connect_entry x = {
		        .nd = ND_LOCAL_NODE,
		        .pid = ents[i].pid,
		        .chid = ents[i].chid,
		        .handle = ents[i].handle,
		        .file_type = ents[i].file_type,
		        .prefix_len = ents[i].prefix_len,
		};
		memcpy(&e[i], &x, sizeof(x));
	}
	memcpy(out + sizeof(lr) + k * sizeof(*e), path, plen);
	tm_reply(m->rcvid, (long)(_IO_CONNECT_RET_FLAG | _IO_CONNECT_RET_LINK), out, len);
	free(out);
}
