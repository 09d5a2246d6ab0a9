/* The fallback for X trays without a StatusNotifierWatcher (trayer, stalonetray): a
 * GtkStatusIcon, which docks through the XEmbed system-tray protocol, with a GtkMenu.
 * GtkStatusIcon is deprecated, but it is GTK 3's only XEmbed tray icon.
 *
 * GTK is loaded (GModule) and initialised here, the first time the fallback is needed:
 * the library links only GIO and gdk-pixbuf, so a tray shown by a panel never maps GTK.
 * gtk.h supplies the types alone; every GTK function is called through G below, and the
 * GTK_* cast macros are not used, because they call the type functions by name. */
#include <string.h>

#include <gmodule.h>
#include <gtk/gtk.h>

#include "trayp_unix.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

#define GTK_LIBRARY "libgtk-3.so.0"

/* Every GTK function the fallback calls: return type, name, parameters. */
#define GTK_FUNCTIONS(X)                                                                   \
  X(gboolean, gtk_init_check, (int *, char ***))                                           \
  X(GtkStatusIcon *, gtk_status_icon_new, (void))                                          \
  X(void, gtk_status_icon_set_from_pixbuf, (GtkStatusIcon *, GdkPixbuf *))                 \
  X(void, gtk_status_icon_set_from_file, (GtkStatusIcon *, const gchar *))                 \
  X(void, gtk_status_icon_set_from_icon_name, (GtkStatusIcon *, const gchar *))            \
  X(void, gtk_status_icon_set_tooltip_text, (GtkStatusIcon *, const gchar *))              \
  X(void, gtk_status_icon_set_title, (GtkStatusIcon *, const gchar *))                     \
  X(void, gtk_status_icon_set_visible, (GtkStatusIcon *, gboolean))                        \
  X(gint, gtk_status_icon_get_size, (GtkStatusIcon *))                                     \
  X(GtkWidget *, gtk_menu_new, (void))                                                     \
  X(GtkWidget *, gtk_separator_menu_item_new, (void))                                      \
  X(GtkWidget *, gtk_check_menu_item_new_with_label, (const gchar *))                      \
  X(GtkWidget *, gtk_image_menu_item_new_with_label, (const gchar *))                      \
  X(void, gtk_image_menu_item_set_image, (GtkImageMenuItem *, GtkWidget *))                \
  X(void, gtk_image_menu_item_set_always_show_image, (GtkImageMenuItem *, gboolean))       \
  X(GtkWidget *, gtk_image_new_from_pixbuf, (GdkPixbuf *))                                 \
  X(void, gtk_check_menu_item_set_draw_as_radio, (GtkCheckMenuItem *, gboolean))           \
  X(void, gtk_check_menu_item_set_active, (GtkCheckMenuItem *, gboolean))                  \
  X(void, gtk_menu_item_set_submenu, (GtkMenuItem *, GtkWidget *))                         \
  X(void, gtk_menu_shell_append, (GtkMenuShell *, GtkWidget *))                            \
  X(void, gtk_menu_popup_at_pointer, (GtkMenu *, const GdkEvent *))                        \
  X(void, gtk_widget_set_sensitive, (GtkWidget *, gboolean))                               \
  X(void, gtk_widget_show, (GtkWidget *))                                                  \
  X(void, gtk_widget_destroy, (GtkWidget *))                                              \
  X(GList *, gtk_container_get_children, (GtkContainer *))                                 \
  X(GtkWidget *, gtk_menu_item_get_submenu, (GtkMenuItem *))                               \
  X(void, gtk_menu_item_set_label, (GtkMenuItem *, const gchar *))                         \
  X(GtkWidget *, gtk_bin_get_child, (GtkBin *))                                            \
  X(void, gtk_accel_label_set_accel, (GtkAccelLabel *, guint, GdkModifierType))            \
  X(guint, gdk_keyval_from_name, (const gchar *))

static struct {
#define GTK_FIELD(ret, name, params) ret(*name) params;
  GTK_FUNCTIONS(GTK_FIELD)
#undef GTK_FIELD
  int state; /* 0 not tried, 1 loaded, -1 missing */
} G;

