# lib/c/slog/sources.mk - slogf() and friends (the client side of slogger),
# part of libc.so; included by mk/user.mk.
LIBC_SRCS += lib/c/slog/slogf.c
