/* Private to the Linux/BSD backend: the StatusNotifierItem (sni.c) with its dbusmenu
 * (dbusmenu.c), the pixels it exports (icon.c), the XEmbed fallback for trays without a
 * StatusNotifierWatcher (xembed.c) and desktop notifications (notify.c). All of it runs on
 * the GLib default main context; GTK is loaded and initialised only when the fallback is shown. */
#ifndef TRAYP_UNIX_H
#define TRAYP_UNIX_H

#include <gio/gio.h>

#include "trayp.h"

/* Object paths the item exports. */
#define TRAYP_SNI_PATH "/StatusNotifierItem"
#define TRAYP_MENU_PATH "/MenuBar"

/* The size menu icons are drawn at, by panels (which scale what dbusmenu sends) and by the
 * fallback's GtkMenu alike. */
#define TRAYP_MENU_ICON_SIZE 16

/* Exports com.canonical.dbusmenu at TRAYP_MENU_PATH on bus, with an empty menu. */
int trayp_menu_export(GDBusConnection *bus);
/* Unexports the menu and frees it. */
void trayp_menu_unexport(void);
/* Shows menu (NULL: none; items counted by trayp_check_tray). A menu of the same shape
 * keeps its ids and sends only ItemsPropertiesUpdated, so a menu a host has open stays
 * open; any other menu gets new ids and a LayoutUpdated. On failure the old menu stays. */
int trayp_menu_set(struct tray_menu *menu, int items);

/* The icon of tray as StatusNotifierItem pixmaps (a(iiay), ARGB32 in network byte order):
 * every size of tray->icons as given; for icon_rgba or a file, the given size and each
 * smaller common panel size. A theme icon name gives an empty
 * array (the name is exported as IconName). Returns a new, non-floating reference,
 * or NULL if an icon file cannot be read. */
GVariant *trayp_icon_pixmaps(const struct tray *tray);
/* tray->attention_icons as pixmaps, as given (an empty array without them); a new,
 * non-floating reference. */
GVariant *trayp_attention_pixmaps(const struct tray *tray);
/* 1 if tray->icon names a file (has a '/') and no pixels are given, else 0. */
int trayp_icon_is_file(const struct tray *tray);

/* Shows tray as a GtkStatusIcon (XEmbed), creating or updating it; initialises GTK the
 * first time. TRAY_ERR_PLATFORM if there is no display. */
int trayp_xembed_show(struct tray *tray);
/* Removes the GtkStatusIcon and its menu, if shown. */
void trayp_xembed_hide(void);
/* The fallback's GtkMenu (built now if the menu changed shape since it was last needed), or
 * NULL while the fallback is not shown or has no menu. */
void *trayp_xembed_menu(void);

/* Sends a notification for tray (its icon travels along) over bus; text is escaped for
 * the servers that read the body as markup. */
int trayp_notify_send(GDBusConnection *bus, const struct tray *tray, const char *title, const char *text);

#endif
