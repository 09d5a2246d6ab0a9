#!/bin/sh
# Takes one picture for `cargo xtask test screenshots` (xtask/src/tiers/screenshots.rs builds
# the examples, prepares the Wine prefix and checks the pictures). Each run gets its own
# virtual display and private session bus.
#   tray-linux   the tray icon in xfce4-panel (a StatusNotifierItem host: the panel draws the
#                icon and the dbusmenu), menu opened with a right click
#   tray-linux-xembed  the same in trayer (an XEmbed tray: with no StatusNotifierWatcher on the
#                private bus the tray falls back to a GtkStatusIcon)
#   tray-wine    the tray icon in Wine's virtual desktop, whose taskbar has a notification area
#   libui-linux  the C control gallery's GTK window, captured by window id (exactly the window,
#                margins included)
#   libui-wine   the gallery's Win32 window in Wine's virtual desktop, so Wine draws the frame itself
#   table-linux, table-wine  the same, on the gallery's table page
#   window-wine  the app's window test (tests/app_window.rs, built for Windows) in Wine's virtual
#                desktop: for each OUT/NAME.ready it writes (the window's WxH+X+Y) this takes
#                OUT/NAME.png; OUT is a folder here
# Usage: xtask/scripts/screenshots.sh KIND EXE OUT.png   (Wine kinds need WINEPREFIX)
# Needs: xvfb-run, dbus-run-session, xdotool, ImageMagick's import and convert; xfce4-panel
# and xfconf; trayer; wine.
set -eu
kind=$1 exe=$2 out=$3

if [ -z "${SCREENSHOT_DISPLAY:-}" ]; then
	case $kind in
	tray-linux | tray-linux-xembed) size=480x320 ;;
	libui-linux | table-linux) size=1100x760 ;;
	tray-wine) size=800x600 ;;
	libui-wine | table-wine | window-wine) size=1100x760 ;;
	*)
		echo "unknown kind $kind (tray-linux, tray-linux-xembed, tray-wine, libui-linux, libui-wine, table-linux, table-wine, window-wine)" >&2
		exit 2
		;;
	esac
	SCREENSHOT_DISPLAY=$size exec xvfb-run -a -s "-screen 0 ${size}x24" dbus-run-session -- sh "$0" "$@"
fi

page=controls
case $kind in table-*) page=table ;; esac

case $kind in
tray-linux)
	# The panel's settings daemon first, with a private config home, so the panel runs
	# tray-sys/tests/panel/xfce4-panel.xml (one bar: the Status Tray and a clock).
	config=$(mktemp -d)
	mkdir -p "$config/xfce4/xfconf/xfce-perchannel-xml"
	cp tray-sys/tests/panel/xfce4-panel.xml "$config/xfce4/xfconf/xfce-perchannel-xml/"
	xfconfd=$(ls /usr/lib/*/xfce4/xfconf/xfconfd /usr/libexec/xfce4/xfconf/xfconfd 2>/dev/null | head -n 1)
	[ -n "$xfconfd" ] || { echo "xfconfd is missing (apt install xfconf)" >&2; exit 1; }
	XDG_CONFIG_HOME=$config "$xfconfd" >/dev/null 2>&1 &
	conf=$!
	for _ in $(seq 50); do
		gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
			-m org.freedesktop.DBus.NameHasOwner org.xfce.Xfconf 2>/dev/null | grep -q true && break
		sleep 0.2
	done
	XDG_CONFIG_HOME=$config NO_AT_BRIDGE=1 xfce4-panel --disable-wm-check >/dev/null 2>&1 &
	panel=$!
	# The bar holds an empty stretch, the Status Tray, then the clock: once the icon is
	# there, the leftmost thing drawn on the bar is the icon (22 px in a 30 px bar).
	bar_left() {
		import -window root -crop 2000x30+0+0 "$out"
		convert "$out" +repage -fuzz 8% -trim -format %X info: 2>/dev/null | tr -d +
	}
	clock=0
	for _ in $(seq 50); do
		clock=$(bar_left)
		[ "${clock:-0}" -gt 0 ] && break
		sleep 0.2
	done
	"$exe" >/dev/null 2>&1 &
	app=$!
	left=
	for _ in $(seq 50); do
		left=$(bar_left)
		[ "${left:-0}" -gt 0 ] && [ "$left" -lt $((clock - 8)) ] && break
		left=
		sleep 0.2
	done
	[ -n "$left" ] || { echo "no tray icon appeared in xfce4-panel" >&2; exit 1; }
	xdotool mousemove $((left + 11)) 15 click 3
	sleep 1
	import -window root "$out"
	kill $app $panel $conf 2>/dev/null || true
	# xfconfd saves its channels as it ends: wait for it before removing its folder.
	wait $app $panel $conf 2>/dev/null || true
	rm -rf "$config"
	;;
tray-linux-xembed)
	trayer --edge top --align right --widthtype pixel --width 120 --height 32 \
		--SetDockType true --transparent false --tint 0x404040 --expand false >/dev/null 2>&1 &
	sleep 1
	"$exe" >/dev/null 2>&1 &
	app=$!
	# Wait for the icon to be docked, then right-click it to open the menu.
	name=$(basename "$exe")
	icon=
	for _ in $(seq 50); do
		icon=$(xdotool search --onlyvisible --name "^$name\$" 2>/dev/null | head -n 1 || true)
		[ -n "$icon" ] && break
		sleep 0.2
	done
	[ -n "$icon" ] || { echo "no tray icon appeared" >&2; exit 1; }
	eval "$(xdotool getwindowgeometry --shell "$icon")"
	xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 3
	sleep 1
	import -window root "$out"
	kill $app
	;;
tray-wine)
	: "${WINEPREFIX:?the Wine prefix (cargo xtask prepares it)}"
	trap 'wineserver -k 2>/dev/null || true' EXIT
	wine explorer /desktop=tray,800x600 "$exe" >/dev/null 2>&1 &
	sleep 8
	# The notification area is the right end of the virtual desktop's taskbar.
	xdotool mousemove 790 590 click 3
	sleep 1
	# Onto the menu, so the icon's tooltip does not cover it.
	xdotool mousemove 760 560
	sleep 1
	import -window root "$out"
	;;
libui-linux | table-linux)
	"$exe" --quit-after-ms 6000 --page $page &
	id=$(xdotool search --sync --name 'libui control gallery' | head -n 1)
	sleep 2
	import -window "$id" "$out"
	wait
	;;
libui-wine | table-wine)
	: "${WINEPREFIX:?the Wine prefix (cargo xtask prepares it)}"
	wine explorer /desktop=shot,1060x720 "$exe" --quit-after-ms 8000 --page $page &
	sleep 6
	import -window root -crop 1060x720+0+0 "$out"
	wait
	wineserver -w
	;;
window-wine)
	: "${WINEPREFIX:?the Wine prefix (cargo xtask prepares it)}"
	ZTUI_SCREENSHOTS="Z:$(printf '%s' "$out" | tr / '\\')" wine explorer /desktop=shot,1060x720 "$exe" \
		>"$out/window-wine.log" 2>&1 &
	app=$!
	while kill -0 $app 2>/dev/null; do
		for ready in "$out"/*.ready; do
			[ -e "$ready" ] || continue
			sleep 0.5
			import -window root -crop "$(cat "$ready")" +repage "${ready%.ready}.png"
			rm -f "$ready"
		done
		sleep 0.2
	done
	wineserver -w
	;;
esac
echo "wrote $out"
