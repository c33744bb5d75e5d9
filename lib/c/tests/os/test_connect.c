/*
 * test_connect.c - host test of path resolution (lib/c/io/connect.c) and
 * path normalisation (lib/c/io/path.c) against a simulated taskman and
 * simulated servers: the kernel calls connect.c makes (MsgSendv_r,
 * ConnectAttach_r, ConnectDetach_r) are implemented here.
 *
 * The simulated pathname space:
 *   /            server A (the boot archive): bin/sh, etc/x; directories bin, etc
 *   /fs          server B, then server C (a union): B has a, b/c, sym -> a,
 *                up -> ../etc/x, loop -> loop; C has only6
 *   /dev/pipe    server P, file type _FTYPE_PIPE
 *   /lnk         a path-manager link to /fs/a
 * Checks: which server gets which rest of the path and handle, ENOENT
 * falling through to the next server, links from taskman and from
 * servers (relative and absolute), ELOOP, file-type filtering, rename's
 * EXDEV and extra data, connections detached on every path, descriptors
 * vs side channels, and normalisation/abspath edge cases.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include "qtest.h"

/* ---- QSOE layouts (mirrored: this is a glibc program) ---- */
#define SIDE           0x40000000u
#define SYSMGR_COID    ((int)SIDE)
#define CONNECT        0x100
#define RET_FLAG       0x80000000UL
#define RET_LINK       0x00010000UL
#define FTYPE_ANY      0
#define FTYPE_PIPE     4
#define SUB_OPEN       2
#define SUB_UNLINK     3
#define SUB_RENAME     4
#define EXTRA_RENAME   9
#define QE_LOOP        90
#define QE_XDEV        18
#define QE_NOTDIR      20
#define QE_NAMETOOLONG 78
#define QE_FAULT       14
#define PATH_MAX       1024

struct q_iov {
	void *base;
	size_t len;
};

struct q_connect {
	uint16_t type, subtype;
	uint32_t file_type;
	uint16_t reply_max, entry_max;
	uint32_t key, handle, ioflag, mode;
	uint16_t sflag, access, zero, path_len;
	uint8_t eflag, extra_type;
	uint16_t extra_len;
};

struct q_link_reply {
	uint32_t reserved1, file_type;
	uint8_t eflag, reserved2;
	uint16_t chroot_len;
	uint32_t umask;
	uint16_t nentries, path_len;
};

struct q_entry {
	uint32_t nd;
	int32_t pid, chid;
	uint32_t handle, key, file_type;
	uint16_t prefix_len, zero[3];
};

/* The request connect.c builds (zero-initialised, see qsoe_os.h). */
struct q_conn {
	unsigned subtype, file_type, ioflag, mode, access, eflag, extra_type;
	const void *extra;
	size_t extra_len;
	int nofollow, keep, cloexec;
	void *reply;
	size_t reply_len;
	const void *io;
	size_t io_len;
	char *resolved;
	const char *rename_from;
};

int q___qsoe_connect(const char *abs, struct q_conn *c);
int q___qsoe_normalise(char *buf, size_t size);
int q___qsoe_abspath(int dirfd, const char *path, char *out, unsigned *eflag);

/* ---- the simulated world ---- */
enum { SRV_A = 1, SRV_B, SRV_C, SRV_P };
static const struct {
	int id, pid, chid;
	uint32_t handle, ftype;
	const char *prefix;
} servers[] = {
        {SRV_B, 5, 1, 11, FTYPE_ANY, "/fs"},
        {SRV_C, 6, 1, 12, FTYPE_ANY, "/fs"},
        {SRV_P, 7, 2, 13, FTYPE_PIPE, "/dev/pipe"},
        {SRV_A, 1, 1, 10, FTYPE_ANY, "/"},
};
#define NSERVERS 4

static struct {
	int used, server;
} coids[64]; /* 0..31 descriptors, 32..63 side channels */
static int attached, detached;

/* What the last server request looked like. */
static int last_server;
static char last_path[PATH_MAX], last_extra[PATH_MAX];
static uint32_t last_handle;
static unsigned last_subtype;
static size_t last_io_off, last_io_len; /* a combined I/O message: where, how long */
static char last_io[64];

int q___qsoe_cwd_get_called;
void q___qsoe_cwd_get(char *out)
{
	q___qsoe_cwd_get_called++;
	strcpy(out, "/home/user");
}

