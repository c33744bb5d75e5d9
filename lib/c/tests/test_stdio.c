/*
 * test_stdio.c - FILE streams of QSOE libc over real temporary files:
 * fopen modes, the three buffering modes (counted write calls), seeking,
 * ungetc, getline/getdelim, fgets, fread/fwrite, mixed read/write,
 * fmemopen and open_memstream (against glibc where POSIX fixes the
 * result), fdopen, popen/pclose, tmpfile, remove and perror.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "qtest.h"

typedef struct qfile QFILE;
QFILE *q_fopen(const char *, const char *);
QFILE *q_fdopen(int, const char *);
QFILE *q_freopen(const char *, const char *, QFILE *);
QFILE *q_fmemopen(void *, size_t, const char *);
QFILE *q_open_memstream(char **, size_t *);
QFILE *q_popen(const char *, const char *);
int q_pclose(QFILE *);
QFILE *q_tmpfile(void);
int q_fclose(QFILE *);
int q_fflush(QFILE *);
int q_fgetc(QFILE *);
int q_fputc(int, QFILE *);
int q_ungetc(int, QFILE *);
char *q_fgets(char *, int, QFILE *);
int q_fputs(const char *, QFILE *);
size_t q_fread(void *, size_t, size_t, QFILE *);
size_t q_fwrite(const void *, size_t, size_t, QFILE *);
int q_fseek(QFILE *, long, int);
long q_ftell(QFILE *);
void q_rewind(QFILE *);
int q_fgetpos(QFILE *, void *);
int q_fsetpos(QFILE *, const void *);
int q_feof(QFILE *), q_ferror(QFILE *);
void q_clearerr(QFILE *);
int q_fileno(QFILE *);
int q_setvbuf(QFILE *, char *, int, size_t);
long q_getline(char **, size_t *, QFILE *);
long q_getdelim(char **, size_t *, int, QFILE *);
int q_fprintf(QFILE *, const char *, ...);
int q_fscanf(QFILE *, const char *, ...);
int q_remove(const char *);
void q_perror(const char *);
void q_psignal(int, const char *);
void q___assert_fail(const char *, const char *, int, const char *);
void q_free(void *);
extern QFILE *q_stderr;
extern long seam_write_calls;
extern int seam_last_open_flags, seam_force_isatty;

static char dir[] = "/tmp/qlibc-stdioXXXXXX";
static char path[600];

static const char *p(const char *name)
{
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static void modes(void)
{
	QFILE *f;
	char buf[64];

	q_errno = 0;
	CHECK(!q_fopen(p("missing"), "r") && q_errno == QE_NOENT, "fopen r missing: ENOENT");
	q_errno = 0;
	CHECK(!q_fopen(p("x"), "q") && q_errno == QE_INVAL, "bad mode: EINVAL");
	f = q_fopen(p("m"), "w");
	CHECK(f && q_fputs("hello\n", f) >= 0 && q_fclose(f) == 0, "w");
	f = q_fopen(p("m"), "a");
	CHECK(f && q_fputs("world\n", f) >= 0 && q_fclose(f) == 0, "a");
	f = q_fopen(p("m"), "r");
	CHECK(f && q_fgets(buf, sizeof(buf), f) && !strcmp(buf, "hello\n") &&
	              q_fgets(buf, sizeof(buf), f) && !strcmp(buf, "world\n") &&
	              !q_fgets(buf, sizeof(buf), f) && q_feof(f),
	      "r reads what w and a wrote");
	CHECK(q_fputc('x', f) == EOF && q_ferror(f), "write to a read stream fails");
	q_clearerr(f);
	CHECK(!q_ferror(f) && !q_feof(f), "clearerr");
	q_fclose(f);
	q_errno = 0;
	CHECK(!q_fopen(p("m"), "wx") && q_errno == QE_EXIST, "wx on existing file: EEXIST");
	f = q_fopen(p("m"), "r+e");
	CHECK(f && (seam_last_open_flags & 020000), "e gives O_CLOEXEC (QNX 020000)");
	/* r+: overwrite in the middle, then read around it. */
	CHECK(q_fseek(f, 2, SEEK_SET) == 0 && q_fputs("LL", f) >= 0 &&
	              q_fseek(f, 0, SEEK_SET) == 0 && q_fgets(buf, sizeof(buf), f) &&
	              !strcmp(buf, "heLLo\n"),
	      "r+ write then read");
	q_fclose(f);
	f = q_fopen(p("m"), "w+");
	CHECK(f && q_fgetc(f) == EOF && q_fputs("abc", f) >= 0 && q_fseek(f, 0, SEEK_SET) == 0 &&
	              q_fgetc(f) == 'a',
	      "w+ truncates, reads back");
	q_fclose(f);
	f = q_fopen(p("m"), "a+");
	CHECK(f && q_fgetc(f) == 'a' && q_fputs("d", f) >= 0 && q_fseek(f, 0, SEEK_SET) == 0 &&
	              q_fgets(buf, sizeof(buf), f) && !strcmp(buf, "abcd"),
	      "a+ reads from the start, appends at the end");
	q_fclose(f);
}

