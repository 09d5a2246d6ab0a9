#!/bin/sh
# Screenshots of examples/ui_gallery.rs: artifacts/libui-linux.png (GTK on
# Xvfb) and artifacts/libui-wine.png (Win32 under Wine, in a Wine virtual
# desktop so Wine draws the window frame itself).  Needs xvfb-run, ImageMagick
# (import) and xdotool, and for Wine the x86_64-pc-windows-gnu target and a prefix made by
# scripts/wine-prefix.sh.  Usage: libui-sys/scripts/screenshots.sh [linux|wine]...
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
mkdir -p artifacts
target_dir=${CARGO_TARGET_DIR:-$repo/target}
which=${*:-linux wine}

for kind in $which; do
	case $kind in
	linux)
		cargo build -q -p zt-libui-sys --example ui_gallery
		exe="$target_dir/debug/examples/ui_gallery"
		# Captured by window id: exactly the window, margins included.
		xvfb-run -a -s "-screen 0 640x480x24" sh -c "
			'$exe' --quit-after-ms 6000 &
			id=\$(xdotool search --sync --name 'libui gallery' | head -n 1)
			sleep 2
			import -window \$id '$repo/artifacts/libui-linux.png'
			wait"
		echo "artifacts/libui-linux.png"
		;;
	wine)
		: "${WINEPREFIX:?set WINEPREFIX (see scripts/wine-prefix.sh)}"
		export WINEDEBUG=${WINEDEBUG:--all}
		cargo build -q -p zt-libui-sys --example ui_gallery --target x86_64-pc-windows-gnu
		exe="$target_dir/x86_64-pc-windows-gnu/debug/examples/ui_gallery.exe"
		xvfb-run -a -s "-screen 0 800x600x24" sh -c "
			wine explorer /desktop=shot,640x480 '$exe' --quit-after-ms 8000 &
			sleep 6
			import -window root -crop 640x480+0+0 '$repo/artifacts/libui-wine.png'
			wait"
		wineserver -w
		echo "artifacts/libui-wine.png"
		;;
	*)
		echo "unknown kind $kind (linux or wine)" >&2
		exit 2
		;;
	esac
done
