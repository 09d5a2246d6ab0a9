/* Win32 backend: Shell_NotifyIconW on a hidden window, popup menus, balloons.
 *
 * The window is a hidden top-level window rather than a message-only one (HWND_MESSAGE):
 * message-only windows get no broadcasts, and Explorer announces its restart (and DPI
 * changes) by broadcasting "TaskbarCreated". The icon's size follows the DPI: it is picked
 * again on WM_DPICHANGED (the window's monitor changed scale) and on TaskbarCreated. */
#include "trayp_windows.h"
#include <stdlib.h>

#define WM_TRAY_CALLBACK (WM_APP + 1)
#define TRAY_ICON_ID 1
static const WCHAR CLASS_NAME[] = L"TrayMessageWindow";

struct built {
  HICON icon;
  HMENU menu;
  struct tray_menu **items; /* indexed by command id; items[0] unused */
  UINT count;               /* ids are 1..count */
};

static struct {
  int version4; /* NIM_SETVERSION took: events arrive in the NOTIFYICON_VERSION_4 shape */
  int tracking; /* a popup menu is open: its HMENU must outlive TrackPopupMenuEx */
  unsigned generation;
  HWND hwnd;
  UINT taskbar_created;
  struct tray *tray;
  struct built cur;
  struct built *stale; /* replaced while a menu was open, freed after it closes */
  size_t stale_count;
  struct trayp_theme_api theme; /* dark menus, where uxtheme has them */
  int theme_calls;              /* TRAYP_THEME_* made for this window (tests read it) */
} S;

static void free_built(struct built *b) {
  if (b->icon != NULL)
    DestroyIcon(b->icon);
  if (b->menu != NULL)
    trayp_menu_destroy(b->menu);
  free(b->items);
  b->icon = NULL;
  b->menu = NULL;
  b->items = NULL;
  b->count = 0;
}

static void retire(struct built *b) {
  struct built *grown;
  if (!S.tracking) {
    free_built(b);
    return;
  }
  grown = (struct built *)realloc(S.stale, (S.stale_count + 1) * sizeof *grown);
  if (grown == NULL) {
    /* Keep the menu alive (a small leak) rather than destroy one that is on screen. */
    DestroyIcon(b->icon);
    free(b->items);
    return;
  }
  S.stale = grown;
  S.stale[S.stale_count++] = *b;
}

static void free_stale(void) {
  size_t i;
  for (i = 0; i < S.stale_count; i++)
    free_built(&S.stale[i]);
  free(S.stale);
  S.stale = NULL;
  S.stale_count = 0;
}

/* The small-icon size at dpi, or at the window's DPI for 0. */
static int icon_size_at(UINT dpi) {
  if (dpi == 0)
    dpi = S.hwnd != NULL ? GetDpiForWindow(S.hwnd) : GetDpiForSystem();
  return GetSystemMetricsForDpi(SM_CXSMICON, dpi != 0 ? dpi : USER_DEFAULT_SCREEN_DPI);
}

static int icon_size(void) {
  return icon_size_at(0);
}


static int build(struct tray *tray, int items, struct built *out) {
  int err = TRAY_OK;
  out->menu = NULL;
  out->items = NULL;
  out->count = 0;
  out->icon = trayp_icon_create(tray, icon_size(), &err);
  if (out->icon == NULL)
    return err;
  if (tray->menu != NULL) {
    UINT next = 1;
    out->items = (struct tray_menu **)calloc((size_t)items + 1, sizeof *out->items);
    if (out->items == NULL) {
      free_built(out);
      return TRAY_ERR_NOMEM;
    }
    out->menu = trayp_menu_build(tray->menu, out->items, &next, &err);
    if (out->menu == NULL) {
      free_built(out);
      return err;
    }
    out->count = next - 1;
  }
  return TRAY_OK;
}

