/* Private declarations of the Win32 backend. */
#ifndef TRAYP_WINDOWS_H
#define TRAYP_WINDOWS_H

/* Windows 10 declarations. Set here rather than on the command line because some toolchains
 * (zig cc) already pass their own _WIN32_WINNT, and a second definition warns in every file.
 * This header comes first in every backend file, before any system header can pick a default. */
#ifndef WINVER
#define WINVER 0x0A00
#endif
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0A00
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <shellapi.h>

#include "trayp.h"

/* NUL-terminated UTF-16 copy of valid UTF-8 (free with free), or NULL when out of memory. */
WCHAR *trayp_wide(const char *utf8);

/* An icon of size x size pixels from the tray's pixels or .ico file; *err says why on NULL. */
HICON trayp_icon_create(const struct tray *tray, int size, int *err);

/* A size x size 32-bit premultiplied bitmap for a menu item from the best of images
 * (trayp_image_pick), or NULL on failure. */
HBITMAP trayp_menu_bitmap(const struct tray_image *images, int count, int size);

/* Destroys menu and its submenus with the item bitmaps they own. */
void trayp_menu_destroy(HMENU menu);

/* A popup menu for the list m. Items get command ids from *next_id on, and items[id]
 * points back at each one. Returns NULL with *err set on failure. */
HMENU trayp_menu_build(struct tray_menu *m, struct tray_menu **items, UINT *next_id, int *err);
/* 1 if menu's items match m's shape: count, separators and submenus (recursively). */
int trayp_menu_same_shape(HMENU menu, const struct tray_menu *m);
/* Gives a menu of m's shape m's texts and states, and re-points items[] in build order;
 * the HMENU stays, so a menu that is open stays open. */
int trayp_menu_refresh(HMENU menu, struct tray_menu *m, struct tray_menu **items, UINT *next_id);

/* theme.c: uxtheme's dark-mode ordinals, NULL where missing. */
typedef int(WINAPI *trayp_set_app_mode_fn)(int mode);
typedef BOOL(WINAPI *trayp_allow_dark_window_fn)(HWND hwnd, BOOL allow);
typedef void(WINAPI *trayp_flush_menus_fn)(void);
struct trayp_theme_api {
  trayp_set_app_mode_fn set_preferred_app_mode;         /* ordinal 135 */
  trayp_allow_dark_window_fn allow_dark_mode_for_window; /* ordinal 133 */
  trayp_flush_menus_fn flush_menu_themes;               /* ordinal 136 */
};
/* Bits of what trayp_theme_apply called. */
#define TRAYP_THEME_APP_MODE 1
#define TRAYP_THEME_WINDOW 2
#define TRAYP_THEME_FLUSH 4
/* Looks the ordinals up in uxtheme for Windows build `build` (all NULL before 1809 or without
 * the module). */
void trayp_theme_lookup(HMODULE uxtheme, DWORD build, struct trayp_theme_api *api);
/* The running system's functions (or the override's). */
void trayp_theme_load(struct trayp_theme_api *api);
/* Tests only: with set, trayp_theme_load returns *api (NULL: none) instead of uxtheme's. */
void trayp_theme_override(const struct trayp_theme_api *api, int set);
/* Makes hwnd's popup menus follow the app theme with the functions present; returns the
 * TRAYP_THEME_* calls made. */
int trayp_theme_apply(const struct trayp_theme_api *api, HWND hwnd);
/* Rebuilds the menu theme after the system theme changed; TRAYP_THEME_FLUSH if called. */
int trayp_theme_flush(const struct trayp_theme_api *api);

/* tray.c, for tests: the TRAYP_THEME_* calls made for the tray's window, and the side in
 * pixels of the icon shown now (0 without one). */
int trayp_win_theme_calls(void);
int trayp_win_icon_side(void);

#endif
