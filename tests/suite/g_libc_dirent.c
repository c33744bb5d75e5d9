/*
 * g_libc_dirent.c - group "libc_dirent": dirent.h and ftw.h inside QSOE:
 * readdir over /bin compared with what stat says of each name, rewinddir,
 * telldir/seekdir, fdopendir, scandir with a filter and alphasort, errors
 * (ENOENT, ENOTDIR), and nftw/ftw over a tree built in /tmp (pre-order,
 * FTW_DEPTH post-order removal, levels and base offsets, stopping early,
 * FTW_CHDIR, symbolic links with and without FTW_PHYS).
 */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

#define TREE "/tmp/suite-ftw"

static int is_s(const struct dirent *d)
{
	return d->d_name[0] == 's';
}

static void directories(void)
{
	DIR *d = opendir("/bin");
	CHECK(d != NULL, "opendir /bin (errno %d)", errno);
	if (!d)
		return;
	int n = 0, bad = 0, dots = 0, suite = 0;
	long second = -1;
	char second_name[256] = "";
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (n == 1) {
			strcpy(second_name, e->d_name);
		}
		if (n == 0)
			second = telldir(d);
		n++;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
			dots++;
			continue;
		}
		char path[300];
		struct stat st;
		snprintf(path, sizeof(path), "/bin/%s", e->d_name);
		bad += stat(path, &st) != 0 || (int)strlen(e->d_name) != e->d_namelen;
		suite += strcmp(e->d_name, "suite") == 0;
	}
	CHECK(n > 3 && bad == 0 && suite == 1, "readdir /bin: %d names, each exists (%d bad)", n,
	      bad);
	rewinddir(d);
	int n2 = 0;
	while (readdir(d))
		n2++;
	CHECK(n2 == n, "rewinddir reads them again (%d of %d)", n2, n);
	if (second >= 0 && second_name[0]) {
		seekdir(d, second);
		e = readdir(d);
		CHECK(e && strcmp(e->d_name, second_name) == 0, "seekdir to a telldir position");
	}
	CHECK(dirfd(d) >= 0, "dirfd");
	closedir(d);

	struct dirent **list = NULL;
	int m = scandir("/bin", &list, is_s, alphasort);
	CHECK(m >= 2, "scandir /bin with a filter (%d)", m);
	int ok = 1;
	for (int i = 0; i < m; i++) {
		ok &= list[i]->d_name[0] == 's';
		ok &= i == 0 || strcmp(list[i - 1]->d_name, list[i]->d_name) < 0;
		free(list[i]);
	}
	free(list);
	CHECK(ok, "every name passes the filter, sorted by alphasort");

	errno = 0;
	CHECK(opendir("/no/such/dir") == NULL && errno == ENOENT, "opendir of a missing path");
	errno = 0;
	CHECK(opendir("/bin/suite") == NULL && errno == ENOTDIR, "opendir of a file: ENOTDIR (%d)",
	      errno);
	int fd = open("/bin", O_RDONLY);
	d = fd >= 0 ? fdopendir(fd) : NULL;
	CHECK(d && readdir(d) != NULL && dirfd(d) == fd, "fdopendir");
	if (d)
		closedir(d);
}

/* What the walk saw, in order. */
static char seen[2048];
static int max_level, base_ok, stop_at;

static int record(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	char one[128];
	snprintf(one, sizeof(one), "%c%d:%s ", "FDNPSLX"[type], f -> level, path + strlen(TREE));
	strncat(seen, one, sizeof(seen) - strlen(seen) - 1);
	if (f->level > max_level)
		max_level = f->level;
	const char *slash = strrchr(path, '/');
	base_ok &= f->base == (slash ? slash - path + 1 : 0);
	if (stop_at && --stop_at == 0)
		return 77;
	return 0;
}

/* FTW_CHDIR callback: the current directory is the object's parent (for level > 0). */
static int chdir_ok;
static int check_cwd(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	if (f->level == 0)
		return 0;
	char cwd[256], want[256];
	snprintf(want, sizeof(want), "%.*s", f->base - 1, path);
	if (!getcwd(cwd, sizeof(cwd)) || strcmp(cwd, want) != 0) {
		suite_note("FTW_CHDIR: %s seen from %s", path, cwd);
		chdir_ok = 0;
	}
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)f;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static int old_count;
static int old_fn(const char *path, const struct stat *st, int type)
{
	(void)path;
	old_count += type == FTW_F && S_ISREG(st->st_mode);
	return 0;
}

