/*
 * g_libc_stdio.c - group "libc_stdio": stdio.h inside QSOE: FILE streams
 * over real files in /tmp (fopen modes, the three buffering modes, seeking,
 * ungetc, getline/getdelim, fdopen, tmpfile, rename/remove), memory streams
 * (fmemopen, open_memstream), popen/pclose through /bin/sh, and the printf
 * and scanf families (conversions, flags, positional arguments, floating
 * point rounding). The file part needs a writable /tmp (fs-ram).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

#define DIR "/tmp/suite-stdio"

/* The whole contents of path (static buffer); NULL if it cannot be read. */
static const char *slurp(const char *path)
{
	static char buf[4096];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n < 0 ? NULL : buf;
}

static void files(void)
{
	const char *f1 = DIR "/a.txt", *f2 = DIR "/b.txt";
	FILE *f = fopen(f1, "w");
	CHECK(f != NULL, "fopen w (errno %d)", errno);
	if (!f)
		return;
	CHECK(fprintf(f, "line one\nline %s\n", "two") == 18, "fprintf to a file");
	CHECK(fputs("third line without newline", f) >= 0, "fputs");
	CHECK_EQ(fclose(f), 0);
	CHECK(slurp(f1) && strcmp(slurp(f1), "line one\nline two\nthird line without newline") == 0,
	      "the file holds what was written");

	f = fopen(f1, "r");
	CHECK(f != NULL, "fopen r");
	if (f) {
		char *line = NULL;
		size_t cap = 0;
		CHECK(getline(&line, &cap, f) == 9 && strcmp(line, "line one\n") == 0, "getline 1");
		CHECK(getline(&line, &cap, f) == 9 && strcmp(line, "line two\n") == 0, "getline 2");
		CHECK(getdelim(&line, &cap, ' ', f) == 6 && strcmp(line, "third ") == 0,
		      "getdelim");
		CHECK(getline(&line, &cap, f) == 20 && strcmp(line, "line without newline") == 0,
		      "the last line without its newline");
		CHECK(getline(&line, &cap, f) == -1 && feof(f), "then end of file");
		free(line);
		rewind(f);
		CHECK(fgetc(f) == 'l' && ungetc('X', f) == 'X' && fgetc(f) == 'X' &&
		              fgetc(f) == 'i',
		      "ungetc");
		CHECK(fseek(f, -8, SEEK_END) == 0 && ftell(f) == 36, "fseek from the end (%ld)",
		      ftell(f));
		char w[16];
		CHECK(fscanf(f, "%15s", w) == 1 && strcmp(w, "newline") == 0, "fscanf after fseek");
		CHECK(fwrite("x", 1, 1, f) == 0 && ferror(f), "writing a read-only stream fails");
		fclose(f);
	}

	/* append and update modes */
	f = fopen(f1, "a+");
	if (f) {
		fputs("!", f);
		fseek(f, 0, SEEK_SET);
		char c5[6] = "";
		CHECK(fread(c5, 1, 5, f) == 5 && strcmp(c5, "line ") == 0,
		      "a+ reads from the start");
		fputs("?", f); /* still appends */
		fclose(f);
		const char *s = slurp(f1);
		size_t n = s ? strlen(s) : 0;
		CHECK(n > 2 && strcmp(s + n - 2, "!?") == 0, "a+ always writes at the end");
	}
	f = fopen(f1, "r+");
	if (f) {
		fputs("LINE", f);
		fclose(f);
		CHECK(strncmp(slurp(f1), "LINE one", 8) == 0, "r+ overwrites in place");
	}
	CHECK(fopen(DIR "/none", "r") == NULL && errno == ENOENT, "fopen r of a missing file");
	CHECK(fopen(f1, "q") == NULL && errno == EINVAL, "a bad mode: EINVAL");
	f = fopen(f1, "wx");
	CHECK(f == NULL && errno == EEXIST, "wx of an existing file: EEXIST");
	if (f)
		fclose(f);

	/* buffering modes, observed through the file's size while the stream is open */
	struct stat st;
	static const int modes[3] = {_IOFBF, _IOLBF, _IONBF};
	for (int m = 0; m < 3; m++) {
		f = fopen(f2, "w");
		if (!f)
			break;
		CHECK_EQ(setvbuf(f, NULL, modes[m], 1024), 0);
		fputs("ab", f);
		stat(f2, &st);
		long after_ab = (long)st.st_size;
		fputs("c\n", f);
		stat(f2, &st);
		long after_nl = (long)st.st_size;
		if (modes[m] == _IOFBF)
			CHECK(after_ab == 0 && after_nl == 0,
			      "full buffering holds a line (%ld %ld)", after_ab, after_nl);
		else if (modes[m] == _IOLBF)
			CHECK(after_ab == 0 && after_nl == 4,
			      "line buffering writes at the newline");
		else
			CHECK(after_ab == 2 && after_nl == 4, "no buffering writes at once");
		fclose(f);
		stat(f2, &st);
		CHECK_EQ(st.st_size, 4);
	}

	/* fdopen, fileno */
	int fd = open(f2, O_RDWR);
	f = fd >= 0 ? fdopen(fd, "r+") : NULL;
	CHECK(f && fileno(f) == fd, "fdopen keeps the descriptor");
	if (f) {
		char b[8] = "";
		CHECK(fgets(b, sizeof(b), f) && strcmp(b, "abc\n") == 0, "reading through fdopen");
		fclose(f);
		CHECK(fcntl(fd, F_GETFD) == -1, "fclose closed the descriptor");
	}

	/* rename, remove */
	CHECK_OK(rename(f2, DIR "/c.txt"));
	CHECK(access(f2, F_OK) == -1 && access(DIR "/c.txt", F_OK) == 0, "rename moved the file");
	CHECK_OK(remove(DIR "/c.txt"));
	CHECK_ERR(remove(DIR "/c.txt"), -1, ENOENT);
	CHECK_OK(remove(f1));

	/* tmpfile */
	f = tmpfile();
	CHECK(f != NULL, "tmpfile (errno %d)", errno);
	if (f) {
		fprintf(f, "temporary %d", 99);
		rewind(f);
		int v = 0;
		CHECK(fscanf(f, "temporary %d", &v) == 1 && v == 99, "tmpfile reads back");
		fclose(f);
	}
}

