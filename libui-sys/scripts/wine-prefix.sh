#!/bin/sh
# Prepares a private Wine prefix for running the Windows builds of the libui-sys
# tests and examples: creates it, installs the bcryptprimitives.dll shim Rust
# exes need under Wine 8, and makes Wine's windows unmanaged.  Without a
# window manager (bare Xvfb) Wine otherwise waits 2 s for every visible window
# it destroys, which turns the 200-window GDI test into minutes.
# Usage: WINEPREFIX=/work/wine-libui libui-sys/scripts/wine-prefix.sh
set -eu
: "${WINEPREFIX:?set WINEPREFIX to a private prefix}"
export WINEPREFIX WINEDEBUG="${WINEDEBUG:--all}"
repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	xvfb-run -a wineboot -i >/dev/null 2>&1
fi
shim=$(mktemp -d)
x86_64-w64-mingw32-gcc -O2 -shared -o "$shim/bcryptprimitives.dll" \
	"$repo/xtask/wine/bcryptprimitives.c" "$repo/xtask/wine/bcryptprimitives.def" -ladvapi32
cp "$shim/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
rm -rf "$shim"
wine reg add 'HKCU\Software\Wine\X11 Driver' /v Managed /t REG_SZ /d N /f >/dev/null 2>&1
wineserver -w
echo "Wine prefix ready: $WINEPREFIX"