static void base_nid(NOTIFYICONDATAW *nid) {
  ZeroMemory(nid, sizeof *nid);
  nid->cbSize = sizeof *nid;
  nid->hWnd = S.hwnd;
  nid->uID = TRAY_ICON_ID;
}

static void icon_nid(NOTIFYICONDATAW *nid) {
  base_nid(nid);
  nid->uFlags = NIF_MESSAGE | NIF_ICON | NIF_TIP | NIF_SHOWTIP;
  nid->uCallbackMessage = WM_TRAY_CALLBACK;
  nid->hIcon = S.cur.icon;
  /* szTip holds 127 units and a NUL; the cut never splits a surrogate pair. */
  if (S.tray->tooltip != NULL)
    trayp_utf8_to_utf16(S.tray->tooltip, (unsigned short *)nid->szTip, ARRAYSIZE(nid->szTip));
}

/* NIM_ADD, or NIM_MODIFY when the shell still has the icon (TaskbarCreated on a DPI change). */
static int add_icon(void) {
  NOTIFYICONDATAW nid;
  icon_nid(&nid);
  if (!Shell_NotifyIconW(NIM_ADD, &nid) && !Shell_NotifyIconW(NIM_MODIFY, &nid))
    return TRAY_ERR_PLATFORM;
  nid.uVersion = NOTIFYICON_VERSION_4;
  S.version4 = Shell_NotifyIconW(NIM_SETVERSION, &nid) != FALSE;
  return TRAY_OK;
}

/* Builds the icon again at dpi's size (0: the window's) and shows it: NIM_MODIFY, or NIM_ADD
 * when the shell lost it (Explorer restarted). The old icon stays when building fails. */
static void resize_icon(UINT dpi) {
  int err = TRAY_OK;
  HICON icon = trayp_icon_create(S.tray, icon_size_at(dpi), &err);
  NOTIFYICONDATAW nid;
  if (icon != NULL) {
    DestroyIcon(S.cur.icon);
    S.cur.icon = icon;
  }
  icon_nid(&nid);
  if (!Shell_NotifyIconW(NIM_MODIFY, &nid))
    add_icon();
}

static void run_item(UINT id) {
  struct tray_menu *item;
  if (id == 0 || id > S.cur.count)
    return;
  item = S.cur.items[id];
  /* The callback may call tray_update or tray_exit: nothing is touched after it. */
  if (item != NULL && !item->disabled && item->submenu == NULL && item->cb != NULL)
    item->cb(item);
}

static void show_menu(int x, int y) {
  UINT flags = TPM_RIGHTBUTTON | TPM_RETURNCMD | TPM_NONOTIFY | TPM_BOTTOMALIGN;
  unsigned generation = S.generation;
  UINT cmd;
  if (S.cur.menu == NULL)
    return;
  flags |= GetSystemMetrics(SM_MENUDROPALIGNMENT) ? TPM_RIGHTALIGN : TPM_LEFTALIGN;
  /* Without the foreground the menu would not close on a click elsewhere. */
  SetForegroundWindow(S.hwnd);
  S.tracking = 1;
  cmd = (UINT)TrackPopupMenuEx(S.cur.menu, flags, x, y, S.hwnd, NULL);
  S.tracking = 0;
  PostMessageW(S.hwnd, WM_NULL, 0, 0);
  free_stale();
  /* A menu replaced while open shows stale items whose memory the caller may have freed. */
  if (cmd != 0 && generation == S.generation && trayp_live())
    run_item(cmd);
}

/* Left click (or Enter/Space on the focused icon): the program's, else the menu. */
static void click(void) {
  if (!trayp_icon_event(S.tray, TRAY_EVENT_ACTIVATE, 0, 0)) {
    POINT pt;
    GetCursorPos(&pt);
    show_menu(pt.x, pt.y);
  }
}