static void memory_streams(void)
{
	char buf[32];
	FILE *f = fmemopen(buf, sizeof(buf), "w+");
	CHECK(f != NULL, "fmemopen");
	if (f) {
		fprintf(f, "x=%d;", 12);
		fflush(f);
		CHECK(strcmp(buf, "x=12;") == 0, "fmemopen writes into the buffer (%s)", buf);
		rewind(f);
		int v = 0;
		CHECK(fscanf(f, "x=%d", &v) == 1 && v == 12, "and reads it back");
		fclose(f);
	}
	f = fmemopen((char *)"abc", 3, "r");
	CHECK(f && fgetc(f) == 'a' && fgetc(f) == 'b' && fgetc(f) == 'c' && fgetc(f) == EOF,
	      "fmemopen for reading stops at its size");
	if (f)
		fclose(f);
	char *ms = NULL;
	size_t msz = 0;
	f = open_memstream(&ms, &msz);
	CHECK(f != NULL, "open_memstream");
	if (f) {
		for (int i = 0; i < 1000; i++)
			fprintf(f, "%03d,", i);
		fflush(f);
		CHECK(msz == 4000 && strncmp(ms + 3996, "999,", 4) == 0,
		      "open_memstream grows (%zu)", msz);
		fclose(f);
		free(ms);
	}
}