/* __qsoe_fdpath for abspath's dirfd case: descriptor 7 is /fs/b. */
int q___qsoe_fdpath(int fd, char *out, size_t size)
{
	(void)size;
	if (fd != 7)
		return -QE_BADF;
	strcpy(out, "/fs/b");
	return 0;
}

int q_ConnectAttach_r(uint32_t nd, int pid, int chid, unsigned index, int flags)
{
	(void)nd, (void)flags;
	int base = (index & SIDE) ? 32 : (int)index;
	for (int i = 0; i < NSERVERS; i++)
		if (servers[i].pid == pid && servers[i].chid == chid)
			for (int c = base; c < ((index & SIDE) ? 64 : 32); c++)
				if (!coids[c].used) {
					coids[c].used = 1;
					coids[c].server = servers[i].id;
					attached++;
					return c >= 32 ? (int)(SIDE | (unsigned)(c - 32 + 1)) : c;
				}
	return -3; /* ESRCH */
}

static int slot(int coid)
{
	if ((unsigned)coid & SIDE)
		return 32 + (int)((unsigned)coid & ~SIDE) - 1;
	return coid;
}

int q_ConnectDetach_r(int coid)
{
	int s = slot(coid);
	if (s < 0 || s >= 64 || !coids[s].used)
		return -QE_BADF;
	coids[s].used = 0;
	detached++;
	return 0;
}

/* Writes a link reply (nentries entries, then path) into the reply iov. */
static long link_reply(const struct q_iov *r, const struct q_entry *e, int n, const char *path)
{
	struct q_link_reply lr;
	char *out = r->base;
	memset(&lr, 0, sizeof(lr));
	lr.nentries = (uint16_t)n;
	lr.path_len = (uint16_t)(strlen(path) + 1);
	memcpy(out, &lr, sizeof(lr));
	if (n)
		memcpy(out + sizeof(lr), e, (size_t)n * sizeof(*e));
	strcpy(out + sizeof(lr) + (size_t)n * sizeof(*e), path);
	return (long)(RET_FLAG | RET_LINK);
}

/* taskman: the servers owning the longest prefixes of path, best first. */
static long taskman(const struct q_connect *m, const char *path, const struct q_iov *r)
{
	struct q_entry e[NSERVERS];
	int n = 0;
	size_t best = 0;

	if (strcmp(path, "/lnk") == 0 || strncmp(path, "/lnk/", 5) == 0) {
		char target[PATH_MAX];
		snprintf(target, sizeof(target), "/fs/a%s", path + 4);
		return link_reply(r, e, 0, target);
	}
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < NSERVERS; i++) {
			const char *p = servers[i].prefix;
			size_t l = strlen(p);
			int match = strcmp(p, "/") == 0 ||
			            (strncmp(path, p, l) == 0 && (path[l] == 0 || path[l] == '/'));
			if (!match)
				continue;
			if (pass == 0) {
				if (l > best)
					best = l;
				continue;
			}
			if (l != best && !(l < best && strcmp(p, "/") == 0))
				continue;
			memset(&e[n], 0, sizeof(e[n]));
			e[n].pid = servers[i].pid;
			e[n].chid = servers[i].chid;
			e[n].handle = servers[i].handle;
			e[n].file_type = servers[i].ftype;
			e[n].prefix_len = (uint16_t)l;
			n++;
		}
	(void)m;
	return link_reply(r, e, n, path);
}

/* A server's answer to an _IO_CONNECT for 'rest' (relative to its prefix). */
static long server(int id, const struct q_connect *m, const char *rest, const struct q_iov *r)
{
	static const char *files_a[] = {"", "bin", "bin/sh", "etc", "etc/x", NULL};
	static const char *files_b[] = {"", "a", "b", "b/c", NULL};
	static const char *files_c[] = {"only6", NULL};
	const char **files = id == SRV_A   ? files_a
	                     : id == SRV_B ? files_b
	                     : id == SRV_C ? files_c
	                                   : NULL;

	if (id == SRV_P)
		return 0;
	if (id == SRV_B) {
		const char *links[][2] = {
		        {"sym", "a"}, {"up", "../etc/x"}, {"loop", "loop"}, {"abs", "/bin/sh"}};
		for (int i = 0; i < 4; i++) {
			size_t l = strlen(links[i][0]);
			if (strncmp(rest, links[i][0], l) == 0 &&
			    (rest[l] == 0 || rest[l] == '/')) {
				char t[PATH_MAX];
				snprintf(t, sizeof(t), "%s%s", links[i][1], rest + l);
				return link_reply(r, NULL, 0, t);
			}
		}
	}
	for (int i = 0; files[i]; i++)
		if (strcmp(files[i], rest) == 0)
			return m->subtype == SUB_OPEN || m->subtype == SUB_UNLINK ||
			                       m->subtype == 1 || m->subtype == SUB_RENAME
			               ? 0
			               : -QE_INVAL;
	if (m->subtype == SUB_RENAME)
		return 0; /* creating the new name is fine */
	return -QE_NOENT;
}