static void buffering(void)
{
	QFILE *f = q_fopen(p("buf"), "w");
	long w0 = seam_write_calls;
	for (int i = 0; i < 3000; i++)
		q_fputc('a' + i % 26, f);
	long full = seam_write_calls - w0;
	CHECK(full >= 0 && full <= 1, "full buffering: %ld writes for 3000 bytes", full);
	q_fflush(f);
	CHECK(seam_write_calls - w0 == 1, "fflush writes the rest");

	q_setvbuf(f, NULL, 1 /* _IOLBF */, 0);
	w0 = seam_write_calls;
	for (int i = 0; i < 10; i++)
		q_fputs("line\n", f);
	CHECK(seam_write_calls - w0 == 10, "line buffering: one write per line (%ld)",
	      seam_write_calls - w0);
	q_fputs("no newline", f);
	CHECK(seam_write_calls - w0 == 10, "line buffering holds a partial line");
	q_setvbuf(f, NULL, 2 /* _IONBF */, 0);
	w0 = seam_write_calls;
	q_fputc('x', f);
	q_fputc('y', f);
	q_fprintf(f, "%s", "zz");
	CHECK(seam_write_calls - w0 >= 3, "unbuffered writes at once");
	char ubuf[100];
	CHECK(q_setvbuf(f, ubuf, 0, sizeof(ubuf)) == 0 && q_setvbuf(f, NULL, 7, 0) != 0,
	      "setvbuf with a user buffer; bad mode rejected");
	q_fputs("user", f);
	q_fclose(f);
	struct stat st;
	CHECK(stat(p("buf"), &st) == 0 && st.st_size == 3000 + 50 + 10 + 4 + 4,
	      "all bytes written (%ld)", (long)st.st_size);

	/* A terminal stream is line buffered by default. */
	seam_force_isatty = 1;
	f = q_fopen(p("tty"), "w");
	w0 = seam_write_calls;
	q_fputs("a\nb", f);
	CHECK(seam_write_calls - w0 == 1, "tty stream is line buffered");
	q_fclose(f);
	seam_force_isatty = -1;
}

