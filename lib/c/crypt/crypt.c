/*
 * crypt.c - crypt() and crypt_r(): SHA-256-crypt ("$5$") and SHA-512-crypt
 * ("$6$") as specified in Ulrich Drepper's "Unix crypt using SHA-256 and
 * SHA-512" (the digests come from sha2.c). Settings:
 *   $5$[rounds=N$]salt[$...]   $6$[rounds=N$]salt[$...]
 * The salt is at most 16 characters up to the next '$'; N is clamped to
 * 1000..999999999 (default 5000, "rounds=" shown only when given). Other
 * methods (DES, MD5, bcrypt, ...) and malformed settings give NULL with
 * errno EINVAL.
 */
#include <crypt.h>
#include <errno.h>
#include <sha2.h>
#include <string.h>

#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN     1000
#define ROUNDS_MAX     999999999UL
#define SALT_MAX       16

static const char b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* One hash function: SHA-256 or SHA-512 behind a common interface. */
struct hash {
	size_t size; /* digest bytes */
	union {
		SHA256_CTX c256;
		SHA512_CTX c512;
	} ctx;
};

static void h_init(struct hash *h)
{
	if (h->size == 32)
		SHA256_Init(&h->ctx.c256);
	else
		SHA512_Init(&h->ctx.c512);
}

static void h_update(struct hash *h, const void *p, size_t n)
{
	if (h->size == 32)
		SHA256_Update(&h->ctx.c256, p, n);
	else
		SHA512_Update(&h->ctx.c512, p, n);
}

static void h_final(struct hash *h, unsigned char *out)
{
	if (h->size == 32)
		SHA256_Final(out, &h->ctx.c256);
	else
		SHA512_Final(out, &h->ctx.c512);
}

/* Appends n base-64 characters of the 24-bit value (b2 b1 b0), least significant first. */
static char *b64_24(char *p, unsigned b2, unsigned b1, unsigned b0, int n)
{
	unsigned w = (b2 << 16) | (b1 << 8) | b0;
	while (n-- > 0) {
		*p++ = b64[w & 0x3f];
		w >>= 6;
	}
	return p;
}

/* Overwrites n bytes (not optimised away: the buffers held key material). */
static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;
	while (n--)
		*v++ = 0;
}

