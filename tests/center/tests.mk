# The center's test programs, built with ASan and UBSan. A fragment of
# tests/Makefile (run as `make -C tests`, TOP := ..): paths are relative
# to tests/. Alone: make -C tests -f center/tests.mk TOP=.. center-tests
#
#   center/build/*_test   unit tests, center/unit/NAME_test.c each linked
#                         with the center's sources its first line names
#                         ("/* objects: a b */", after the SPDX line); run by center/unit.t
#   center/build/mkreport signed report e-mails (center/tools/mkreport.c)
# SPDX-License-Identifier: ISC

CENTER_TB := center/build
CENTER_SRC := $(TOP)/center
CENTER_PROTO := $(TOP)/proto/build/libfaxcare-proto.a
CENTER_PKGS := gmime-3.0 libesmtp-1.0 libmariadb openssl
CENTER_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
CENTER_TCFLAGS = -std=gnu11 -Wall -Wextra -Werror -O1 -g $(CENTER_SAN) \
	-Ilib -I$(CENTER_SRC)/lib -I$(CENTER_SRC)/ingest -I$(CENTER_SRC)/outbox \
	-I$(CENTER_SRC)/portal \
	-I$(TOP)/proto/include -I$(TOP)/include/uapi -D_GNU_SOURCE \
	$(shell pkg-config --cflags $(CENTER_PKGS))
CENTER_TLIBS = $(CENTER_PROTO) $(shell pkg-config --libs $(CENTER_PKGS))

CENTER_UNITS := $(patsubst center/unit/%.c,$(CENTER_TB)/%, \
	$(wildcard center/unit/*_test.c))
CENTER_TESTS := $(CENTER_UNITS) $(CENTER_TB)/mkreport
TESTS_ALL += $(CENTER_TESTS)

.PHONY: center-tests center-built
center-tests: $(CENTER_TESTS)

# The programs the .t files run, and the protocol library the tests link.
center-built:
	$(MAKE) -C $(TOP)/proto
	$(MAKE) -C $(TOP)/center

# center_objects FILE: the center's sources FILE names in its "objects:" line.
center_objects = $(wildcard $(addprefix $(CENTER_SRC)/*/,$(addsuffix .c, \
	$(shell sed -n '1,5s/.*objects: *\([^*]*\)\*\/.*/\1/p' $(1)))))

$(CENTER_TB)/%: center/unit/%.c lib/tap.h $(wildcard $(CENTER_SRC)/*/*.[ch]) \
	| center-built
	@mkdir -p $(@D)
	$(CC) $(CENTER_TCFLAGS) -o $@ $< $(call center_objects,$<) \
	    $(CENTER_TLIBS)

$(CENTER_TB)/mkreport: center/tools/mkreport.c | center-built
	@mkdir -p $(@D)
	$(CC) $(CENTER_TCFLAGS) -o $@ $< $(CENTER_PROTO) \
	    $(shell pkg-config --libs openssl)
