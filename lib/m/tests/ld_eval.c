/*
 * ld_eval.c - evaluates QSOE's long double functions on exact binary128
 * arguments for gen/check_ld.py (which compares with mpmath).
 *
 * Reads lines "name xhex [yhex]" from stdin, each argument the 32 hex digits
 * of a binary128 bit pattern (sign first), and prints the result's pattern.
 * name is a function without its "l" suffix: exp, sin, pow, tgamma, ...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __float128 Q;

#define D1(n) Q q_##n##l(Q)
D1(exp);
D1(exp2);
D1(expm1);
D1(log);
D1(log2);
D1(log10);
D1(log1p);
D1(sin);
D1(cos);
D1(tan);
D1(asin);
D1(acos);
D1(atan);
D1(sinh);
D1(cosh);
D1(tanh);
D1(asinh);
D1(acosh);
D1(atanh);
D1(erf);
D1(erfc);
D1(tgamma);
D1(lgamma);
D1(cbrt);
D1(sqrt);
Q q_powl(Q, Q);
Q q_atan2l(Q, Q);
Q q_hypotl(Q, Q);

static const struct {
	const char *name;
	Q (*f)(Q);
} fns[] = {
        {"exp", q_expl},     {"exp2", q_exp2l},     {"expm1", q_expm1l},   {"log", q_logl},
        {"log2", q_log2l},   {"log10", q_log10l},   {"log1p", q_log1pl},   {"sin", q_sinl},
        {"cos", q_cosl},     {"tan", q_tanl},       {"asin", q_asinl},     {"acos", q_acosl},
        {"atan", q_atanl},   {"sinh", q_sinhl},     {"cosh", q_coshl},     {"tanh", q_tanhl},
        {"asinh", q_asinhl}, {"acosh", q_acoshl},   {"atanh", q_atanhl},   {"erf", q_erfl},
        {"erfc", q_erfcl},   {"tgamma", q_tgammal}, {"lgamma", q_lgammal}, {"cbrt", q_cbrtl},
        {"sqrt", q_sqrtl},
};

static Q from_hex(const char *s)
{
	char hi[17];
	memcpy(hi, s, 16);
	hi[16] = 0;
	uint64_t w[2] = {strtoull(s + 16, NULL, 16), strtoull(hi, NULL, 16)};
	Q x;
	memcpy(&x, w, 16);
	return x;
}

int main(void)
{
	char line[256], name[32], a[64], b[64];
	while (fgets(line, sizeof line, stdin)) {
		int k = sscanf(line, "%31s %63s %63s", name, a, b);
		if (k < 2 || strlen(a) != 32 || (k == 3 && strlen(b) != 32)) {
			fprintf(stderr, "ld_eval: bad line: %s", line);
			return 2;
		}
		Q x = from_hex(a), r = 0;
		int found = 0;
		if (k == 3) {
			Q y = from_hex(b);
			found = 1;
			if (!strcmp(name, "pow"))
				r = q_powl(x, y);
			else if (!strcmp(name, "atan2"))
				r = q_atan2l(x, y);
			else if (!strcmp(name, "hypot"))
				r = q_hypotl(x, y);
			else
				found = 0;
		} else {
			for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
				if (!strcmp(fns[i].name, name)) {
					r = fns[i].f(x);
					found = 1;
				}
			}
		}
		if (!found) {
			fprintf(stderr, "ld_eval: unknown function %s\n", name);
			return 2;
		}
		uint64_t w[2];
		memcpy(w, &r, 16);
		printf("%016llx%016llx\n", (unsigned long long)w[1], (unsigned long long)w[0]);
		fflush(stdout);
	}
	return 0;
}
