/*
 * sha2.c - SHA-256 and SHA-512 as specified by FIPS 180-4.
 *
 * Straightforward block-at-a-time implementation; the constants are the
 * standard's initial hash values and round constants (fractional parts of the
 * square and cube roots of the first primes).
 */
#include <sha2.h>
#include <string.h>

static const uint32_t sha256_h0[8] = {
        0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU,
        0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U,
};

static const uint32_t sha256_k[64] = {
        0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U, 0x923f82a4U,
        0xab1c5ed5U, 0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U, 0x72be5d74U, 0x80deb1feU,
        0x9bdc06a7U, 0xc19bf174U, 0xe49b69c1U, 0xefbe4786U, 0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU,
        0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU, 0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U,
        0xc6e00bf3U, 0xd5a79147U, 0x06ca6351U, 0x14292967U, 0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU,
        0x53380d13U, 0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U, 0xa2bfe8a1U, 0xa81a664bU,
        0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U, 0x19a4c116U,
        0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU, 0x5b9cca4fU, 0x682e6ff3U,
        0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U, 0x90befffaU, 0xa4506cebU, 0xbef9a3f7U,
        0xc67178f2U,
};

static const uint64_t sha512_h0[8] = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint64_t sha512_k[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
        0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
        0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
        0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
        0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
        0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
        0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
        0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
        0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
        0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
        0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
        0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
        0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
        0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
        0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
        0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
        0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

/* 32- and 64-bit right rotations. */
static uint32_t ror32(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static uint64_t ror64(uint64_t x, unsigned n)
{
	return (x >> n) | (x << (64 - n));
}

/* Reads a big-endian 32-bit word. */
static uint32_t load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Reads a big-endian 64-bit word. */
static uint64_t load_be64(const uint8_t *p)
{
	return (uint64_t)load_be32(p) << 32 | load_be32(p + 4);
}

/* Writes a big-endian 32-bit word. */
static void store_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* Writes a big-endian 64-bit word. */
static void store_be64(uint8_t *p, uint64_t v)
{
	store_be32(p, (uint32_t)(v >> 32));
	store_be32(p + 4, (uint32_t)v);
}

/* Processes one 64-byte block into the SHA-256 state. */
static void sha256_block(uint32_t st[8], const uint8_t *blk)
{
	uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be32(blk + 4 * i);
	for (; i < 64; i++) {
		uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = st[0], b = st[1], c = st[2], d = st[3];
	e = st[4], f = st[5], g = st[6], h = st[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) + ((e & f) ^ (~e & g)) +
		     sha256_k[i] + w[i];
		t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	st[0] += a, st[1] += b, st[2] += c, st[3] += d;
	st[4] += e, st[5] += f, st[6] += g, st[7] += h;
}

/* Processes one 128-byte block into the SHA-512 state. */
static void sha512_block(uint64_t st[8], const uint8_t *blk)
{
	uint64_t w[80], a, b, c, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be64(blk + 8 * i);
	for (; i < 80; i++) {
		uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
		uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = st[0], b = st[1], c = st[2], d = st[3];
	e = st[4], f = st[5], g = st[6], h = st[7];
	for (i = 0; i < 80; i++) {
		t1 = h + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) +
		     sha512_k[i] + w[i];
		t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	st[0] += a, st[1] += b, st[2] += c, st[3] += d;
	st[4] += e, st[5] += f, st[6] += g, st[7] += h;
}

/* Starts a SHA-256 computation. */
void SHA256_Init(SHA256_CTX *ctx)
{
	memcpy(ctx->state, sha256_h0, sizeof(ctx->state));
	ctx->bitcount = 0;
	memset(ctx->buffer, 0, sizeof(ctx->buffer));
}

/* Adds len bytes at data to a SHA-256 computation. */
void SHA256_Update(SHA256_CTX *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t used = (size_t)(ctx->bitcount >> 3) % SHA256_BLOCK_LENGTH;

	ctx->bitcount += (uint64_t)len << 3;
	if (used) {
		size_t n = SHA256_BLOCK_LENGTH - used;
		if (n > len)
			n = len;
		memcpy(ctx->buffer + used, p, n);
		p += n, len -= n, used += n;
		if (used < SHA256_BLOCK_LENGTH)
			return;
		sha256_block(ctx->state, ctx->buffer);
	}
	for (; len >= SHA256_BLOCK_LENGTH; p += SHA256_BLOCK_LENGTH, len -= SHA256_BLOCK_LENGTH)
		sha256_block(ctx->state, p);
	if (len)
		memcpy(ctx->buffer, p, len);
}

/* Pads the message, writes the 32-byte digest and wipes the context. */
void SHA256_Final(uint8_t digest[SHA256_DIGEST_LENGTH], SHA256_CTX *ctx)
{
	size_t used = (size_t)(ctx->bitcount >> 3) % SHA256_BLOCK_LENGTH;
	int i;

	ctx->buffer[used++] = 0x80;
	if (used > SHA256_BLOCK_LENGTH - 8) {
		memset(ctx->buffer + used, 0, SHA256_BLOCK_LENGTH - used);
		sha256_block(ctx->state, ctx->buffer);
		used = 0;
	}
	memset(ctx->buffer + used, 0, SHA256_BLOCK_LENGTH - 8 - used);
	store_be64(ctx->buffer + SHA256_BLOCK_LENGTH - 8, ctx->bitcount);
	sha256_block(ctx->state, ctx->buffer);
	for (i = 0; i < 8; i++)
		store_be32(digest + 4 * i, ctx->state[i]);
	memset(ctx, 0, sizeof(*ctx));
}

/* Starts a SHA-512 computation. */
void SHA512_Init(SHA512_CTX *ctx)
{
	memcpy(ctx->state, sha512_h0, sizeof(ctx->state));
	ctx->bitcount[0] = ctx->bitcount[1] = 0;
	memset(ctx->buffer, 0, sizeof(ctx->buffer));
}

/* Adds len bytes at data to a SHA-512 computation. */
void SHA512_Update(SHA512_CTX *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t used = (size_t)(ctx->bitcount[1] >> 3) % SHA512_BLOCK_LENGTH;
	uint64_t bits = (uint64_t)len << 3;

	/* 128-bit add of len * 8 (the top bits of len go into the high word). */
	ctx->bitcount[0] += (uint64_t)len >> 61;
	ctx->bitcount[1] += bits;
	if (ctx->bitcount[1] < bits)
		ctx->bitcount[0]++;
	if (used) {
		size_t n = SHA512_BLOCK_LENGTH - used;
		if (n > len)
			n = len;
		memcpy(ctx->buffer + used, p, n);
		p += n, len -= n, used += n;
		if (used < SHA512_BLOCK_LENGTH)
			return;
		sha512_block(ctx->state, ctx->buffer);
	}
	for (; len >= SHA512_BLOCK_LENGTH; p += SHA512_BLOCK_LENGTH, len -= SHA512_BLOCK_LENGTH)
		sha512_block(ctx->state, p);
	if (len)
		memcpy(ctx->buffer, p, len);
}

/* Pads the message, writes the 64-byte digest and wipes the context. */
void SHA512_Final(uint8_t digest[SHA512_DIGEST_LENGTH], SHA512_CTX *ctx)
{
	size_t used = (size_t)(ctx->bitcount[1] >> 3) % SHA512_BLOCK_LENGTH;
	int i;

	ctx->buffer[used++] = 0x80;
	if (used > SHA512_BLOCK_LENGTH - 16) {
		memset(ctx->buffer + used, 0, SHA512_BLOCK_LENGTH - used);
		sha512_block(ctx->state, ctx->buffer);
		used = 0;
	}
	memset(ctx->buffer + used, 0, SHA512_BLOCK_LENGTH - 16 - used);
	store_be64(ctx->buffer + SHA512_BLOCK_LENGTH - 16, ctx->bitcount[0]);
	store_be64(ctx->buffer + SHA512_BLOCK_LENGTH - 8, ctx->bitcount[1]);
	sha512_block(ctx->state, ctx->buffer);
	for (i = 0; i < 8; i++)
		store_be64(digest + 8 * i, ctx->state[i]);
	memset(ctx, 0, sizeof(*ctx));
}
