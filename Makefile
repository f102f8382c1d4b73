# voxprep: one Makefile plus config.mk, pkg-config for the libraries.
include config.mk

# Objects and binaries of each configuration live apart, so a sanitizer,
# soxr or DEVELOPER build never mixes with the default one (and is not
# taken for up to date because the default one is).
VARIANT = default
ifeq ($(SANITIZE),1)
VARIANT := $(VARIANT)-san
endif
ifeq ($(RESAMPLER),soxr)
VARIANT := $(VARIANT)-soxr
endif
ifeq ($(DEVELOPER),1)
VARIANT := $(VARIANT)-dev
endif
O = build/$(VARIANT)

ifeq ($(RESAMPLER),soxr)
SRC_PC = soxr-lsr
RESAMPLER_CPPFLAGS = -DUSE_SOXR_LSR
else
SRC_PC = samplerate
RESAMPLER_CPPFLAGS =
endif

DEPS = sndfile $(SRC_PC) libzip libdeflate icu-uc icu-i18n libxml-2.0 jansson nettle
DEP_CFLAGS != $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null || true
DEP_LIBS != $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null || true

WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter
ifeq ($(DEVELOPER),1)
WARN += -Werror -pedantic
endif
ifeq ($(SANITIZE),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
endif

# No path of the checkout goes into a binary: debug information names
# the sources relative to it, and an uninstalled tool finds the schemas
# through $(O)/share/voxprep beside its bin/ (profile_datadir), a link
# into the tree, not through a path compiled in.  Only lib/profile.o
# has DATADIR, so "make install PREFIX=..." rebuilds just that object.
SRCDIR != pwd
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS) -pthread \
	-ffile-prefix-map=$(SRCDIR)=.
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Ilib $(DEP_CFLAGS) \
	-DVERSION='"$(VERSION)"' \
	-DBUILDINFO='"$(BUILDINFO)"' $(RESAMPLER_CPPFLAGS) $(CPPFLAGS) \
	$(EXTRA_CPPFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS) -pthread
BUILDINFO = , resampler $(RESAMPLER)
EXTRA_CPPFLAGS =
$(O)/lib/profile.o: private EXTRA_CPPFLAGS = -DDATADIR='"$(DATADIR)"'

# Objects depend on the flags they were built with, as git's GIT-CFLAGS:
# $(O)/.flags holds them and is rewritten only when they change, so
# "make CFLAGS=-O0" after "make" rebuilds everything and a second make
# nothing.  The + runs the comparison under make -n and -q as well, so
# that they answer truly: it may then rewrite the file, which costs only
# a rebuild, but it makes no folder under make -n.  $(O)/.datadir does
# the same for lib/profile.o.
TRACK_FLAGS = CC=$(CC) CFLAGS=$(ALL_CFLAGS) CPPFLAGS=$(ALL_CPPFLAGS) \
	LDFLAGS=$(ALL_LDFLAGS) LIBS=$(DEP_LIBS) SANITIZE=$(SANITIZE) \
	RESAMPLER=$(RESAMPLER) DEVELOPER=$(DEVELOPER)
DRYRUN = $(findstring n,$(firstword -$(MAKEFLAGS)))
track = v='$(subst ','\'',$(1))'; \
	if [ ! -d $(@D) ]; then $(if $(DRYRUN),exit 0,mkdir -p $(@D)); fi; \
	[ x"$$v" = x"$$(cat $@ 2>/dev/null)" ] || printf '%s\n' "$$v" >$@

