/* Popup menus for the Win32 backend. */
#include "trayp_windows.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* UTF-16 label with '&' doubled: labels are literal text, not mnemonics. */
static WCHAR *label(const char *text) {
  WCHAR *plain = trayp_wide(text), *out, *o;
  const WCHAR *p;
  size_t amps = 0, n = 0;
  if (plain == NULL)
    return NULL;
  for (p = plain; *p; p++, n++)
    amps += *p == L'&';
  if (amps == 0)
    return plain;
  out = (WCHAR *)malloc((n + amps + 1) * sizeof(WCHAR));
  if (out != NULL) {
    for (p = plain, o = out; *p; p++) {
      if (*p == L'&')
        *o++ = L'&';
      *o++ = *p;
    }
    *o = 0;
  }
  free(plain);
  return out;
}

/* The item's text, with its accelerator after a tab (where Win32 menus right-align it). */
static WCHAR *item_text(const struct tray_menu *m) {
  struct trayp_accel accel;
  char keys[48], *joined;
  WCHAR *text;
  size_t n;
  if (m->submenu != NULL || trayp_accel_parse(m->accelerator, &accel) != TRAY_OK || accel.key[0] == 0)
    return label(m->text);
  trayp_accel_text(&accel, keys, sizeof keys);
  n = strlen(m->text) + 1 + strlen(keys) + 1;
  joined = (char *)malloc(n);
  if (joined == NULL)
    return NULL;
  joined[0] = 0;
  trayp_append(joined, n, m->text);
  trayp_append(joined, n, "\t");
  trayp_append(joined, n, keys);
  text = label(joined);
  free(joined);
  return text;
}

static UINT item_state(const struct tray_menu *m) {
  return (m->disabled ? MFS_DISABLED : MFS_ENABLED) |
         ((m->checkbox || m->radio) && m->checked ? MFS_CHECKED : MFS_UNCHECKED);
}

static UINT item_type(const struct tray_menu *m) {
  return MFT_STRING | (m->radio ? MFT_RADIOCHECK : 0);
}

/* The item's bitmap at the small-icon size, or NULL without an icon; *err on failure. */
static HBITMAP item_bitmap(const struct tray_menu *m, int *err) {
  HBITMAP bmp;
  if (m->icons == NULL)
    return NULL;
  bmp = trayp_menu_bitmap(m->icons, m->icon_count, GetSystemMetrics(SM_CXSMICON));
  if (bmp == NULL)
    *err = TRAY_ERR_PLATFORM;
  return bmp;
}

static void delete_bitmaps(HMENU menu) {
  int count = GetMenuItemCount(menu), pos;
  for (pos = 0; pos < count; pos++) {
    MENUITEMINFOW mii;
    ZeroMemory(&mii, sizeof mii);
    mii.cbSize = sizeof mii;
    mii.fMask = MIIM_BITMAP | MIIM_SUBMENU;
    if (!GetMenuItemInfoW(menu, (UINT)pos, TRUE, &mii))
      continue;
    if (mii.hSubMenu != NULL)
      delete_bitmaps(mii.hSubMenu);
    if (mii.hbmpItem != NULL) /* only ours: the library never sets the HBMMENU_* values */
      DeleteObject(mii.hbmpItem);
  }
}

void trayp_menu_destroy(HMENU menu) {
  delete_bitmaps(menu);
  DestroyMenu(menu);
}

