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
