# specdiff - explains why two container specs "do not match".
#
#   make            build ./specdiff
#   make demo       install missing packages, build, open the example
#   make test       install missing packages, build, run every test
#   make check      unit, command-line and conformance tests under ASan+UBSan
#   make install    PREFIX=/usr/local DESTDIR=   (make uninstall undoes it)
#   make dist       specdiff-VERSION.tar.gz of the source
#   make V=1        show the commands
#
# Knobs: DEBUG=1 (-O0), SANITIZE=address,undefined (any build), CC=clang.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/specdiff
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
VERSION := 0.1.0

CC ?= cc
PKGS := ncursesw yaml-0.1 jansson
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

OPT := -O2
ifeq ($(DEBUG),1)
OPT := -O0
endif
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
BUILD ?= build
ifneq ($(SANITIZE),)
SANFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

CPPFLAGS += -Iinclude -I$(BUILD) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DSPECDIFF_VERSION='"$(VERSION)"' -DSPECDIFF_DATADIR='"$(DATADIR)"'
CFLAGS += -std=c11 $(OPT) -g $(WARN) $(SANFLAGS)
LDFLAGS += $(SANFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC := $(sort $(wildcard core/*.c)) $(BUILD)/schema_oci.gen.c
CLI_SRC := $(sort $(wildcard cli/*.c))
TUI_SRC := $(sort $(wildcard tui/*.c))
CORE_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(filter-out $(BUILD)/%,$(CORE_SRC))) $(BUILD)/schema_oci.gen.o
CLI_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(CLI_SRC))
TUI_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(TUI_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
TOOLS_BIN := $(patsubst tools/%.c,$(BUILD)/tools/%,$(sort $(wildcard tools/*.c)))

BIN := specdiff
ifneq ($(BUILD),build)
BIN := $(BUILD)/specdiff
endif

.PHONY: valgrind all demo test check deps install uninstall dist clean unit-tests tools bench fuzz style check-exports
.DEFAULT_GOAL := all

all: $(BIN)

$(BIN): $(CLI_OBJ) $(TUI_OBJ) $(BUILD)/libspecdiff.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_OBJ) $(BUILD)/libspecdiff.a $(PKG_LIBS) -lm

$(BUILD)/libspecdiff.a: $(CORE_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/schema_oci.gen.o: $(BUILD)/schema_oci.gen.c
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Icore $(CFLAGS) -MMD -MP -c -o $@ $<

# The OCI schema tables, one per runtime-spec specs-go version, are
# generated from core/oci-schema-VERSION.jsonl (written from that version's
# config.go by tools/gen_oci_schema, a Go program run by hand) so no one
# hand-types 300 paths.  The generator is a host tool and is never built
# with sanitizers.  A new version is one more jsonl file.
SCHEMA_JSONL := $(sort $(wildcard core/oci-schema-v*.jsonl))
$(BUILD)/schema_oci.gen.c: $(SCHEMA_JSONL) $(BUILD)/tools/gen_schema
	@echo "  GEN     $@"
	$(Q)$(BUILD)/tools/gen_schema $(SCHEMA_JSONL) > $@.tmp && mv $@.tmp $@

$(BUILD)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -O2 -g $(WARN) -o $@ $< $(PKG_LIBS)

tools: $(TOOLS_BIN)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libspecdiff.a $(TUI_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< \
		$(filter-out $(BUILD)/tui/main_explorer.o,$(TUI_OBJ)) $(BUILD)/libspecdiff.a $(CMOCKA_LIBS) $(PKG_LIBS) -lm $(LDFLAGS)

unit-tests: $(UNIT_BIN)

deps:
	@sh tools/install-deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh

test: deps
	@$(MAKE) --no-print-directory all unit-tests tools
	@SPECDIFF=./specdiff BUILD=$(BUILD) sh tests/run.sh
	@$(MAKE) --no-print-directory check-exports style
	@$(MAKE) --no-print-directory fuzz-smoke

# Memory errors and leaks under valgrind on the command-line tests that
# exercise every command (the whole suite takes over an hour under
# valgrind; VALGRIND_TESTS widens it).
VALGRIND_TESTS ?= test_inputs test_diff test_check test_explain test_image test_examples test_focus test_config
valgrind: all
	@SD_SUITES=cli SD_FILTER="$(VALGRIND_TESTS)" sh tests/valgrind.sh

check: deps
	@$(MAKE) --no-print-directory BUILD=build-san SANITIZE=address,undefined build-san/specdiff unit-tests tools
	@SPECDIFF=build-san/specdiff BUILD=build-san SD_SUITES="unit cli conformance" \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh

# Shell completions go where each shell looks for vendor files.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
# The examples, with the tour's lessons (specdiff tour reads DATADIR/examples).
EXAMPLE_DIRS := $(patsubst %/,%,$(sort $(dir $(wildcard examples/*/*))))
EXAMPLE_FILES := examples/README.md examples/lessons $(filter-out %/,$(sort $(wildcard examples/*/*)))
DATADIR_USERS = $(patsubst %.c,$(BUILD)/%.o,$(shell grep -l SPECDIFF_DATADIR core/*.c cli/*.c tui/*.c))

# The binary has DATADIR compiled in (the explorer's themes), so installing
# under another PREFIX first recompiles the objects that use it.
install:
	$(Q)if [ "$$(cat $(BUILD)/datadir.stamp 2>/dev/null)" != "$(DATADIR)" ]; then \
		rm -f $(DATADIR_USERS); fi
	$(Q)$(MAKE) --no-print-directory all
	$(Q)mkdir -p $(BUILD) && echo "$(DATADIR)" > $(BUILD)/datadir.stamp
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/specdiff
	install -m 644 themes/*.theme $(DESTDIR)$(DATADIR)/themes/
	$(Q)for d in $(EXAMPLE_DIRS); do install -d $(DESTDIR)$(DATADIR)/$$d || exit 1; done
	$(Q)for f in $(EXAMPLE_FILES); do install -m 644 $$f $(DESTDIR)$(DATADIR)/$$f || exit 1; done
	install -m 644 docs/specdiff.1 $(DESTDIR)$(MANDIR)/man1/specdiff.1
	install -m 644 completions/specdiff.bash $(DESTDIR)$(BASHCOMPDIR)/specdiff
	install -m 644 completions/_specdiff $(DESTDIR)$(ZSHCOMPDIR)/_specdiff
	install -m 644 completions/specdiff.fish $(DESTDIR)$(FISHCOMPDIR)/specdiff.fish

# Removes exactly what install wrote (no rm -r on a directory a knob names).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/specdiff $(DESTDIR)$(MANDIR)/man1/specdiff.1 \
		$(DESTDIR)$(BASHCOMPDIR)/specdiff $(DESTDIR)$(ZSHCOMPDIR)/_specdiff \
		$(DESTDIR)$(FISHCOMPDIR)/specdiff.fish \
		$(patsubst themes/%,$(DESTDIR)$(DATADIR)/themes/%,$(wildcard themes/*.theme)) \
		$(addprefix $(DESTDIR)$(DATADIR)/,$(EXAMPLE_FILES))
	rmdir $(addprefix $(DESTDIR)$(DATADIR)/,$(EXAMPLE_DIRS)) $(DESTDIR)$(DATADIR)/examples \
		$(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR) 2>/dev/null || true

# specdiff-VERSION.tar.gz in DISTDIR: the files git tracks or would track
# (.gitignore keeps build output out), under specdiff-VERSION/, with the
# last commit's date and no owner, so the same tree gives the same bytes.
DISTDIR ?= .
DIST_NAME = specdiff-$(VERSION)
dist:
	@git rev-parse --git-dir >/dev/null 2>&1 || { echo "make dist: needs a git checkout" >&2; exit 2; }
	@echo "  DIST    $(DISTDIR)/$(DIST_NAME).tar.gz"
	$(Q)git ls-files --cached --others --exclude-standard \
		| grep -v '^specdiff-.*\.tar\.gz$$' \
		| while IFS= read -r f; do [ -f "$$f" ] && printf '%s\0' "$$f"; done \
		| LC_ALL=C tar --null -T - --sort=name --owner=0 --group=0 --numeric-owner \
			--mtime="$$(git log -1 --format=%cI 2>/dev/null || echo 1970-01-01)" \
			--transform 's,^,$(DIST_NAME)/,' -cf - \
		| gzip -n -9 > $(DISTDIR)/$(DIST_NAME).tar.gz.tmp
	$(Q)mv $(DISTDIR)/$(DIST_NAME).tar.gz.tmp $(DISTDIR)/$(DIST_NAME).tar.gz

bench: all tools
	@sh tests/bench/run.sh

clean:
	rm -rf build build-san specdiff specdiff-*.tar.gz

# The written rules a script can check: core/ never prints or includes
# ncurses, headers open with their contract and a guard, tabs, no trailing
# white space.
style:
	@sh tools/style.sh

# Every global symbol of the core library is declared by a public header
# (sd_) or marked private (sdp_).
check-exports: $(BUILD)/libspecdiff.a
	@CC="$(CC)" sh tools/check-exports.sh $(BUILD)/libspecdiff.a include

include tests/fuzz/fuzz.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
