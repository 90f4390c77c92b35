# Sahel Reader: build, run and test.
#
#   make deps      install what is missing (Debian/Ubuntu; sudo when not root)
#                  (deps-build: only what building needs)
#   make build     bin/sahelreader
#   make run       deps-build + build, then start the reader (ARGS='--data-dir DIR')
#   make test      deps, gofmt, vet, metainfo check, race tests, build, end-to-end under Xvfb
#   make bench     benchmarks with allocations
#   make startup   start-up time and memory against a Fyne "hello world"
#
#   make package-linux    dist/sahelreader-VERSION-linux-ARCH.tar.xz
#   make package-windows  dist/Sahel Reader.exe, cross-built with mingw-w64, checked
#   make install          package-linux, then install it for you under ~/.local
#   make uninstall        remove that install
#   (packaging/package.sh builds them with the fyne tool; README: Packaging)
#
# POSIX make; checked with GNU make 4.3.

.POSIX:
.SUFFIXES:

GO = go
BIN = bin/sahelreader

# Build: cgo for GLFW/OpenGL and the X11 headers it compiles against.
# Tests: a virtual X server, input and screenshots for .ci/e2e.sh.
BUILD_DEBS = gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev
TEST_DEBS = xvfb xdotool imagemagick xauth appstream
# Packages: xz for the tarball; mingw-w64's C compiler for Windows' cgo.
PACKAGE_DEBS = xz-utils
WINDOWS_DEBS = gcc-mingw-w64-x86-64

all: build

deps: deps-go
	@$(MAKE) -s debs DEBS="$(BUILD_DEBS) $(TEST_DEBS)"

deps-build: deps-go
	@$(MAKE) -s debs DEBS="$(BUILD_DEBS)"

# debs DEBS="...": apt-get installs those of DEBS that are missing.
debs:
	@missing=; \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "deps: not a Debian/Ubuntu system; install the equivalents of:"; \
		echo "      $(DEBS)"; \
		exit 0; \
	fi; \
	for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: system packages present"; exit 0; fi; \
	sudo=; \
	if [ "$$(id -u)" != 0 ]; then \
		command -v sudo >/dev/null 2>&1 || { echo "deps: missing:$$missing; run as root or install sudo" >&2; exit 1; }; \
		sudo=sudo; \
	fi; \
	echo "deps: installing$$missing"; \
	$$sudo apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing

deps-go:
	@want=$$(awk '$$1 == "go" { print $$2; exit }' go.mod); \
	if ! command -v $(GO) >/dev/null 2>&1; then \
		echo "deps: Go $$want or newer is needed and '$(GO)' is not on PATH." >&2; \
		echo "      Get it from https://go.dev/dl/ (Debian's golang package is too old), e.g." >&2; \
		echo "        curl -LO https://go.dev/dl/go$$want.linux-amd64.tar.gz" >&2; \
		echo "        sudo tar -C /usr/local -xzf go$$want.linux-amd64.tar.gz" >&2; \
		echo "        export PATH=/usr/local/go/bin:\$$PATH" >&2; \
		exit 1; \
	fi; \
	have=$$($(GO) env GOVERSION) || { echo "deps: '$(GO) env GOVERSION' failed (go.mod needs Go $$want)" >&2; exit 1; }; \
	have=$${have#go}; \
	if [ "$$(printf '%s\n%s\n' "$$want" "$$have" | sort -V | head -n 1)" != "$$want" ]; then \
		echo "deps: Go $$have found, go.mod needs Go $$want or newer: see https://go.dev/dl/" >&2; \
		exit 1; \
	fi; \
	echo "deps: Go $$have (go.mod: $$want)"

build:
	$(GO) build -o $(BIN) .

# LANG defaults to C.UTF-8 so that typed text is UTF-8 on a bare system;
# the app itself keeps Fyne quiet about that locale (ui/plainlocale).
run: deps-build build
	LANG=$${LANG:-C.UTF-8} exec ./$(BIN) $(ARGS)

test: deps
	@echo "gofmt -l ."; out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "these files need gofmt -w:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	for f in .ci/floor/hello.go .ci/icon/main.go .ci/dbtool/main.go .ci/checkexe/main.go; do $(GO) vet "$$f" || exit 1; done
	appstreamcli validate --no-net packaging/linux/org.sahelreader.SahelReader.metainfo.xml
	$(GO) test -race ./...
	$(GO) build -o $(BIN) .
	.ci/e2e.sh $(BIN)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

startup: deps
	.ci/startup.sh

package-linux: deps-build
	@$(MAKE) -s debs DEBS="$(PACKAGE_DEBS)"
	packaging/package.sh linux

# A cold build takes about 8 minutes on 2 cores; make test leaves it out.
package-windows: deps-go
	@$(MAKE) -s debs DEBS="$(WINDOWS_DEBS)"
	packaging/package.sh windows

install: package-linux
	$(MAKE) -C dist/linux/sahelreader user-install

uninstall:
	$(MAKE) -f packaging/linux/Makefile user-uninstall

.PHONY: all deps deps-build debs deps-go build run test bench startup \
	package-linux package-windows install uninstall
