/* Linux/BSD backend: an AppIndicator (StatusNotifierItem + dbusmenu) with a GTK 3 menu. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#if defined(TRAY_AYATANA_APPINDICATOR)
#include <libayatana-appindicator/app-indicator.h>
#elif defined(TRAY_LEGACY_APPINDICATOR)
#include <libappindicator/app-indicator.h>
#else
#error "define TRAY_AYATANA_APPINDICATOR or TRAY_LEGACY_APPINDICATOR"
#endif

#include "stale.h"
#include "trayp.h"

static struct {
  struct tray *tray;
  AppIndicator *indicator;
  GtkWidget *menu;            /* our own reference; empty when the tray has no menu */
  int has_menu;
  GtkWidget *target;          /* current SecondaryActivate target, inside menu */
  char *icon_dir;             /* created on first pixel icon */
  char *icon_file;            /* current pixel icon, inside icon_dir */
  unsigned serial;            /* makes each pixel icon path new, so hosts reload it */
  unsigned instance;          /* makes each indicator id new across init/exit cycles */
} S;

/* Each GTK item points at its tray_menu through object data, so an in-place update can
 * re-point it without reconnecting. */
#define ITEM_KEY "trayp-item"

static void on_item_activate(GtkMenuItem *widget, gpointer data) {
  struct tray_menu *item = g_object_get_data(G_OBJECT(widget), ITEM_KEY);
  (void)data;
  /* The callback may call tray_update, which replaces this item's menu: touch nothing after. */
  if (!item->disabled && item->cb != NULL)
    item->cb(item);
}

static void on_secondary_activate(GtkWidget *widget, gpointer data) {
  (void)widget;
  (void)data;
  if (trayp_live() && S.tray != NULL && S.tray->cb != NULL)
    S.tray->cb(S.tray);
}

static GtkWidget *build_menu(struct tray_menu *m) {
  GtkWidget *menu = gtk_menu_new();
  for (; m->text != NULL; m++) {
    GtkWidget *item;
    if (trayp_is_separator(m)) {
      item = gtk_separator_menu_item_new();
    } else {
      if (m->checkbox) {
        item = gtk_check_menu_item_new_with_label(m->text);
        /* Set before connecting: set_active emits "activate". */
        gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(item), m->checked != 0);
      } else {
        item = gtk_menu_item_new_with_label(m->text);
      }
      gtk_widget_set_sensitive(item, m->disabled == 0);
      if (m->submenu != NULL) {
        gtk_menu_item_set_submenu(GTK_MENU_ITEM(item), build_menu(m->submenu));
      } else {
        g_object_set_data(G_OBJECT(item), ITEM_KEY, m);
        g_signal_connect(item, "activate", G_CALLBACK(on_item_activate), NULL);
      }
    }
    gtk_widget_show(item);
    gtk_menu_shell_append(GTK_MENU_SHELL(menu), item);
  }
  return menu;
}

/* The items of menu that mirror a tray_menu list: all but the hidden activate holder. */
static GList *own_items(GtkWidget *menu) {
  GList *items = gtk_container_get_children(GTK_CONTAINER(menu));
  if (menu == S.menu && S.target != NULL && items != NULL) {
    GList *last = g_list_last(items);
    items = g_list_delete_link(items, last);
  }
  return items;
}

/* Whether menu has m's shape: same count, separators, check items and submenus. */
static int same_shape(GtkWidget *menu, const struct tray_menu *m) {
  GList *items = own_items(menu), *l;
  int same = 1;
  for (l = items; l != NULL && same; l = l->next, m++) {
    GtkWidget *w = l->data, *sub;
    if (m->text == NULL || GTK_IS_SEPARATOR_MENU_ITEM(w) != trayp_is_separator(m)) {
      same = 0;
      break;
    }
    if (trayp_is_separator(m))
      continue;
    sub = gtk_menu_item_get_submenu(GTK_MENU_ITEM(w));
    same = GTK_IS_CHECK_MENU_ITEM(w) == (m->checkbox != 0) && (sub != NULL) == (m->submenu != NULL) &&
           (sub == NULL || same_shape(sub, m->submenu));
  }
  if (same && (l != NULL || m->text != NULL))
    same = 0;
  g_list_free(items);
  return same;
}

/* Gives the shown items m's texts, states and callbacks; dbusmenu sends only the changed
 * properties, so a menu that is open stays open. */
