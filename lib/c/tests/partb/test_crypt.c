/*
 * test_crypt.c - crypt()/crypt_r() for SHA-256-crypt and SHA-512-crypt:
 * the test vectors of Drepper's specification ("Unix crypt using SHA-256
 * and SHA-512"), random keys and salts against the host's libcrypt, and
 * the refusal of other methods and malformed settings (NULL, EINVAL).
 */
#define _GNU_SOURCE
#include <crypt.h>
#include <stdio.h>
#include <string.h>

#include "qtest.h"

struct q_crypt_data {
	char out[128];
	char work[384];
};
char *q_crypt(const char *, const char *);
char *q_crypt_r(const char *, const char *, struct q_crypt_data *);

/* The specification's test vectors (setting, key, expected). */
static const char *const spec[][3] = {
        {"$5$saltstring", "Hello world!",
         "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"},
        {"$5$rounds=10000$saltstringsaltstring", "Hello world!",
         "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA"},
        {"$5$rounds=5000$toolongsaltstring", "This is just a test",
         "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5"},
        {"$5$rounds=1400$anotherlongsaltstring",
         "a very much longer text to encrypt.  This one even stretches over morethan one line.",
         "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1"},
        {"$5$rounds=77777$short", "we have a short salt string but not a short password",
         "$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/"},
        {"$5$rounds=123456$asaltof16chars..", "a short string",
         "$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD"},
        {"$6$saltstring", "Hello world!",
         "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/"
         "O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"},
        {"$6$rounds=10000$saltstringsaltstring", "Hello world!",
         "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/"
         "UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v."},
        {"$6$rounds=5000$toolongsaltstring", "This is just a test",
         "$6$rounds=5000$toolongsaltstrin$"
         "lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0"},
        {"$6$rounds=1400$anotherlongsaltstring",
         "a very much longer text to encrypt.  This one even stretches over morethan one line.",
         "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/"
         "pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1"},
        {"$6$rounds=77777$short", "we have a short salt string but not a short password",
         "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/"
         "ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0"},
        {"$6$rounds=123456$asaltof16chars..", "a short string",
         "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu."
         "Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1"},
        /* rounds below the minimum are raised to 1000 (the specification; libxcrypt now refuses) */
        {"$5$rounds=10$roundstoolow", "the minimum number is still observed",
         "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC"},
        {"$6$rounds=10$roundstoolow", "the minimum number is still observed",
         "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn."
         "S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX."},
};

int main(void)
{
	for (size_t i = 0; i < sizeof(spec) / sizeof(spec[0]); i++) {
		char *r = q_crypt(spec[i][1], spec[i][0]);
		CHECK(r && !strcmp(r, spec[i][2]), "crypt(\"%s\", \"%s\") = %s", spec[i][1],
		      spec[i][0], r ? r : "NULL");
	}
	/* random keys (lengths 0..150, any bytes) and salts against libcrypt */
	static const char saltchars[] =
	        "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	for (int it = 0; it < 100; it++) {
		char key[160], setting[64];
		int kl = (int)(qt_rand() % 150);
		for (int i = 0; i < kl; i++)
			key[i] = (char)(1 + qt_rand() % 255);
		key[kl] = 0;
		int n = snprintf(setting, sizeof(setting), "$%c$", it & 1 ? '6' : '5');
		/* mostly few rounds, to keep the run short; the default 5000 every 10th */
		if (it % 10)
			n += snprintf(setting + n, sizeof(setting) - (size_t)n, "rounds=%d$",
			              1000 + (int)(qt_rand() % 100));
		int sl = (int)(qt_rand() % 20);
		for (int i = 0; i < sl; i++)
			setting[n++] = saltchars[qt_rand() % 64];
		setting[n] = 0;
		struct q_crypt_data qd;
		struct crypt_data gd;
		memset(&gd, 0, sizeof(gd));
		char *a = q_crypt_r(key, setting, &qd), *b = crypt_r(key, setting, &gd);
		CHECK(a && b && !strcmp(a, b),
		      "crypt_r(key of %d bytes, \"%s\"):\n  qsoe  %s\n  libcrypt %s", kl, setting,
		      a ? a : "NULL", b ? b : "NULL");
		/* verifying: crypt(key, hash) gives hash back */
		if (a && it % 10 == 1) {
			char copy[128];
			strcpy(copy, a);
			char *v = q_crypt_r(key, copy, &qd);
			CHECK(v && !strcmp(v, copy), "re-hash with the full hash as setting");
		}
	}
	/* other methods and malformed settings */
	static const char *const bad[] = {
	        "ab", "$1$saltsalt$", "$2a$10$abc",      "$7$x",         "",
	        "$6", "$5",           "$6$rounds=abc$s", "$6$rounds=$s", "$6$rounds=12"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		q_errno = 0;
		char *r = q_crypt("key", bad[i]);
		CHECK(!r && q_errno == QE_INVAL, "crypt(\"key\", \"%s\") = %s, errno %d", bad[i],
		      r ? r : "NULL", q_errno);
	}
	return qt_done("libc-crypt");
}
