/*
 * ps - report process status (POSIX), from /proc.
 *
 * ps [-aAdeflj] [-g grouplist] [-G grouplist] [-o format]... [-p proclist]
 *    [-t termlist] [-u userlist] [-U userlist]
 *
 * Without a selection option: the processes with the caller's effective
 * user id and controlling terminal. Selections add up (a process is shown
 * if any selects it). Formats: the default PID TTY TIME CMD, -f, -l, -j
 * and -o with the POSIX names (ruser user rgroup group pid ppid pgid pcpu
 * vsz nice etime time tty comm args) and uid ruid gid rgid sid pri stat s
 * rss nlwp thcount c stime f wchan addr sz; "name=HEADER" sets a header.
 * args is the command line /proc gives (the name if it gives none); etime,
 * stime and pcpu come from its start time ("-" if /proc gives none).
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

QU_USAGE("Usage: ps [-aAdeflj] [-g grouplist] [-G grouplist] [-o format]... [-p proclist]\n"
         "          [-t termlist] [-u userlist] [-U userlist]\n"
         "  -A, -e  every process         -a  processes with a terminal, not session leaders\n"
         "  -d      all but session leaders\n"
         "  -f      full listing          -l  long listing      -j  jobs (PGID SID)\n"
         "  -o fmt  columns: ruser user rgroup group pid ppid pgid pcpu vsz nice etime\n"
         "          time tty comm args uid ruid gid rgid sid pri stat rss nlwp c stime f\n"
         "          wchan addr sz (name=HEADER renames a column)\n"
         "  -p -t -u -U -g -G  select by pid, terminal, effective/real user, session,\n"
         "          real group (lists separated by commas or blanks)\n");

enum col_id {
	C_RUSER,
	C_USER,
	C_RGROUP,
	C_GROUP,
	C_PID,
	C_PPID,
	C_PGID,
	C_PCPU,
	C_VSZ,
	C_NICE,
	C_ETIME,
	C_TIME,
	C_TTY,
	C_COMM,
	C_ARGS,
	C_UID,
	C_RUID,
	C_GID,
	C_RGID,
	C_SID,
	C_PRI,
	C_STAT,
	C_RSS,
	C_NLWP,
	C_C,
	C_STIME,
	C_F,
	C_WCHAN,
	C_ADDR,
	C_SZ,
};

static const struct {
	const char *name;
	const char *header;
	int right; /* right-aligned */
} col_defs[] = {
        [C_RUSER] = {"ruser", "RUSER", 0},
        [C_USER] = {"user", "USER", 0},
        [C_RGROUP] = {"rgroup", "RGROUP", 0},
        [C_GROUP] = {"group", "GROUP", 0},
        [C_PID] = {"pid", "PID", 1},
        [C_PPID] = {"ppid", "PPID", 1},
        [C_PGID] = {"pgid", "PGID", 1},
        [C_PCPU] = {"pcpu", "%CPU", 1},
        [C_VSZ] = {"vsz", "VSZ", 1},
        [C_NICE] = {"nice", "NI", 1},
        [C_ETIME] = {"etime", "ELAPSED", 1},
        [C_TIME] = {"time", "TIME", 1},
        [C_TTY] = {"tty", "TT", 0},
        [C_COMM] = {"comm", "COMMAND", 0},
        [C_ARGS] = {"args", "COMMAND", 0},
        [C_UID] = {"uid", "UID", 1},
        [C_RUID] = {"ruid", "RUID", 1},
        [C_GID] = {"gid", "GID", 1},
        [C_RGID] = {"rgid", "RGID", 1},
        [C_SID] = {"sid", "SID", 1},
        [C_PRI] = {"pri", "PRI", 1},
        [C_STAT] = {"stat", "S", 0},
        [C_RSS] = {"rss", "RSS", 1},
        [C_NLWP] = {"nlwp", "NLWP", 1},
        [C_C] = {"c", "C", 1},
        [C_STIME] = {"stime", "STIME", 0},
        [C_F] = {"f", "F", 1},
        [C_WCHAN] = {"wchan", "WCHAN", 0},
        [C_ADDR] = {"addr", "ADDR", 1},
        [C_SZ] = {"sz", "SZ", 1},
};
#define NDEFS (sizeof(col_defs) / sizeof(col_defs[0]))

