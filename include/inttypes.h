/*
 * inttypes.h - format macros and conversions for <stdint.h> types (ISO C 7.8).
 * Written for LP64 targets (RISC-V lp64d and the host): 64-bit types are long.
 */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <sys/cdefs.h>
#include <stdint.h>
#define __need_wchar_t
#include <stddef.h>

#if __SIZEOF_LONG__ != 8
#error "inttypes.h assumes an LP64 target"
#endif

#define PRId8       "hhd"
#define PRIdLEAST8  "hhd"
#define PRId16      "hd"
#define PRIdLEAST16 "hd"
#define PRId32      "d"
#define PRIdLEAST32 "d"
#define PRId64      "ld"
#define PRIdLEAST64 "ld"
#define PRIdMAX     "jd"
#define PRIdPTR     "ld"

#define PRIi8       "hhi"
#define PRIiLEAST8  "hhi"
#define PRIi16      "hi"
#define PRIiLEAST16 "hi"
#define PRIi32      "i"
#define PRIiLEAST32 "i"
#define PRIi64      "li"
#define PRIiLEAST64 "li"
#define PRIiMAX     "ji"
#define PRIiPTR     "li"

#define PRIo8       "hho"
#define PRIoLEAST8  "hho"
#define PRIo16      "ho"
#define PRIoLEAST16 "ho"
#define PRIo32      "o"
#define PRIoLEAST32 "o"
#define PRIo64      "lo"
#define PRIoLEAST64 "lo"
#define PRIoMAX     "jo"
#define PRIoPTR     "lo"

#define PRIu8       "hhu"
#define PRIuLEAST8  "hhu"
#define PRIu16      "hu"
#define PRIuLEAST16 "hu"
#define PRIu32      "u"
#define PRIuLEAST32 "u"
#define PRIu64      "lu"
#define PRIuLEAST64 "lu"
#define PRIuMAX     "ju"
#define PRIuPTR     "lu"

#define PRIx8       "hhx"
#define PRIxLEAST8  "hhx"
#define PRIx16      "hx"
#define PRIxLEAST16 "hx"
#define PRIx32      "x"
#define PRIxLEAST32 "x"
#define PRIx64      "lx"
#define PRIxLEAST64 "lx"
#define PRIxMAX     "jx"
#define PRIxPTR     "lx"

#define PRIX8       "hhX"
#define PRIXLEAST8  "hhX"
#define PRIX16      "hX"
#define PRIXLEAST16 "hX"
#define PRIX32      "X"
#define PRIXLEAST32 "X"
#define PRIX64      "lX"
#define PRIXLEAST64 "lX"
#define PRIXMAX     "jX"
#define PRIXPTR     "lX"

#define SCNd8       "hhd"
#define SCNdLEAST8  "hhd"
#define SCNd16      "hd"
#define SCNdLEAST16 "hd"
#define SCNd32      "d"
#define SCNdLEAST32 "d"
#define SCNd64      "ld"
#define SCNdLEAST64 "ld"
#define SCNdMAX     "jd"
#define SCNdPTR     "ld"

#define SCNi8       "hhi"
#define SCNiLEAST8  "hhi"
#define SCNi16      "hi"
#define SCNiLEAST16 "hi"
#define SCNi32      "i"
#define SCNiLEAST32 "i"
#define SCNi64      "li"
#define SCNiLEAST64 "li"
#define SCNiMAX     "ji"
#define SCNiPTR     "li"

#define SCNo8       "hho"
#define SCNoLEAST8  "hho"
#define SCNo16      "ho"
#define SCNoLEAST16 "ho"
#define SCNo32      "o"
#define SCNoLEAST32 "o"
#define SCNo64      "lo"
#define SCNoLEAST64 "lo"
#define SCNoMAX     "jo"
#define SCNoPTR     "lo"

#define SCNu8       "hhu"
#define SCNuLEAST8  "hhu"
#define SCNu16      "hu"
#define SCNuLEAST16 "hu"
#define SCNu32      "u"
#define SCNuLEAST32 "u"
#define SCNu64      "lu"
#define SCNuLEAST64 "lu"
#define SCNuMAX     "ju"
#define SCNuPTR     "lu"

#define SCNx8       "hhx"
#define SCNxLEAST8  "hhx"
#define SCNx16      "hx"
#define SCNxLEAST16 "hx"
#define SCNx32      "x"
#define SCNxLEAST32 "x"
#define SCNx64      "lx"
#define SCNxLEAST64 "lx"
#define SCNxMAX     "jx"
#define SCNxPTR     "lx"