static void formatting(void)
{
	char b[256];
	snprintf(b, sizeof(b), "[%5d|%-5d|%05d|%+d|% d|%x|%#o|%#X]", 42, 42, 42, 42, 42, 255, 8,
	         255);
	CHECK(strcmp(b, "[   42|42   |00042|+42| 42|ff|010|0XFF]") == 0, "integer flags: %s", b);
	snprintf(b, sizeof(b), "%.3f %.2e %g %g %a", 3.14159, 12345.678, 0.0001, 1e20, 1.0);
	CHECK(strcmp(b, "3.142 1.23e+04 0.0001 1e+20 0x1p+0") == 0, "floating conversions: %s", b);
	snprintf(b, sizeof(b), "%.20f", 0.1);
	CHECK(strcmp(b, "0.10000000000000000555") == 0, "exact decimal expansion of 0.1: %s", b);
	snprintf(b, sizeof(b), "%.0f %.0f %.0f", 0.5, 1.5, 2.5);
	CHECK(strcmp(b, "0 2 2") == 0, "round half to even: %s", b);
	snprintf(b, sizeof(b), "%.17g", 0.1 + 0.2);
	CHECK(strcmp(b, "0.30000000000000004") == 0, "%%.17g: %s", b);
	snprintf(b, sizeof(b), "%Lg", 1.0L / 3);
	CHECK(strcmp(b, "0.333333") == 0, "long double: %s", b);
	snprintf(b, sizeof(b), "%2$s %1$s %2$s", "a", "b");
	CHECK(strcmp(b, "b a b") == 0, "positional arguments: %s", b);
	snprintf(b, sizeof(b), "%*.*s|%-*s|", 6, 2, "abcdef", 4, "x");
	CHECK(strcmp(b, "    ab|x   |") == 0, "* width and precision: %s", b);
	snprintf(b, sizeof(b), "%jd %zu %hhd %lld %c %%", (intmax_t)-1, (size_t)7, 300, 1LL << 40,
	         'q');
	CHECK(strcmp(b, "-1 7 44 1099511627776 q %") == 0, "length modifiers: %s", b);
	int n = 0;
	snprintf(b, sizeof(b), "abc%n", &n);
	CHECK(n == 3, "%%n");
	CHECK(snprintf(b, 4, "%s", "truncated") == 9 && strcmp(b, "tru") == 0,
	      "snprintf truncates and returns the full length");
	CHECK(snprintf(NULL, 0, "%d", 123456) == 6, "snprintf(NULL, 0) counts");
	errno = 0;
	volatile int huge = INT_MAX; /* hidden from the compiler's format check */
	CHECK(snprintf(b, sizeof(b), "x%*d", huge, 1) == -1 && errno == EOVERFLOW,
	      "a result past INT_MAX bytes: -1, EOVERFLOW");
	char *as = NULL;
	CHECK(asprintf(&as, "%s-%d", "as", 1) == 4 && strcmp(as, "as-1") == 0, "asprintf");
	free(as);

	int i1 = 0, i2 = 0;
	unsigned u = 0;
	double dv = 0;
	char s1[16], s2[16];
	CHECK(sscanf("  12 -0x1f 3.5e2 word [set]", "%d %i %lf %15s [%15[a-z]]", &i1, &i2, &dv, s1,
	             s2) == 5 &&
	              i1 == 12 && i2 == -31 && dv == 350.0 && strcmp(s1, "word") == 0 &&
	              strcmp(s2, "set") == 0,
	      "sscanf conversions");
	CHECK(sscanf("0777", "%o", &u) == 1 && u == 0777, "%%o");
	CHECK(sscanf("abc", "%d", &i1) == 0, "a failed match returns 0");
	CHECK(sscanf("", "%d", &i1) == EOF, "empty input returns EOF");
	char *m = NULL;
	CHECK(sscanf("allocated", "%ms", &m) == 1 && m && strcmp(m, "allocated") == 0, "%%ms");
	free(m);
	CHECK(sscanf("5 6", "%2$d %1$d", &i1, &i2) == 2 && i1 == 6 && i2 == 5, "positional scanf");
}

static void pipes(void)
{
	if (access("/bin/sh", X_OK) != 0) {
		suite_note("no /bin/sh: popen not tested");
		return;
	}
	FILE *p = popen("echo popen-out; exit 3", "r");
	CHECK(p != NULL, "popen r (errno %d)", errno);
	if (p) {
		char b[64] = "";
		CHECK(fgets(b, sizeof(b), p) && strcmp(b, "popen-out\n") == 0,
		      "read the output (%s)", b);
		int st = pclose(p);
		CHECK(st != -1 && (st >> 8 & 0xff) == 3, "pclose returns the status (%#x)", st);
	}
	if (access("/tmp", W_OK) == 0) {
		p = popen("read x; echo \"got $x\" > " DIR "/p.txt", "w");
		if (p) {
			fputs("input\n", p);
			CHECK(pclose(p) == 0, "pclose of a writer");
			const char *s = slurp(DIR "/p.txt");
			CHECK(s && strcmp(s, "got input\n") == 0, "popen w fed the command (%s)",
			      s);
			unlink(DIR "/p.txt");
		}
	}
	CHECK(popen("true", "rw") == NULL && errno == EINVAL, "popen with a bad mode");
}

SUITE_GROUP(libc_stdio)
{
	formatting();
	memory_streams();
	if (mkdir(DIR, 0755) == 0 || errno == EEXIST) {
		files();
		pipes();
		rmdir(DIR);
	} else {
		suite_note("cannot make %s (errno %d): file streams not tested", DIR, errno);
		pipes();
	}
}
