# lib/c/resmgr/sources.mk - the QNX dispatch / resource-manager / iofunc
# library, part of libc.so (paths relative to the repository root). The
# cross build includes this from mk/user.mk; the host tests
# (lib/c/resmgr/tests) parse the same lines.
LIBC_SRCS += lib/c/resmgr/dispatch.c
LIBC_SRCS += lib/c/resmgr/message.c
LIBC_SRCS += lib/c/resmgr/select.c
LIBC_SRCS += lib/c/resmgr/thread_pool.c
LIBC_SRCS += lib/c/resmgr/resmgr_attach.c
LIBC_SRCS += lib/c/resmgr/resmgr_bind.c
LIBC_SRCS += lib/c/resmgr/resmgr_handler.c
LIBC_SRCS += lib/c/resmgr/resmgr_dup.c
LIBC_SRCS += lib/c/resmgr/resmgr_msg.c
LIBC_SRCS += lib/c/resmgr/iofunc_attr.c
LIBC_SRCS += lib/c/resmgr/iofunc_access.c
LIBC_SRCS += lib/c/resmgr/iofunc_open.c
LIBC_SRCS += lib/c/resmgr/iofunc_rw.c
LIBC_SRCS += lib/c/resmgr/iofunc_stat.c
LIBC_SRCS += lib/c/resmgr/iofunc_devctl.c
LIBC_SRCS += lib/c/resmgr/iofunc_notify.c
LIBC_SRCS += lib/c/resmgr/iofunc_misc.c
LIBC_SRCS += lib/c/resmgr/iofunc_lock.c
