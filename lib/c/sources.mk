# lib/c/sources.mk - sources of libc.so (paths relative to the repository root).
# Included by the cross build; the host test harness (lib/c/tests) parses the
# same lines to build the portable parts for the host. Target-only sources
# (errno, setjmp, the lock owner) are excluded there by directory/extension.

# string.h, strings.h, libgen.h
LIBC_SRCS += lib/c/string/memcpy.c
LIBC_SRCS += lib/c/string/memmove.c
LIBC_SRCS += lib/c/string/memset.c
LIBC_SRCS += lib/c/string/memcmp.c
LIBC_SRCS += lib/c/string/memchr.c
LIBC_SRCS += lib/c/string/memmem.c
LIBC_SRCS += lib/c/string/strlen.c
LIBC_SRCS += lib/c/string/strcpy.c
LIBC_SRCS += lib/c/string/strcat.c
LIBC_SRCS += lib/c/string/strcmp.c
LIBC_SRCS += lib/c/string/strcasecmp.c
LIBC_SRCS += lib/c/string/strchr.c
LIBC_SRCS += lib/c/string/strspn.c
LIBC_SRCS += lib/c/string/strtok.c
LIBC_SRCS += lib/c/string/strdup.c
LIBC_SRCS += lib/c/string/strerror.c
LIBC_SRCS += lib/c/string/strsignal.c
LIBC_SRCS += lib/c/string/ffs.c
LIBC_SRCS += lib/c/string/libgen.c
LIBC_SRCS += lib/c/string/strverscmp.c
LIBC_SRCS += lib/c/string/swab.c

# ctype.h
LIBC_SRCS += lib/c/ctype/ctype.c

# stdlib.h
LIBC_SRCS += lib/c/stdlib/bigint.c
LIBC_SRCS += lib/c/stdlib/floatscan.c
LIBC_SRCS += lib/c/stdlib/strtod.c
LIBC_SRCS += lib/c/stdlib/strtol.c
LIBC_SRCS += lib/c/stdlib/abs.c
LIBC_SRCS += lib/c/stdlib/qsort.c
LIBC_SRCS += lib/c/stdlib/malloc.c
LIBC_SRCS += lib/c/stdlib/malloc_reg.c
LIBC_SRCS += lib/c/stdlib/abort.c
LIBC_SRCS += lib/c/stdlib/env.c
LIBC_SRCS += lib/c/stdlib/atexit.c
LIBC_SRCS += lib/c/stdlib/rand.c
LIBC_SRCS += lib/c/stdlib/random.c
LIBC_SRCS += lib/c/stdlib/drand48.c
LIBC_SRCS += lib/c/stdlib/realpath.c
LIBC_SRCS += lib/c/stdlib/mkstemp.c
LIBC_SRCS += lib/c/stdlib/getsubopt.c
LIBC_SRCS += lib/c/stdlib/a64l.c
LIBC_SRCS += lib/c/stdlib/system.c
LIBC_SRCS += lib/c/stdlib/assert.c
LIBC_SRCS += lib/c/stdlib/progname.c
LIBC_SRCS += lib/c/stdlib/strfrom.c

# stdio.h
LIBC_SRCS += lib/c/stdio/file.c
LIBC_SRCS += lib/c/stdio/fdio.c
LIBC_SRCS += lib/c/stdio/rw.c
LIBC_SRCS += lib/c/stdio/getc.c
LIBC_SRCS += lib/c/stdio/putc.c
LIBC_SRCS += lib/c/stdio/fread.c
LIBC_SRCS += lib/c/stdio/fgets.c
LIBC_SRCS += lib/c/stdio/getdelim.c
LIBC_SRCS += lib/c/stdio/fflush.c
LIBC_SRCS += lib/c/stdio/fopen.c
LIBC_SRCS += lib/c/stdio/fclose.c
LIBC_SRCS += lib/c/stdio/fseek.c
LIBC_SRCS += lib/c/stdio/setvbuf.c
LIBC_SRCS += lib/c/stdio/ferror.c
LIBC_SRCS += lib/c/stdio/misc.c
LIBC_SRCS += lib/c/stdio/fmemopen.c
LIBC_SRCS += lib/c/stdio/memstream.c
LIBC_SRCS += lib/c/stdio/popen.c
LIBC_SRCS += lib/c/stdio/vfprintf.c
LIBC_SRCS += lib/c/stdio/fmt_fp.c
LIBC_SRCS += lib/c/stdio/printf.c
LIBC_SRCS += lib/c/stdio/vfscanf.c
LIBC_SRCS += lib/c/stdio/scanf.c
LIBC_SRCS += lib/c/stdio/wide.c
LIBC_SRCS += lib/c/stdio/err.c
LIBC_SRCS += lib/c/stdio/ext.c
LIBC_SRCS += lib/c/stdio/getw.c
LIBC_SRCS += lib/c/stdio/wprintf.c

# search.h
LIBC_SRCS += lib/c/search/tsearch.c
LIBC_SRCS += lib/c/search/hsearch.c
LIBC_SRCS += lib/c/search/lsearch.c

# wchar.h, wctype.h
LIBC_SRCS += lib/c/wchar/mbrtowc.c
LIBC_SRCS += lib/c/wchar/mbs.c
LIBC_SRCS += lib/c/wchar/wcs.c
LIBC_SRCS += lib/c/wchar/wcsto.c
LIBC_SRCS += lib/c/wchar/wctype.c
LIBC_SRCS += lib/c/wchar/wcwidth.c
LIBC_SRCS += lib/c/wchar/wcsftime.c
LIBC_SRCS += lib/c/wchar/uchar.c

# locale.h, langinfo.h
LIBC_SRCS += lib/c/locale/locale.c
LIBC_SRCS += lib/c/locale/langinfo.c
LIBC_SRCS += lib/c/locale/gettext.c
LIBC_SRCS += lib/c/locale/iconv.c

# internal
LIBC_SRCS += lib/c/internal/lock.c

# Target only (not built for the host tests): errno in the TLS block, setjmp.
LIBC_SRCS += lib/c/errno/errno.c
LIBC_SRCS += lib/c/setjmp/riscv64/setjmp.S
LIBC_SRCS += lib/c/setjmp/siglongjmp.c
LIBC_SRCS += lib/c/setjmp/riscv64/ucontext.S
LIBC_SRCS += lib/c/setjmp/ucontext.c
