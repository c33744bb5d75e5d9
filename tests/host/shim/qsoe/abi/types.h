/*
 * tests/host/shim/qsoe/abi/types.h - host-test stand-in for the ABI types fragment.
 *
 * The real include/qsoe/abi/types.h gives glibc-reserved names (__uid_t,
 * __clock_t, __dev_t, __timer_t, ...) QNX's types, so a host test that
 * includes glibc's <stdio.h> and a kernel header together would not compile.
 * The pure kernel code under test only needs the names <skimmer/types.h>
 * builds its typedefs from (__pid_t, __uid_t, __gid_t, __clockid_t,
 * __timer_t, __ssize_t); here they come from glibc. Every other ABI fragment
 * (errno values included) is the real one, found through
 * -idirafter include/, after glibc's own headers.
 */
#ifndef QSOE_ABI_TYPES_H
#define QSOE_ABI_TYPES_H

#include <sys/types.h>

#endif