long q_MsgSendv_r(int coid, const struct q_iov *siov, size_t sparts, const struct q_iov *riov,
                  size_t rparts)
{
	char msg[4 * PATH_MAX];
	size_t n = 0;
	(void)rparts;

	for (size_t i = 0; i < sparts; i++) {
		memcpy(msg + n, siov[i].base, siov[i].len);
		n += siov[i].len;
	}
	struct q_connect m;
	memcpy(&m, msg, sizeof(m));
	size_t used = sizeof(m) + m.path_len + m.extra_len;
	if (m.type != CONNECT || m.path_len == 0 || used > n)
		return -QE_INVAL;
	if (coid == SYSMGR_COID && used != n)
		return -QE_INVAL; /* taskman gets no I/O message */
	const char *path = msg + sizeof(m);
	if (path[m.path_len - 1] != 0)
		return -QE_INVAL;
	if (coid == SYSMGR_COID)
		return taskman(&m, path, riov);
	int s = slot(coid);
	if (s < 0 || s >= 64 || !coids[s].used)
		return -QE_BADF;
	last_server = coids[s].server;
	last_handle = m.handle;
	last_subtype = m.subtype;
	snprintf(last_path, sizeof(last_path), "%s", path);
	memset(last_extra, 0, sizeof(last_extra));
	memcpy(last_extra, path + m.path_len, m.extra_len < PATH_MAX ? m.extra_len : PATH_MAX - 1);
	last_io_off = (used + 7) & ~(size_t)7;
	last_io_len = n > used ? n - last_io_off : 0;
	if (n > used && (n < last_io_off || last_io_len > sizeof(last_io)))
		return -QE_INVAL;
	memcpy(last_io, msg + last_io_off, last_io_len);
	long st = server(coids[s].server, &m, path, riov);
	if (st == 0 && last_io_len)
		memcpy(riov->base, "REPLY-OF-IO", 12); /* the combined message's reply */
	return st;
}

static int open_conns(void)
{
	return attached - detached;
}

/* Resolves path for an open (kept); returns the descriptor or -errno. */
static int do_open(const char *path, char *resolved)
{
	struct q_conn c = {.subtype = SUB_OPEN, .ioflag = 1, .keep = 1, .resolved = resolved};
	return q___qsoe_connect(path, &c);
}

