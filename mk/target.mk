# target.mk - the cross build of QSOE/N: kernel, libraries, taskman,
# programs and the boot archive. Non-recursive: every component's build.mk
# is included here and adds its targets to ALL.
#
# Invoked by the top-level Makefile as: make -f mk/target.mk O=<abs build dir>

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
O ?= $(TOP)/build
T := $(O)/target

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

include $(TOP)/mk/toolchain.mk

ALL :=
DEPS :=

# $(call kobj,src): object file of a kernel source.
kobj = $(T)/obj/k/$(basename $(1)).o
# $(call uobj,src): object file of a user-space source.
uobj = $(T)/obj/u/$(basename $(1)).o

$(T)/obj/k/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	@echo "  KCC     $*.c"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(T)/obj/k/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  KAS     $*.S"
	@$(CC) $(KASFLAGS) -c $< -o $@

$(T)/obj/u/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $*.c"
	@$(CC) $(UCFLAGS) $(CFLAGS_$(notdir $*)) -c $< -o $@

$(T)/obj/u/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      $*.S"
	@$(CC) $(UASFLAGS) -c $< -o $@

include $(TOP)/abi/build.mk
include $(TOP)/kernel/build.mk
include $(TOP)/lib/qsoe/skimmer/build.mk
include $(TOP)/taskman/build.mk
include $(TOP)/tests/kernel/build.mk
include $(TOP)/tests/taskman/build.mk
# User space: mk/user.mk defines the libraries and the templates for
# dynamically linked programs; the components after it use them. Each is
# optional while it is being written.
-include $(TOP)/mk/user.mk
-include $(TOP)/lib/c/build.mk
-include $(TOP)/lib/m/build.mk
-include $(TOP)/sbin/build.mk
-include $(TOP)/bin/build.mk
-include $(TOP)/qsh/build.mk
-include $(TOP)/tests/suite/build.mk
-include $(TOP)/bench/build.mk
include $(TOP)/mk/bootarchive.mk

all: $(ALL)

-include $(DEPS)
