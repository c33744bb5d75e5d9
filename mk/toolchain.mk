# toolchain.mk - compilers and flags for the cross build.
#
# The kernel is rv64imac/lp64 (soft-float: it never touches FP registers),
# medany, freestanding. User space is rv64gc/lp64d, position independent,
# compiled against our own headers only; shared objects and programs are
# linked with riscv64-linux-gnu-ld (the bare-metal ld cannot make them).

CROSS     ?= riscv64-unknown-elf-
CC        := $(CROSS)gcc
AR        := $(CROSS)ar
OBJCOPY   := $(CROSS)objcopy
KLD       := $(CROSS)ld
ULD       := riscv64-linux-gnu-ld
PYTHON    ?= python3

GCC_INC   := $(shell $(CC) -print-file-name=include)
LIBGCC_K  := $(shell $(CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
LIBGCC_U  := $(shell $(CC) -march=rv64imafdc -mabi=lp64d -print-libgcc-file-name)

WARN      := -Wall -Wextra -Werror -Wno-unused-parameter -Wstrict-prototypes
BASE_CFLAGS := -std=gnu11 -O2 -g $(WARN) -ffreestanding -fno-common -fno-stack-protector \
	-fno-strict-aliasing -MMD -MP

KCFLAGS := $(BASE_CFLAGS) -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	-fno-omit-frame-pointer -fno-pic -nostdinc -isystem $(GCC_INC) \
	-I$(TOP)/kernel/include/shim -I$(TOP)/kernel/include -I$(TOP)/kernel/arch/riscv64/include \
	-I$(TOP)/kernel/uapi -I$(TOP)/lib/fmt -I$(T)/gen -idirafter $(TOP)/include
KASFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -D__ASSEMBLER__ \
	-I$(TOP)/kernel/include -I$(TOP)/kernel/arch/riscv64/include -idirafter $(TOP)/include -MMD -MP

UCFLAGS := $(BASE_CFLAGS) -march=rv64gc -mabi=lp64d -fPIC -nostdinc -isystem $(GCC_INC) \
	-I$(TOP)/include
UASFLAGS := -march=rv64gc -mabi=lp64d -fPIC -D__ASSEMBLER__ -I$(TOP)/include -MMD -MP