static void test_connect(void)
{
	char res[PATH_MAX];
	int fd, base = open_conns();

	fd = do_open("/bin/sh", res);
	CHECK(fd >= 0 && fd < 32, "/bin/sh opens as a descriptor (%d)", fd);
	CHECK(last_server == SRV_A && strcmp(last_path, "bin/sh") == 0 && last_handle == 10,
	      "server A gets bin/sh with its handle (%d %s %u)", last_server, last_path,
	      last_handle);
	CHECK(strcmp(res, "/bin/sh") == 0, "resolved /bin/sh (%s)", res);
	q_ConnectDetach_r(fd);

	fd = do_open("/fs/a", res);
	CHECK(fd >= 0 && last_server == SRV_B && strcmp(last_path, "a") == 0, "/fs/a on B");
	q_ConnectDetach_r(fd);
	fd = do_open("/fs", res);
	CHECK(fd >= 0 && last_server == SRV_B && strcmp(last_path, "") == 0,
	      "the prefix itself is the empty rest (%s)", last_path);
	q_ConnectDetach_r(fd);

	/* union: B says ENOENT, C has it */
	fd = do_open("/fs/only6", res);
	CHECK(fd >= 0 && last_server == SRV_C && last_handle == 12, "/fs/only6 falls through to C");
	q_ConnectDetach_r(fd);
	/* nobody has it: ENOENT, no connection left behind */
	CHECK(do_open("/fs/none", res) == -QE_NOENT, "a missing name is ENOENT");
	CHECK(do_open("/nothing/here", res) == -QE_NOENT, "a missing name under / is ENOENT");
	CHECK(open_conns() == base, "no connection leaks (%d open)", open_conns() - base);

	/* links */
	fd = do_open("/lnk", res);
	CHECK(fd >= 0 && last_server == SRV_B && strcmp(res, "/fs/a") == 0,
	      "a path-manager link is followed (%s)", res);
	q_ConnectDetach_r(fd);
	fd = do_open("/fs/sym", res);
	CHECK(fd >= 0 && strcmp(res, "/fs/a") == 0, "a relative server link (%s)", res);
	q_ConnectDetach_r(fd);
	fd = do_open("/fs/up", res);
	CHECK(fd >= 0 && last_server == SRV_A && strcmp(res, "/etc/x") == 0,
	      "a link with .. leaves the server (%s)", res);
	q_ConnectDetach_r(fd);
	fd = do_open("/fs/abs", res);
	CHECK(fd >= 0 && strcmp(res, "/bin/sh") == 0, "an absolute server link (%s)", res);
	q_ConnectDetach_r(fd);
	fd = do_open("/fs/sym/deeper", res);
	CHECK(fd == -QE_NOENT, "a link in the middle of a path, then ENOENT (%d)", fd);
	CHECK(do_open("/fs/loop", res) == -QE_LOOP, "a link to itself is ELOOP");
	CHECK(open_conns() == base, "no connection leaks after links (%d)", open_conns() - base);

	/* file types */
	struct q_conn pc = {.subtype = SUB_OPEN, .file_type = FTYPE_PIPE, .keep = 1};
	fd = q___qsoe_connect("/dev/pipe", &pc);
	CHECK(fd >= 0 && last_server == SRV_P, "the pipe server for _FTYPE_PIPE");
	q_ConnectDetach_r(fd);
	/* a typed server only gets its own type; untyped (ANY) servers get every type */
	struct q_conn pc2 = {.subtype = SUB_OPEN, .file_type = 5 /* _FTYPE_SHMEM */, .keep = 1};
	last_server = 0;
	CHECK(q___qsoe_connect("/dev/pipe", &pc2) == -QE_NOENT && last_server == SRV_A,
	      "the pipe server is skipped for another type, / answers ENOENT (%d)", last_server);

	/* requests that keep nothing use side channels and detach them */
	struct q_conn uc = {.subtype = SUB_UNLINK};
	int r = q___qsoe_connect("/etc/x", &uc);
	CHECK(r == 0 && last_server == SRV_A && last_subtype == SUB_UNLINK, "unlink reaches A");
	CHECK(open_conns() == base, "unlink leaves no connection");

	/* rename: the old name goes as extra data relative to the same server */
	struct q_conn rc = {
	        .subtype = SUB_RENAME, .extra_type = EXTRA_RENAME, .rename_from = "/fs/a"};
	r = q___qsoe_connect("/fs/new", &rc);
	CHECK(r == 0 && last_server == SRV_B && strcmp(last_extra, "a") == 0 &&
	              strcmp(last_path, "new") == 0,
	      "rename within /fs (%d, %s -> %s)", r, last_extra, last_path);
	struct q_conn rc2 = {
	        .subtype = SUB_RENAME, .extra_type = EXTRA_RENAME, .rename_from = "/bin/sh"};
	r = q___qsoe_connect("/fs/new", &rc2);
	CHECK(r == 0 && last_server == SRV_A && strcmp(last_extra, "bin/sh") == 0,
	      "B and C refuse a foreign old name, A takes it (%d %d %s)", r, last_server,
	      last_extra);
	struct q_conn rc3 = {
	        .subtype = SUB_RENAME, .extra_type = EXTRA_RENAME, .rename_from = "/fs/a"};
	r = q___qsoe_connect("/dev/pipe/x", &rc3);
	CHECK(r == 0 || r == -QE_XDEV, "rename across servers: EXDEV or the root's answer (%d)", r);
	CHECK(open_conns() == base, "rename leaves no connection");

	/* a combined message (stat): the I/O message follows at a multiple of 8 */
	char io[8] = {4, 1, 8, 0, 0, 0, 0, 0}, reply[16] = {0};
	struct q_conn cc = {.subtype = 1 /* COMBINE_CLOSE */,
	                    .io = io,
	                    .io_len = sizeof(io),
	                    .reply = reply,
	                    .reply_len = sizeof(reply)};
	r = q___qsoe_connect("/etc/x", &cc);
	CHECK(r == 0 && last_io_len == 8 && last_io_off % 8 == 0 && memcmp(last_io, io, 8) == 0,
	      "the I/O message travels after the path, 8-aligned (%d, %zu at %zu)", r, last_io_len,
	      last_io_off);
	CHECK(strcmp(reply, "REPLY-OF-IO") == 0, "its reply reaches the caller");
	struct q_conn cl = {.subtype = 1,
	                    .io = io,
	                    .io_len = sizeof(io),
	                    .reply = reply,
	                    .reply_len = sizeof(reply)};
	r = q___qsoe_connect("/fs/sym", &cl);
	CHECK(r == 0 && strcmp(last_path, "a") == 0, "a combined message follows links too");
	CHECK(open_conns() == base, "combined messages leave no connection");
}

