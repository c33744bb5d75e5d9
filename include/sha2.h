/*
 * sha2.h - SHA-256 and SHA-512 (FIPS 180-4) message digests.
 *
 * BSD-style interface: a context is initialised with *_Init, fed any number of
 * bytes with *_Update and finished with *_Final, which writes the digest
 * (big-endian, as the standard specifies) and wipes the context. Pure C with
 * no dependencies beyond <stddef.h>/<stdint.h>; used by sha256sum/sha512sum and
 * by libc's crypt().
 */
#ifndef SHA2_H
#define SHA2_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BLOCK_LENGTH  64
#define SHA256_DIGEST_LENGTH 32
#define SHA512_BLOCK_LENGTH  128
#define SHA512_DIGEST_LENGTH 64

typedef struct SHA256_CTX {
	uint32_t state[8];
	uint64_t bitcount; /* message length in bits so far */
	uint8_t buffer[SHA256_BLOCK_LENGTH];
} SHA256_CTX;

typedef struct SHA512_CTX {
	uint64_t state[8];
	uint64_t bitcount[2]; /* 128-bit length in bits: [0] high, [1] low */
	uint8_t buffer[SHA512_BLOCK_LENGTH];
} SHA512_CTX;

void SHA256_Init(SHA256_CTX *ctx);
void SHA256_Update(SHA256_CTX *ctx, const void *data, size_t len);
void SHA256_Final(uint8_t digest[SHA256_DIGEST_LENGTH], SHA256_CTX *ctx);

void SHA512_Init(SHA512_CTX *ctx);
void SHA512_Update(SHA512_CTX *ctx, const void *data, size_t len);
void SHA512_Final(uint8_t digest[SHA512_DIGEST_LENGTH], SHA512_CTX *ctx);

#endif /* SHA2_H */
