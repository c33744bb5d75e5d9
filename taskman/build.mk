# taskman/build.mk - taskman for Skimmer: a static executable, the first
# process, loaded by the kernel from the boot archive.
TASKMAN_SRCS := taskman/skimmer/start.S taskman/skimmer/main.c taskman/skimmer/seam.c \
	taskman/common/log.c taskman/common/bootfs.c taskman/common/loader.c \
	lib/fmt/cpio.c lib/fmt/elf.c
# Until taskman links the C library, it borrows the kernel's freestanding
# string and formatting routines (compiled for user mode).
TASKMAN_SRCS += kernel/lib/string.c kernel/lib/vsnprintf.c
TASKMAN_OBJS := $(foreach s,$(TASKMAN_SRCS),$(T)/obj/tm/$(basename $(s)).o)
DEPS += $(TASKMAN_OBJS:.o=.d)
TASKMAN_CFLAGS := $(UCFLAGS) -fno-pic -mcmodel=medany -I$(TOP)/taskman/include \
	-I$(TOP)/kernel/uapi -I$(TOP)/lib/fmt -I$(GEN) -I$(TOP)/kernel/include/shim \
	-I$(TOP)/kernel/include -I$(TOP)/kernel/arch/riscv64/include

$(TASKMAN_OBJS): | $(KCALL_GEN)

$(T)/obj/tm/%.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      [tm] $*.c"
	@$(CC) $(filter-out -fPIC,$(TASKMAN_CFLAGS)) -c $< -o $@

$(T)/obj/tm/%.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      [tm] $*.S"
	@$(CC) $(filter-out -fPIC,$(UASFLAGS)) -c $< -o $@

$(T)/boot/taskman: $(TASKMAN_OBJS) $(T)/lib/libqsoe.a $(TOP)/mk/static-user.ld
	@mkdir -p $(dir $@)
	@echo "  LD      taskman"
	@$(ULD) -static -nostdlib -T $(TOP)/mk/static-user.ld -o $@ $(TASKMAN_OBJS) \
		$(T)/lib/libqsoe.a $(LIBGCC_U)

ALL += $(T)/boot/taskman
