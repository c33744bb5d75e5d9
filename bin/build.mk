# bin/build.mk - the quser utilities, cross-built with the program templates
# of mk/user.mk into the boot archive (/bin/NAME). The list of programs and
# their sources is bin/sources.mk, shared with the host build (CMakeLists.txt).
include $(TOP)/bin/sources.mk

QUSER_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -I$(TOP)/bin/lib

# quser_prog NAME: /bin/NAME from NAME_SRCS with NAME_DEFS; -lm where the
# host build needs libm too (libc provides crypt itself).
define QUSER_PROG
$(call user_program,$(T)/boot/bin/$(1),$($(1)_SRCS),$(QUSER_CFLAGS) \
	$(addprefix -D,$($(1)_DEFS)),$(if $(filter m,$($(1)_HOSTLIBS)),-lm))
endef
$(foreach p,$(QUSER_PROGS) $(QUSER_QSOE_PROGS),$(eval $(call QUSER_PROG,$(p))))

# QUSER_LINKS: LINK=TARGET installs TARGET again under LINK.
define QUSER_LINK
$(T)/boot/bin/$(1): $(T)/boot/bin/$(2)
	@cp $$< $$@
ALL += $(T)/boot/bin/$(1)
endef
$(foreach l,$(QUSER_LINKS),$(eval $(call QUSER_LINK,$(firstword $(subst =, ,$(l))),$(lastword $(subst =, ,$(l))))))
include $(TOP)/bin/etc.mk
