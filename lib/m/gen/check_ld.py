#!/usr/bin/env python3
"""Measures the true error of libm's long double (binary128) functions.

    python3 lib/m/gen/check_ld.py EVAL [N] [SEED] [function...]

EVAL is the host-built lib/m/tests/ld_eval program (ctest target
libm-ld-eval). Each function is evaluated on N random exact binary128
arguments per range (default 200) and compared with mpmath at 400 bits;
the maximum error in ulps is printed, and the exit status is 1 if any
function exceeds its bound. glibc's binary128 functions are themselves off
by up to several ulps, which is why the ctest libm-ldouble compares with
glibc only loosely and this script measures the real error.
"""
import random
import subprocess
import sys

import mpmath as mp

mp.mp.prec = 400


def dec(h):
    v = int(h, 16)
    s, e, m = v >> 127, (v >> 112) & 0x7FFF, v & ((1 << 112) - 1)
    if e == 0x7FFF:
        return None
    if e == 0:
        x = mp.mpf(m) * mp.mpf(2) ** (-16382 - 112)
    else:
        x = mp.mpf(m + (1 << 112)) * mp.mpf(2) ** (e - 16383 - 112)
    return -x if s else x


def enc(x):
    x = mp.mpf(x)
    if x == 0:
        return "0" * 32
    s = 1 if x < 0 else 0
    m, e = mp.frexp(abs(x))
    n = int(mp.nint(m * 2**113))
    e -= 1
    if n == 1 << 113:
        n >>= 1
        e += 1
    return "%032x" % ((s << 127) | ((e + 16383) << 112) | (n - (1 << 112)))


def ulps(v, ref):
    if ref == 0:
        return 0.0 if v == 0 else 1e30
    e = max(int(mp.floor(mp.log(abs(ref), 2))), -16382)
    return float(abs(v - ref) / mp.mpf(2) ** (e - 112))


def lgamma(x):
    return mp.loggamma(x).real if x > 0 else mp.log(abs(mp.gamma(x)))


# name: (reference, ranges, bound in ulps)
FUNCS = {
    "exp": (mp.exp, [(-11000, 11000), (-1, 1)], 0.55),
    "exp2": (lambda x: mp.power(2, x), [(-16000, 16000), (-1, 1)], 0.55),
    "expm1": (mp.expm1, [(-80, 80), (-1, 1), (-1e-3, 1e-3)], 0.55),
    "log": (mp.log, [(0, 10), (0.9, 1.1)], 0.55),
    "log2": (lambda x: mp.log(x, 2), [(0, 10), (0.9, 1.1)], 0.55),
    "log10": (mp.log10, [(0, 10), (0.9, 1.1)], 0.55),
    "log1p": (mp.log1p, [(-1, 1), (-1e-5, 1e-5)], 0.55),
    "sin": (mp.sin, [(-10, 10), (-1e6, 1e6), (1e20, 1e30)], 0.6),
    "cos": (mp.cos, [(-10, 10), (-1e6, 1e6), (1e20, 1e30)], 0.6),
    "tan": (mp.tan, [(-10, 10), (-1e6, 1e6)], 0.6),
    "asin": (mp.asin, [(-1, 1), (0.99, 1)], 0.55),
    "acos": (mp.acos, [(-1, 1), (0.99, 1), (-1, -0.99)], 0.55),
    "atan": (mp.atan, [(-3, 3), (-1e20, 1e20)], 0.55),
    "sinh": (mp.sinh, [(-5, 5), (-100, 100)], 0.55),
    "cosh": (mp.cosh, [(-5, 5), (-100, 100)], 0.55),
    "tanh": (mp.tanh, [(-1, 1), (-40, 40)], 0.55),
    "asinh": (mp.asinh, [(-3, 3), (-1e10, 1e10)], 0.55),
    "acosh": (mp.acosh, [(1, 3), (1, 1.001), (1, 1e10)], 0.55),
    "atanh": (mp.atanh, [(-1, 1), (0.999, 1)], 0.55),
    "cbrt": (lambda x: mp.sign(x) * mp.cbrt(abs(x)), [(-10, 10)], 0.55),
    "sqrt": (mp.sqrt, [(0, 10), (0, 1e30)], 0.5),
    "erf": (mp.erf, [(-6, 6), (-0.5, 0.5), (3.5, 4.5)], 0.6),
    "erfc": (mp.erfc, [(-6, 30), (-0.5, 1.6), (1.4, 5), (30, 106)], 1.0),
    "tgamma": (mp.gamma, [(0, 30), (-20, 20), (20, 1700), (-1700, -20)], 1.0),
    "lgamma": (lgamma, [(0, 20), (0.5, 3), (1.2, 1.7), (10, 1e6)], 1.5),
    "pow": (mp.power, None, 0.55),
    "atan2": (mp.atan2, None, 0.55),
    "hypot": (lambda x, y: mp.sqrt(x * x + y * y), None, 0.55),
}


def rnd(a, b):
    """A random binary128 in [a, b] with all 113 significand bits random."""
    x = mp.mpf(random.uniform(a, b)) * (1 + mp.mpf(random.random()) * mp.mpf(2) ** -60)
    return enc(x)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    only = sys.argv[4:]
    p = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ok = True
    for name, (ref, ranges, bound) in FUNCS.items():
        if only and name not in only:
            continue
        worst, wx = 0.0, None
        count = n * (len(ranges) if ranges else 3)
        for i in range(count):
            if ranges is None:
                k = i % 3
                if k == 0:
                    hx, hy = rnd(0, 5), rnd(-400, 400)
                elif k == 1:
                    hx, hy = rnd(-5, 5), enc(random.randint(-40, 40))
                else:
                    hx, hy = rnd(0.99, 1.01), rnd(-70000, 70000)
                if name != "pow" and k == 1:
                    hy = rnd(-5, 5)
                args = (hx, hy)
            else:
                a, b = ranges[i % len(ranges)]
                args = (rnd(a, b),)
            p.stdin.write("%s %s\n" % (name, " ".join(args)))
            p.stdin.flush()
            v = dec(p.stdout.readline().strip())
            r = ref(*[dec(h) for h in args])
            if v is None:
                e = 1e30
            else:
                e = ulps(v, r)
            if e > worst:
                worst, wx = e, args
        bad = worst > bound
        ok &= not bad
        print("%-7s max error %.3f ulp (bound %.2f)%s%s" %
              (name, worst, bound, " at " + " ".join(wx) if wx else "", " FAIL" if bad else ""),
              flush=True)
    p.stdin.close()
    p.wait()
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
