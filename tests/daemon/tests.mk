# The daemon's unit tests (included by tests/Makefile; paths relative to
# tests/): build/daemon/test_*, each linked with the daemon's code under test
# built again with ASan and UBSan, run by tests/daemon/unit-*.t; and
# build/daemon/report_read, a reader of delivered mail for the relay tests.
# SPDX-License-Identifier: ISC

DAEMON_T := $(B)/daemon
DAEMON_T_PKGS := libnl-genl-3.0 libudev libesmtp-1.0 openssl
DAEMON_T_CFLAGS := $(TEST_WARN) -O1 -g $(TEST_SAN) -MMD -MP \
	-I$(TOP)/daemon -I$(TOP)/proto/include -I$(TOP)/include/uapi -Ilib \
	$(shell $(PKG_CONFIG) --cflags $(DAEMON_T_PKGS))
DAEMON_T_LIBS := $(shell $(PKG_CONFIG) --libs $(DAEMON_T_PKGS))
# The protocol library as the daemon links it (make -C proto all).
DAEMON_T_PROTO := $(TOP)/proto/build/libfaxcare-smtp.a \
	$(TOP)/proto/build/libfaxcare-proto.a
DAEMON_T_COMMON := log config spool entry tracker state identity compose \
	engine_state clock repair

TESTS_ALL += $(addprefix $(DAEMON_T)/,test_spool test_tracker test_config \
	test_reporter test_batch test_state test_privdrop report_read)

$(DAEMON_T)/san/%.o: $(TOP)/daemon/%.c
	@mkdir -p $(@D)
	$(CC) $(DAEMON_T_CFLAGS) -c -o $@ $<

$(DAEMON_T)/obj/%.o: daemon/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(DAEMON_T_CFLAGS) -c -o $@ $<

$(DAEMON_T)/%: $(DAEMON_T)/obj/%.o
	$(CC) -O1 -g $(TEST_SAN) $(DAEMON_T_LDFLAGS) -o $@ $^ $(DAEMON_T_LIBS)

# What each program links besides itself.
$(DAEMON_T)/test_spool: $(DAEMON_T)/san/spool.o
$(DAEMON_T)/test_tracker: $(DAEMON_T)/san/tracker.o
$(DAEMON_T)/test_config: $(DAEMON_T)/san/config.o $(DAEMON_T_PROTO)
$(DAEMON_T)/test_reporter: $(DAEMON_T)/san/reporter.o \
	$(DAEMON_T_COMMON:%=$(DAEMON_T)/san/%.o) $(DAEMON_T_PROTO)
$(DAEMON_T)/test_batch: $(DAEMON_T)/san/batch.o $(DAEMON_T)/san/reporter.o \
	$(DAEMON_T_COMMON:%=$(DAEMON_T)/san/%.o) $(DAEMON_T_PROTO)
$(DAEMON_T)/test_state: $(DAEMON_T)/san/reporter.o \
	$(DAEMON_T_COMMON:%=$(DAEMON_T)/san/%.o) $(DAEMON_T_PROTO)
# Its reads fail on demand (EIO, ENOMEM).
$(DAEMON_T)/test_state: DAEMON_T_LDFLAGS := -Wl,--wrap=read
$(DAEMON_T)/test_privdrop: $(DAEMON_T)/san/privdrop.o $(DAEMON_T)/san/log.o
$(DAEMON_T)/report_read: $(DAEMON_T_PROTO)

-include $(wildcard $(DAEMON_T)/san/*.d $(DAEMON_T)/obj/*.d)
