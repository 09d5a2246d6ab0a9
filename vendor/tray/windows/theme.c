/* Dark popup menus on Windows 10 1809 and later: the menu follows the system's app theme
 * (Settings > Colours > app mode), as Explorer's own menus do.
 *
 * Win32 has no documented switch for this. uxtheme.dll exports three functions by ordinal
 * only, which Windows' own programs use: 135 SetPreferredAppMode (1809 called it
 * AllowDarkModeForApp and took a BOOL; mode 1, "allow dark", is TRUE there), 133
 * AllowDarkModeForWindow and 136 FlushMenuThemes. Ordinals of undocumented exports may mean
 * something else on builds before 1809, so they are looked up only from build 17763 on, at
 * run time, and a missing one is skipped: menus then stay light, nothing fails. */
#include "trayp_windows.h"

#define DARK_MODE_FIRST_BUILD 17763
#define APP_MODE_ALLOW_DARK 1 /* follow the system's app theme */

static const struct trayp_theme_api *override_api;
static int override_set;

/* The running Windows build, from ntdll (GetVersionEx lies to programs without a manifest). */
static DWORD windows_build(void) {
  typedef LONG(WINAPI * get_version_fn)(OSVERSIONINFOW *);
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  get_version_fn get_version = ntdll != NULL ? (get_version_fn)(void *)GetProcAddress(ntdll, "RtlGetVersion") : NULL;
  OSVERSIONINFOW v;
  ZeroMemory(&v, sizeof v);
  v.dwOSVersionInfoSize = sizeof v;
  if (get_version == NULL || get_version(&v) != 0)
    return 0;
  return v.dwMajorVersion > 10 ? DARK_MODE_FIRST_BUILD : v.dwMajorVersion == 10 ? v.dwBuildNumber : 0;
}

void trayp_theme_lookup(HMODULE uxtheme, DWORD build, struct trayp_theme_api *api) {
  ZeroMemory(api, sizeof *api);
  if (uxtheme == NULL || build < DARK_MODE_FIRST_BUILD)
    return;
  api->set_preferred_app_mode = (trayp_set_app_mode_fn)(void *)GetProcAddress(uxtheme, MAKEINTRESOURCEA(135));
  api->allow_dark_mode_for_window =
      (trayp_allow_dark_window_fn)(void *)GetProcAddress(uxtheme, MAKEINTRESOURCEA(133));
  api->flush_menu_themes = (trayp_flush_menus_fn)(void *)GetProcAddress(uxtheme, MAKEINTRESOURCEA(136));
}

void trayp_theme_override(const struct trayp_theme_api *api, int set) {
  override_api = api;
  override_set = set;
}

void trayp_theme_load(struct trayp_theme_api *api) {
  if (override_set) {
    if (override_api != NULL)
      *api = *override_api;
    else
      ZeroMemory(api, sizeof *api);
    return;
  }
  /* uxtheme stays loaded for the process: the functions are called again on theme changes. */
  trayp_theme_lookup(LoadLibraryExW(L"uxtheme.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32), windows_build(), api);
}

int trayp_theme_apply(const struct trayp_theme_api *api, HWND hwnd) {
  int calls = 0;
  if (api->set_preferred_app_mode != NULL) {
    api->set_preferred_app_mode(APP_MODE_ALLOW_DARK);
    calls |= TRAYP_THEME_APP_MODE;
  }
  if (api->allow_dark_mode_for_window != NULL) {
    api->allow_dark_mode_for_window(hwnd, TRUE);
    calls |= TRAYP_THEME_WINDOW;
  }
  calls |= trayp_theme_flush(api);
  return calls;
}

int trayp_theme_flush(const struct trayp_theme_api *api) {
  if (api->flush_menu_themes == NULL)
    return 0;
  api->flush_menu_themes();
  return TRAYP_THEME_FLUSH;
}