/* Aliases accepted by -o. */
static const struct {
	const char *alias;
	enum col_id id;
} aliases[] = {{"s", C_STAT},       {"state", C_STAT}, {"thcount", C_NLWP}, {"cmd", C_ARGS},
               {"command", C_ARGS}, {"ucomm", C_COMM}, {"prio", C_PRI},     {"euid", C_UID},
               {"egid", C_GID},     {"tt", C_TTY},     {"etimes", C_ETIME}, {"cputime", C_TIME},
               {"uname", C_USER},   {"euser", C_USER}, {"session", C_SID},  {"pgrp", C_PGID}};

struct col {
	enum col_id id;
	char *header;
	size_t width;
};

static struct col *cols;
static size_t ncols;

/* Adds a column; header NULL means the default one. */
static void add_col(enum col_id id, const char *header)
{
	cols = qu_realloc(cols, (ncols + 1) * sizeof(*cols));
	cols[ncols].id = id;
	cols[ncols].header = qu_strdup(header ? header : col_defs[id].header);
	cols[ncols].width = 0;
	ncols++;
}

/* Parses one -o argument: names separated by commas or blanks; "name=X"
 * takes the rest of the argument as the header. Exits on an unknown name. */
static void parse_format(const char *arg)
{
	char *s = qu_strdup(arg), *p = s;

	while (*p) {
		size_t n = strcspn(p, ", \t=");
		if (n == 0) {
			p++;
			continue;
		}
		char save = p[n];
		p[n] = 0;
		int id = -1;
		for (size_t i = 0; i < NDEFS && id < 0; i++)
			if (!strcmp(p, col_defs[i].name))
				id = (int)i;
		for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]) && id < 0; i++)
			if (!strcmp(p, aliases[i].alias))
				id = (int)aliases[i].id;
		if (id < 0) {
			char *msg = qu_malloc(strlen(p) + 32);
			sprintf(msg, "unknown -o field %s", p);
			qu_usage(1, msg);
		}
		if (save == '=') {
			add_col((enum col_id)id, p + n + 1);
			break;
		}
		add_col((enum col_id)id, NULL);
		p += n;
		if (save)
			p++;
	}
	free(s);
}

/* A selection list: words separated by commas or blanks. */
struct list {
	char **w;
	size_t n;
};

/* Appends the words of arg to l. */
static void list_add(struct list *l, const char *arg)
{
	char *s = qu_strdup(arg);

	for (char *t = strtok(s, ", \t"); t; t = strtok(NULL, ", \t")) {
		l->w = qu_realloc(l->w, (l->n + 1) * sizeof(*l->w));
		l->w[l->n++] = qu_strdup(t);
	}
	free(s);
}

/* True if number v (or, for users/groups, the name of v) is in l. */
static int in_list(const struct list *l, long v, const char *name)
{
	for (size_t i = 0; i < l->n; i++) {
		char *end;
		long x = strtol(l->w[i], &end, 10);
		if ((*l->w[i] && !*end && x == v) || (name && !strcmp(l->w[i], name)))
			return 1;
	}
	return 0;
}

/* User name of uid (or its number) in buf. */
static const char *user_name(uid_t uid, char *buf, size_t n)
{
	struct passwd *pw = getpwuid(uid);
	if (pw)
		return pw->pw_name;
	snprintf(buf, n, "%lu", (unsigned long)uid);
	return buf;
}

/* Group name of gid (or its number) in buf. */
static const char *group_name(gid_t gid, char *buf, size_t n)
{
	struct group *gr = getgrgid(gid);
	if (gr)
		return gr->gr_name;
	snprintf(buf, n, "%lu", (unsigned long)gid);
	return buf;
}

