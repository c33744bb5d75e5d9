# tests/kernel/build.mk - Skimmer's kernel tests and micro-benchmarks:
# static programs with their own tiny runtime (ktest.c), no C library.
KTESTS := ktest_hello ktest_fault ktest_illegal ktest_misalign ktest_badcall ktest_oom ktest_smp ktest_ipc ktest_peer ktest_stress ktest_leak ktest_true kbench kbench_ipc
KTESTS += ktest_sync ktest_sync_pi ktest_sync_stress
KTESTS += ktest_signal ktest_sigblock ktest_sigfault ktest_sigpeer
KTESTS += ktest_irq ktest_timer
KTESTS += ktest_ipcprio ktest_cancel ktest_threadctl
KTEST_RT := tests/kernel/start.S tests/kernel/ktest.c kernel/lib/string.c kernel/lib/vsnprintf.c
KTEST_RT_OBJS := $(foreach s,$(KTEST_RT),$(T)/obj/kt/$(basename $(s)).o)
KTEST_CFLAGS := $(filter-out -fPIC,$(UCFLAGS)) -fno-pic -mcmodel=medany -I$(TOP)/kernel/uapi \
	-I$(GEN) -I$(TOP)/kernel/include/shim -I$(TOP)/kernel/include \
	-I$(TOP)/kernel/arch/riscv64/include

$(T)/obj/kt/%.o: $(TOP)/%.c | $(KCALL_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      [kt] $*.c"
	@$(CC) $(KTEST_CFLAGS) -c $< -o $@

$(T)/obj/kt/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      [kt] $*.S"
	@$(CC) $(filter-out -fPIC,$(UASFLAGS)) -c $< -o $@

define ktest_rule
$(T)/boot/$(1): $(T)/obj/kt/tests/kernel/$(1).o $(KTEST_RT_OBJS) $(T)/lib/libqsoe.a
	@mkdir -p $$(dir $$@)
	@echo "  LD      $(1)"
	@$(ULD) -static -nostdlib -T $(TOP)/mk/static-user.ld -o $$@ $$(filter %.o,$$^) \
		$(T)/lib/libqsoe.a $(LIBGCC_U)
DEPS += $(T)/obj/kt/tests/kernel/$(1).d
endef
$(foreach k,$(KTESTS),$(eval $(call ktest_rule,$(k))))

# Multi-role tests: one program installed under each role's name.
KTEST_ROLES := ktest_peer:ktest_peer_srv ktest_peer:ktest_peer_cli ktest_peer:ktest_dying_srv \
	ktest_peer:ktest_dying_cli ktest_stress:ktest_stress_srv ktest_stress:ktest_stress_cli \
	kbench_ipc:kbench_ipcsrv
KTEST_ROLES += ktest_sigpeer:ktest_sigctl ktest_sigpeer:ktest_sigterm ktest_sigpeer:ktest_sigsegv2 \
	ktest_sigpeer:ktest_sigsegv3
KTEST_ROLES += ktest_irq:ktest_irq_holder ktest_timer:ktest_timer_loose
define ktest_role_rule
$(T)/boot/$(2): $(T)/boot/$(1)
	@cp $$< $$@
ALL += $(T)/boot/$(2)
endef
$(foreach r,$(KTEST_ROLES),$(eval $(call ktest_role_rule,$(word 1,$(subst :, ,$(r))),$(word 2,$(subst :, ,$(r))))))
DEPS += $(KTEST_RT_OBJS:.o=.d)
ALL += $(foreach k,$(KTESTS),$(T)/boot/$(k))
