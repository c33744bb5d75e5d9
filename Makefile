# QSOE top-level Makefile.
#
#   make          build everything (cross build in $(O)/target, host build in $(O)/host)
#   make run      boot QSOE/N in QEMU with the serial console on this terminal
#   make test     build and run every test (ctest)
#   make bench    run the benchmarks (guest instruction counts, JSON lines)
#   make format   reformat the C sources with clang-format
#   make docs     regenerate the generated parts of docs/
#
# O=dir puts the build somewhere else (default: build). Each command installs
# the Debian packages it lacks first (scripts/deps.sh).

O ?= build
OABS := $(abspath $(O))
NPROC := $(shell nproc 2>/dev/null || echo 2)
SMP ?= 4
MEM ?= 512M

.PHONY: all deps target host run test bench format docs clean

all: target host

deps:
	@scripts/deps.sh

target: deps
	@$(MAKE) --no-print-directory -j$(NPROC) -f mk/target.mk O=$(OABS)

host: deps
	@cmake -S . -B $(OABS)/host -G Ninja -DCMAKE_BUILD_TYPE=Debug \
		-DQSOE_TARGET_DIR=$(OABS)/target >/dev/null
	@cmake --build $(OABS)/host -j $(NPROC)

run: target
	@scripts/qemu.sh -s $(SMP) -m $(MEM) $(OABS)/target

test: all
	@cd $(OABS)/host && ctest --output-on-failure -j $(NPROC) --timeout 1200

bench: target
	@scripts/bench.py $(OABS)/target

format:
	@git ls-files '*.c' '*.h' | grep -v -e '^tests/.*/cases/' | xargs clang-format -i

docs: deps
	@python3 abi/gen.py kcalls-doc abi/kcalls.def docs/abi-kcalls.md
	@python3 abi/gen.py iomsg abi/iomsg.def include/sys/iomsg_codes.h
	@python3 abi/gen.py taskman abi/taskman.def include/qsoe/taskman_codes.h
	@clang-format -i include/qsoe/taskman_codes.h

clean:
	rm -rf $(OABS)
