/* Linux/BSD backend: a StatusNotifierItem (org.kde.StatusNotifierItem) with a dbusmenu,
 * spoken over GDBus. The item owns a bus name of its own and registers it with
 * org.kde.StatusNotifierWatcher; it watches the watcher's name, so when a panel restarts
 * the item registers again as soon as the new watcher is there. While no watcher exists
 * the icon docks in an X tray instead (xembed.c), and moves back when one appears. */
#include <string.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "trayp_unix.h"

#define WATCHER "org.kde.StatusNotifierWatcher"
#define IFACE "org.kde.StatusNotifierItem"

static struct {
  struct tray *tray;
  GDBusConnection *bus;
  GDBusNodeInfo *info;
  unsigned reg;        /* the exported item */
  unsigned watch;      /* the watcher's name */
  char *name;          /* our bus name */
  GCancellable *pending; /* the RegisterStatusNotifierItem call in flight */
  GVariant *pixmaps;   /* IconPixmap */
  GVariant *attention_pixmaps; /* AttentionIconPixmap */
  char *icon_name;     /* IconName */
  char *title, *body;  /* the tooltip split at its first line break */
  int watched;         /* a watcher owns its name */
  int docked;          /* the XEmbed fallback shows the icon */
  int attention;       /* Status is NeedsAttention */
  unsigned instance;   /* makes each bus name new across init/exit cycles */
} S;

static const char XML[] =
    "<node><interface name='org.kde.StatusNotifierItem'>"
    "<method name='Activate'><arg type='i' direction='in'/><arg type='i' direction='in'/></method>"
    "<method name='SecondaryActivate'><arg type='i' direction='in'/><arg type='i' direction='in'/></method>"
    "<method name='ContextMenu'><arg type='i' direction='in'/><arg type='i' direction='in'/></method>"
    "<method name='Scroll'><arg type='i' direction='in'/><arg type='s' direction='in'/></method>"
    "<signal name='NewTitle'/><signal name='NewIcon'/><signal name='NewAttentionIcon'/>"
    "<signal name='NewOverlayIcon'/><signal name='NewToolTip'/>"
    "<signal name='NewStatus'><arg type='s'/></signal>"
    "<property name='Category' type='s' access='read'/>"
    "<property name='Id' type='s' access='read'/>"
    "<property name='Title' type='s' access='read'/>"
    "<property name='Status' type='s' access='read'/>"
    "<property name='WindowId' type='i' access='read'/>"
    "<property name='IconThemePath' type='s' access='read'/>"
    "<property name='IconName' type='s' access='read'/>"
    "<property name='IconPixmap' type='a(iiay)' access='read'/>"
    "<property name='OverlayIconName' type='s' access='read'/>"
    "<property name='OverlayIconPixmap' type='a(iiay)' access='read'/>"
    "<property name='AttentionIconName' type='s' access='read'/>"
    "<property name='AttentionIconPixmap' type='a(iiay)' access='read'/>"
    "<property name='AttentionMovieName' type='s' access='read'/>"
    "<property name='ToolTip' type='(sa(iiay)ss)' access='read'/>"
    "<property name='ItemIsMenu' type='b' access='read'/>"
    "<property name='Menu' type='o' access='read'/>"
    "</interface></node>";

static void on_method(GDBusConnection *c, const char *sender, const char *path, const char *iface,
                      const char *method, GVariant *params, GDBusMethodInvocation *inv, gpointer data) {
  (void)c;
  (void)sender;
  (void)path;
  (void)iface;
  gint32 delta = 0;
  int type = 0, horizontal = 0;
  (void)data;
  /* GDBus has checked the argument types against XML; params dies with the reply. */
  if (strcmp(method, "Activate") == 0)
    type = TRAY_EVENT_ACTIVATE;
  else if (strcmp(method, "SecondaryActivate") == 0)
    type = TRAY_EVENT_SECONDARY;
  else if (strcmp(method, "Scroll") == 0) {
    const char *orientation;
    g_variant_get(params, "(i&s)", &delta, &orientation);
    type = TRAY_EVENT_SCROLL;
    horizontal = g_ascii_strcasecmp(orientation, "horizontal") == 0;
  }
  /* Answered before the callback runs: it may open a dialog with a nested loop.
   * ContextMenu needs nothing more: every host that sends it reads the exported Menu and
   * shows it itself (the item has no menu of its own to pop up). */
  g_dbus_method_invocation_return_value(inv, NULL);
  if (type != 0)
    trayp_icon_event(S.tray, type, delta, horizontal);
}

