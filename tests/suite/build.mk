# tests/suite/build.mk - /bin/suite, the in-OS test suite (one binary for
# every kernel), and the malformed programs its "badinput" group tries to
# start. A new group is one more tests/suite/g_NAME.c (SUITE_GROUP in
# suite.h); nothing here needs to change.
SUITE_SRCS := tests/suite/main.c tests/suite/child.c tests/lib/standalone.c \
	$(patsubst $(TOP)/%,%,$(sort $(wildcard $(TOP)/tests/suite/g_*.c)))
# SUITE_GROUPS='"wait","time"' builds a suite that runs only those groups
# when started without arguments (for debugging through taskman's run=).
$(call user_program,$(T)/boot/bin/suite,$(SUITE_SRCS),-I$(TOP)/tests/suite -I$(TOP)/tests/lib \
	$(if $(SUITE_GROUPS),-DSUITE_GROUPS='$(SUITE_GROUPS)'),-lm)
# The libc_math group links libm.so.
$(T)/boot/bin/suite: $(USER_LIB)/libm.so

# ENOEXEC material: text that is no program, an ELF file for another
# machine, and the first 300 bytes of a real program.
$(T)/boot/bin/suite-notelf: $(TOP)/tests/suite/build.mk
	@mkdir -p $(dir $@)
	@printf 'this is not a program\n' > $@ && chmod 755 $@

$(T)/boot/bin/suite-badelf: $(TOP)/tests/suite/build.mk
	@mkdir -p $(dir $@)
	@$(PYTHON) -c 'import struct,sys; h=b"\x7fELF\x02\x01\x01"+bytes(9)+struct.pack("<HHIQQQIHHHHHH",2,62,1,0x401000,64,0,0,64,56,0,64,0,0); open(sys.argv[1],"wb").write(h)' $@ && chmod 755 $@

$(T)/boot/bin/suite-truncated: $(T)/boot/bin/suite
	@head -c 300 $< > $@ && chmod 755 $@

ALL += $(T)/boot/bin/suite-notelf $(T)/boot/bin/suite-badelf $(T)/boot/bin/suite-truncated
