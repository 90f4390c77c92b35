#!/usr/bin/env bash
# packaging/package.sh linux|windows|darwin: the release package for one
# system, built with the fyne tool into dist/. `make package-linux` and
# `make package-windows` run it here; the release workflow runs it on each
# system's own runner.
#
#   linux    dist/sahelreader-VERSION-linux-ARCH.tar.xz: fyne's tarball (binary,
#            .desktop file) plus the AppStream metainfo, a 512 px theme icon and
#            packaging/linux/Makefile to install it; dist/linux/ is that tree
#            unpacked, for `make install`
#   windows  dist/Sahel Reader.exe (icon, version resource, manifest, GUI
#            subsystem), cross-built with mingw-w64 unless run on Windows, then
#            checked by .ci/checkexe
#   darwin   dist/sahelreader-VERSION-macos-ARCH.zip holding Sahel Reader.app
#            (on a Mac only)
#
# fyne package builds from a copy of the source: it writes generated Go and
# resource files next to main.go while it builds, and adds one to Build in
# FyneApp.toml after each package; neither may touch the work tree.
set -euo pipefail

FYNE_TOOL=fyne.io/tools/cmd/fyne@v1.7.4

target=${1:-}
case $target in
linux | windows | darwin) ;;
*)
	echo "usage: $0 linux|windows|darwin" >&2
	exit 2
	;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# The version and build from FyneApp.toml, the one place they are set.
field() { sed -n "s/^$1 *= *\"*\([^\"]*\)\"*\$/\1/p" FyneApp.toml | head -n 1; }
VERSION=$(field Version)
BUILD=$(field Build)
ID=$(field ID)
if ! [[ $VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && $BUILD =~ ^[0-9]+$ && -n $ID ]]; then
	echo "package: FyneApp.toml needs Version = \"X.Y.Z\", Build = N and ID (found '$VERSION', '$BUILD', '$ID')" >&2
	exit 1
fi

# The pinned fyne tool, installed where go install puts it if it is not there.
gobin=$(go env GOBIN)
gobin=${gobin:-$(go env GOPATH)/bin}
if command -v cygpath >/dev/null; then # Git Bash on Windows: C:\... to /c/...
	gobin=$(cygpath -u "$gobin")
fi
FYNE=$gobin/fyne
case $("$FYNE" version 2>/dev/null || :) in
*"cli version: ${FYNE_TOOL#*@}"*) ;;
*)
	echo "package: go install $FYNE_TOOL"
	go install "$FYNE_TOOL"
	;;
esac

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/sahelreader-package.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
SRC=$STAGE/src
mkdir -p "$SRC" dist
tar -C "$ROOT" --exclude=./.git --exclude=./dist --exclude=./bin -cf - . | tar -C "$SRC" -xf -

# fyne_package OS: fyne package --release in the copy, timed.
fyne_package() {
	local start=$SECONDS
	echo "package: fyne package --release -os $1"
	(cd "$SRC" && "$FYNE" package --release -os "$1")
	echo "package: fyne package took $((SECONDS - start)) s"
}

case $target in
linux)
	fyne_package linux
	arch=$(go env GOARCH)
	out=dist/sahelreader-$VERSION-linux-$arch.tar.xz
	rm -rf dist/linux
	mkdir -p dist/linux
	tar -C dist/linux -xJf "$SRC/Sahel Reader.tar.xz"
	pkg=dist/linux/sahelreader
	share=$pkg/usr/local/share
	if [ ! -x "$pkg/usr/local/bin/sahelreader" ] || [ ! -f "$share/applications/$ID.desktop" ]; then
		echo "package: fyne's tarball is not laid out as usr/local/{bin,share}:" >&2
		find dist/linux >&2
		exit 1
	fi
	# Theme icons must be the size of their folder; Icon.png is 1024 px, so
	# draw a 512 px one from the same geometry. The unthemed copy fyne put in
	# pixmaps/ then is not needed.
	mkdir -p "$share/icons/hicolor/512x512/apps" "$share/metainfo"
	go run .ci/icon/main.go -size 512 -o "$share/icons/hicolor/512x512/apps/$ID.png" >/dev/null
	rm -r "$share/pixmaps"
	cp "packaging/linux/$ID.metainfo.xml" "$share/metainfo/"
	cp packaging/linux/Makefile "$pkg/Makefile"
	if command -v desktop-file-validate >/dev/null; then
		desktop-file-validate "$share/applications/$ID.desktop"
	fi
	tar -C dist/linux -cJf "$out" sahelreader
	echo "package: $out"
	;;
windows)
	(
		# Cross-compiling, cgo needs mingw-w64's C compiler; on Windows, the
		# gcc on PATH.
		if [ "$(go env GOHOSTOS)" != windows ]; then
			export CC=x86_64-w64-mingw32-gcc
		fi
		export CGO_ENABLED=1 GOOS=windows GOARCH=amd64
		fyne_package windows
	)
	out="dist/Sahel Reader.exe"
	cp "$SRC/Sahel Reader.exe" "$out"
	echo "package: $out"
	go run .ci/checkexe/main.go -version "$VERSION.$BUILD" "$out"
	;;
darwin)
	fyne_package darwin
	# Not notarised: an ad-hoc signature keeps the bundle consistent, so
	# macOS asks "open anyway?" rather than calling it damaged.
	codesign --force --deep --sign - "$SRC/Sahel Reader.app"
	out=dist/sahelreader-$VERSION-macos-$(go env GOARCH).zip
	rm -f "$out"
	ditto -c -k --keepParent "$SRC/Sahel Reader.app" "$out"
	echo "package: $out"
	;;
esac
