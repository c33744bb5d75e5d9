# tests/taskman/build.mk - taskman's tests: static programs speaking the
# taskman protocol directly (the kernel tests' runtime, tests/kernel/ktest.c,
# no C library), a tiny pair of shared libraries with dynamically linked
# programs using them (PIE and fixed-address), and malformed images.
# Everything lands in the boot archive ($(T)/boot/...).

TMTESTS := tmtest_proto tmtest_spawn tmtest_io tmtest_hold tmtest_child tmtest_slow
TMT_CFLAGS := $(KTEST_CFLAGS) -I$(TOP)/tests/kernel -I$(TOP)/tests/taskman
TMT_PIC_CFLAGS := $(filter-out -fno-pic -mcmodel=medany,$(TMT_CFLAGS)) -fPIC
TMT_LIBDIR := $(T)/boot/lib

$(T)/obj/tmt/%.o: $(TOP)/%.c | $(KCALL_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      [tmt] $*.c"
	@$(CC) $(TMT_CFLAGS) -c $< -o $@

$(T)/obj/tmtpic/%.o: $(TOP)/%.c | $(KCALL_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      [tmt pic] $*.c"
	@$(CC) $(TMT_PIC_CFLAGS) -c $< -o $@

$(T)/obj/tmtpic/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      [tmt pic] $*.S"
	@$(CC) $(UASFLAGS) -c $< -o $@

# Static test programs.
TMT_OBJ := $(T)/obj/tmt/tests/taskman/tmt.o
define tmt_rule
$(T)/boot/$(1): $(T)/obj/tmt/tests/taskman/$(1).o $(TMT_OBJ) $(KTEST_RT_OBJS) $(T)/lib/libqsoe.a
	@mkdir -p $$(dir $$@)
	@echo "  LD      $(1)"
	@$(ULD) -static -nostdlib -T $(TOP)/mk/static-user.ld -o $$@ $$(filter %.o,$$^) \
		$(T)/lib/libqsoe.a $(LIBGCC_U)
DEPS += $(T)/obj/tmt/tests/taskman/$(1).d
endef
$(foreach t,$(TMTESTS),$(eval $(call tmt_rule,$(t))))
DEPS += $(TMT_OBJ:.o=.d)

# The shared libraries: libtmt.so (DT_HASH) needs libtmt2.so (DT_GNU_HASH).
$(TMT_LIBDIR)/libtmt2.so: $(T)/obj/tmtpic/tests/taskman/tmtlib2.o
	@mkdir -p $(dir $@)
	@echo "  LD      lib/libtmt2.so"
	@$(ULD) -shared -nostdlib -soname libtmt2.so --hash-style=gnu -o $@ $<

$(TMT_LIBDIR)/libtmt.so: $(T)/obj/tmtpic/tests/taskman/tmtlib.o $(TMT_LIBDIR)/libtmt2.so
	@echo "  LD      lib/libtmt.so"
	@$(ULD) -shared -nostdlib -soname libtmt.so --hash-style=sysv -o $@ $^

# Dynamically linked programs: PIE ones on a position-independent build of
# the test runtime, a fixed-address one on the static runtime.
TMT_PIC_RT := tests/kernel/start.S tests/kernel/ktest.c kernel/lib/string.c kernel/lib/vsnprintf.c
TMT_PIC_RT_OBJS := $(foreach s,$(TMT_PIC_RT),$(T)/obj/tmtpic/$(basename $(s)).o)
TMT_DYNLINK = $(ULD) --no-dynamic-linker --no-relax -nostdlib -e _start --hash-style=gnu \
	-rpath-link $(TMT_LIBDIR)

$(T)/boot/tmtest_dyn: $(T)/obj/tmtpic/tests/taskman/tmtest_dyn.o \
		$(T)/obj/tmtpic/tests/taskman/tmt.o $(TMT_PIC_RT_OBJS) $(T)/lib/libqsoe.a \
		$(TMT_LIBDIR)/libtmt.so $(TMT_LIBDIR)/libtmt2.so
	@echo "  LD      tmtest_dyn"
	@$(TMT_DYNLINK) -pie -E -o $@ $(filter %.o %.so,$^) $(T)/lib/libqsoe.a

$(T)/boot/tmtest_dynmin: $(T)/obj/tmtpic/tests/taskman/tmtest_dynmin.o $(TMT_PIC_RT_OBJS) \
		$(T)/lib/libqsoe.a $(TMT_LIBDIR)/libtmt.so
	@echo "  LD      tmtest_dynmin"
	@$(TMT_DYNLINK) -pie -o $@ $(filter %.o %.so,$^) $(T)/lib/libqsoe.a

$(T)/boot/tmtest_dynexec: $(T)/obj/tmt/tests/taskman/tmtest_dynexec.o $(KTEST_RT_OBJS) \
		$(T)/lib/libqsoe.a $(TMT_LIBDIR)/libtmt.so $(TMT_LIBDIR)/libtmt2.so
	@echo "  LD      tmtest_dynexec"
	@$(TMT_DYNLINK) -o $@ $(filter %.o %.so,$^) $(T)/lib/libqsoe.a $(LIBGCC_U)

DEPS += $(foreach o,tmtlib tmtlib2 tmtest_dyn tmtest_dynmin tmt,$(T)/obj/tmtpic/tests/taskman/$(o).d) \
	$(T)/obj/tmt/tests/taskman/tmtest_dynexec.d $(TMT_PIC_RT_OBJS:.o=.d)

# Malformed images, made from tmtest_dynmin and libtmt.so.
TMBAD := tmbad_trunc tmbad_phdr tmbad_dyn tmbad_reloc tmbad_relocoff tmbad_sym tmbad_hash \
	tmbad_needlib tmbad_nolib tmbad_text tmbad_shebang lib/libtmb.so
TMBAD_FILES := $(addprefix $(T)/boot/,$(TMBAD))
$(TMBAD_FILES) &: $(T)/boot/tmtest_dynmin $(TMT_LIBDIR)/libtmt.so $(TOP)/tests/taskman/mkbad.py
	@echo "  GEN     malformed images"
	@$(PYTHON) $(TOP)/tests/taskman/mkbad.py $(T)/boot/tmtest_dynmin $(TMT_LIBDIR)/libtmt.so \
		$(T)/boot

# "#!" scripts and the archive's symbolic links.
$(T)/boot/tmscript_ok:
	@mkdir -p $(dir $@)
	@printf '#!/tmtest_child argcheck\n' > $@ && chmod 755 $@

$(T)/boot/tmscript_noint:
	@mkdir -p $(dir $@)
	@printf '#!/nonexistent_interpreter -x\n' > $@ && chmod 755 $@

$(T)/boot/tmlink:
	@mkdir -p $(dir $@)
	@ln -sfn tmtest_child $@

$(T)/boot/tmdir/lib:
	@mkdir -p $(dir $@)
	@ln -sfn ../lib $@

ALL += $(foreach t,$(TMTESTS),$(T)/boot/$(t)) $(TMT_LIBDIR)/libtmt.so $(TMT_LIBDIR)/libtmt2.so \
	$(T)/boot/tmtest_dyn $(T)/boot/tmtest_dynmin $(T)/boot/tmtest_dynexec $(TMBAD_FILES) \
	$(T)/boot/tmscript_ok $(T)/boot/tmscript_noint $(T)/boot/tmlink $(T)/boot/tmdir/lib

# Loading from another resource manager (tmtest_slow): tmslowfs, a slow
# server linked with the C library (pthreads, timer pulses); the files it
# serves; libtmslow.so, which is deliberately not in /lib (tmslowfs
# serves it below /usr/lib), and a program from the boot archive that
# needs it. tests/taskman/build.mk is read before mk/user.mk, so the libc
# link is spelled out here (the recipe's variables are expanded late).
TMSLOW_DIR := $(T)/boot/tmslow
TMSLOWFS_OBJ := $(T)/obj/u/tests/taskman/tmslowfs.o
DEPS += $(TMSLOWFS_OBJ:.o=.d) $(T)/obj/tmtpic/tests/taskman/tmtslowlib.d \
	$(T)/obj/tmtpic/tests/taskman/tmtest_slowlib.d

$(T)/boot/tmslowfs: $(TMSLOWFS_OBJ) $(T)/lib/crt1.o $(T)/boot/lib/libc.so \
		$(T)/boot/lib/libqsoe.so
	@echo "  LD      tmslowfs"
	@$(ULD) $(USER_LDFLAGS) -o $@ $(T)/lib/crt1.o $(TMSLOWFS_OBJ) -L$(T)/boot/lib -lc -lqsoe \
		$(LIBGCC_U)

# tmrmfs: a resource manager written with the framework (libc's resmgr).
TMRMFS_OBJ := $(T)/obj/u/tests/taskman/tmrmfs.o
DEPS += $(TMRMFS_OBJ:.o=.d)

$(T)/boot/tmrmfs: $(TMRMFS_OBJ) $(T)/lib/crt1.o $(T)/boot/lib/libc.so $(T)/boot/lib/libqsoe.so
	@echo "  LD      tmrmfs"
	@$(ULD) $(USER_LDFLAGS) -o $@ $(T)/lib/crt1.o $(TMRMFS_OBJ) -L$(T)/boot/lib -lc -lqsoe \
		$(LIBGCC_U)

$(TMSLOW_DIR)/libtmslow.so: $(T)/obj/tmtpic/tests/taskman/tmtslowlib.o
	@mkdir -p $(dir $@)
	@echo "  LD      tmslow/libtmslow.so"
	@$(ULD) -shared -nostdlib -soname libtmslow.so --hash-style=gnu -o $@ $<

$(TMSLOW_DIR)/slowlib: $(T)/obj/tmtpic/tests/taskman/tmtest_slowlib.o $(TMT_PIC_RT_OBJS) \
		$(T)/lib/libqsoe.a $(TMSLOW_DIR)/libtmslow.so
	@echo "  LD      tmslow/slowlib"
	@$(TMT_DYNLINK) -pie -o $@ $(filter %.o %.so,$^) $(T)/lib/libqsoe.a

$(TMSLOW_DIR)/script:
	@mkdir -p $(dir $@)
	@printf '#!/tmtest_child argv2is\n' > $@ && chmod 755 $@

$(TMSLOW_DIR)/script2:
	@mkdir -p $(dir $@)
	@printf '#!/slow/child argv2is\n' > $@ && chmod 755 $@

$(TMSLOW_DIR)/notelf:
	@mkdir -p $(dir $@)
	@printf 'not a program\n' > $@ && chmod 755 $@

ALL += $(T)/boot/tmslowfs $(T)/boot/tmrmfs $(TMSLOW_DIR)/libtmslow.so $(TMSLOW_DIR)/slowlib \
	$(TMSLOW_DIR)/script $(TMSLOW_DIR)/script2 $(TMSLOW_DIR)/notelf