/* Loads GTK once; 0 (after one line on stderr) if it or a function is missing. */
static int load_gtk(void) {
  GModule *m;
  if (G.state != 0)
    return G.state > 0;
  G.state = -1;
  m = g_module_open(GTK_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (m == NULL) {
    g_printerr("tray: the XEmbed fallback needs GTK 3 (%s): %s\n", GTK_LIBRARY, g_module_error());
    return 0;
  }
#define GTK_LOAD(ret, name, params)                                                        \
  if (!g_module_symbol(m, #name, (gpointer *)&G.name)) {                                   \
    g_printerr("tray: %s has no %s\n", GTK_LIBRARY, #name);                               \
    g_module_close(m);                                                                     \
    return 0;                                                                              \
  }
  GTK_FUNCTIONS(GTK_LOAD)
#undef GTK_LOAD
  /* GTK registers types and atexit handlers: it must never be unloaded. */
  g_module_make_resident(m);
  G.state = 1;
  return 1;
}

/* gtk_init_check with GDK's OpenGL off unless the user's GDK_GL says otherwise: an icon and
 * a menu never draw with GL, but GDK on X11 loads the GL driver (with Mesa, LLVM: 8 MB of
 * private memory) to pick visuals. GDK reads GDK_GL only while initialising. */
static gboolean init_gtk(void) {
  int gl_default = g_getenv("GDK_GL") == NULL;
  gboolean ok;
  if (gl_default)
    g_setenv("GDK_GL", "disable", FALSE);
  ok = G.gtk_init_check(NULL, NULL);
  if (gl_default)
    g_unsetenv("GDK_GL");
  return ok;
}

static struct {
  GtkStatusIcon *icon;
  /* Our reference to tray->menu as widgets, built the first time it is needed (popped up or
   * asked for): a menu of a new shape costs nothing until then, and hundreds of items that
   * are never opened hold no widgets. NULL without a menu or until needed. */
  GtkWidget *menu;
  struct tray *tray;
} X;

#define ITEM_KEY "trayp-item"
/* What each menu widget was built as (enum kind), so a new menu can be compared with it
 * without GTK's type functions. */
#define KIND_KEY "trayp-kind"

enum kind { KIND_SEPARATOR = 1, KIND_PLAIN, KIND_CHECK, KIND_SUBMENU };

static enum kind kind_of(const struct tray_menu *m) {
  if (trayp_is_separator(m))
    return KIND_SEPARATOR;
  if (m->submenu != NULL)
    return KIND_SUBMENU;
  return m->checkbox || m->radio ? KIND_CHECK : KIND_PLAIN;
}

static void on_item_activate(GtkMenuItem *widget, gpointer data) {
  struct tray_menu *item = g_object_get_data(G_OBJECT(widget), ITEM_KEY);
  (void)data;
  /* The callback may call tray_update, which replaces this menu: touch nothing after. */
  if (trayp_live() && !item->disabled && item->cb != NULL)
    item->cb(item);
}

/* A pixbuf holding a copy of w x h RGBA pixels: the program may free its own after the next
 * update. */
static GdkPixbuf *pixbuf_copy(const unsigned char *rgba, int w, int h) {
  GBytes *bytes = g_bytes_new(rgba, (gsize)w * (gsize)h * 4);
  GdkPixbuf *pb = gdk_pixbuf_new_from_bytes(bytes, GDK_COLORSPACE_RGB, TRUE, 8, w, h, w * 4);
  g_bytes_unref(bytes);
  return pb;
}

/* im as a pixbuf, scaled down to fit size x size when larger; NULL if out of memory. */
static GdkPixbuf *pixbuf_at(const struct tray_image *im, int size) {
  GdkPixbuf *pb = pixbuf_copy(im->rgba, im->width, im->height);
  if (pb != NULL && (im->width > size || im->height > size)) {
    int w = im->width >= im->height ? size : MAX(1, im->width * size / im->height);
    int h = im->height >= im->width ? size : MAX(1, im->height * size / im->width);
    GdkPixbuf *scaled = gdk_pixbuf_scale_simple(pb, w, h, GDK_INTERP_BILINEAR);
    g_object_unref(pb);
    pb = scaled;
  }
  return pb;
}

/* Gives a plain or submenu item (a GtkImageMenuItem) m's icon, or takes its icon away. The
 * image is shown whatever the gtk-menu-images setting says, as on the other backends. Check
 * and radio items have no icon here: their mark takes the place. */
static void set_item_icon(GtkWidget *item, const struct tray_menu *m) {
  GtkWidget *image = NULL;
  if (m->icons != NULL) {
    const struct tray_image *im = trayp_image_pick(m->icons, m->icon_count, TRAYP_MENU_ICON_SIZE);
    GdkPixbuf *pb = pixbuf_at(im, TRAYP_MENU_ICON_SIZE);
    if (pb != NULL) {
      image = G.gtk_image_new_from_pixbuf(pb);
      g_object_unref(pb);
    }
  }
  G.gtk_image_menu_item_set_image((GtkImageMenuItem *)item, image);
  G.gtk_image_menu_item_set_always_show_image((GtkImageMenuItem *)item, image != NULL);
}

/* Shows m's accelerator (or none) at the right of its label; the menu takes no keys. */
static void set_accel(GtkWidget *item, const struct tray_menu *m) {
  struct trayp_accel a;
  guint key = 0;
  int mods = 0;
  GtkWidget *label = G.gtk_bin_get_child((GtkBin *)item);
  if (label == NULL)
    return;
  if (m->submenu == NULL && trayp_accel_parse(m->accelerator, &a) == TRAY_OK && a.key[0] != 0) {
    key = G.gdk_keyval_from_name(a.key);
    mods = ((a.mods & TRAYP_MOD_CTRL) ? GDK_CONTROL_MASK : 0) | ((a.mods & TRAYP_MOD_ALT) ? GDK_MOD1_MASK : 0) |
           ((a.mods & TRAYP_MOD_SHIFT) ? GDK_SHIFT_MASK : 0) | ((a.mods & TRAYP_MOD_SUPER) ? GDK_SUPER_MASK : 0);
  }
  G.gtk_accel_label_set_accel((GtkAccelLabel *)label, key, (GdkModifierType)mods);
}

static GtkWidget *build_menu(struct tray_menu *m) {
  GtkWidget *menu = G.gtk_menu_new();
  for (; m->text != NULL; m++) {
    GtkWidget *item;
    if (trayp_is_separator(m)) {
      item = G.gtk_separator_menu_item_new();
    } else {
      int check = m->checkbox || m->radio;
      item = check ? G.gtk_check_menu_item_new_with_label(m->text) : G.gtk_image_menu_item_new_with_label(m->text);
      if (!check)
        set_item_icon(item, m);
      if (check) { /* before connecting: set_active emits "activate" (refresh blocks it) */
        G.gtk_check_menu_item_set_draw_as_radio((GtkCheckMenuItem *)item, m->radio != 0);
        G.gtk_check_menu_item_set_active((GtkCheckMenuItem *)item, m->checked != 0);
      }
      G.gtk_widget_set_sensitive(item, m->disabled == 0);
      set_accel(item, m);
      if (m->submenu != NULL) {
        G.gtk_menu_item_set_submenu((GtkMenuItem *)item, build_menu(m->submenu));
      } else {
        g_object_set_data(G_OBJECT(item), ITEM_KEY, m);
        g_signal_connect(item, "activate", G_CALLBACK(on_item_activate), NULL);
      }
    }
    g_object_set_data(G_OBJECT(item), KIND_KEY, GINT_TO_POINTER(kind_of(m)));
    G.gtk_widget_show(item);
    G.gtk_menu_shell_append((GtkMenuShell *)menu, item);
  }
  return menu;
}

/* 1 if menu was built from a list of m's shape: the same kinds in the same places, down
 * through the submenus. */
static int same_shape(GtkWidget *menu, const struct tray_menu *m) {
  GList *kids = G.gtk_container_get_children((GtkContainer *)menu), *l;
  int same = 1;
  for (l = kids; same && l != NULL; l = l->next, m++) {
    GtkWidget *item = l->data;
    same = m->text != NULL && GPOINTER_TO_INT(g_object_get_data(G_OBJECT(item), KIND_KEY)) == (int)kind_of(m);
    if (same && m->submenu != NULL)
      same = same_shape(G.gtk_menu_item_get_submenu((GtkMenuItem *)item), m->submenu);
  }
  same = same && m->text == NULL;
  g_list_free(kids);
  return same;
}

/* Gives a menu of m's shape m's texts and states, and points its items at m's entries: the
 * widgets stay, so a menu the user has open stays open (as dbusmenu's in-place update). */
static void refresh(GtkWidget *menu, struct tray_menu *m) {
  GList *kids = G.gtk_container_get_children((GtkContainer *)menu), *l;
  for (l = kids; l != NULL; l = l->next, m++) {
    GtkWidget *item = l->data;
    if (trayp_is_separator(m))
      continue;
    G.gtk_menu_item_set_label((GtkMenuItem *)item, m->text);
    G.gtk_widget_set_sensitive(item, m->disabled == 0);
    set_accel(item, m);
    if (!m->checkbox && !m->radio) {
      set_item_icon(item, m);
    } else {
      /* set_active activates the item: the program's callback must not run for it. */
      g_signal_handlers_block_by_func(item, (gpointer)on_item_activate, NULL);
      G.gtk_check_menu_item_set_draw_as_radio((GtkCheckMenuItem *)item, m->radio != 0);
      G.gtk_check_menu_item_set_active((GtkCheckMenuItem *)item, m->checked != 0);
      g_signal_handlers_unblock_by_func(item, (gpointer)on_item_activate, NULL);
    }
    if (m->submenu != NULL)
      refresh(G.gtk_menu_item_get_submenu((GtkMenuItem *)item), m->submenu);
    else
      g_object_set_data(G_OBJECT(item), ITEM_KEY, m);
  }
  g_list_free(kids);
}

static gboolean destroy_later(gpointer data) {
  G.gtk_widget_destroy((GtkWidget *)data);
  g_object_unref(data);
  return G_SOURCE_REMOVE;
}

/* Deferred: a menu item's callback may be running inside this menu. */
static void drop_menu(GtkWidget *menu) {
  if (menu != NULL)
    g_idle_add(destroy_later, menu);
}

/* The shown menu's widgets, built now if the menu changed shape since they were last needed;
 * NULL without a menu. */
static GtkWidget *current_menu(void) {
  if (X.menu == NULL && X.tray != NULL && X.tray->menu != NULL)
    X.menu = g_object_ref_sink(build_menu(X.tray->menu));
  return X.menu;
}

static void popup(void) {
  GtkWidget *menu = current_menu();
  if (menu != NULL)
    G.gtk_menu_popup_at_pointer((GtkMenu *)menu, NULL);
}

static void on_activate(GtkStatusIcon *icon, gpointer data) {
  (void)icon;
  (void)data;
  if (trayp_live() && X.tray != NULL && !trayp_icon_event(X.tray, TRAY_EVENT_ACTIVATE, 0, 0))
    popup();
}

/* Middle click; GtkStatusIcon reports left and right clicks as activate and popup-menu. */
static gboolean on_button(GtkStatusIcon *icon, GdkEventButton *ev, gpointer data) {
  (void)icon;
  (void)data;
  if (ev->button != 2 || !trayp_live() || X.tray == NULL)
    return FALSE;
  trayp_icon_event(X.tray, TRAY_EVENT_SECONDARY, 0, 0);
  return TRUE;
}

/* One wheel notch is 120, as Windows and most StatusNotifierItem hosts count it. */
static gboolean on_scroll(GtkStatusIcon *icon, GdkEventScroll *ev, gpointer data) {
  int delta = 0, horizontal = 0;
  (void)icon;
  (void)data;
  if (!trayp_live() || X.tray == NULL)
    return FALSE;
  switch (ev->direction) {
  case GDK_SCROLL_UP: delta = -120; break;
  case GDK_SCROLL_DOWN: delta = 120; break;
  case GDK_SCROLL_LEFT: delta = -120; horizontal = 1; break;
  case GDK_SCROLL_RIGHT: delta = 120; horizontal = 1; break;
  case GDK_SCROLL_SMOOTH:
    horizontal = ev->delta_x != 0 && ev->delta_y == 0;
    delta = (int)((horizontal ? ev->delta_x : ev->delta_y) * 120);
    break;
  default: return FALSE;
  }
  if (delta != 0)
    trayp_icon_event(X.tray, TRAY_EVENT_SCROLL, delta, horizontal);
  return TRUE;
}

static void on_popup_menu(GtkStatusIcon *icon, guint button, guint time, gpointer data) {
  (void)icon;
  (void)button;
  (void)time;
  (void)data;
  if (trayp_live())
    popup();
}

static void set_pixels(const unsigned char *rgba, int w, int h) {
  GdkPixbuf *pb = pixbuf_copy(rgba, w, h);
  G.gtk_status_icon_set_from_pixbuf(X.icon, pb);
  g_object_unref(pb);
}

/* An X tray has no attention state of its own: the attention icon takes the icon's place. */
static void set_image(const struct tray *tray) {
  int count, size = G.gtk_status_icon_get_size(X.icon);
  const struct tray_image *images = trayp_shown_images(tray, &count);
  if (images != NULL) {
    const struct tray_image *im = trayp_image_pick(images, count, size > 0 ? size : 22);
    set_pixels(im->rgba, im->width, im->height);
  } else if (tray->icon_rgba != NULL) {
    set_pixels(tray->icon_rgba, tray->icon_width, tray->icon_height);
  } else if (trayp_icon_is_file(tray)) {
    G.gtk_status_icon_set_from_file(X.icon, tray->icon);
  } else {
    G.gtk_status_icon_set_from_icon_name(X.icon, tray->icon);
  }
}

int trayp_xembed_show(struct tray *tray) {
  const char *tip = tray->tooltip != NULL ? tray->tooltip : "";
  GtkWidget *old = X.menu;
  if (X.icon == NULL) {
    if (!load_gtk() || !init_gtk())
      return TRAY_ERR_PLATFORM;
    X.icon = G.gtk_status_icon_new();
    g_signal_connect(X.icon, "activate", G_CALLBACK(on_activate), NULL);
    g_signal_connect(X.icon, "popup-menu", G_CALLBACK(on_popup_menu), NULL);
    g_signal_connect(X.icon, "button-release-event", G_CALLBACK(on_button), NULL);
    g_signal_connect(X.icon, "scroll-event", G_CALLBACK(on_scroll), NULL);
  }
  set_image(tray);
  G.gtk_status_icon_set_tooltip_text(X.icon, tip);
  /* The docked window's name: what X tools (and the screenshot tests) find it by. */
  G.gtk_status_icon_set_title(X.icon, tip);
  if (old != NULL && tray->menu != NULL && same_shape(old, tray->menu)) {
    refresh(old, tray->menu);
  } else {
    /* Built again when next needed (current_menu). */
    X.menu = NULL;
    drop_menu(old);
  }
  X.tray = tray;
  G.gtk_status_icon_set_visible(X.icon, TRUE);
  return TRAY_OK;
}

void trayp_xembed_hide(void) {
  if (X.icon == NULL)
    return;
  G.gtk_status_icon_set_visible(X.icon, FALSE);
  g_object_unref(X.icon);
  X.icon = NULL;
  drop_menu(X.menu);
  X.menu = NULL;
  X.tray = NULL;
}

void *trayp_xembed_menu(void) {
  return X.icon != NULL ? current_menu() : NULL;
}

G_GNUC_END_IGNORE_DEPRECATIONS