/* Does the SHA-crypt computation; see the file comment. */
static char *sha_crypt(const char *key, const char *setting, struct crypt_data *data, int is512)
{
	struct hash h, alt;
	h.size = alt.size = is512 ? 64 : 32;
	const char *s = setting + 3;
	unsigned long rounds = ROUNDS_DEFAULT;
	int explicit_rounds = 0;
	if (!strncmp(s, "rounds=", 7)) {
		const char *p = s + 7;
		if (*p < '0' || *p > '9')
			goto inval;
		unsigned long n = 0;
		while (*p >= '0' && *p <= '9') {
			n = n * 10 + (unsigned long)(*p++ - '0');
			if (n > ROUNDS_MAX)
				n = ROUNDS_MAX + 1;
		}
		if (*p != '$')
			goto inval;
		rounds = n < ROUNDS_MIN ? ROUNDS_MIN : n > ROUNDS_MAX ? ROUNDS_MAX : n;
		explicit_rounds = 1;
		s = p + 1;
	}
	size_t slen = strcspn(s, "$");
	if (slen > SALT_MAX)
		slen = SALT_MAX;
	const char *salt = s;
	size_t klen = strlen(key);

	unsigned char a[64], b[64], dp[64], ds[64];
	/* digest B: key salt key */
	h_init(&alt);
	h_update(&alt, key, klen);
	h_update(&alt, salt, slen);
	h_update(&alt, key, klen);
	h_final(&alt, b);
	/* digest A: key salt, B for each byte of the key, then B or key per bit of the length */
	h_init(&h);
	h_update(&h, key, klen);
	h_update(&h, salt, slen);
	size_t n;
	for (n = klen; n > h.size; n -= h.size)
		h_update(&h, b, h.size);
	h_update(&h, b, n);
	for (n = klen; n > 0; n >>= 1) {
		if (n & 1)
			h_update(&h, b, h.size);
		else
			h_update(&h, key, klen);
	}
	h_final(&h, a);
	/* DP: the key once per byte of the key; P is DP repeated to the key's length */
	h_init(&alt);
	for (n = 0; n < klen; n++)
		h_update(&alt, key, klen);
	h_final(&alt, dp);
	/* DS: the salt 16 + A[0] times; S is DS cut to the salt's length */
	h_init(&alt);
	for (n = 0; n < 16u + a[0]; n++)
		h_update(&alt, salt, slen);
	h_final(&alt, ds);

	/* the rounds; P is streamed from DP in pieces */
	for (unsigned long i = 0; i < rounds; i++) {
		h_init(&h);
		if (i & 1)
			for (n = klen; n > 0; n -= n > h.size ? h.size : n)
				h_update(&h, dp, n > h.size ? h.size : n);
		else
			h_update(&h, a, h.size);
		if (i % 3)
			h_update(&h, ds, slen);
		if (i % 7)
			for (n = klen; n > 0; n -= n > h.size ? h.size : n)
				h_update(&h, dp, n > h.size ? h.size : n);
		if (i & 1)
			h_update(&h, a, h.size);
		else
			for (n = klen; n > 0; n -= n > h.size ? h.size : n)
				h_update(&h, dp, n > h.size ? h.size : n);
		h_final(&h, a);
	}

	/* the result: $id$[rounds=N$]salt$hash */
	char *out = data->__output, *p = out;
	memcpy(p, is512 ? "$6$" : "$5$", 3);
	p += 3;
	if (explicit_rounds) {
		char num[16];
		int k = 0;
		unsigned long r = rounds;
		do {
			num[k++] = (char)('0' + r % 10);
			r /= 10;
		} while (r);
		memcpy(p, "rounds=", 7);
		p += 7;
		while (k)
			*p++ = num[--k];
		*p++ = '$';
	}
	memcpy(p, salt, slen);
	p += slen;
	*p++ = '$';
	if (is512) {
		for (int i = 0; i < 21; i++) {
			int x = i, y = i + 21, z = i + 42;
			if (i % 3 == 0)
				p = b64_24(p, a[x], a[y], a[z], 4);
			else if (i % 3 == 1)
				p = b64_24(p, a[y], a[z], a[x], 4);
			else
				p = b64_24(p, a[z], a[x], a[y], 4);
		}
		p = b64_24(p, 0, 0, a[63], 2);
	} else {
		for (int i = 0; i < 10; i++) {
			int x = i, y = i + 10, z = i + 20;
			if (i % 3 == 0)
				p = b64_24(p, a[x], a[y], a[z], 4);
			else if (i % 3 == 1)
				p = b64_24(p, a[z], a[x], a[y], 4);
			else
				p = b64_24(p, a[y], a[z], a[x], 4);
		}
		p = b64_24(p, 0, a[31], a[30], 3);
	}
	*p = 0;
	wipe(a, sizeof(a));
	wipe(b, sizeof(b));
	wipe(dp, sizeof(dp));
	wipe(ds, sizeof(ds));
	wipe(&h, sizeof(h));
	wipe(&alt, sizeof(alt));
	return out;
inval:
	errno = EINVAL;
	return NULL;
}

/*
 * Hashes key with the method and salt of setting into data (reentrant).
 * Returns the hash string (inside data), or NULL with EINVAL for an
 * unsupported or malformed setting.
 */
char *crypt_r(const char *key, const char *setting, struct crypt_data *data)
{
	if (!key || !setting || !data) {
		errno = EINVAL;
		return NULL;
	}
	if (!strncmp(setting, "$6$", 3))
		return sha_crypt(key, setting, data, 1);
	if (!strncmp(setting, "$5$", 3))
		return sha_crypt(key, setting, data, 0);
	errno = EINVAL;
	return NULL;
}

/* crypt_r() into a static area (not thread safe, as POSIX allows). */
char *crypt(const char *key, const char *setting)
{
	static struct crypt_data data;
	return crypt_r(key, setting, &data);
}
