# tests/fuzz/fuzz.mk - fuzzing and the fuzz regression test.  Included from
# the Makefile (after its rules):
#   make fuzz          every libFuzzer target for FUZZ_SECONDS (default 60)
#   make fuzz-smoke    every target for FUZZ_SMOKE_SECONDS (default 20), in
#                      parallel; skips with a message without clang/libFuzzer
#   make fuzz-build    only build build-fuzz/fuzz/*
# FUZZ_CC (default clang), FUZZ_TARGETS (a subset, e.g. "fuzz_diff").
# Findings land in tests/fuzz/findings/TARGET/ (ignored by git).
#
# The regression test (inputs in tests/fuzz/regressions/TARGET/ plus the
# conformance corpus through every target, without libFuzzer) is a unit
# test: $(BUILD)/tests/test_fuzz_regressions, built by `make unit-tests`
# (so also in build-san by `make check`) and run by tests/run.sh.

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_CC ?= clang

.PHONY: fuzz fuzz-smoke fuzz-build

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CC=$(FUZZ_CC) MAKE="$(MAKE)" sh tests/fuzz/run.sh full

fuzz-smoke:
	@FUZZ_SMOKE_SECONDS=$(FUZZ_SMOKE_SECONDS) FUZZ_CC=$(FUZZ_CC) MAKE="$(MAKE)" sh tests/fuzz/run.sh smoke

fuzz-build:
	@FUZZ_CC=$(FUZZ_CC) MAKE="$(MAKE)" sh tests/fuzz/run.sh build

FUZZ_REG_BIN := $(BUILD)/tests/test_fuzz_regressions
unit-tests: $(FUZZ_REG_BIN)

$(FUZZ_REG_BIN): tests/fuzz/test_regressions.c $(wildcard tests/fuzz/fuzz_*.c tests/fuzz/*.h) \
		$(wildcard include/specdiff/explain.h) $(BUILD)/libspecdiff.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Itests/fuzz $(PKG_CFLAGS) $(CFLAGS) -o $@ $< \
		$(BUILD)/libspecdiff.a $(PKG_LIBS) -lm $(LDFLAGS)
