# sbin/build.mk - the system services, cross-built with the program
# templates of mk/user.mk, and init's configuration, all into the boot
# archive (/sbin/..., /etc/init.conf).
SBIN := sbin

$(call user_program,$(T)/boot/sbin/init,$(SBIN)/init/init.c $(SBIN)/init/conf.c \
	$(SBIN)/init/session.c $(SBIN)/init/shutdown.c)
$(call user_program,$(T)/boot/sbin/slogger,$(SBIN)/slogger/main.c $(SBIN)/slogger/slogger.c \
	$(SBIN)/slogger/slog_ring.c)
$(call user_program,$(T)/boot/sbin/sloginfo,$(SBIN)/sloginfo/sloginfo.c)
$(call user_program,$(T)/boot/sbin/pipe,$(SBIN)/pipe/main.c $(SBIN)/pipe/pipe_io.c \
	$(SBIN)/pipe/fifo.c)
$(call user_program,$(T)/boot/sbin/devc-ser8250,$(SBIN)/devc-ser8250/main.c \
	$(SBIN)/devc-ser8250/uart.c $(SBIN)/devc-ser8250/tty.c $(SBIN)/devc-ser8250/tty_ctl.c \
	$(SBIN)/devc-ser8250/ldisc.c)
$(call user_program,$(T)/boot/sbin/tinysh,$(SBIN)/tinysh/tinysh.c)
$(call user_program,$(T)/boot/sbin/example-resmgr,$(SBIN)/example-resmgr/example.c)
# fs-ram, the RAM filesystem at /tmp (docs/fs-ram.md).
FSRAM_SRCS := $(addprefix $(SBIN)/fs-ram/,main.c mount.c connect.c rename.c io.c node.c dir.c \
	data.c walk.c)
$(call user_program,$(T)/boot/sbin/fs-ram,$(FSRAM_SRCS))

$(T)/boot/etc/init.conf: $(TOP)/sbin/init/init.conf
	@mkdir -p $(dir $@)
	@cp $< $@
ALL += $(T)/boot/etc/init.conf

# Test helper of the suite's "resmgr" group: a resource manager that crashes mid-request.
$(call user_program,$(T)/boot/bin/rmtest-crash,lib/c/resmgr/tests/rmcrash.c)