/* The theme icon name, or "" when the icon travels as pixels. */
static const char *icon_name(const struct tray *tray) {
  return tray->icons == NULL && tray->icon_rgba == NULL && !trayp_icon_is_file(tray) ? tray->icon : "";
}

/* 1 if a and b differ; a NULL (nothing shown yet) differs from everything. */
static int changed(GVariant *a, GVariant *b) {
  return a == NULL || b == NULL || !g_variant_equal(a, b);
}

static const char *status(const struct tray *tray) {
  return tray->attention ? "NeedsAttention" : "Active";
}

static GVariant *empty_pixmaps(void) {
  return g_variant_new_array(G_VARIANT_TYPE("(iiay)"), NULL, 0);
}

static GVariant *on_property(GDBusConnection *c, const char *sender, const char *path, const char *iface,
                             const char *name, GError **error, gpointer data) {
  (void)c;
  (void)sender;
  (void)path;
  (void)iface;
  (void)data;
  if (S.tray == NULL) {
    g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_FAILED, "the tray is gone");
    return NULL;
  }
  if (strcmp(name, "Category") == 0)
    return g_variant_new_string("ApplicationStatus");
  if (strcmp(name, "Id") == 0)
    return g_variant_new_string(g_get_prgname() != NULL ? g_get_prgname() : "tray");
  if (strcmp(name, "Title") == 0)
    return g_variant_new_string(S.title);
  if (strcmp(name, "Status") == 0)
    return g_variant_new_string(status(S.tray));
  if (strcmp(name, "WindowId") == 0)
    return g_variant_new_int32(0);
  if (strcmp(name, "IconName") == 0)
    return g_variant_new_string(S.icon_name);
  if (strcmp(name, "IconPixmap") == 0)
    return g_variant_ref(S.pixmaps);
  if (strcmp(name, "AttentionIconPixmap") == 0)
    return g_variant_ref(S.attention_pixmaps);
  if (strcmp(name, "OverlayIconPixmap") == 0)
    return empty_pixmaps();
  if (strcmp(name, "ToolTip") == 0)
    return g_variant_new("(s@a(iiay)ss)", S.icon_name, S.pixmaps, S.title, S.body);
  if (strcmp(name, "ItemIsMenu") == 0) /* without a click callback a click opens the menu */
    return g_variant_new_boolean(S.tray->cb == NULL && S.tray->event_cb == NULL);
  if (strcmp(name, "Menu") == 0)
    return g_variant_new_object_path(TRAYP_MENU_PATH);
  if (strcmp(name, "IconThemePath") == 0 || strcmp(name, "OverlayIconName") == 0 ||
      strcmp(name, "AttentionIconName") == 0 || strcmp(name, "AttentionMovieName") == 0)
    return g_variant_new_string("");
  g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
  return NULL;
}

static const GDBusInterfaceVTable VTABLE = {on_method, on_property, NULL, {NULL}};

static void emit(const char *signal, GVariant *params) {
  g_dbus_connection_emit_signal(S.bus, NULL, TRAYP_SNI_PATH, IFACE, signal, params, NULL);
}

/* Docks in an X tray while no watcher exists; a failure (no display) leaves the item
 * waiting on the bus for a watcher. */
static void dock(int on) {
  if (on && !S.docked)
    S.docked = trayp_xembed_show(S.tray) == TRAY_OK;
  else if (!on && S.docked) {
    trayp_xembed_hide();
    S.docked = 0;
  }
}

