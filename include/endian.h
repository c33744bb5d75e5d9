/*
 * endian.h - byte order (POSIX-2024, BSD): RISC-V is little-endian. The
 * conversions are the compiler's byte swaps.
 */
#ifndef _ENDIAN_H
#define _ENDIAN_H

#include <qsoe/abi/types.h>

#define LITTLE_ENDIAN   1234
#define BIG_ENDIAN      4321
#define PDP_ENDIAN      3412
#define BYTE_ORDER      LITTLE_ENDIAN
#define __LITTLE_ENDIAN LITTLE_ENDIAN
#define __BIG_ENDIAN    BIG_ENDIAN
#define __BYTE_ORDER    BYTE_ORDER

#define htobe16(x)      __builtin_bswap16((__uint16_t)(x))
#define htole16(x)      ((__uint16_t)(x))
#define be16toh(x)      __builtin_bswap16((__uint16_t)(x))
#define le16toh(x)      ((__uint16_t)(x))
#define htobe32(x)      __builtin_bswap32((__uint32_t)(x))
#define htole32(x)      ((__uint32_t)(x))
#define be32toh(x)      __builtin_bswap32((__uint32_t)(x))
#define le32toh(x)      ((__uint32_t)(x))
#define htobe64(x)      __builtin_bswap64((__uint64_t)(x))
#define htole64(x)      ((__uint64_t)(x))
#define be64toh(x)      __builtin_bswap64((__uint64_t)(x))
#define le64toh(x)      ((__uint64_t)(x))

#endif /* _ENDIAN_H */
