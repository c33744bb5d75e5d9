/*
 * sha2_test.c - SHA-256 and SHA-512 against the FIPS 180-4 example vectors,
 * also fed in pieces of every size to exercise the buffering.
 */
#include <sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

/* Formats a digest as hex. */
static void hex(const uint8_t *d, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

/* Checks both digests of msg (given len, repeated rep times, fed in chunks
 * of step bytes) against the expected hex strings. */
static void check(const char *name, const char *msg, size_t len, size_t rep, size_t step,
                  const char *want256, const char *want512)
{
	SHA256_CTX c256;
	SHA512_CTX c512;
	uint8_t d[64];
	char h[129];
	size_t r, off;

	SHA256_Init(&c256);
	SHA512_Init(&c512);
	for (r = 0; r < rep; r++) {
		for (off = 0; off < len; off += step) {
			size_t n = len - off < step ? len - off : step;
			SHA256_Update(&c256, msg + off, n);
			SHA512_Update(&c512, msg + off, n);
		}
	}
	SHA256_Final(d, &c256);
	hex(d, 32, h);
	if (strcmp(h, want256)) {
		printf("FAIL sha256 %s (step %zu): %s\n", name, step, h);
		failures++;
	}
	SHA512_Final(d, &c512);
	hex(d, 64, h);
	if (strcmp(h, want512)) {
		printf("FAIL sha512 %s (step %zu): %s\n", name, step, h);
		failures++;
	}
}

int main(void)
{
	static const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	static const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	                          "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	size_t step;
	char *a = malloc(1000);

	if (!a)
		return 1;
	memset(a, 'a', 1000);
	for (step = 1; step <= 130; step += (step < 8 ? 1 : 13)) {
		check("abc", "abc", 3, 1, step,
		      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
		      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
		check("empty", "", 0, 1, step,
		      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
		      "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
		check("448 bits", m448, strlen(m448), 1, step,
		      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		      "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
		      "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445");
		check("896 bits", m896, strlen(m896), 1, step,
		      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
		      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
		      "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
	}
	check("million a", a, 1000, 1000, 1000,
	      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	      "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
	      "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
	free(a);
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
