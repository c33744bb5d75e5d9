/*
 * find - find files (POSIX: -H -L, and the primaries -name -path -type
 * -size -mtime -atime -ctime -newer -perm -user -group -nouser -nogroup
 * -links -prune -print -exec ... ; and {} + -ok -depth -xdev; also -iname
 * -maxdepth -mindepth -print0 -empty -inum -mmin -quit -delete -true -false
 * as GNU find).
 *
 * Commands run with posix_spawnp. Exit status 0, or 1 if an error happened
 * or a "{} +" command failed.
 */
#include "find.h"
#include "qu.h"
#include "run.h"
#include "walk.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

QU_USAGE("Usage: find [-H|-L] [path...] [expression]\n"
         "  tests: -name -iname -path -type -size -mtime -atime -ctime -mmin -newer -perm\n"
         "         -user -group -nouser -nogroup -links -inum -empty -true -false\n"
         "  actions: -print -print0 -exec cmd {} ; -exec cmd {} + -ok -prune -delete -quit\n"
         "  options: -maxdepth n -mindepth n -depth -xdev;  operators: ! -a -o ( )\n");

#define BATCH_MAX 131072 /* bytes of arguments per "{} +" command */

static struct node *root;
static int prune, quit;

/* Returns the last component of path (for -name). */
static const char *base_name(const char *path, char *buf, size_t n)
{
	size_t len = strlen(path);
	const char *b;

	while (len > 1 && path[len - 1] == '/')
		len--;
	b = path + len;
	while (b > path && b[-1] != '/')
		b--;
	if ((size_t)(path + len - b) + 1 > n)
		return path;
	memcpy(buf, b, (size_t)(path + len - b));
	buf[path + len - b] = 0;
	return buf;
}

/* Compares v with the node's number under its + / - / = sense. */
static int cmp_num(const struct node *n, long long v)
{
	if (n->cmp == '+')
		return v > n->num;
	if (n->cmp == '-')
		return v < n->num;
	return v == n->num;
}

/* Builds the argument vector of an -exec/-ok command for path; with a batch
 * the "{}" is replaced by all batch paths. */
static char **build_argv(struct node *n, const char *path)
{
	char **v = qu_malloc(sizeof(char *) * ((size_t)n->argc + n->nbatch + 2));
	int i, k = 0;
	size_t b;

	for (i = 0; i < n->argc; i++) {
		const char *a = n->argv[i], *p;
		if (n->plus && i == n->argc - 1) {
			for (b = 0; b < n->nbatch; b++)
				v[k++] = n->batch[b];
			continue;
		}
		if (!path || !strstr(a, "{}")) {
			v[k++] = (char *)a;
			continue;
		}
		{
			/* replace every "{}" in the argument */
			size_t cnt = 0, pl = strlen(path);
			char *o, *r;
			for (p = a; (p = strstr(p, "{}")) != NULL; p += 2)
				cnt++;
			r = o = qu_malloc(strlen(a) + cnt * pl + 1);
			for (p = a; *p;) {
				if (p[0] == '{' && p[1] == '}') {
					memcpy(o, path, pl);
					o += pl;
					p += 2;
				} else {
					*o++ = *p++;
				}
			}
			*o = 0;
			v[k++] = r;
		}
	}
	v[k] = NULL;
	return v;
}

/* Frees an argument vector from build_argv. */
static void free_argv(struct node *n, char **v, const char *path)
{
	int i;

	for (i = 0; path && i < n->argc && v[i]; i++)
		if (v[i] != n->argv[i])
			free(v[i]);
	free(v);
}

