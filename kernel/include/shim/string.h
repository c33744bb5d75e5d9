/* The kernel's <string.h>: lets shared code (lib/fmt) use the kernel's string functions. */
#ifndef SKIMMER_SHIM_STRING_H
#define SKIMMER_SHIM_STRING_H
#include <skimmer/kstring.h>
#endif