static void test_paths(void)
{
	char b[2 * PATH_MAX];
	unsigned ef;
	static const char *cases[][2] = {
	        {"/", "/"},
	        {"//", "/"},
	        {"/a/b/", "/a/b"},
	        {"/a/./b", "/a/b"},
	        {"/a/../b", "/b"},
	        {"/../..", "/"},
	        {"/a/b/..", "/a"},
	        {"/a//b///c", "/a/b/c"},
	        {"/.", "/"},
	        {"/a/b/../../c", "/c"},
	        {"/a/.../b", "/a/.../b"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strcpy(b, cases[i][0]);
		int r = q___qsoe_normalise(b, sizeof(b));
		CHECK(r == 0 && strcmp(b, cases[i][1]) == 0, "normalise %s -> %s (got %s)",
		      cases[i][0], cases[i][1], b);
	}
	CHECK(q___qsoe_abspath(-100, "x/y", b, &ef) == 0 && strcmp(b, "/home/user/x/y") == 0 &&
	              ef == 0,
	      "relative to the cwd (%s)", b);
	CHECK(q___qsoe_abspath(-100, "../../../..", b, &ef) == 0 && strcmp(b, "/") == 0,
	      "above the root stays at the root (%s)", b);
	CHECK(q___qsoe_abspath(-100, "dir/", b, &ef) == 0 && (ef & 1),
	      "a trailing / sets EFLAG_DIR");
	CHECK(q___qsoe_abspath(-100, "dir/.", b, &ef) == 0 && (ef & 2), "a final . sets EFLAG_DOT");
	CHECK(q___qsoe_abspath(-100, "dir/..", b, &ef) == 0 && (ef & 4), "a final .. sets DOTDOT");
	CHECK(q___qsoe_abspath(7, "c", b, &ef) == 0 && strcmp(b, "/fs/b/c") == 0,
	      "relative to a directory descriptor (%s)", b);
	CHECK(q___qsoe_abspath(8, "c", b, &ef) == -QE_BADF, "a bad directory descriptor is EBADF");
	CHECK(q___qsoe_abspath(8, "/abs", b, &ef) == 0, "an absolute path ignores the descriptor");
	CHECK(q___qsoe_abspath(-100, "", b, &ef) == -QE_NOENT, "an empty path is ENOENT");
	CHECK(q___qsoe_abspath(-100, NULL, b, &ef) == -QE_FAULT, "NULL is EFAULT");
	char *lp = malloc(PATH_MAX + 1);
	memset(lp, 'a', PATH_MAX);
	lp[PATH_MAX] = 0;
	CHECK(q___qsoe_abspath(-100, lp, b, &ef) == -QE_NAMETOOLONG, "PATH_MAX bytes are too long");
	memset(lp, 'a', 300);
	lp[0] = '/';
	lp[300] = 0;
	CHECK(q___qsoe_abspath(-100, lp, b, &ef) == -QE_NAMETOOLONG, "a 299-byte component too");
	/* a relative path that fits but makes the absolute one too long */
	memset(lp, 'a', PATH_MAX - 5);
	for (int i = 200; i < PATH_MAX - 5; i += 200)
		lp[i] = '/';
	lp[PATH_MAX - 5] = 0;
	CHECK(q___qsoe_abspath(-100, lp, b, &ef) == -QE_NAMETOOLONG, "cwd + relative too long");
	free(lp);
}

int main(void)
{
	test_connect();
	test_paths();
	return qt_done("libc-os-connect");
}
