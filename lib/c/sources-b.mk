# lib/c/sources-b.mk - libc part B sources (time, regex, fnmatch/glob/wordexp,
# getopt, crypt, pwd/grp/shadow, syslog); paths relative to the repository
# root. The host tests in lib/c/tests/partb read the same lines.

# time.h
LIBC_SRCS += lib/c/time/calendar.c
LIBC_SRCS += lib/c/time/tz.c
LIBC_SRCS += lib/c/time/gmtime.c
LIBC_SRCS += lib/c/time/localtime.c
LIBC_SRCS += lib/c/time/asctime.c
LIBC_SRCS += lib/c/time/strftime.c
LIBC_SRCS += lib/c/time/strptime.c
LIBC_SRCS += lib/c/time/time.c

# regex.h
LIBC_SRCS += lib/c/regex/regparse.c
LIBC_SRCS += lib/c/regex/regcomp.c
LIBC_SRCS += lib/c/regex/regexec.c
LIBC_SRCS += lib/c/regex/regback.c

# fnmatch.h, glob.h, wordexp.h
LIBC_SRCS += lib/c/fnmatch/fnmatch.c
LIBC_SRCS += lib/c/fnmatch/glob.c
LIBC_SRCS += lib/c/fnmatch/wordexp.c

# getopt.h
LIBC_SRCS += lib/c/getopt/getopt.c

# crypt.h (sha2.c is shared with the sha*sum utilities)
LIBC_SRCS += lib/c/crypt/sha2.c
LIBC_SRCS += lib/c/crypt/crypt.c

# pwd.h, grp.h, shadow.h
LIBC_SRCS += lib/c/pwd/dbfile.c
LIBC_SRCS += lib/c/pwd/passwd.c
LIBC_SRCS += lib/c/pwd/group.c
LIBC_SRCS += lib/c/pwd/shadow.c
LIBC_SRCS += lib/c/pwd/initgroups.c

# syslog.h
LIBC_SRCS += lib/c/syslog/syslog.c
LIBC_SRCS += lib/c/syslog/syslog_write.c
