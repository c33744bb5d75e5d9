# user.mk - the cross build of QSOE user space: the shared libraries, crt1.o,
# and the templates every component uses to build its programs.
#
# What it builds (all position independent, rv64gc/lp64d):
#   $(T)/boot/lib/libqsoe.so  the kernel seam (lib/qsoe/skimmer: kernel-call stubs
#                             and the seam functions listed in docs/abi.md, "The
#                             libc/libqsoe seam")
#   $(T)/boot/lib/libc.so     the C library: every lib/c/sources*.mk -- sources.mk
#                             (part A), sources-b.mk (part B), sources-os.mk (the
#                             OS-facing half); another part of libc (signals, the
#                             resource-manager library) adds lib/c/sources-NAME.mk
#                             with LIBC_SRCS += lines -- linked with libgcc
#   $(T)/boot/lib/libm.so     lib/m/sources.mk
#   $(T)/lib/crt1.o           program start-up (_start -> __libc_start_main)
# Files under $(T)/boot/ go into the boot archive under the same path
# (mk/bootarchive.mk), so the libraries are /lib/lib*.so on the target.
#
# Templates for dynamically linked programs (ET_DYN, no PT_INTERP: taskman
# loads and relocates programs and their libraries itself):
#
#   $(call user_objs,SRCS)
#       The object files of SRCS (paths from the top of the tree); compiled
#       with UCFLAGS by target.mk's pattern rule. Add per-program flags with
#       a target-specific variable:  $(call user_objs,$(X_SRCS)): UCFLAGS += -DX
#
#   $(call user_link,OUT,OBJS[,LIBS])
#       A rule linking program OUT (a path, normally $(T)/boot/bin/NAME or
#       $(T)/boot/sbin/NAME) from crt1.o and OBJS against libc.so and
#       libqsoe.so; LIBS adds more libraries (e.g. -lm). OUT is added to ALL.
#
#   $(call user_program,OUT,SRCS[,CFLAGS[,LIBS]])
#       Both of the above in one: compiles SRCS with extra CFLAGS, registers
#       the dependency files, and links OUT. Example (tests/suite/build.mk):
#         $(call user_program,$(T)/boot/bin/suite,$(SUITE_SRCS),-I$(TOP)/tests/suite)
#
# The link line is
#   riscv64-linux-gnu-ld -pie --no-dynamic-linker -z now --hash-style=both
#       crt1.o OBJS -L$(T)/boot/lib LIBS -lc -lqsoe libgcc.a
# Every program thus has DT_NEEDED libc.so and libqsoe.so (taskman finds them
# in /lib), eager binding, and both DT_HASH and DT_GNU_HASH.

USER_LIB   := $(T)/boot/lib
USER_CRT1  := $(T)/lib/crt1.o
USER_SOS   := $(USER_LIB)/libc.so $(USER_LIB)/libqsoe.so
USER_LDFLAGS := -pie --no-dynamic-linker -z now -z noexecstack --hash-style=both \
	-nostdlib --build-id=none
SO_LDFLAGS := -shared -z now -z noexecstack --hash-style=both -nostdlib --build-id=none \
	-Bsymbolic-functions --exclude-libs ALL

# ---- libqsoe.so -------------------------------------------------------------
# lib/qsoe/skimmer/build.mk lists the objects (LIBQSOE_SO_OBJS); they are built
# -fPIC already. libqsoe.so depends on libc.so only for errno
# (__get_errno_ptr, used by the non-_r kernel-call stubs) and compiler-called
# memcpy/memset; the seam check below verifies exactly that.
$(USER_LIB)/libqsoe.so: $(LIBQSOE_SO_OBJS) $(TOP)/mk/user.mk
	@mkdir -p $(dir $@)
	@echo "  LD      lib/libqsoe.so"
	@$(ULD) $(SO_LDFLAGS) -soname libqsoe.so -o $@ $(LIBQSOE_SO_OBJS) $(LIBGCC_U)

