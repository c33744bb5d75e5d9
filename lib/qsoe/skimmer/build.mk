# lib/qsoe/skimmer/build.mk - libqsoe for Skimmer: the kernel-call stubs and
# the libc/libqsoe seam (<qsoe/seam.h>, docs/abi.md).
#
# libqsoe.a is what static programs (taskman, kernel tests) link; the
# shared libqsoe.so (mk/user.mk) is LIBQSOE_SO_OBJS: the same without the
# kernel-call name table, which only tracing in taskman uses.
LIBQSOE_SRCS := lib/qsoe/skimmer/thread_create.c lib/qsoe/skimmer/msg.c lib/qsoe/skimmer/seam.c \
	lib/qsoe/skimmer/signal.c lib/qsoe/skimmer/thread_cancel.c
LIBQSOE_SRCS += lib/qsoe/skimmer/sleep.c # clock_nanosleep, nanosleep (STATE_NANOSLEEP)
LIBQSOE_SO_OBJS := $(foreach s,$(LIBQSOE_SRCS),$(call uobj,$(s))) $(T)/obj/u/gen/kcall_stubs.o
LIBQSOE_OBJS := $(LIBQSOE_SO_OBJS) $(T)/obj/u/gen/kcall_names.o
DEPS += $(LIBQSOE_OBJS:.o=.d)
QSOE_SKIMMER_CFLAGS := -I$(TOP)/kernel/uapi -I$(GEN)

$(LIBQSOE_OBJS): UCFLAGS += $(QSOE_SKIMMER_CFLAGS)
$(LIBQSOE_OBJS): | $(KCALL_GEN)

$(T)/obj/u/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      gen/$*.c"
	@$(CC) $(UCFLAGS) -c $< -o $@

$(T)/lib/libqsoe.a: $(LIBQSOE_OBJS)
	@mkdir -p $(dir $@)
	@echo "  AR      libqsoe.a"
	@rm -f $@ && $(AR) rcs $@ $^

ALL += $(T)/lib/libqsoe.a
