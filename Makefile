# JWT Workbench: the README's two commands (make run, make test) and a few helpers.
# Every target first runs the idempotent dependency bootstrap, so a fresh Debian 12 machine needs nothing else.

BUILD_DIR   ?= build
BUILD_TYPE  ?= RelWithDebInfo
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS  ?=
CTEST_ARGS  ?=
DEPS_STAMP  := $(BUILD_DIR)/.deps-ok

.PHONY: all deps configure build run test test-core test-cli test-gui screenshots format clean help

all: build

help:
	@echo "make run    install what is missing, build, launch the GUI on its demo workspace"
	@echo "make test   install what is missing, build, run the whole test suite headless"
	@echo "make build  build only (binaries: $(BUILD_DIR)/bin/jwt-workbench, $(BUILD_DIR)/bin/jwt-workbench-cli)"
	@echo "make screenshots  every main view at 1280x800, light and dark, under Xvfb (packaging/screenshots)"
	@echo "make format clang-format every C++ source"

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

test-core test-cli test-gui: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -L $(subst test-,,$(subst gui,gui,$@)) $(CTEST_ARGS)

screenshots: build
	bash packaging/screenshots/make-screenshots.sh $(BUILD_DIR)

format:
	@command -v clang-format >/dev/null || bash packaging/bootstrap.sh
	find app core ui tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