LIB_SRC != ls lib/*.c
LIB_HDR != ls lib/*.h
LIB_OBJ = $(LIB_SRC:%.c=$(O)/%.o)
TOOLS != ls tools/*.c | sed 's,tools/,,; s,\.c$$,,'
TOOL_BIN = $(TOOLS:%=$(O)/bin/%)
UNIT_SRC != ls tests/unit/*.c
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(O)/unit/%)
MAN1 != ls docs/*.1
MAN7 != ls docs/*.7
DATA = schemas/azure-speech.xml schemas/profile.xsd schemas/junit.xsd \
	schemas/finding.schema.json schemas/manifest.schema.json \
	schemas/sarif-subset.schema.json

all: $(TOOL_BIN) $(O)/share/voxprep
ifeq ($(O),build/$(VARIANT))
	@for t in $(TOOLS); do ln -sf $(VARIANT)/bin/$$t build/$$t; done
endif

$(O)/.flags: FORCE
	+@$(call track,$(TRACK_FLAGS))

$(O)/.datadir: FORCE
	+@$(call track,$(DATADIR))

$(O)/share/voxprep:
	@mkdir -p $(@D)
	ln -sfn $(SRCDIR)/schemas $@

$(O)/lib/profile.o: $(O)/.datadir

$(O)/lib/%.o: lib/%.c $(LIB_HDR) $(O)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tools/%.o: tools/%.c $(LIB_HDR) $(O)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The build validates the shipped profile against its schema once, and
# compiles in the SHA-256 of both (lib/gen/profile-stamp.c): a profile
# of those very bytes is not validated again in every run.  An invalid
# profile stops the build here.
$(O)/gen/profile-stamp: lib/gen/profile-stamp.c $(LIB_OBJ) $(O)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(LIB_OBJ) $(DEP_LIBS) -lm

$(O)/gen/stamp.c: $(O)/gen/profile-stamp schemas/azure-speech.xml \
    schemas/profile.xsd
	$(O)/gen/profile-stamp schemas/azure-speech.xml schemas/profile.xsd \
		>$@.tmp && mv -f $@.tmp $@

$(O)/gen/stamp.o: $(O)/gen/stamp.c $(O)/.flags
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(O)/libvoxprep.a: $(LIB_OBJ) $(O)/gen/stamp.o
	rm -f $@
	ar rcs $@ $(LIB_OBJ) $(O)/gen/stamp.o

$(O)/bin/%: $(O)/tools/%.o $(O)/libvoxprep.a $(O)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libvoxprep.a $(DEP_LIBS) -lm

# Unit tests are never installed: they may know the tree (unit_vendor).
$(O)/unit/%: tests/unit/%.c tests/unit/unit.h $(O)/libvoxprep.a $(LIB_HDR) \
    $(O)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -DSRCDATADIR='"$(SRCDIR)/schemas"' \
		$(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) \
		-o $@ $< $(O)/libvoxprep.a $(DEP_LIBS) -lm

# Debian packages: build dependencies, then what the tests and the demo use.
DEB_BUILD = gcc make pkg-config libsndfile1-dev libsamplerate0-dev \
	libsoxr-dev libsoxr-lsr0 libzip-dev libicu-dev libxml2-dev \
	libjansson-dev nettle-dev libdeflate-dev
DEB_TEST = sox libsox-fmt-all espeak-ng mandoc valgrind libxml2-utils \
	python3 python3-jsonschema zip unzip clang time strace \
	git pre-commit parallel sctk chromium

deps:
	@command -v dpkg-query >/dev/null 2>&1 || { \
		echo "make deps: not a Debian system; install: $(DEPS)"; exit 0; }; \
	missing=; for p in $(DEB_BUILD) $(DEB_TEST); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'ok installed' || missing="$$missing $$p"; done; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "make deps: installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "make deps: missing packages; run:"; \
		echo "  sudo apt-get update && sudo apt-get install$$missing"; \
		exit 1; \
	fi

check: deps
	@$(MAKE) --no-print-directory all unit
	@TOOLDIR=$(CURDIR)/$(O)/bin UNITDIR=$(CURDIR)/$(O)/unit \
		VALGRIND="$(if $(filter 1,$(VALGRIND)),valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite,)" \
		sh tests/run.sh

unit: $(UNIT_BIN) $(O)/share/voxprep

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN7)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh samples/demo.sh $(CURDIR)/$(O)/bin

bench: deps
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh $(CURDIR)/$(O)/bin

# Fuzzing: clang's libFuzzer over an ASan+UBSan build of the library.
# make fuzz runs every target (or FUZZ=fuzz_zip only) for FUZZ_RUNS
# inputs over its corpus; new inputs go to build/fuzz/NAME.corpus.
FUZZ_SRC != ls tests/fuzz/*.c 2>/dev/null
FUZZ_ALL = $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ = $(FUZZ_ALL)
FUZZ_RUNS = 20000
FUZZ_FLAGS = -max_len=65536
FUZZ_CFLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined

fuzz-build:
	@$(MAKE) --no-print-directory O=build/fuzz/lib CC=clang SANITIZE=1 \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" build/fuzz/lib/libvoxprep.a
	@$(MAKE) --no-print-directory $(FUZZ_ALL:%=build/fuzz/%)

build/fuzz/%: tests/fuzz/%.c build/fuzz/lib/libvoxprep.a $(LIB_HDR)
	clang $(FUZZ_CFLAGS) $(ALL_CPPFLAGS) -o $@ $< \
		build/fuzz/lib/libvoxprep.a $(DEP_LIBS) -lm

fuzz: fuzz-build
	@for n in $(FUZZ); do \
		mkdir -p build/fuzz/$$n.corpus; \
		echo "fuzz: $$n ($(FUZZ_RUNS) runs)"; \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp \
		build/fuzz/$$n -runs=$(FUZZ_RUNS) $(FUZZ_FLAGS) \
		build/fuzz/$$n.corpus tests/fuzz/corpus/$$n || exit 1; \
	done

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man7
	for t in $(TOOLS); do cp -f $(O)/bin/$$t $(DESTDIR)$(PREFIX)/bin/; done
	cp -f $(DATA) $(DESTDIR)$(DATADIR)/
	cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp -f $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t; done
	for f in $(DATA); do rm -f $(DESTDIR)$(DATADIR)/$${f#schemas/}; done
	-rmdir $(DESTDIR)$(DATADIR)
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${f#docs/}; done
	for f in $(MAN7); do rm -f $(DESTDIR)$(MANPREFIX)/man7/$${f#docs/}; done

clean:
	rm -rf build

FORCE:

.PHONY: FORCE all bench check clean demo deps fuzz fuzz-build install lint \
	uninstall unit
.SECONDARY:
