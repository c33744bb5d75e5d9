# qsh/build.mk - the shell, cross-built with the program templates of
# mk/user.mk into the boot archive as /bin/qsh and /bin/sh. Every source in
# qsh/src is part of the shell (the host build, CMakeLists.txt, lists the
# same files).
QSH_SRCS := $(patsubst $(TOP)/%,%,$(sort $(wildcard $(TOP)/qsh/src/*.c)))

$(call user_program,$(T)/boot/bin/qsh,$(QSH_SRCS),-std=c11 -D_POSIX_C_SOURCE=200809L \
	-I$(TOP)/qsh/src)

$(T)/boot/bin/sh: $(T)/boot/bin/qsh
	@cp $< $@
ALL += $(T)/boot/bin/sh

# The conformance corpus inside QSOE (test-only files under /test/qsh of the
# boot archive; qsh/tests/README.md): the runner, the program the boot test
# starts (it brings up fs-ram at /tmp and runs the runner), the list of
# cases skipped on QSOE with the reasons, and the cases themselves.
QSH_TEST := $(T)/boot/test/qsh
$(call user_program,$(QSH_TEST)/qsh-corpus,qsh/tests/runner.c,-std=c11 -D_POSIX_C_SOURCE=200809L)
# QSH_GUEST_CASES='"/test/qsh/cases/arith"' builds a qsh-corpus-guest that runs
# only those cases (for debugging; any runner path arguments, comma-separated).
$(call user_program,$(QSH_TEST)/qsh-corpus-guest,qsh/tests/inguest.c tests/lib/standalone.c,-std=c11 \
	-D_POSIX_C_SOURCE=200809L -I$(TOP)/tests/lib $(if $(QSH_GUEST_CASES),-DGUEST_CASES='$(QSH_GUEST_CASES)'))
QSH_CASE_FILES := $(patsubst $(TOP)/qsh/tests/%,$(QSH_TEST)/%, \
	$(sort $(wildcard $(TOP)/qsh/tests/cases/*/*)))
$(QSH_TEST)/cases/%: $(TOP)/qsh/tests/cases/%
	@mkdir -p $(dir $@)
	@cp $< $@
$(QSH_TEST)/skip-qsoe.txt: $(TOP)/qsh/tests/skip-qsoe.txt
	@mkdir -p $(dir $@)
	@cp $< $@
ALL += $(QSH_CASE_FILES) $(QSH_TEST)/skip-qsoe.txt
