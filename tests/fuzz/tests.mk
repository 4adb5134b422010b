# The fuzz targets (included by tests/Makefile; paths relative to tests/):
# build/fuzz/NAME for each tests/fuzz/NAME.c but the helpers, a libFuzzer
# program built with clang, ASan and UBSan, linked with the project's code
# under test built again the same way (instrumented for coverage). Each has
# a seed corpus made from the project's own fixtures, build/fuzz/seeds/NAME/.
# tests/fuzz/fuzz.t runs each briefly; `make fuzz` (tests/fuzz/run) long.
# SPDX-License-Identifier: ISC

FUZZ_B := $(B)/fuzz
FUZZ_CC := clang
FUZZ_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
FUZZ_PKGS := gmime-3.0 libnl-genl-3.0 libesmtp-1.0 openssl
FUZZ_CFLAGS := $(TEST_WARN) -D_GNU_SOURCE -O1 -g $(FUZZ_SAN) -MMD -MP \
	-I$(TOP)/proto/include -I$(TOP)/include/uapi -I$(TOP)/daemon \
	-I$(TOP)/center/ingest -I$(TOP)/center/portal -I$(TOP)/center/lib \
	$(shell pkg-config --cflags libmariadb 2>/dev/null) \
	-DFAXCENTER_CONF='"$(abspath $(TOP)/center/conf/faxcenter.conf)"' \
	$(shell cat /usr/share/kore/features 2>/dev/null) \
	$(shell $(PKG_CONFIG) --cflags $(FUZZ_PKGS))
FUZZ_LIBS := $(shell $(PKG_CONFIG) --libs $(FUZZ_PKGS))

FUZZ_NAMES := report mime config validators json engine lmtp
FUZZ_PROGS := $(FUZZ_NAMES:%=$(FUZZ_B)/%)
FUZZ_SEEDS := $(FUZZ_NAMES:%=$(FUZZ_B)/seeds/%/.made)
TESTS_ALL += $(FUZZ_PROGS) $(FUZZ_SEEDS)

.PHONY: fuzz-built
fuzz-built: $(FUZZ_PROGS) $(FUZZ_SEEDS)

# The protocol library without its SMTP part, as the center links it.
FUZZ_PROTO := $(patsubst $(TOP)/proto/src/%.c,$(FUZZ_B)/obj/proto/%.o,\
	$(filter-out $(TOP)/proto/src/smtp%,$(wildcard $(TOP)/proto/src/*.c)))

# The project's code, with coverage for libFuzzer to steer by.
$(FUZZ_B)/obj/%.o: $(TOP)/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_B)/obj/proto/%.o: $(TOP)/proto/src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_B)/obj/tests/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_PROGS): $(FUZZ_B)/%: $(FUZZ_B)/obj/tests/%.o
	$(FUZZ_CC) -g $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(FUZZ_LIBS)

# What each target links besides itself.
$(FUZZ_B)/report: $(FUZZ_PROTO)
$(FUZZ_B)/mime: $(FUZZ_B)/obj/center/ingest/mime.o $(FUZZ_PROTO)
$(FUZZ_B)/config: $(FUZZ_B)/obj/daemon/config.o $(FUZZ_PROTO) \
	$(FUZZ_B)/obj/proto/smtp_policy.o
$(FUZZ_B)/validators: $(FUZZ_B)/obj/center/portal/field.o $(FUZZ_PROTO)
$(FUZZ_B)/json: $(FUZZ_B)/obj/center/portal/json.o \
	$(FUZZ_B)/obj/tests/kore_buf.o
$(FUZZ_B)/engine: $(FUZZ_B)/obj/daemon/engine_parse.o \
	$(FUZZ_B)/obj/daemon/engine_state.o
$(FUZZ_B)/lmtp: $(FUZZ_B)/obj/center/ingest/lmtp.o

# Seeds: whole messages for the parsers (the report parser skips what is
# around its block), the daemon's sample and test configurations, the
# values the portal's fixtures and forms hold, replies and events as the
# kernel module writes them.
FUZZ_MAILS := $(wildcard proto/fixtures/*.eml center/fixtures/*.eml)

$(FUZZ_B)/seeds/report/.made $(FUZZ_B)/seeds/mime/.made: $(FUZZ_MAILS)
	@rm -rf $(@D) && mkdir -p $(@D)
	for f in $^; do cp $$f $(@D)/$$(echo $$f | tr / -); done
	@touch $@

# Sessions as Postfix's lmtp(8) holds them, each carrying a fixture's
# mail dot-stuffed; one that pipelines two messages on one connection.
$(FUZZ_B)/seeds/lmtp/.made: $(FUZZ_MAILS)
	@rm -rf $(@D) && mkdir -p $(@D)
	for f in $^; do { printf 'LHLO mx\r\nMAIL FROM:<a@b.test>\r\n'; \
	    printf 'RCPT TO:<r@c.test>\r\nRCPT TO:<s@c.test>\r\nDATA\r\n'; \
	    sed 's/^\./../' $$f; printf '\r\n.\r\nRSET\r\nQUIT\r\n'; } \
	    >$(@D)/$$(echo $$f | tr / -); done
	printf 'LHLO mx\r\nMAIL FROM:<>\r\nRCPT TO:<r@c>\r\nDATA\r\n.x\r\n.\r\nMAIL FROM:<a@b> SIZE=9\r\nRCPT TO:<r@c>\r\nDATA\r\nline\r\n.\r\nNOOP\r\nQUIT\r\n' >$(@D)/two
	@touch $@

$(FUZZ_B)/seeds/config/.made: $(TOP)/daemon/faxcared.conf.example \
	daemon/lib/setup.sh
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $< $(@D)/example
	eval "$$(sed -n '/^write_conf()/,/^}/p' daemon/lib/setup.sh)" && \
	    conf=$(@D)/setup key=/etc/hostname spool=/var/tmp write_conf \
	    'reminder diminishing 1d' 'hold 5s' 'retry-min 1s'
	@touch $@

$(FUZZ_B)/seeds/validators/.made $(FUZZ_B)/seeds/json/.made: \
	center/fixtures/portal-seed.sql
	@rm -rf $(@D) && mkdir -p $(@D)
	grep -oE "'[^']*'|[0-9]+" $< | tr -d "'" | sort -u | \
	    awk -v d=$(@D) '{ f = sprintf("%s/%04d", d, NR); \
	    printf "%s", $$0 > f; close(f) }'
	printf '2024-02-29 23:59' >$(@D)/leap
	printf '%s' '-42' >$(@D)/negative
	@touch $@

$(FUZZ_B)/seeds/engine/.made: $(FUZZ_B)/engine_seeds
	@rm -rf $(@D) && mkdir -p $(@D)
	$< $(@D)
	@touch $@

$(FUZZ_B)/engine_seeds: fuzz/engine_seeds.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(TEST_WARN) -O1 -g -I$(TOP)/include/uapi -o $@ $< \
	    $(shell $(PKG_CONFIG) --cflags --libs libnl-genl-3.0)

-include $(wildcard $(FUZZ_B)/obj/*/*.d $(FUZZ_B)/obj/*/*/*.d)