static void refresh_items(GtkWidget *menu, struct tray_menu *m) {
  GList *items = own_items(menu), *l;
  for (l = items; l != NULL; l = l->next, m++) {
    GtkWidget *w = l->data, *sub;
    const char *shown;
    if (trayp_is_separator(m))
      continue;
    shown = gtk_menu_item_get_label(GTK_MENU_ITEM(w));
    if (shown == NULL || strcmp(shown, m->text) != 0)
      gtk_menu_item_set_label(GTK_MENU_ITEM(w), m->text);
    if (gtk_widget_get_sensitive(w) != (m->disabled == 0))
      gtk_widget_set_sensitive(w, m->disabled == 0);
    if (GTK_IS_CHECK_MENU_ITEM(w) && gtk_check_menu_item_get_active(GTK_CHECK_MENU_ITEM(w)) != (m->checked != 0)) {
      /* set_active emits "activate": a state shown is not a click. */
      g_signal_handlers_block_by_func(w, G_CALLBACK(on_item_activate), NULL);
      gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(w), m->checked != 0);
      g_signal_handlers_unblock_by_func(w, G_CALLBACK(on_item_activate), NULL);
    }
    sub = gtk_menu_item_get_submenu(GTK_MENU_ITEM(w));
    if (sub != NULL)
      refresh_items(sub, m->submenu);
    else
      g_object_set_data(G_OBJECT(w), ITEM_KEY, m);
  }
  g_list_free(items);
}

/* AppIndicator activates (middle click, SecondaryActivate) only a visible item of its menu.
 * The target sits in the submenu of an item that is never shown, so no panel displays it. */
static GtkWidget *add_activate_target(GtkWidget *menu) {
  GtkWidget *holder = gtk_menu_item_new(), *submenu = gtk_menu_new(), *target = gtk_menu_item_new();
  gtk_widget_show(target);
  gtk_menu_shell_append(GTK_MENU_SHELL(submenu), target);
  gtk_menu_item_set_submenu(GTK_MENU_ITEM(holder), submenu);
  gtk_menu_shell_append(GTK_MENU_SHELL(menu), holder);
  g_signal_connect(target, "activate", G_CALLBACK(on_secondary_activate), NULL);
  return target;
}

/* AppIndicator leaves its parent-set handler on a replaced target; when the old menu is
 * destroyed that handler walks a half-torn-down tree (and after tray_exit, a freed indicator). */
static void forget_target(void) {
  if (S.target != NULL)
    g_signal_handlers_disconnect_matched(S.target, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, S.indicator);
  S.target = NULL;
}

static gboolean destroy_later(gpointer data) {
  gtk_widget_destroy(GTK_WIDGET(data));
  g_object_unref(data);
  return G_SOURCE_REMOVE;
}

/* Deferred, because a menu item's callback may be running inside this menu. */
static void drop_menu(GtkWidget *menu) {
  if (menu != NULL)
    g_idle_add(destroy_later, menu);
}

static const char *runtime_base(void) {
  const char *dir = g_getenv("XDG_RUNTIME_DIR");
  if (dir != NULL && *dir == '/' && g_file_test(dir, G_FILE_TEST_IS_DIR))
    return dir;
  return g_get_user_cache_dir();
}

static int ensure_icon_dir(void) {
  char name[64];
  if (S.icon_dir != NULL)
    return TRAY_OK;
  snprintf(name, sizeof name, "tray-icons-%ld", (long)getpid());
  S.icon_dir = g_build_filename(runtime_base(), name, NULL);
  /* 0700: icons are private to the user; chmod covers a directory left by a reused pid. */
  if (g_mkdir_with_parents(S.icon_dir, 0700) != 0 || chmod(S.icon_dir, 0700) != 0) {
    g_free(S.icon_dir);
    S.icon_dir = NULL;
    return TRAY_ERR_PLATFORM;
  }
  return TRAY_OK;
}

/* Writes the pixels as a new PNG; the caller owns *path. */
static int write_pixel_icon(const struct tray *tray, char **path) {
  char name[64];
  GdkPixbuf *pixbuf;
  gboolean ok;
  int r = ensure_icon_dir();
  if (r != TRAY_OK)
    return r;
  pixbuf = gdk_pixbuf_new_from_data(tray->icon_rgba, GDK_COLORSPACE_RGB, TRUE, 8, tray->icon_width,
                                    tray->icon_height, tray->icon_width * 4, NULL, NULL);
  if (pixbuf == NULL)
    return TRAY_ERR_NOMEM;
  snprintf(name, sizeof name, "icon-%u.png", ++S.serial);
  *path = g_build_filename(S.icon_dir, name, NULL);
  ok = gdk_pixbuf_save(pixbuf, *path, "png", NULL, NULL);
  g_object_unref(pixbuf);
  if (!ok) {
    g_free(*path);
    *path = NULL;
    return TRAY_ERR_PLATFORM;
  }
  return TRAY_OK;
}

/* A path (anything with '/') must be a readable image; other names are icon-theme names.
 * gdk-pixbuf needs no display, so this error is the same everywhere. */
int trayp_os_check(const struct tray *tray) {
  if (tray->icon_rgba != NULL || strchr(tray->icon, '/') == NULL)
    return TRAY_OK;
  return gdk_pixbuf_get_file_info(tray->icon, NULL, NULL) != NULL ? TRAY_OK : TRAY_ERR_ICON;
}