static void seeking(void)
{
	static unsigned char data[20000], back[20000];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + i / 256);
	QFILE *f = q_fopen(p("seek"), "w+");
	CHECK(q_fwrite(data, 1, sizeof(data), f) == sizeof(data), "fwrite 20000");
	CHECK(q_ftell(f) == 20000, "ftell after write");
	for (int i = 0; i < 300; i++) {
		long off = (long)(qt_rand() % sizeof(data)), n = (long)(qt_rand() % 5000);
		int wh = (int)(qt_rand() % 3);
		long target = off;
		if (wh == 1) {
			long cur = q_ftell(f);
			if (q_fseek(f, off - cur, SEEK_CUR))
				CHECK(0, "fseek CUR");
		} else if (wh == 2) {
			q_fseek(f, off - (long)sizeof(data), SEEK_END);
		} else {
			q_fseek(f, off, SEEK_SET);
		}
		CHECK(q_ftell(f) == target, "ftell after fseek %d", wh);
		if (n > (long)sizeof(data) - off)
			n = (long)sizeof(data) - off;
		size_t got = q_fread(back, 1, (size_t)n, f);
		CHECK(got == (size_t)n && memcmp(back, data + off, (size_t)n) == 0, "read at %ld",
		      off);
		if (i % 10 == 0) {
			/* Overwrite a little and keep the model in step. */
			long w = (long)(qt_rand() % 100);
			if (off + n + w <= (long)sizeof(data)) {
				for (long k = 0; k < w; k++)
					data[off + n + k] ^= 0x5a;
				q_fwrite(data + off + n, 1, (size_t)w, f);
			}
		}
	}
	unsigned char pos[64];
	q_fseek(f, 1234, SEEK_SET);
	CHECK(q_fgetpos(f, pos) == 0 && q_fgetc(f) == data[1234], "fgetpos");
	q_fseek(f, 0, SEEK_END);
	CHECK(q_fsetpos(f, pos) == 0 && q_fgetc(f) == data[1234], "fsetpos");
	q_rewind(f);
	CHECK(q_ftell(f) == 0 && q_fgetc(f) == data[0], "rewind");
	q_errno = 0;
	CHECK(q_fseek(f, -1, SEEK_SET) == -1 && q_errno == QE_INVAL, "fseek before start");
	CHECK(q_fseek(f, 0, 9) == -1 && q_errno == QE_INVAL, "bad whence");

	/* ungetc: several bytes, ftell accounts for them, fseek drops them. */
	q_fseek(f, 100, SEEK_SET);
	int c0 = q_fgetc(f);
	CHECK(q_ungetc(c0, f) == c0 && q_ftell(f) == 100 && q_fgetc(f) == c0, "ungetc one");
	CHECK(q_ungetc('x', f) == 'x' && q_ungetc('y', f) == 'y' && q_fgetc(f) == 'y' &&
	              q_fgetc(f) == 'x',
	      "ungetc two, LIFO");
	q_ungetc('z', f);
	q_fseek(f, 0, SEEK_SET);
	CHECK(q_fgetc(f) == data[0], "fseek discards push-back");
	CHECK(q_ungetc(EOF, f) == EOF, "ungetc(EOF)");
	q_fseek(f, 0, SEEK_END);
	CHECK(q_fgetc(f) == EOF && q_feof(f) && q_ungetc('q', f) == 'q' && !q_feof(f) &&
	              q_fgetc(f) == 'q',
	      "ungetc at EOF clears EOF");
	q_fclose(f);
}

static void lines(void)
{
	FILE *g = fopen(p("lines"), "w");
	int lens[] = {0, 1, 5, 100, 4095, 4096, 4097, 100000, 3, 0};
	for (int i = 0; i < 10; i++) {
		for (int k = 0; k < lens[i]; k++)
			fputc('a' + (i + k) % 26, g);
		if (i < 9)
			fputc('\n', g);
	}
	fclose(g);
	QFILE *f = q_fopen(p("lines"), "r");
	char *line = NULL;
	size_t cap = 0;
	long n;
	int i = 0, ok = 1;
	while ((n = q_getline(&line, &cap, f)) >= 0) {
		long want = lens[i] + (i < 8 ? 1 : 0);
		if (i == 8)
			want = lens[i] + 1;
		if (n != want || (long)strlen(line) != n || cap < (size_t)n + 1)
			ok = 0;
		for (int k = 0; k < lens[i]; k++)
			if (line[k] != 'a' + (i + k) % 26)
				ok = 0;
		i++;
	}
	CHECK(ok && i == 9 && q_feof(f), "getline over 9 lines (%d)", i);
	q_rewind(f);
	n = q_getdelim(&line, &cap, 'e', f);
	CHECK(n > 0 && line[n - 1] == 'e', "getdelim");
	q_errno = 0;
	CHECK(q_getline(NULL, &cap, f) == -1 && q_errno == QE_INVAL, "getline(NULL) EINVAL");
	q_free(line);
	q_rewind(f);
	char small[4];
	CHECK(q_fgets(small, sizeof(small), f) && !strcmp(small, "\n") &&
	              q_fgets(small, sizeof(small), f) && !strcmp(small, "b\n") &&
	              q_fgets(small, sizeof(small), f) && !strcmp(small, "cde"),
	      "fgets splits at the size");
	q_fclose(f);
	f = q_fopen(p("empty"), "w+");
	line = NULL;
	cap = 0;
	CHECK(q_getline(&line, &cap, f) == -1 && q_feof(f), "getline on empty file");
	q_free(line);
	q_fclose(f);
}