static LRESULT CALLBACK wndproc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam) {
  if (msg == WM_TRAY_CALLBACK && trayp_live()) {
    if (S.version4) {
      /* Version 4: event in LOWORD(lparam), anchor point in wparam. */
      switch (LOWORD(lparam)) {
      case WM_CONTEXTMENU:
        show_menu((short)LOWORD(wparam), (short)HIWORD(wparam));
        break;
      case NIN_SELECT:
      case NIN_KEYSELECT:
        click();
        break;
      case WM_MBUTTONUP:
        trayp_icon_event(S.tray, TRAY_EVENT_SECONDARY, 0, 0);
        break;
      default:
        break;
      }
    } else if (lparam == WM_RBUTTONUP) {
      POINT pt;
      GetCursorPos(&pt);
      show_menu(pt.x, pt.y);
    } else if (lparam == WM_LBUTTONUP) {
      click();
    } else if (lparam == WM_MBUTTONUP) {
      trayp_icon_event(S.tray, TRAY_EVENT_SECONDARY, 0, 0);
    }
    return 0;
  }
  if (msg == WM_COMMAND && trayp_live() && HIWORD(wparam) == 0) {
    run_item(LOWORD(wparam));
    return 0;
  }
  if (msg == WM_ENDSESSION && wparam && trayp_live()) {
    /* The session ends and the process is stopped without more messages: take the icon
     * off the taskbar now, or Explorer shows a dead one until the mouse passes over it. */
    NOTIFYICONDATAW nid;
    base_nid(&nid);
    Shell_NotifyIconW(NIM_DELETE, &nid);
    return 0;
  }
  if (msg != 0 && msg == S.taskbar_created && trayp_live()) {
    /* Explorer restarted (the icon is gone) or the DPI changed: size the icon anew. */
    resize_icon(0);
    return 0;
  }
  if (msg == WM_DPICHANGED && trayp_live()) {
    /* The new DPI comes with the message (both words hold it). */
    resize_icon(LOWORD(wparam));
    return 0;
  }
  if (msg == WM_SETTINGCHANGE && lparam != 0 && lstrcmpW((LPCWSTR)lparam, L"ImmersiveColorSet") == 0) {
    /* The user switched between light and dark app mode: menus pick up the new theme. */
    S.theme_calls |= trayp_theme_flush(&S.theme);
    return 0;
  }
  return DefWindowProcW(hwnd, msg, wparam, lparam);
}

static int create_window(void) {
  WNDCLASSEXW wc;
  HINSTANCE instance = NULL;
  /* The module holding this code, also when it is linked into a DLL. */
  GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                     (LPCWSTR)(const void *)&S, &instance);
  ZeroMemory(&wc, sizeof wc);
  wc.cbSize = sizeof wc;
  wc.lpfnWndProc = wndproc;
  wc.hInstance = instance;
  wc.lpszClassName = CLASS_NAME;
  if (!RegisterClassExW(&wc) && GetLastError() != ERROR_CLASS_ALREADY_EXISTS)
    return TRAY_ERR_PLATFORM;
  S.hwnd = CreateWindowExW(WS_EX_TOOLWINDOW, CLASS_NAME, L"", WS_POPUP, 0, 0, 0, 0, NULL, NULL, instance, NULL);
  if (S.hwnd == NULL)
    return TRAY_ERR_PLATFORM;
  S.taskbar_created = RegisterWindowMessageW(L"TaskbarCreated");
  trayp_theme_load(&S.theme);
  S.theme_calls = trayp_theme_apply(&S.theme, S.hwnd);
  return TRAY_OK;
}

int trayp_os_check(const struct tray *tray) {
  (void)tray; /* the icon file is read, and checked, when the icon is built */
  return TRAY_OK;
}

int trayp_os_init(struct tray *tray, int items) {
  int r = create_window();
  if (r == TRAY_OK)
    r = build(tray, items, &S.cur);
  if (r == TRAY_OK) {
    S.tray = tray;
    r = add_icon();
    if (r != TRAY_OK)
      free_built(&S.cur);
  }
  if (r != TRAY_OK) {
    if (S.hwnd != NULL)
      DestroyWindow(S.hwnd);
    S.hwnd = NULL;
    S.tray = NULL;
  }
  return r;
}

