#!/bin/sh
# Screenshot of the tray icon with its menu open, on a private Xvfb display with a real
# XEmbed tray host (trayer). No StatusNotifierWatcher runs on the private session bus,
# so AppIndicator falls back to a GtkStatusIcon docked in trayer.
# Usage: tray-sys/scripts/screenshot-linux.sh [output.png]   (default artifacts/tray-linux.png)
# Needs: Xvfb (xvfb), trayer, xdotool, ImageMagick's import, dbus-run-session.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/artifacts/tray-linux.png}
mkdir -p "$(dirname "$out")"
cargo build -q --manifest-path "$root/Cargo.toml" -p zt-tray-sys --example tray_minimal
target_dir=${CARGO_TARGET_DIR:-$root/target}
exe=$target_dir/debug/examples/tray_minimal

display=:$((90 + $$ % 100))
Xvfb "$display" -screen 0 480x320x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

# Everything that talks D-Bus shares one private session bus, torn down with the script.
dbus-run-session -- sh -eu -c '
  trayer --edge top --align right --widthtype pixel --width 120 --height 32 \
         --SetDockType true --transparent false --tint 0x404040 --expand false >/dev/null 2>&1 &
  sleep 1
  "$1" >/dev/null 2>&1 &
  app=$!
  # Wait for the icon to be docked, then right-click it to open the menu.
  for _ in $(seq 50); do
    icon=$(xdotool search --onlyvisible --name '^tray_minimal$' 2>/dev/null | head -n 1 || true)
    [ -n "$icon" ] && break
    sleep 0.2
  done
  [ -n "$icon" ] || { echo "no tray icon appeared" >&2; exit 1; }
  eval "$(xdotool getwindowgeometry --shell "$icon")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 3
  sleep 1
  import -window root "$2"
  kill $app
' sh "$exe" "$out"
echo "wrote $out"
