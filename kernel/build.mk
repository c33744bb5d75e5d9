# kernel/build.mk - Skimmer.
KERNEL_SRCS := \
	kernel/arch/riscv64/head.S kernel/arch/riscv64/entry.S kernel/arch/riscv64/usercopy.S \
	kernel/arch/riscv64/fp.S kernel/arch/riscv64/trap.c kernel/arch/riscv64/cpu.c \
	kernel/arch/riscv64/mmu.c kernel/arch/riscv64/sbi.c kernel/arch/riscv64/uart.c \
	kernel/arch/riscv64/plic.c \
	kernel/core/main.c kernel/core/klog.c kernel/core/panic.c kernel/core/platform.c \
	kernel/core/clock.c kernel/core/kcall.c kernel/core/kc_sys.c \
	kernel/irq/irq_source.c kernel/irq/kc_irq.c \
	kernel/time/ptimer.c kernel/time/kc_ptimer.c kernel/time/kc_clock.c kernel/time/cputime.c \
	kernel/mm/pmm.c kernel/mm/kmem.c kernel/mm/vm.c kernel/mm/uaccess.c kernel/mm/kc_vm.c \
	kernel/sched/sched.c kernel/sched/thread.c kernel/sched/ipiq.c kernel/sched/ktimer.c \
	kernel/sched/waitq.c kernel/sched/kc_thread.c kernel/sched/kc_timer.c \
	kernel/proc/proc.c kernel/proc/kc_proc.c kernel/proc/boot.c kernel/proc/ustack.c \
	kernel/proc/signal.c kernel/proc/signal_deliver.c kernel/proc/signal_jobctl.c \
	kernel/proc/kc_signal.c kernel/proc/cancel.c kernel/arch/riscv64/sigframe.c \
	kernel/ipc/iodesc.c kernel/ipc/channel.c kernel/ipc/connect.c kernel/ipc/msg.c kernel/ipc/fastpath.c kernel/ipc/msgprio.c \
	kernel/ipc/event.c kernel/ipc/ipc_proc.c kernel/ipc/kc_ipc.c \
	kernel/sync/key.c kernel/sync/pi.c kernel/sync/mutex.c kernel/sync/condvar.c \
	kernel/sync/sem.c kernel/sync/kc_sync.c \
	kernel/lib/string.c kernel/lib/vsnprintf.c kernel/lib/buddy.c kernel/lib/runq.c \
	kernel/lib/idtab.c \
	lib/fmt/fdt.c lib/fmt/cpio.c lib/fmt/elf.c

KERNEL_OBJS := $(foreach s,$(KERNEL_SRCS),$(call kobj,$(s))) $(T)/obj/k/gen/kcall_table.o
DEPS += $(KERNEL_OBJS:.o=.d)

$(KERNEL_OBJS): | $(KCALL_GEN)
$(T)/obj/k/kernel/core/main.o: $(GEN)/version.h
$(T)/obj/k/kernel/core/main.o: KCFLAGS += -include $(GEN)/version.h -DSKIMMER_VERSION=QSOE_VERSION

$(T)/obj/k/gen/kcall_table.o: $(GEN)/kcall_table.c
	@mkdir -p $(dir $@)
	@echo "  KCC     gen/kcall_table.c"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(T)/skimmer.elf: $(KERNEL_OBJS) $(TOP)/kernel/arch/riscv64/kernel.ld
	@echo "  LD      skimmer.elf"
	@$(KLD) -T $(TOP)/kernel/arch/riscv64/kernel.ld -nostdlib -o $@ $(KERNEL_OBJS) $(LIBGCC_K)

$(T)/skimmer.bin: $(T)/skimmer.elf
	@echo "  OBJCOPY skimmer.bin"
	@$(OBJCOPY) -O binary $< $@

ALL += $(T)/skimmer.elf $(T)/skimmer.bin