/* Same menu shape: new icon, the old HMENU refreshed in place (an open menu stays open and
 * its items keep working). Else a new build. */
static int update_in_place(struct tray *tray) {
  NOTIFYICONDATAW nid;
  HICON old_icon = S.cur.icon;
  UINT next_id = 1;
  int err = TRAY_OK;
  HICON icon = trayp_icon_create(tray, icon_size(), &err);
  if (icon == NULL)
    return err;
  err = trayp_menu_refresh(S.cur.menu, tray->menu, S.cur.items, &next_id);
  if (err != TRAY_OK) {
    DestroyIcon(icon);
    return err;
  }
  S.cur.icon = icon;
  S.tray = tray;
  icon_nid(&nid);
  err = Shell_NotifyIconW(NIM_MODIFY, &nid) ? TRAY_OK : add_icon();
  DestroyIcon(old_icon);
  return err;
}

int trayp_os_update(struct tray *tray, int items) {
  struct built next, old;
  NOTIFYICONDATAW nid;
  int r;
  if (S.cur.menu != NULL && tray->menu != NULL && (UINT)items == S.cur.count &&
      trayp_menu_same_shape(S.cur.menu, tray->menu))
    return update_in_place(tray);
  r = build(tray, items, &next);
  if (r != TRAY_OK)
    return r;
  old = S.cur;
  S.cur = next;
  S.tray = tray;
  S.generation++;
  icon_nid(&nid);
  r = Shell_NotifyIconW(NIM_MODIFY, &nid) ? TRAY_OK : add_icon();
  /* The shell has copied the new icon; the old one can go. */
  retire(&old);
  return r;
}

int trayp_os_loop(int blocking) {
  MSG msg;
  if (blocking) {
    if (GetMessageW(&msg, NULL, 0, 0) <= 0)
      return 1;
  } else if (!PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) {
    return 0;
  } else if (msg.message == WM_QUIT) {
    return 1;
  }
  TranslateMessage(&msg);
  DispatchMessageW(&msg);
  return 0;
}

void trayp_os_exit(void) {
  NOTIFYICONDATAW nid;
  base_nid(&nid);
  Shell_NotifyIconW(NIM_DELETE, &nid);
  S.generation++;
  retire(&S.cur);
  ZeroMemory(&S.cur, sizeof S.cur);
  DestroyWindow(S.hwnd);
  S.hwnd = NULL;
  S.tray = NULL;
}

int trayp_os_notify(const char *title, const char *text) {
  NOTIFYICONDATAW nid;
  base_nid(&nid);
  nid.uFlags = NIF_INFO;
  nid.dwInfoFlags = NIIF_INFO;
  trayp_utf8_to_utf16(title, (unsigned short *)nid.szInfoTitle, ARRAYSIZE(nid.szInfoTitle));
  trayp_utf8_to_utf16(text, (unsigned short *)nid.szInfo, ARRAYSIZE(nid.szInfo));
  return Shell_NotifyIconW(NIM_MODIFY, &nid) ? TRAY_OK : TRAY_ERR_PLATFORM;
}

void *trayp_os_menu(void) {
  return (void *)S.cur.menu;
}

int trayp_win_theme_calls(void) {
  return S.theme_calls;
}

int trayp_win_icon_side(void) {
  ICONINFO ii;
  BITMAP bm;
  int side = 0;
  if (S.cur.icon == NULL || !GetIconInfo(S.cur.icon, &ii))
    return 0;
  if (GetObjectW(ii.hbmColor != NULL ? ii.hbmColor : ii.hbmMask, sizeof bm, &bm) != 0)
    side = bm.bmWidth;
  if (ii.hbmColor != NULL)
    DeleteObject(ii.hbmColor);
  DeleteObject(ii.hbmMask);
  return side;
}