/* [dd-]hh:mm:ss of ns nanoseconds. */
static void cputime(uint64_t ns, char *buf, size_t n)
{
	unsigned long long s = ns / 1000000000ULL;
	if (s >= 86400)
		snprintf(buf, n, "%llu-%02llu:%02llu:%02llu", s / 86400, s / 3600 % 24, s / 60 % 60,
		         s % 60);
	else
		snprintf(buf, n, "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
}

/* Nanoseconds since p was spawned (CLOCK_MONOTONIC), or 0 if unknown. */
static uint64_t elapsed_ns(const struct qu_proc *p)
{
	struct timespec now;

	if (p->start_ns == 0 || clock_gettime(CLOCK_MONOTONIC, &now) != 0)
		return 0;
	uint64_t n = (uint64_t)now.tv_sec * 1000000000ULL + (uint64_t)now.tv_nsec;
	return n > p->start_ns ? n - p->start_ns : 1;
}

/* etime as POSIX writes it: [[dd-]hh:]mm:ss. */
static void etime(uint64_t ns, char *buf, size_t n)
{
	unsigned long long s = ns / 1000000000ULL;
	if (s >= 86400)
		snprintf(buf, n, "%llu-%02llu:%02llu:%02llu", s / 86400, s / 3600 % 24, s / 60 % 60,
		         s % 60);
	else if (s >= 3600)
		snprintf(buf, n, "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, n, "%02llu:%02llu", s / 60, s % 60);
}

/* stime: the wall-clock start, "HH:MM" today, else "MmmDD". */
static void stime(uint64_t ago_ns, char *buf, size_t n)
{
	time_t now = time(NULL), start = now - (time_t)(ago_ns / 1000000000ULL);
	struct tm a, b;

	localtime_r(&start, &a);
	localtime_r(&now, &b);
	if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday)
		strftime(buf, n, "%H:%M", &a);
	else
		strftime(buf, n, "%b%d", &a);
}

/* The text of column id for process p (valid until the next call). */
static const char *cell(enum col_id id, const struct qu_proc *p)
{
	static char buf[64];
	const struct qu_thread *t = p->nthr ? &p->threads[0] : NULL;

	switch (id) {
	case C_RUSER:
		return user_name(p->uid[0], buf, sizeof(buf));
	case C_USER:
		return user_name(p->uid[1], buf, sizeof(buf));
	case C_RGROUP:
		return group_name(p->gid[0], buf, sizeof(buf));
	case C_GROUP:
		return group_name(p->gid[1], buf, sizeof(buf));
	case C_PID:
		snprintf(buf, sizeof(buf), "%ld", (long)p->pid);
		break;
	case C_PPID:
		snprintf(buf, sizeof(buf), "%ld", (long)p->ppid);
		break;
	case C_PGID:
		snprintf(buf, sizeof(buf), "%ld", (long)p->pgid);
		break;
	case C_SID:
		snprintf(buf, sizeof(buf), "%ld", (long)p->sid);
		break;
	case C_UID:
		snprintf(buf, sizeof(buf), "%lu", (unsigned long)p->uid[1]);
		break;
	case C_RUID:
		snprintf(buf, sizeof(buf), "%lu", (unsigned long)p->uid[0]);
		break;
	case C_GID:
		snprintf(buf, sizeof(buf), "%lu", (unsigned long)p->gid[1]);
		break;
	case C_RGID:
		snprintf(buf, sizeof(buf), "%lu", (unsigned long)p->gid[0]);
		break;
	case C_VSZ:
	case C_RSS:
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)(p->memory / 1024));
		break;
	case C_SZ:
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)((p->memory + 4095) / 4096));
		break;
	case C_NICE:
	case C_C:
	case C_F:
		return "0";
	case C_PCPU:
	case C_ETIME:
	case C_STIME: {
		uint64_t el = elapsed_ns(p);
		if (el == 0)
			return "-"; /* /proc does not say when it started */
		if (id == C_ETIME)
			etime(el, buf, sizeof(buf));
		else if (id == C_STIME)
			stime(el, buf, sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "%.1f", 100.0 * (double)p->cpu_ns / (double)el);
		break;
	}
	case C_ADDR:
		return "-";
	case C_TIME:
		cputime(p->cpu_ns, buf, sizeof(buf));
		break;
	case C_TTY:
		return qu_proc_tty(p);
	case C_ARGS:
		return p->args && *p->args ? p->args : p->name;
	case C_COMM:
		return p->name;
	case C_PRI:
		if (!t)
			return "-";
		snprintf(buf, sizeof(buf), "%d", t->prio);
		break;
	case C_STAT:
		buf[0] = qu_proc_letter(p);
		buf[1] = 0;
		break;
	case C_NLWP:
		snprintf(buf, sizeof(buf), "%d", p->nthreads);
		break;
	case C_WCHAN:
		if (!t || qu_proc_letter(p) != 'S')
			return "-";
		return t->state;
	}
	return buf;
}

