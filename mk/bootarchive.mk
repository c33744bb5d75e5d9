# bootarchive.mk - the boot archive modpkg.cpio (newc), given to the kernel
# as the initrd. It holds taskman and everything the system needs before a
# disk is mounted. Files come from $(T)/boot/ (their names in the archive),
# with their modes; every file is recorded as owned by root (-R 0:0).
BOOT_FILES = $(filter $(T)/boot/%,$(ALL))

$(T)/modpkg.cpio: $(BOOT_FILES) $(TOP)/mk/bootarchive.mk
	@echo "  CPIO    modpkg.cpio"
	@cd $(T)/boot && printf '%s\n' $(patsubst $(T)/boot/%,%,$(BOOT_FILES)) | \
		LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible > $@.tmp && mv $@.tmp $@

ALL += $(T)/modpkg.cpio