/* Runs a command; returns 1 if it exited with status 0. */
static int run(char **v)
{
	int st = qu_spawn_wait(v);

	if (st < 0) {
		qu_errno(errno, "%s", qu_quote(v[0]));
		fc.status = 1;
		return 0;
	}
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* See find.h. */
void run_batch(struct node *n)
{
	char **v;
	size_t i;

	if (!n->nbatch)
		return;
	v = build_argv(n, NULL);
	if (!run(v))
		fc.status = 1;
	free(v);
	for (i = 0; i < n->nbatch; i++)
		free(n->batch[i]);
	n->nbatch = 0;
	n->batch_bytes = 0;
}

/* See find.h. */
void flush_batches(struct node *n)
{
	if (!n)
		return;
	if (n->kind == N_EXEC && n->plus)
		run_batch(n);
	flush_batches(n->l);
	flush_batches(n->r);
}

/* Returns 1 if the directory at path has no entries. */
static int dir_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int empty = 1;

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* Evaluates node n for the entry. */
static int eval(struct node *n, struct qu_walk_ent *e)
{
	const struct stat *st = &e->st;
	char nb[4096];
	long long age;

	switch (n->kind) {
	case N_AND:
		return eval(n->l, e) && eval(n->r, e);
	case N_OR:
		return eval(n->l, e) || eval(n->r, e);
	case N_NOT:
		return !eval(n->l, e);
	case N_TRUE:
		return 1;
	case N_NAME:
		return fnmatch(n->str, base_name(e->path, nb, sizeof(nb)), 0) == 0;
	case N_INAME: {
		char *pat = qu_strdup(n->str), *p;
		const char *b = base_name(e->path, nb, sizeof(nb));
		char *lb = qu_strdup(b);
		int r;
		for (p = pat; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (p = lb; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		r = fnmatch(pat, lb, 0) == 0;
		free(pat);
		free(lb);
		return r;
	}
	case N_PATH:
		return fnmatch(n->str, e->path, 0) == 0;
	case N_TYPE:
		switch (n->str[0]) {
		case 'b':
			return S_ISBLK(st->st_mode);
		case 'c':
			return S_ISCHR(st->st_mode);
		case 'd':
			return S_ISDIR(st->st_mode);
		case 'f':
			return S_ISREG(st->st_mode);
		case 'l':
			return S_ISLNK(st->st_mode);
		case 'p':
			return S_ISFIFO(st->st_mode);
		default:
			return S_ISSOCK(st->st_mode);
		}
	case N_SIZE:
		return cmp_num(n, ((long long)st->st_size + n->unit - 1) / n->unit);
	case N_MTIME:
	case N_ATIME:
	case N_CTIME: {
		time_t t = n->kind == N_MTIME   ? st->st_mtim.tv_sec
		           : n->kind == N_ATIME ? st->st_atim.tv_sec
		                                : st->st_ctim.tv_sec;
		age = (long long)(fc.now - t);
		return cmp_num(n, age >= 0 ? age / 86400 : -((-age + 86399) / 86400));
	}
	case N_MMIN:
		age = (long long)(fc.now - st->st_mtim.tv_sec);
		return cmp_num(n, age >= 0 ? (age + 59) / 60 : age / 60);
	case N_NEWER:
		return st->st_mtim.tv_sec > n->t.tv_sec ||
		       (st->st_mtim.tv_sec == n->t.tv_sec && st->st_mtim.tv_nsec > n->t.tv_nsec);
	case N_PERM: {
		mode_t m = st->st_mode & 07777;
		if (n->cmp == '-')
			return (m & n->mode) == n->mode;
		if (n->cmp == '/')
			return n->mode == 0 || (m & n->mode) != 0;
		return m == n->mode;
	}
	case N_USER:
		return (long long)st->st_uid == n->num;
	case N_GROUP:
		return (long long)st->st_gid == n->num;
	case N_NOUSER:
		return getpwuid(st->st_uid) == NULL;
	case N_NOGROUP:
		return getgrgid(st->st_gid) == NULL;
	case N_LINKS:
		return cmp_num(n, (long long)st->st_nlink);
	case N_INUM:
		return cmp_num(n, (long long)st->st_ino);
	case N_EMPTY:
		if (S_ISDIR(st->st_mode))
			return dir_empty(e->path);
		return S_ISREG(st->st_mode) && st->st_size == 0;
	case N_PRUNE:
		prune = 1;
		return 1;
	case N_PRINT:
		puts(e->path);
		return 1;
	case N_PRINT0:
		fputs(e->path, stdout);
		putchar(0);
		return 1;
	case N_QUIT:
		quit = 1;
		return 1;
	case N_DELETE:
		if ((S_ISDIR(st->st_mode) ? rmdir(e->path) : unlink(e->path)) != 0) {
			qu_errno(errno, "cannot delete %s", qu_quote(e->path));
			fc.status = 1;
			return 0;
		}
		return 1;
	case N_EXEC:
	case N_OK: {
		char **v;
		int r;
		if (n->plus) {
			size_t len = strlen(e->path) + 1 + sizeof(char *);
			if (n->nbatch && n->batch_bytes + len > BATCH_MAX)
				run_batch(n);
			n->batch = qu_realloc(n->batch, sizeof(char *) * (n->nbatch + 1));
			n->batch[n->nbatch++] = qu_strdup(e->path);
			n->batch_bytes += len;
			return 1;
		}
		v = build_argv(n, e->path);
		if (n->kind == N_OK) {
			/* the prompt shows the command and the file, as GNU find */
			fflush(stdout);
			fprintf(stderr, "< %s ... %s > ? ", v[0], e->path);
			fflush(stderr);
			if (!qu_yes()) {
				free_argv(n, v, e->path);
				return 0;
			}
		}
		r = run(v);
		free_argv(n, v, e->path);
		return r;
	}
	}
	return 0;
}

/* Tree walk callback. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	int skip = 0;

	(void)arg;
	if (quit)
		return QU_WALK_STOP;
	switch (e->type) {
	case QU_NS:
		qu_errno(e->err, "%s", qu_quote(e->path));
		fc.status = 1;
		return QU_WALK_CONTINUE;
	case QU_DNR:
		qu_errno(e->err, "%s", qu_quote(e->path));
		fc.status = 1;
		return QU_WALK_CONTINUE;
	case QU_DC:
		qu_err("File system loop detected; %s is part of the same file system loop.",
		       qu_quote(e->path));
		fc.status = 1;
		return QU_WALK_CONTINUE;
	case QU_D:
		skip = fc.maxdepth >= 0 && e->depth >= fc.maxdepth;
		if (fc.depth_first && !skip)
			return QU_WALK_CONTINUE;
		break;
	case QU_DP:
		if (!fc.depth_first)
			return QU_WALK_CONTINUE;
		break;
	default:
		break;
	}
	if (fc.maxdepth >= 0 && e->depth > fc.maxdepth)
		return QU_WALK_CONTINUE;
	prune = 0;
	if (e->depth >= fc.mindepth)
		eval(root, e);
	if (quit)
		return QU_WALK_STOP;
	if (e->type == QU_D && (skip || (prune && !fc.depth_first)))
		return QU_WALK_SKIP;
	return QU_WALK_CONTINUE;
}

int main(int argc, char **argv)
{
	int i = 1, first_expr, flags, p;

	qu_init(argv[0]);
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !argv[i][2]; i++) {
		if (argv[i][1] == 'H')
			fc.follow = 1;
		else if (argv[i][1] == 'L')
			fc.follow = 2;
		else if (argv[i][1] == 'P')
			fc.follow = 0;
		else
			break;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	first_expr = i;
	while (first_expr < argc && argv[first_expr][0] != '-' && strcmp(argv[first_expr], "(") &&
	       strcmp(argv[first_expr], "!"))
		first_expr++;
	fc.now = time(NULL);
	root = parse_expr(argv, first_expr, argc);
	flags = (fc.depth_first ? QU_WALK_POST : QU_WALK_POST) | (fc.xdev ? QU_WALK_XDEV : 0);
	if (fc.follow == 1)
		flags |= QU_WALK_FOLLOW_ARGS;
	else if (fc.follow == 2)
		flags |= QU_WALK_FOLLOW;
	if (first_expr == i) {
		qu_walk(".", flags, visit, NULL);
	} else {
		for (p = i; p < first_expr && !quit; p++) {
			if (!argv[p][0]) {
				qu_errno(ENOENT, "%s", qu_quote(argv[p]));
				fc.status = 1;
				continue;
			}
			qu_walk(argv[p], flags, visit, NULL);
		}
	}
	flush_batches(root);
	return fc.status;
}