HMENU trayp_menu_build(struct tray_menu *m, struct tray_menu **items, UINT *next_id, int *err) {
  HMENU menu = CreatePopupMenu();
  UINT pos = 0;
  if (menu == NULL) {
    *err = TRAY_ERR_PLATFORM;
    return NULL;
  }
  for (; m->text != NULL; m++, pos++) {
    MENUITEMINFOW mii;
    WCHAR *text = NULL;
    BOOL ok;
    UINT id = (*next_id)++;
    items[id] = m;
    ZeroMemory(&mii, sizeof mii);
    mii.cbSize = sizeof mii;
    if (trayp_is_separator(m)) {
      mii.fMask = MIIM_FTYPE | MIIM_ID;
      mii.fType = MFT_SEPARATOR;
      mii.wID = id;
    } else {
      text = item_text(m);
      if (text == NULL) {
        *err = TRAY_ERR_NOMEM;
        trayp_menu_destroy(menu);
        return NULL;
      }
      mii.fMask = MIIM_FTYPE | MIIM_ID | MIIM_STATE | MIIM_STRING | MIIM_BITMAP;
      mii.fType = item_type(m);
      mii.wID = id;
      mii.dwTypeData = text;
      mii.fState = item_state(m);
      mii.hbmpItem = item_bitmap(m, err);
      if (m->icons != NULL && mii.hbmpItem == NULL) {
        free(text);
        trayp_menu_destroy(menu);
        return NULL;
      }
      if (m->submenu != NULL) {
        mii.fMask |= MIIM_SUBMENU;
        mii.hSubMenu = trayp_menu_build(m->submenu, items, next_id, err);
        if (mii.hSubMenu == NULL) {
          free(text);
          if (mii.hbmpItem != NULL)
            DeleteObject(mii.hbmpItem);
          trayp_menu_destroy(menu);
          return NULL;
        }
      }
    }
    ok = InsertMenuItemW(menu, pos, TRUE, &mii);
    free(text);
    if (!ok) {
      if (mii.hSubMenu != NULL)
        trayp_menu_destroy(mii.hSubMenu);
      if (mii.hbmpItem != NULL)
        DeleteObject(mii.hbmpItem);
      trayp_menu_destroy(menu); /* also destroys the submenus already attached */
      *err = TRAY_ERR_PLATFORM;
      return NULL;
    }
  }
  return menu;
}

int trayp_menu_same_shape(HMENU menu, const struct tray_menu *m) {
  int count = GetMenuItemCount(menu), pos;
  for (pos = 0; pos < count; pos++, m++) {
    MENUITEMINFOW mii;
    if (m->text == NULL)
      return 0;
    ZeroMemory(&mii, sizeof mii);
    mii.cbSize = sizeof mii;
    mii.fMask = MIIM_FTYPE | MIIM_SUBMENU;
    if (!GetMenuItemInfoW(menu, (UINT)pos, TRUE, &mii))
      return 0;
    if (((mii.fType & MFT_SEPARATOR) != 0) != trayp_is_separator(m))
      return 0;
    if (trayp_is_separator(m))
      continue;
    if ((mii.hSubMenu != NULL) != (m->submenu != NULL))
      return 0;
    if (mii.hSubMenu != NULL && !trayp_menu_same_shape(mii.hSubMenu, m->submenu))
      return 0;
  }
  return count >= 0 && m->text == NULL;
}

int trayp_menu_refresh(HMENU menu, struct tray_menu *m, struct tray_menu **items, UINT *next_id) {
  UINT pos;
  for (pos = 0; m->text != NULL; m++, pos++) {
    MENUITEMINFOW mii;
    WCHAR *text;
    HBITMAP old_bitmap;
    int err = TRAY_OK;
    UINT id = (*next_id)++;
    /* Ids follow the same depth-first order as trayp_menu_build, so they stay valid. */
    items[id] = m;
    if (trayp_is_separator(m))
      continue;
    text = item_text(m);
    if (text == NULL)
      return TRAY_ERR_NOMEM;
    ZeroMemory(&mii, sizeof mii);
    mii.cbSize = sizeof mii;
    mii.fMask = MIIM_STATE | MIIM_STRING | MIIM_SUBMENU | MIIM_BITMAP;
    if (!GetMenuItemInfoW(menu, pos, TRUE, &mii)) {
      free(text);
      return TRAY_ERR_PLATFORM;
    }
    old_bitmap = mii.hbmpItem;
    mii.fMask = MIIM_STATE | MIIM_STRING | MIIM_FTYPE | MIIM_BITMAP;
    mii.dwTypeData = text;
    mii.fType = item_type(m);
    mii.fState = item_state(m);
    mii.hbmpItem = item_bitmap(m, &err);
    if (err != TRAY_OK || !SetMenuItemInfoW(menu, pos, TRUE, &mii)) {
      if (mii.hbmpItem != NULL)
        DeleteObject(mii.hbmpItem);
      free(text);
      return TRAY_ERR_PLATFORM;
    }
    /* The item now draws the new bitmap (or none); the old one is no one's. */
    if (old_bitmap != NULL)
      DeleteObject(old_bitmap);
    free(text);
    if (m->submenu != NULL) {
      int r = trayp_menu_refresh(mii.hSubMenu, m->submenu, items, next_id);
      if (r != TRAY_OK)
        return r;
    }
  }
  return TRAY_OK;
}
