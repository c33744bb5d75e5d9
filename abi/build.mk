# abi/build.mk - code generated from the ABI definitions.
GEN := $(T)/gen
KCALL_GEN := $(GEN)/kcall_numbers.h $(GEN)/kcall_protos.h $(GEN)/kcall_table.c \
	$(GEN)/kcall_stubs.c $(GEN)/kcall_names.c $(GEN)/kcall_user.h $(GEN)/kcall_raw.h

$(KCALL_GEN) &: $(TOP)/abi/kcalls.def $(TOP)/abi/gen.py
	@mkdir -p $(GEN)
	@echo "  GEN     kcalls"
	@$(PYTHON) $(TOP)/abi/gen.py kcalls $< $(GEN)

# The version string, rewritten only when it changes.
$(GEN)/version.h: FORCE
	@mkdir -p $(GEN)
	@v=$$(git -C $(TOP) describe --always --dirty 2>/dev/null || echo unknown); \
	 echo "#define QSOE_VERSION \"$$v\"" > $@.tmp; \
	 cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

.PHONY: FORCE
FORCE:
