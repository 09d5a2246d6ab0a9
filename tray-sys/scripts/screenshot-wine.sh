#!/bin/sh
# Screenshot of the Windows build's tray icon with its menu open, in Wine's virtual
# desktop (which draws a taskbar with a notification area) on a private Xvfb display.
# Usage: tray-sys/scripts/screenshot-wine.sh [output.png]   (default artifacts/tray-wine.png)
# Needs: the x86_64-pc-windows-gnu target, mingw-w64, wine, Xvfb, xdotool, ImageMagick.
# WINEPREFIX defaults to a private prefix; the bcryptprimitives shim is installed into it.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/artifacts/tray-wine.png}
mkdir -p "$(dirname "$out")"
export WINEPREFIX=${WINEPREFIX:-$root/target/wine-tray} WINEDEBUG=-all
cargo build -q --manifest-path "$root/Cargo.toml" -p zt-tray-sys --example tray_minimal --target x86_64-pc-windows-gnu
exe=${CARGO_TARGET_DIR:-$root/target}/x86_64-pc-windows-gnu/debug/examples/tray_minimal.exe

display=:$((190 + $$ % 100))
Xvfb "$display" -screen 0 800x600x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

shim=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$shim" ]; then
  # Rust's std imports ProcessPrng, which Wine 8 lacks (see shared platform notes).
  wineboot -i >/dev/null 2>&1
  x86_64-w64-mingw32-gcc -O2 -shared -o "$shim" "$root/xtask/wine/bcryptprimitives.c" \
    "$root/xtask/wine/bcryptprimitives.def" -ladvapi32
fi

wine explorer /desktop=tray,800x600 "$exe" >/dev/null 2>&1 &
sleep 8
# The notification area is the right end of the virtual desktop's taskbar.
xdotool mousemove 790 590 click 3
sleep 1
# Onto the menu, so the icon's tooltip does not cover it.
xdotool mousemove 760 560
sleep 1
import -window root "$out"
echo "wrote $out"