/* int_fastN_t widths differ between compilers (RISC-V: int for 8/16/32). */
#if __INT_FAST8_WIDTH__ == 64
#define __PRIFAST8 "l"
#elif __INT_FAST8_WIDTH__ == 32
#define __PRIFAST8 ""
#elif __INT_FAST8_WIDTH__ == 16
#define __PRIFAST8 "h"
#else
#define __PRIFAST8 "hh"
#endif
#if __INT_FAST16_WIDTH__ == 64
#define __PRIFAST16 "l"
#elif __INT_FAST16_WIDTH__ == 32
#define __PRIFAST16 ""
#elif __INT_FAST16_WIDTH__ == 16
#define __PRIFAST16 "h"
#else
#define __PRIFAST16 "hh"
#endif
#if __INT_FAST32_WIDTH__ == 64
#define __PRIFAST32 "l"
#elif __INT_FAST32_WIDTH__ == 32
#define __PRIFAST32 ""
#elif __INT_FAST32_WIDTH__ == 16
#define __PRIFAST32 "h"
#else
#define __PRIFAST32 "hh"
#endif
#define __PRIFAST64 "l"
#define PRIdFAST8   __PRIFAST8 "d"
#define PRIdFAST16  __PRIFAST16 "d"
#define PRIdFAST32  __PRIFAST32 "d"
#define PRIdFAST64  __PRIFAST64 "d"
#define PRIiFAST8   __PRIFAST8 "i"
#define PRIiFAST16  __PRIFAST16 "i"
#define PRIiFAST32  __PRIFAST32 "i"
#define PRIiFAST64  __PRIFAST64 "i"
#define PRIoFAST8   __PRIFAST8 "o"
#define PRIoFAST16  __PRIFAST16 "o"
#define PRIoFAST32  __PRIFAST32 "o"
#define PRIoFAST64  __PRIFAST64 "o"
#define PRIuFAST8   __PRIFAST8 "u"
#define PRIuFAST16  __PRIFAST16 "u"
#define PRIuFAST32  __PRIFAST32 "u"
#define PRIuFAST64  __PRIFAST64 "u"
#define PRIxFAST8   __PRIFAST8 "x"
#define PRIxFAST16  __PRIFAST16 "x"
#define PRIxFAST32  __PRIFAST32 "x"
#define PRIxFAST64  __PRIFAST64 "x"
#define PRIXFAST8   __PRIFAST8 "X"
#define PRIXFAST16  __PRIFAST16 "X"
#define PRIXFAST32  __PRIFAST32 "X"
#define PRIXFAST64  __PRIFAST64 "X"
#define SCNdFAST8   __PRIFAST8 "d"
#define SCNdFAST16  __PRIFAST16 "d"
#define SCNdFAST32  __PRIFAST32 "d"
#define SCNdFAST64  __PRIFAST64 "d"
#define SCNiFAST8   __PRIFAST8 "i"
#define SCNiFAST16  __PRIFAST16 "i"
#define SCNiFAST32  __PRIFAST32 "i"
#define SCNiFAST64  __PRIFAST64 "i"
#define SCNoFAST8   __PRIFAST8 "o"
#define SCNoFAST16  __PRIFAST16 "o"
#define SCNoFAST32  __PRIFAST32 "o"
#define SCNoFAST64  __PRIFAST64 "o"
#define SCNuFAST8   __PRIFAST8 "u"
#define SCNuFAST16  __PRIFAST16 "u"
#define SCNuFAST32  __PRIFAST32 "u"
#define SCNuFAST64  __PRIFAST64 "u"
#define SCNxFAST8   __PRIFAST8 "x"
#define SCNxFAST16  __PRIFAST16 "x"
#define SCNxFAST32  __PRIFAST32 "x"
#define SCNxFAST64  __PRIFAST64 "x"

__BEGIN_DECLS

typedef struct {
	intmax_t quot;
	intmax_t rem;
} imaxdiv_t;

intmax_t imaxabs(intmax_t j);
imaxdiv_t imaxdiv(intmax_t numer, intmax_t denom);
intmax_t strtoimax(const char *__restrict nptr, char **__restrict endptr, int base);
uintmax_t strtoumax(const char *__restrict nptr, char **__restrict endptr, int base);
intmax_t wcstoimax(const wchar_t *__restrict nptr, wchar_t **__restrict endptr, int base);
uintmax_t wcstoumax(const wchar_t *__restrict nptr, wchar_t **__restrict endptr, int base);

__END_DECLS

#endif /* _INTTYPES_H */
