# taskman/build.mk - taskman for Skimmer: a static executable, the first
# process, loaded by the kernel from the boot archive.
#
# taskman links a private static archive (libtmc.a) of the C library's
# sources (lib/c/sources.mk) built without PIC; the linker takes only what
# taskman uses (malloc, string, snprintf, qsort, strtol). Those parts never
# send messages; the few OS functions they call are in skimmer/glue.c.
TASKMAN_COMMON := log server proc exit wait pgrp cred kill proclist spawn spawnreq startup \
	elfdyn symbols imgfile loadq libcache loader reloc pathutil bootfs pathmgr pathreq ocb connect io \
	ioread fsutil fs_boot fs_proc fs_sys fs_dev fs_shm
TASKMAN_SRCS := taskman/skimmer/start.S taskman/skimmer/main.c taskman/skimmer/boot.c \
	taskman/skimmer/seam.c taskman/skimmer/glue.c \
	$(foreach f,$(TASKMAN_COMMON),taskman/common/$(f).c) \
	lib/fmt/cpio.c lib/fmt/elf.c lib/fmt/fdt.c
TASKMAN_OBJS := $(foreach s,$(TASKMAN_SRCS),$(T)/obj/tm/$(basename $(s)).o)
DEPS += $(TASKMAN_OBJS:.o=.d)
TASKMAN_CFLAGS := $(filter-out -fPIC,$(UCFLAGS)) -fno-pic -mcmodel=medany \
	-I$(TOP)/taskman/include -I$(TOP)/kernel/uapi -I$(TOP)/lib/fmt -I$(GEN)

$(TASKMAN_OBJS): | $(KCALL_GEN) $(GEN)/version.h

$(T)/obj/tm/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      [tm] $*.c"
	@$(CC) $(TASKMAN_CFLAGS) -c $< -o $@

$(T)/obj/tm/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      [tm] $*.S"
	@$(CC) $(filter-out -fPIC,$(UASFLAGS)) -c $< -o $@

# The C library's sources, as lib/c/sources.mk lists them (parsed, not
# included, so the C library's own build keeps its variables to itself).
TMLIBC_SRCS := $(shell sed -n 's/^LIBC_SRCS += //p' $(TOP)/lib/c/sources.mk)
TMLIBC_OBJS := $(foreach s,$(TMLIBC_SRCS),$(T)/obj/tmlibc/$(basename $(s)).o)
DEPS += $(TMLIBC_OBJS:.o=.d)
TMLIBC_CFLAGS := $(filter-out -fPIC,$(UCFLAGS)) -fno-pic -mcmodel=medany -fno-builtin \
	-fno-tree-loop-distribute-patterns -I$(TOP)/lib/c/internal

$(T)/obj/tmlibc/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      [tmlibc] $*.c"
	@$(CC) $(TMLIBC_CFLAGS) -c $< -o $@

$(T)/obj/tmlibc/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      [tmlibc] $*.S"
	@$(CC) $(filter-out -fPIC,$(UASFLAGS)) -c $< -o $@

$(T)/lib/libtmc.a: $(TMLIBC_OBJS)
	@mkdir -p $(dir $@)
	@echo "  AR      libtmc.a"
	@rm -f $@ && $(AR) rcs $@ $^

$(T)/boot/taskman: $(TASKMAN_OBJS) $(T)/lib/libtmc.a $(T)/lib/libqsoe.a $(TOP)/mk/static-user.ld
	@mkdir -p $(dir $@)
	@echo "  LD      taskman"
	@$(ULD) -static -nostdlib -T $(TOP)/mk/static-user.ld -o $@ $(TASKMAN_OBJS) \
		--start-group $(T)/lib/libtmc.a $(T)/lib/libqsoe.a --end-group $(LIBGCC_U)

ALL += $(T)/boot/taskman
