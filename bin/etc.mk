# bin/etc.mk - the account files and login scripts of etc/ (see etc/README.md)
# into the boot archive with their modes; mk/bootarchive.mk records every
# file as owned by root. Included from bin/build.mk.
QU_ETC := passwd:0644 group:0644 shadow:0600 profile:0644 \
	home/root/.profile:0644 home/user/.profile:0644

# qu_etc_dest FILE: where etc/FILE goes (etc/home/X -> /home/X, root's home is /root).
qu_etc_dest = $(if $(filter home/root/%,$(1)),$(T)/boot/root/$(patsubst home/root/%,%,$(1)),$(if \
	$(filter home/%,$(1)),$(T)/boot/$(1),$(T)/boot/etc/$(1)))

define QU_ETC_FILE
$(call qu_etc_dest,$(1)): $(TOP)/etc/$(1) $(TOP)/bin/etc.mk
	@mkdir -p $$(dir $$@)
	@install -m $(2) $$< $$@
ALL += $(call qu_etc_dest,$(1))
endef
$(foreach f,$(QU_ETC),$(eval $(call QU_ETC_FILE,$(firstword $(subst :, ,$(f))),$(lastword \
	$(subst :, ,$(f))))))
