# lib/m/sources.mk - sources of libm.so (paths relative to the repository root).
# The host tests (lib/m/CMakeLists.txt) read the same list.
# Generated files: tab_double.c and internal/coef_double.h come from
# gen/gen_double.py (python3 + mpmath).

# double
LIBM_SRCS += lib/m/tab_double.c
LIBM_SRCS += lib/m/d/math_err.c
LIBM_SRCS += lib/m/d/exp.c
LIBM_SRCS += lib/m/d/expm1.c
LIBM_SRCS += lib/m/d/log.c
LIBM_SRCS += lib/m/d/pow.c
LIBM_SRCS += lib/m/d/rem_pio2.c
LIBM_SRCS += lib/m/d/trig.c
LIBM_SRCS += lib/m/d/atan.c
LIBM_SRCS += lib/m/d/asin.c
LIBM_SRCS += lib/m/d/hyper.c
LIBM_SRCS += lib/m/d/ahyper.c
LIBM_SRCS += lib/m/d/erf.c
LIBM_SRCS += lib/m/d/gamma.c
LIBM_SRCS += lib/m/d/cbrt.c
LIBM_SRCS += lib/m/d/hypot.c
LIBM_SRCS += lib/m/d/sqrt.c
LIBM_SRCS += lib/m/d/round.c
LIBM_SRCS += lib/m/d/fmod.c
LIBM_SRCS += lib/m/d/manip.c
LIBM_SRCS += lib/m/d/fma.c

# float (through double)
LIBM_SRCS += lib/m/f/wrap.c

# fenv.h
LIBM_SRCS += lib/m/fenv.c

# long double (IEEE binary128, software arithmetic); tab_ld.c and
# internal/coef_ld.h come from gen/gen_ld.py.
LIBM_SRCS += lib/m/tab_ld.c
LIBM_SRCS += lib/m/ld/manip.c
LIBM_SRCS += lib/m/ld/round.c
LIBM_SRCS += lib/m/ld/fmod.c
LIBM_SRCS += lib/m/ld/sqrt_fma.c
LIBM_SRCS += lib/m/ld/exp.c
LIBM_SRCS += lib/m/ld/log.c
LIBM_SRCS += lib/m/ld/trig.c
LIBM_SRCS += lib/m/ld/atan.c
LIBM_SRCS += lib/m/ld/hyper.c
LIBM_SRCS += lib/m/ld/erf.c
LIBM_SRCS += lib/m/ld/gamma.c