static void on_registered(GObject *src, GAsyncResult *res, gpointer data) {
  GError *error = NULL;
  GVariant *reply = g_dbus_connection_call_finish(G_DBUS_CONNECTION(src), res, &error);
  (void)data;
  if (reply != NULL) {
    g_variant_unref(reply);
    return;
  }
  /* Cancelled by tray_exit or a newer registration: S may already be someone else's. */
  if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && S.watched)
    dock(1); /* a watcher that refuses us is no watcher */
  g_error_free(error);
}

static void cancel_pending(void) {
  if (S.pending != NULL) {
    g_cancellable_cancel(S.pending);
    g_object_unref(S.pending);
    S.pending = NULL;
  }
}

static void on_watcher_appeared(GDBusConnection *c, const char *name, const char *owner, gpointer data) {
  (void)name;
  (void)owner;
  (void)data;
  S.watched = 1;
  dock(0);
  cancel_pending();
  S.pending = g_cancellable_new();
  g_dbus_connection_call(c, WATCHER, "/StatusNotifierWatcher", WATCHER, "RegisterStatusNotifierItem",
                         g_variant_new("(s)", S.name), NULL, G_DBUS_CALL_FLAGS_NONE, -1, S.pending, on_registered,
                         NULL);
}

static void on_watcher_vanished(GDBusConnection *c, const char *name, gpointer data) {
  (void)c;
  (void)name;
  (void)data;
  S.watched = 0;
  cancel_pending();
  dock(1);
}