/* Prints one row: cells padded to the column widths, the last unpadded. */
static void row(const char *const *cells)
{
	for (size_t i = 0; i < ncols; i++) {
		const char *s = cells[i];
		size_t w = cols[i].width, len = strlen(s);
		int last = i + 1 == ncols;
		if (i)
			putchar(' ');
		if (col_defs[cols[i].id].right)
			printf("%*s%s", (int)(w > len ? w - len : 0), "", s);
		else
			printf("%s%*s", s, last ? 0 : (int)(w > len ? w - len : 0), "");
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	struct list pl = {0}, tl = {0}, ul = {0}, Ul = {0}, gl = {0}, Gl = {0};
	int all = 0, a_flag = 0, d_flag = 0, full = 0, lng = 0, jobs = 0, sel = 0, c;
	struct qu_proc *ps, me;
	size_t n;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "aAdefljg:G:o:p:t:u:U:n:")) != -1) {
		switch (c) {
		case 'A':
		case 'e':
			all = 1;
			break;
		case 'a':
			a_flag = 1;
			break;
		case 'd':
			d_flag = 1;
			break;
		case 'f':
			full = 1;
			break;
		case 'l':
			lng = 1;
			break;
		case 'j':
			jobs = 1;
			break;
		case 'o':
			parse_format(qu_optarg);
			break;
		case 'p':
			list_add(&pl, qu_optarg), sel = 1;
			break;
		case 't':
			list_add(&tl, qu_optarg), sel = 1;
			break;
		case 'u':
			list_add(&ul, qu_optarg), sel = 1;
			break;
		case 'U':
			list_add(&Ul, qu_optarg), sel = 1;
			break;
		case 'g':
			list_add(&gl, qu_optarg), sel = 1;
			break;
		case 'G':
			list_add(&Gl, qu_optarg), sel = 1;
			break;
		case 'n': /* namelist: no kernel symbol files here */
			break;
		}
	}
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	if (ncols == 0) {
		if (lng) {
			add_col(C_F, NULL);
			add_col(C_STAT, NULL);
			add_col(full ? C_USER : C_UID, "UID");
		} else if (full) {
			add_col(C_USER, "UID");
		}
		add_col(C_PID, NULL);
		if (full || lng)
			add_col(C_PPID, NULL);
		if (jobs) {
			add_col(C_PGID, NULL);
			add_col(C_SID, NULL);
		}
		if (full || lng)
			add_col(C_C, NULL);
		if (lng) {
			add_col(C_PRI, NULL);
			add_col(C_NICE, NULL);
			add_col(C_ADDR, NULL);
			add_col(C_SZ, NULL);
			add_col(C_WCHAN, NULL);
		}
		if (full)
			add_col(C_STIME, NULL);
		add_col(C_TTY, "TTY");
		add_col(C_TIME, NULL);
		add_col(full ? C_ARGS : C_COMM, "CMD");
	}
	if (qu_proc_all(&ps, &n) < 0)
		qu_die_errno(1, errno, "%s", qu_proc_root());
	int have_me = qu_proc_read(qu_proc_self(), &me) == 0;

	/* select */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct qu_proc *p = &ps[i];
		int take;
		if (all) {
			take = 1;
		} else if (!sel && !a_flag && !d_flag) {
			take = have_me && p->uid[1] == me.uid[1] && !strcmp(p->tty, me.tty);
		} else {
			char ub[32];
			take = (a_flag && p->sid != p->pid && strcmp(p->tty, "-")) ||
			       (d_flag && p->sid != p->pid) || in_list(&pl, p->pid, NULL) ||
			       in_list(&tl, -1, qu_proc_tty(p)) || in_list(&tl, -1, p->tty) ||
			       in_list(&ul, (long)p->uid[1],
			               user_name(p->uid[1], ub, sizeof(ub))) ||
			       in_list(&Ul, (long)p->uid[0],
			               user_name(p->uid[0], ub, sizeof(ub))) ||
			       in_list(&gl, p->sid, NULL) ||
			       in_list(&Gl, (long)p->gid[0], group_name(p->gid[0], ub, sizeof(ub)));
		}
		if (take)
			ps[k++] = *p;
		else
			qu_proc_free(p);
	}
	if (have_me)
		qu_proc_free(&me);

	/* widths, then the rows */
	int header = 0;
	for (size_t i = 0; i < ncols; i++) {
		cols[i].width = strlen(cols[i].header);
		header |= cols[i].header[0] != 0;
	}
	char ***cells = qu_malloc((k ? k : 1) * sizeof(*cells));
	for (size_t r = 0; r < k; r++) {
		cells[r] = qu_malloc(ncols * sizeof(**cells));
		for (size_t i = 0; i < ncols; i++) {
			cells[r][i] = qu_strdup(cell(cols[i].id, &ps[r]));
			size_t len = strlen(cells[r][i]);
			if (len > cols[i].width)
				cols[i].width = len;
		}
	}
	if (header) {
		const char **h = qu_malloc(ncols * sizeof(*h));
		for (size_t i = 0; i < ncols; i++)
			h[i] = cols[i].header;
		row(h);
		free(h);
	}
	for (size_t r = 0; r < k; r++) {
		row((const char *const *)cells[r]);
		for (size_t i = 0; i < ncols; i++)
			free(cells[r][i]);
		free(cells[r]);
	}
	free(cells);
	qu_proc_free_all(ps, k);
	return k || !sel ? 0 : 1;
}
