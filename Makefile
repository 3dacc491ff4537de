# JWT Workbench: the README's two commands (make run, make test) and a few helpers.
# Every target first runs the idempotent dependency bootstrap, so a fresh Debian 12 machine needs nothing else.

BUILD_DIR   ?= build
BUILD_TYPE  ?= RelWithDebInfo
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS  ?=
CTEST_ARGS  ?=
DEPS_STAMP  := $(BUILD_DIR)/.deps-ok
FUZZ_DIR    ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
ASAN_DIR    ?= build-asan
NOGUI_DIR   ?= build-nogui
ASAN_CTEST_ARGS ?=

.PHONY: all deps configure build run test test-core test-cli test-gui test-packaging screenshots format format-check test-nogui translations clean \
	help fuzz asan package test-deb bench

all: build

help:
	@echo "make run    install what is missing, build, launch the GUI on its demo workspace"
	@echo "make test   install what is missing, build, run the whole test suite headless"
	@echo "make build  build only (binaries: $(BUILD_DIR)/bin/jwt-workbench, $(BUILD_DIR)/bin/jwt-workbench-cli)"
	@echo "make package  the .deb ($(BUILD_DIR)/jwt-workbench_<version>_<arch>.deb, CPack)"
	@echo "make test-deb install, run and purge that .deb in a fresh Debian 12 chroot (root, network)"
	@echo "make screenshots  every main view at 1280x800, light and dark, under Xvfb (packaging/screenshots)"
	@echo "make format clang-format every C++ source (make format-check: the dry run CI fails on)"
	@echo "make test-nogui  core, CLI and their tests with -DJWB_BUILD_GUI=OFF in $(NOGUI_DIR)"
	@echo "make translations  lupdate: refresh resources/translations/*.ts from the GUI sources (English filled in)"
	@echo "make fuzz   libFuzzer targets (clang-14, ASan+UBSan) in $(FUZZ_DIR), FUZZ_SECONDS=$(FUZZ_SECONDS) each"
	@echo "make bench  every benchmark plus peers (cjose, golang-jwt, PyJWT, openssl speed, libsodium, a Go one-shot CLI): one table of ratios"
	@echo "make asan   the whole test suite under ASan+UBSan+LSan in $(ASAN_DIR) (ASAN_CTEST_ARGS='-L core')"

# The bootstrap is fast when everything is present; the stamp only saves re-running it within one build tree.
$(DEPS_STAMP): packaging/bootstrap.sh tests/integration/servers/package-lock.json
	@bash packaging/bootstrap.sh
	@mkdir -p $(BUILD_DIR) && touch $@

deps:
	@bash packaging/bootstrap.sh
	@mkdir -p $(BUILD_DIR) && touch $(DEPS_STAMP)

$(BUILD_DIR)/build.ninja: $(DEPS_STAMP) CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BUILD_DIR)/bin/jwt-workbench --demo; \
	else \
		echo "No DISPLAY: starting the app on a virtual X server (xvfb-run)."; \
		xvfb-run -a -s "-screen 0 1440x900x24" $(BUILD_DIR)/bin/jwt-workbench --demo; \
	fi

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j $(JOBS) $(CTEST_ARGS)

test-core test-cli test-gui test-packaging: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -L $(subst test-,,$(subst gui,gui,$@)) $(CTEST_ARGS)

# Benchmarks, not tests: run on a quiet machine (the table records the load average). BENCH_SECONDS, BENCH_RUNS
# and BENCH_SCALE tune the run (tests/bench/run-bench.sh); results also go to $(BUILD_DIR)/bench/results.md.
bench: build
	@bash packaging/bootstrap.sh --bench
	bash tests/bench/run-bench.sh $(BUILD_DIR)

# The Debian package: install() rules and CPack settings are in packaging/Packaging.cmake.
package: build
	cd $(BUILD_DIR) && cpack -G DEB

test-deb: package
	bash packaging/test-deb-in-chroot.sh $(BUILD_DIR)

screenshots: build
	bash packaging/screenshots/make-screenshots.sh $(BUILD_DIR)

format:
	@command -v clang-format >/dev/null || bash packaging/bootstrap.sh
	find app core ui tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

# CI's formatting gate: clang-format's dry run over every C++ source; any file it would change fails the build and is
# named (fix with make format).
format-check:
	@command -v clang-format >/dev/null || bash packaging/bootstrap.sh
	@find app core ui tests -name '*.cpp' -o -name '*.h' | sort | xargs clang-format --dry-run --Werror \
		|| { echo "format-check: the files above are not clang-formatted (run make format)"; exit 1; }
	@echo "format-check: every C++ source is clang-formatted"

# The CLI and core without the GUI (-DJWB_BUILD_GUI=OFF) in their own tree, then every test that builds there: proves
# core and the CLI neither link nor need Qt Widgets.
test-nogui: $(DEPS_STAMP)
	cmake -S . -B $(NOGUI_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DJWB_BUILD_GUI=OFF $(CMAKE_ARGS)
	cmake --build $(NOGUI_DIR) --parallel $(JOBS)
	@if [ -e $(NOGUI_DIR)/bin/jwt-workbench ]; then echo "test-nogui: the GUI was built with JWB_BUILD_GUI=OFF"; exit 1; fi
	cd $(NOGUI_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j $(JOBS) $(CTEST_ARGS)

# lupdate over the GUI sources (ui/, app/gui/main.cpp) into resources/translations/*.ts; the English file gets every
# message's source text and the two forms of each "%n ...(s)" plural. The test ui_translations_lupdate fails until
# the refreshed files are committed.
translations: configure
	cmake --build $(BUILD_DIR) --target translations

clean:
	rm -rf $(BUILD_DIR) $(NOGUI_DIR)

# Fuzzing (tests/fuzz): a build tree of its own with clang-14; jwb_core is instrumented for libFuzzer, ASan and
# UBSan. Each target runs FUZZ_SECONDS over its seed corpus; any crash, leak, UB or timeout fails the target.
fuzz: $(DEPS_STAMP)
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DJWB_FUZZ=ON -DJWB_BUILD_GUI=OFF
	cmake --build $(FUZZ_DIR) --parallel $(JOBS) --target fuzzers
	bash tests/fuzz/run-fuzz.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The whole ctest suite under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (Debug, gcc).
# Leak suppressions (tests/fuzz/lsan.supp) cover third-party libraries only.
asan: $(DEPS_STAMP)
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJWB_SANITIZE=ON $(CMAKE_ARGS)
	cmake --build $(ASAN_DIR) --parallel $(JOBS)
	cd $(ASAN_DIR) && QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure --timeout 1800 -j $(JOBS) $(ASAN_CTEST_ARGS)