/* Owns name on the bus now, so the watcher can be told it in the first registration. */
static int own_name(const char *name) {
  GVariant *reply = g_dbus_connection_call_sync(S.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                "org.freedesktop.DBus", "RequestName", g_variant_new("(su)", name, 4u),
                                                G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  guint32 result = 0;
  if (reply == NULL)
    return 0;
  g_variant_get(reply, "(u)", &result);
  g_variant_unref(reply);
  return result == 1; /* primary owner */
}

static void release_name(void) {
  GVariant *reply = g_dbus_connection_call_sync(S.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                "org.freedesktop.DBus", "ReleaseName", g_variant_new("(s)", S.name),
                                                NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_unref(reply);
}

/* A path must be a readable image; other names are icon-theme names. gdk-pixbuf needs no
 * display, so this error is the same everywhere. */
int trayp_os_check(const struct tray *tray) {
  if (!trayp_icon_is_file(tray))
    return TRAY_OK;
  return gdk_pixbuf_get_file_info(tray->icon, NULL, NULL) != NULL ? TRAY_OK : TRAY_ERR_ICON;
}

/* Everything that can fail happens before the shown state changes. */
static int apply(struct tray *tray, int items) {
  GVariant *pixmaps = trayp_icon_pixmaps(tray), *attention;
  const char *tip = tray->tooltip != NULL ? tray->tooltip : "";
  const char *brk = strchr(tip, '\n');
  char *title = brk != NULL ? g_strndup(tip, (gsize)(brk - tip)) : g_strdup(tip);
  char *body = g_strdup(brk != NULL ? brk + 1 : "");
  int r = pixmaps != NULL ? trayp_menu_set(tray->menu, items) : TRAY_ERR_ICON;
  int title_changed, status_changed, icon_changed, attention_changed;
  if (r != TRAY_OK) {
    if (pixmaps != NULL)
      g_variant_unref(pixmaps);
    g_free(title);
    g_free(body);
    return r;
  }
  attention = trayp_attention_pixmaps(tray);
  title_changed = g_strcmp0(title, S.title) != 0 || g_strcmp0(body, S.body) != 0;
  status_changed = S.tray == NULL || S.attention != (tray->attention != 0);
  icon_changed = changed(pixmaps, S.pixmaps) || g_strcmp0(icon_name(tray), S.icon_name) != 0;
  attention_changed = changed(attention, S.attention_pixmaps);
  S.attention = tray->attention != 0;
  if (S.attention_pixmaps != NULL)
    g_variant_unref(S.attention_pixmaps);
  S.attention_pixmaps = attention;
  if (S.pixmaps != NULL)
    g_variant_unref(S.pixmaps);
  S.pixmaps = pixmaps;
  g_free(S.icon_name);
  S.icon_name = g_strdup(icon_name(tray));
  g_free(S.title);
  g_free(S.body);
  S.title = title;
  S.body = body;
  S.tray = tray;
  /* One signal per changed property (hosts re-read what a signal names, so a signal for
   * nothing makes them redraw for nothing); the tooltip carries the icon too. */
  if (icon_changed)
    emit("NewIcon", NULL);
  if (attention_changed)
    emit("NewAttentionIcon", NULL);
  if (status_changed)
    emit("NewStatus", g_variant_new("(s)", status(tray)));
  if (title_changed)
    emit("NewTitle", NULL);
  if (title_changed || icon_changed)
    emit("NewToolTip", NULL);
  if (S.docked)
    trayp_xembed_show(tray);
  return TRAY_OK;
}

static void teardown(void) {
  cancel_pending();
  if (S.watch != 0)
    g_bus_unwatch_name(S.watch);
  dock(0);
  if (S.reg != 0)
    g_dbus_connection_unregister_object(S.bus, S.reg);
  trayp_menu_unexport();
  if (S.name != NULL && S.bus != NULL)
    release_name();
  if (S.info != NULL)
    g_dbus_node_info_unref(S.info);
  if (S.pixmaps != NULL)
    g_variant_unref(S.pixmaps);
  if (S.attention_pixmaps != NULL)
    g_variant_unref(S.attention_pixmaps);
  if (S.bus != NULL)
    g_object_unref(S.bus);
  g_free(S.name);
  g_free(S.icon_name);
  g_free(S.title);
  g_free(S.body);
  {
    unsigned instance = S.instance;
    memset(&S, 0, sizeof S);
    S.instance = instance;
  }
}

int trayp_os_init(struct tray *tray, int items) {
  int r;
  S.bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
  S.info = S.bus != NULL ? g_dbus_node_info_new_for_xml(XML, NULL) : NULL;
  if (S.info == NULL) {
    teardown();
    return TRAY_ERR_PLATFORM;
  }
  /* Closing the connection must not end the process: the tray is not the application. */
  g_dbus_connection_set_exit_on_close(S.bus, FALSE);
  S.name = g_strdup_printf("org.kde.StatusNotifierItem-%ld-%u", (long)getpid(), ++S.instance);
  r = trayp_menu_export(S.bus);
  if (r == TRAY_OK) {
    S.reg = g_dbus_connection_register_object(S.bus, TRAYP_SNI_PATH, S.info->interfaces[0], &VTABLE, NULL, NULL,
                                              NULL);
    r = S.reg != 0 && own_name(S.name) ? TRAY_OK : TRAY_ERR_PLATFORM;
  }
  if (r == TRAY_OK)
    r = apply(tray, items);
  if (r != TRAY_OK) {
    teardown();
    return r;
  }
  S.watch = g_bus_watch_name_on_connection(S.bus, WATCHER, G_BUS_NAME_WATCHER_FLAGS_NONE, on_watcher_appeared,
                                           on_watcher_vanished, NULL, NULL);
  return TRAY_OK;
}

int trayp_os_update(struct tray *tray, int items) {
  return apply(tray, items);
}

int trayp_os_loop(int blocking) {
  g_main_context_iteration(NULL, blocking != 0);
  return 0;
}

void trayp_os_exit(void) {
  teardown();
}

int trayp_os_notify(const char *title, const char *text) {
  return trayp_notify_send(S.bus, S.tray, title, text);
}

void *trayp_os_menu(void) {
  return S.docked ? trayp_xembed_menu() : NULL;
}