# ---- libc.so ----------------------------------------------------------------
LIBC_SRCS :=
include $(sort $(wildcard $(TOP)/lib/c/sources*.mk))
# the QNX resource-manager framework (dispatch_*, resmgr_*, iofunc_*) and slogf
-include $(TOP)/lib/c/resmgr/sources.mk
-include $(TOP)/lib/c/slog/sources.mk
LIBC_OBJS := $(foreach s,$(LIBC_SRCS),$(call uobj,$(s)))
DEPS += $(LIBC_OBJS:.o=.d)
# -fno-tree-loop-distribute-patterns: memset.c must not become a call to memset.
LIBC_CFLAGS := -I$(TOP)/lib/c/internal -fno-tree-loop-distribute-patterns -funsigned-char
$(LIBC_OBJS): UCFLAGS += $(LIBC_CFLAGS)

$(USER_LIB)/libc.so: $(LIBC_OBJS) $(USER_LIB)/libqsoe.so $(TOP)/mk/user.mk
	@mkdir -p $(dir $@)
	@echo "  LD      lib/libc.so"
	@$(ULD) $(SO_LDFLAGS) -soname libc.so -o $@ $(LIBC_OBJS) -L$(USER_LIB) -lqsoe \
		$(LIBGCC_U)

# ---- libm.so ----------------------------------------------------------------
LIBM_SRCS :=
-include $(TOP)/lib/m/sources.mk
LIBM_OBJS := $(foreach s,$(LIBM_SRCS),$(call uobj,$(s)))
DEPS += $(LIBM_OBJS:.o=.d)
$(LIBM_OBJS): UCFLAGS += -fno-tree-loop-distribute-patterns -funsigned-char

$(USER_LIB)/libm.so: $(LIBM_OBJS) $(USER_LIB)/libc.so $(TOP)/mk/user.mk
	@mkdir -p $(dir $@)
	@echo "  LD      lib/libm.so"
	@$(ULD) $(SO_LDFLAGS) -soname libm.so -o $@ $(LIBM_OBJS) -L$(USER_LIB) -lc -lqsoe \
		$(LIBGCC_U)

# ---- crt1.o -----------------------------------------------------------------
$(USER_CRT1): $(TOP)/lib/c/startup/riscv64/crt1.S
	@mkdir -p $(dir $@)
	@echo "  AS      crt1.o"
	@$(CC) $(UASFLAGS) -c $< -o $@

# ---- the seam check ---------------------------------------------------------
# mk/user-check.sh: every symbol libc.so, libm.so or libqsoe.so leaves
# undefined must be defined by one of the three (taskman resolves nothing
# else), libc.so may not contain an ecall (it reaches the kernel only
# through libqsoe.so), and libqsoe.so exports only the seam. It runs as the
# ctest libc-seam (lib/c/tests/os); "make -f mk/target.mk seam-check" runs it here.
seam-check: $(USER_SOS) $(USER_LIB)/libm.so
	@sh $(TOP)/mk/user-check.sh $(USER_LIB) && echo "library seam: ok"
.PHONY: seam-check

ALL += $(USER_SOS) $(USER_LIB)/libm.so $(USER_CRT1)

# ---- templates ----------------------------------------------------------------
user_objs = $(foreach s,$(1),$(call uobj,$(s)))

define USER_LINK_RULE
$(1): $(2) $(USER_CRT1) $(USER_SOS) $(TOP)/mk/user.mk
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$(patsubst $(T)/%,%,$$@)"
	@$(ULD) $(USER_LDFLAGS) -o $$@ $(USER_CRT1) $(2) -L$(USER_LIB) $(3) -lc -lqsoe $(LIBGCC_U)
ALL += $(1)
endef
user_link = $(eval $(call USER_LINK_RULE,$(1),$(2),$(3)))

define USER_PROGRAM_RULE
DEPS += $(patsubst %.o,%.d,$(call user_objs,$(2)))
$(call user_objs,$(2)): UCFLAGS += $(3)
$(call USER_LINK_RULE,$(1),$(call user_objs,$(2)),$(4))
endef
user_program = $(eval $(call USER_PROGRAM_RULE,$(1),$(2),$(3),$(4)))
