# bench/build.mk - the user-space benchmarks (docs/benchmarks.md), cross-built
# with the program templates of mk/user.mk into the boot archive:
#   /bin/ubench        the benchmark groups (scripts/bench.py: run=ubench halt)
#   /bin/ubench-nop    the trivial program whose spawn and wait ubench counts
#   /bin/ubench-login  boot to the login: prompt (init=/sbin/init run=ubench-login)
UBENCH_SRCS := bench/ubench.c bench/measure.c bench/b_os.c bench/b_qsh.c bench/b_libc.c \
	bench/b_util.c tests/lib/standalone.c
$(call user_program,$(T)/boot/bin/ubench,$(UBENCH_SRCS),-I$(TOP)/bench -I$(TOP)/tests/lib)
$(call user_program,$(T)/boot/bin/ubench-nop,bench/nop.c)
$(call user_program,$(T)/boot/bin/ubench-login,bench/login.c,-I$(TOP)/bench)