static void memstreams(void)
{
	char b1[32], b2[32];
	/* fmemopen read: both libcs read the same bytes. */
	memcpy(b1, "hello world", 12);
	QFILE *f = q_fmemopen(b1, 11, "r");
	char r1[32] = {0};
	CHECK(f && q_fread(r1, 1, 32, f) == 11 && !memcmp(r1, "hello world", 11) && q_feof(f),
	      "fmemopen r");
	q_fseek(f, 6, SEEK_SET);
	CHECK(q_fgetc(f) == 'w', "fmemopen seek");
	q_fclose(f);
	/* fmemopen w: writes appear after flush, NUL-terminated when room. */
	memset(b1, 'x', sizeof(b1));
	memset(b2, 'x', sizeof(b2));
	f = q_fmemopen(b1, sizeof(b1), "w");
	FILE *g = fmemopen(b2, sizeof(b2), "w");
	q_fprintf(f, "n=%d", 42);
	fprintf(g, "n=%d", 42);
	q_fflush(f);
	fflush(g);
	CHECK(!strcmp(b1, "n=42") && !strcmp(b1, b2), "fmemopen w: '%s' vs '%s'", b1, b2);
	CHECK(q_ftell(f) == ftell(g), "fmemopen ftell");
	q_fclose(f);
	fclose(g);
	/* Writing past the capacity fails without overrunning. */
	char tiny[5] = "abcd";
	f = q_fmemopen(tiny, 4, "w");
	q_setvbuf(f, NULL, 2, 0);
	CHECK(q_fputs("123456", f) == EOF && !memcmp(tiny, "1234", 4), "fmemopen full");
	q_fclose(f);
	f = q_fmemopen(NULL, 16, "w+");
	CHECK(f && q_fputs("abc", f) >= 0 && q_fseek(f, 0, SEEK_SET) == 0 && q_fgetc(f) == 'a',
	      "fmemopen(NULL)");
	q_fclose(f);
	q_errno = 0;
	CHECK(!q_fmemopen(b1, 0, "r") && q_errno == QE_INVAL, "fmemopen size 0");

	char *buf = NULL;
	size_t size = 0;
	f = q_open_memstream(&buf, &size);
	for (int i = 0; i < 1000; i++)
		q_fprintf(f, "%d,", i);
	q_fflush(f);
	char *want;
	size_t wsize;
	g = open_memstream(&want, &wsize);
	for (int i = 0; i < 1000; i++)
		fprintf(g, "%d,", i);
	fclose(g);
	CHECK(buf && size == wsize && !strcmp(buf, want), "open_memstream %zu vs %zu", size, wsize);
	q_fseek(f, 10, SEEK_END);
	q_fputc('Z', f);
	q_fclose(f);
	CHECK(size == wsize + 11 && buf[wsize] == 0 && buf[wsize + 10] == 'Z' && buf[size] == 0,
	      "memstream seek past the end fills zeros");
	q_free(buf);
	free(want);
}

