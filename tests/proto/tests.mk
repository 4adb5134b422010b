# The proto unit tests (included by tests/Makefile; paths relative to tests/).
# Each tests/proto/unit/*.c but the helpers is a program, built with ASan and
# UBSan and linked with the protocol library built again the same way:
# build/proto/NAME, run by tests/proto/NAME.t through unit.sh. Also
# build/proto/make-fixture, which tests/proto/fixtures/regenerate runs.
# SPDX-License-Identifier: ISC

PROTO_T := $(B)/proto
PROTO_T_CFLAGS := $(TEST_WARN) -O2 -g $(TEST_SAN) -fPIC -MMD -MP \
	-I$(TOP)/proto/include -I$(TOP)/include/uapi -Iproto/unit -Ilib \
	$(shell $(PKG_CONFIG) --cflags openssl libesmtp-1.0)
PROTO_T_LIBS := $(shell $(PKG_CONFIG) --libs libesmtp-1.0 openssl)

PROTO_T_LIB_OBJS := $(patsubst $(TOP)/proto/src/%.c,$(PROTO_T)/san/%.o,\
	$(wildcard $(TOP)/proto/src/*.c))
PROTO_T_HELPERS := $(PROTO_T)/obj/sample.o $(PROTO_T)/obj/mailsplit.o
PROTO_T_PROGS := $(patsubst proto/unit/%.c,$(PROTO_T)/%,$(filter-out \
	proto/unit/sample.c proto/unit/mailsplit.c,$(wildcard proto/unit/*.c)))

TESTS_ALL += $(PROTO_T_PROGS) $(PROTO_T)/make-fixture

$(PROTO_T)/san/%.o: $(TOP)/proto/src/%.c
	@mkdir -p $(@D)
	$(CC) $(PROTO_T_CFLAGS) -c -o $@ $<

$(PROTO_T)/obj/%.o: proto/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(PROTO_T_CFLAGS) -c -o $@ $<

$(PROTO_T)/obj/make-fixture.o: proto/fixtures/make-fixture.c
	@mkdir -p $(@D)
	$(CC) $(PROTO_T_CFLAGS) -c -o $@ $<

$(PROTO_T)/%: $(PROTO_T)/obj/%.o $(PROTO_T_HELPERS) $(PROTO_T_LIB_OBJS)
	$(CC) -O2 -g $(TEST_SAN) -o $@ $^ $(PROTO_T_LIBS)

-include $(wildcard $(PROTO_T)/san/*.d $(PROTO_T)/obj/*.d)