static void touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd >= 0)
		close(fd);
}

static void walks(void)
{
	if (mkdir(TREE, 0755) != 0 && errno != EEXIST) {
		suite_note("cannot make %s (errno %d): ftw not tested", TREE, errno);
		return;
	}
	mkdir(TREE "/a", 0755);
	mkdir(TREE "/a/b", 0755);
	touch(TREE "/a/b/f1");
	touch(TREE "/a/f2");
	touch(TREE "/f3");

	seen[0] = 0;
	max_level = 0;
	base_ok = 1;
	CHECK_EQ(nftw(TREE, record, 4, FTW_PHYS), 0);
	/* pre-order: each directory before its contents */
	const char *d_a = strstr(seen, "D1:/a "), *d_b = strstr(seen, "D2:/a/b ");
	const char *f1 = strstr(seen, "F3:/a/b/f1 "), *f2 = strstr(seen, "F2:/a/f2 ");
	CHECK(strncmp(seen, "D0: ", 4) == 0 && d_a && d_b && f1 && f2 && strstr(seen, "F1:/f3 ") &&
	              d_a < d_b && d_b < f1 && d_a < f2,
	      "nftw visits the tree in pre-order: %s", seen);
	CHECK(max_level == 3 && base_ok, "levels and base offsets");

	seen[0] = 0;
	CHECK_EQ(nftw(TREE, record, 1, FTW_DEPTH), 0);
	d_a = strstr(seen, "P1:/a ");
	f1 = strstr(seen, "F3:/a/b/f1 ");
	CHECK(d_a && f1 && f1 < d_a && strstr(seen, "P0: ") != NULL,
	      "FTW_DEPTH reports directories after their contents: %s", seen);

	seen[0] = 0;
	stop_at = 2;
	CHECK_EQ(nftw(TREE, record, 4, 0), 77);
	stop_at = 0;
	old_count = 0;
	CHECK_EQ(ftw(TREE, old_fn, 4), 0);
	CHECK_EQ(old_count, 3);
	CHECK_ERR(nftw(TREE "/none", record, 4, 0), -1, ENOENT);

	/* FTW_CHDIR: the callback runs in the directory that holds the object */
	seen[0] = 0;
	chdir_ok = 1;
	char before[256];
	CHECK(getcwd(before, sizeof(before)) != NULL, "getcwd");
	CHECK_EQ(nftw(TREE, check_cwd, 4, FTW_CHDIR), 0);
	char after[256];
	CHECK(chdir_ok && getcwd(after, sizeof(after)) && strcmp(before, after) == 0,
	      "FTW_CHDIR: each callback in its object's directory, the start restored");

	/* symbolic links: reported (FTW_PHYS) or followed, a dangling one FTW_SLN */
	if (symlink("a", TREE "/lnk") == 0 && symlink("nowhere", TREE "/dead") == 0) {
		seen[0] = 0;
		CHECK_EQ(nftw(TREE, record, 4, FTW_PHYS), 0);
		CHECK(strstr(seen, "L1:/lnk ") && strstr(seen, "L1:/dead ") &&
		              !strstr(seen, "/lnk/"),
		      "FTW_PHYS reports links without following them: %s", seen);
		seen[0] = 0;
		CHECK_EQ(nftw(TREE, record, 4, 0), 0);
		CHECK(strstr(seen, "D1:/lnk ") && strstr(seen, "F2:/lnk/f2 ") &&
		              strstr(seen, "X1:/dead "),
		      "without FTW_PHYS a link is followed, a dangling one is FTW_SLN: %s", seen);
	} else {
		suite_note("symlink in %s failed (errno %d): links not tested", TREE, errno);
	}

	CHECK_EQ(nftw(TREE, remove_entry, 4, FTW_DEPTH | FTW_PHYS), 0);
	CHECK(access(TREE, F_OK) == -1 && errno == ENOENT, "a FTW_DEPTH walk removed the tree");
}

SUITE_GROUP(libc_dirent)
{
	directories();
	walks();
}