static void processes(void)
{
	QFILE *f = q_popen("echo hello; echo world", "r");
	char line[64];
	CHECK(f && q_fgets(line, sizeof(line), f) && !strcmp(line, "hello\n") &&
	              q_fgets(line, sizeof(line), f) && !strcmp(line, "world\n"),
	      "popen r");
	int st = q_pclose(f);
	CHECK(st == 0, "pclose status %d", st);
	f = q_popen("exit 3", "r");
	st = q_pclose(f);
	CHECK(f && ((st >> 8) & 0xff) == 3, "pclose exit 3: %#x", st);
	char cmd[700];
	snprintf(cmd, sizeof(cmd), "cat > %s", p("popen-w"));
	f = q_popen(cmd, "w");
	q_fputs("via pipe\n", f);
	CHECK(q_pclose(f) == 0, "popen w");
	FILE *g = fopen(p("popen-w"), "r");
	CHECK(g && fgets(line, sizeof(line), g) && !strcmp(line, "via pipe\n"), "popen w data");
	if (g)
		fclose(g);
	q_errno = 0;
	CHECK(!q_popen("true", "rw") && q_errno == QE_INVAL, "popen bad mode");

	f = q_tmpfile();
	CHECK(f && q_fputs("temp", f) >= 0 && q_fseek(f, 0, SEEK_SET) == 0 &&
	              q_fgets(line, sizeof(line), f) && !strcmp(line, "temp"),
	      "tmpfile");
	q_fclose(f);

	int fds[2];
	CHECK(pipe(fds) == 0, "pipe");
	f = q_fdopen(fds[1], "w");
	CHECK(f && q_fileno(f) == fds[1], "fdopen/fileno");
	q_fprintf(f, "%05d", 7);
	q_fclose(f);
	CHECK(read(fds[0], line, 10) == 5 && !memcmp(line, "00007", 5), "fdopen data");
	close(fds[0]);

	/* remove: files and empty directories. */
	g = fopen(p("rmme"), "w");
	fclose(g);
	mkdir(p("rmdir"), 0700);
	CHECK(q_remove(p("rmme")) == 0 && access(p("rmme"), F_OK) != 0, "remove file");
	CHECK(q_remove(p("rmdir")) == 0 && access(p("rmdir"), F_OK) != 0, "remove directory");
	q_errno = 0;
	CHECK(q_remove(p("nothing")) == -1 && q_errno == QE_NOENT, "remove missing");

	/* perror writes "s: message" to stderr (fd 2, captured in a file). */
	int saved = dup(2), fd = open(p("err"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	q_errno = 2;
	q_perror("ctx");
	q_fflush(q_stderr);
	dup2(saved, 2);
	close(fd);
	close(saved);
	g = fopen(p("err"), "r");
	CHECK(g && fgets(line, sizeof(line), g) &&
	              !strcmp(line, "ctx: No such file or directory\n"),
	      "perror: '%s'", line);
	if (g)
		fclose(g);

	/* psignal, and assert's failure path (in a child: it aborts). */
	fd = open(p("err"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	saved = dup(2);
	dup2(fd, 2);
	q_psignal(11, "sig");
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGABRT, SIG_DFL);
		q___assert_fail("x > 0", "file.c", 12, "fn");
		_exit(0);
	}
	int wst = 0;
	waitpid(pid, &wst, 0);
	dup2(saved, 2);
	close(fd);
	close(saved);
	g = fopen(p("err"), "r");
	char l2[128] = "";
	CHECK(g && fgets(line, sizeof(line), g) && !strcmp(line, "sig: Segmentation fault\n") &&
	              fgets(l2, sizeof(l2), g) &&
	              !strcmp(l2, "file.c:12: fn: Assertion `x > 0' failed.\n"),
	      "psignal/assert: '%s' '%s'", line, l2);
	CHECK(WIFSIGNALED(wst) && WTERMSIG(wst) == SIGABRT, "assert aborts");
	if (g)
		fclose(g);
}

static void freopen_and_scan(void)
{
	FILE *g = fopen(p("nums"), "w");
	fputs("12 34.5 word\n", g);
	fclose(g);
	QFILE *f = q_fopen(p("m"), "r");
	f = q_freopen(p("nums"), "r", f);
	int a = 0;
	double b = 0;
	char w[16];
	CHECK(f && q_fscanf(f, "%d %lf %15s", &a, &b, w) == 3 && a == 12 && b == 34.5 &&
	              !strcmp(w, "word"),
	      "freopen + fscanf");
	CHECK(q_fscanf(f, "%d", &a) == EOF, "fscanf at EOF");
	q_fclose(f);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	modes();
	buffering();
	seeking();
	lines();
	memstreams();
	processes();
	freopen_and_scan();
	char cmd[700];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		return 1;
	return qt_done("libc-stdio");
}