static void remove_pixel_icon(void) {
  if (S.icon_file != NULL) {
    g_unlink(S.icon_file);
    g_free(S.icon_file);
    S.icon_file = NULL;
  }
}

/* Everything that can fail happens before the visible state changes. */
static int apply(struct tray *tray) {
  char *new_file = NULL;
  const char *icon = tray->icon;
  GtkWidget *old_menu = S.menu, *target;
  int r;
  if (tray->icon_rgba != NULL) {
    r = write_pixel_icon(tray, &new_file);
    if (r != TRAY_OK)
      return r;
    icon = new_file;
  }
  if (S.indicator == NULL) {
    char id[64];
    snprintf(id, sizeof id, "tray_%ld_%u", (long)getpid(), ++S.instance);
    S.indicator = app_indicator_new(id, icon, APP_INDICATOR_CATEGORY_APPLICATION_STATUS);
    if (S.indicator == NULL) {
      if (new_file != NULL) {
        g_unlink(new_file);
        g_free(new_file);
      }
      return TRAY_ERR_PLATFORM;
    }
  } else {
    app_indicator_set_icon_full(S.indicator, icon, tray->tooltip != NULL ? tray->tooltip : "");
  }
  if (new_file != NULL) {
    remove_pixel_icon();
    S.icon_file = new_file;
  } else {
    remove_pixel_icon();
  }
  /* Title is the StatusNotifierItem property hosts show as the tooltip. */
  app_indicator_set_title(S.indicator, tray->tooltip != NULL ? tray->tooltip : "");
  if (S.menu != NULL && S.has_menu && tray->menu != NULL && (tray->cb != NULL) == (S.target != NULL) &&
      same_shape(S.menu, tray->menu)) {
    refresh_items(S.menu, tray->menu);
    S.tray = tray;
    return TRAY_OK;
  }
  /* AppIndicator cannot drop its menu; an empty one says "no items". */
  S.menu = tray->menu != NULL ? build_menu(tray->menu) : gtk_menu_new();
  g_object_ref_sink(S.menu);
  target = tray->cb != NULL ? add_activate_target(S.menu) : NULL;
  /* set_menu checks the current target against the new menu and walks off the top of
   * the old one; with no target there is nothing to check. */
  app_indicator_set_secondary_activate_target(S.indicator, NULL);
  app_indicator_set_menu(S.indicator, GTK_MENU(S.menu));
  /* After set_menu: AppIndicator only accepts a target inside its current menu. */
  app_indicator_set_secondary_activate_target(S.indicator, target);
  forget_target();
  S.target = target;
  S.has_menu = tray->menu != NULL;
  drop_menu(old_menu);
  app_indicator_set_status(S.indicator, APP_INDICATOR_STATUS_ACTIVE);
  S.tray = tray;
  return TRAY_OK;
}

int trayp_os_init(struct tray *tray, int items) {
  (void)items;
  if (!gtk_init_check(NULL, NULL))
    return TRAY_ERR_PLATFORM;
  /* Best effort: a folder that cannot be cleared is no reason to fail. */
  (void)trayp_remove_stale_icon_dirs(runtime_base());
  return apply(tray);
}

int trayp_os_update(struct tray *tray, int items) {
  (void)items;
  return apply(tray);
}

int trayp_os_loop(int blocking) {
  gtk_main_iteration_do(blocking != 0);
  return 0;
}

void trayp_os_exit(void) {
  app_indicator_set_secondary_activate_target(S.indicator, NULL);
  forget_target();
  /* Unreferencing the indicator unexports it from the bus. */
  g_object_unref(S.indicator);
  S.indicator = NULL;
  if (S.menu != NULL) {
    gtk_widget_destroy(S.menu);
    g_object_unref(S.menu);
    S.menu = NULL;
  }
  remove_pixel_icon();
  if (S.icon_dir != NULL) {
    g_rmdir(S.icon_dir);
    g_free(S.icon_dir);
    S.icon_dir = NULL;
  }
  S.tray = NULL;
}

int trayp_os_notify(const char *title, const char *text) {
  GDBusConnection *bus;
  GVariantBuilder actions, hints;
  bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return TRAY_ERR_PLATFORM;
  g_variant_builder_init(&actions, G_VARIANT_TYPE("as"));
  g_variant_builder_init(&hints, G_VARIANT_TYPE("a{sv}"));
  /* Fire and forget: a missing notification server must not block the UI thread. */
  g_dbus_connection_call(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                         "org.freedesktop.Notifications", "Notify",
                         g_variant_new("(susssasa{sv}i)", g_get_application_name() != NULL ? g_get_application_name() : "",
                                       0u, S.icon_file != NULL ? S.icon_file : "", title, text, &actions, &hints, -1),
                         NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_object_unref(bus);
  return TRAY_OK;
}

void *trayp_os_menu(void) {
  return S.has_menu ? S.menu : NULL;
}
