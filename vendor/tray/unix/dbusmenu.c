/* com.canonical.dbusmenu: the tray's menu as a table the host reads over D-Bus.
 *
 * The table lists every item once; an item's children sit next to each other, so a node
 * names them by first index and count. Item ids are base + index (the root is 0): a new
 * shape moves base past every id in use, so a click the host sends for a menu that has
 * since been replaced finds nothing instead of the wrong item. */
#include <limits.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "trayp_unix.h"

struct node {
  struct tray_menu *item; /* NULL for the root */
  char *label;            /* with mnemonic underscores doubled */
  GBytes *png;            /* icon-data, or NULL without an icon */
  struct trayp_accel accel; /* shortcut; key[0] == 0 without one */
  int parent, first, count;
  unsigned char separator, check, radio, checked, enabled, submenu;
};

static struct {
  GDBusConnection *bus;
  GDBusNodeInfo *info;
  unsigned reg;
  struct node *nodes;
  int n;         /* nodes in use, the root included */
  int base;      /* id of index i is base + i */
  guint revision;
} M;

static const char XML[] =
    "<node><interface name='com.canonical.dbusmenu'>"
    "<method name='GetLayout'><arg type='i' direction='in'/><arg type='i' direction='in'/>"
    "<arg type='as' direction='in'/><arg type='u' direction='out'/><arg type='(ia{sv}av)' direction='out'/></method>"
    "<method name='GetGroupProperties'><arg type='ai' direction='in'/><arg type='as' direction='in'/>"
    "<arg type='a(ia{sv})' direction='out'/></method>"
    "<method name='GetProperty'><arg type='i' direction='in'/><arg type='s' direction='in'/>"
    "<arg type='v' direction='out'/></method>"
    "<method name='Event'><arg type='i' direction='in'/><arg type='s' direction='in'/>"
    "<arg type='v' direction='in'/><arg type='u' direction='in'/></method>"
    "<method name='EventGroup'><arg type='a(isvu)' direction='in'/><arg type='ai' direction='out'/></method>"
    "<method name='AboutToShow'><arg type='i' direction='in'/><arg type='b' direction='out'/></method>"
    "<method name='AboutToShowGroup'><arg type='ai' direction='in'/><arg type='ai' direction='out'/>"
    "<arg type='ai' direction='out'/></method>"
    "<signal name='ItemsPropertiesUpdated'><arg type='a(ia{sv})'/><arg type='a(ias)'/></signal>"
    "<signal name='LayoutUpdated'><arg type='u'/><arg type='i'/></signal>"
    "<signal name='ItemActivationRequested'><arg type='i'/><arg type='u'/></signal>"
    "<property name='Version' type='u' access='read'/>"
    "<property name='TextDirection' type='s' access='read'/>"
    "<property name='Status' type='s' access='read'/>"
    "<property name='IconThemePath' type='as' access='read'/>"
    "</interface></node>";

static void free_table(struct node *t, int n) {
  int i;
  for (i = 0; i < n; i++) {
    g_free(t[i].label);
    if (t[i].png != NULL)
      g_bytes_unref(t[i].png);
  }
  g_free(t);
}

/* Hosts read '_' as a mnemonic marker; a literal one is written twice. */
static char *escape_label(const char *text) {
  GString *s = g_string_sized_new(strlen(text) + 4);
  for (; *text; text++) {
    if (*text == '_')
      g_string_append_c(s, '_');
    g_string_append_c(s, *text);
  }
  return g_string_free(s, FALSE);
}

/* The menu icon as PNG bytes (icon-data), or NULL if encoding failed. */
static GBytes *icon_png(const struct tray_menu *m) {
  const struct tray_image *im = trayp_image_pick(m->icons, m->icon_count, TRAYP_MENU_ICON_SIZE);
  GdkPixbuf *pb = gdk_pixbuf_new_from_data(im->rgba, GDK_COLORSPACE_RGB, TRUE, 8, im->width, im->height,
                                           im->width * 4, NULL, NULL);
  gchar *buf = NULL;
  gsize len = 0;
  gboolean ok = pb != NULL && gdk_pixbuf_save_to_buffer(pb, &buf, &len, "png", NULL, NULL);
  if (pb != NULL)
    g_object_unref(pb);
  return ok ? g_bytes_new_take(buf, len) : NULL;
}

/* Writes list's items as the children of t[self] at *next, then their submenus after. */
static void fill(struct node *t, int *next, int self, struct tray_menu *list) {
  int n = 0, i;
  struct tray_menu *m;
  for (m = list; m != NULL && m->text != NULL; m++)
    n++;
  t[self].first = *next;
  t[self].count = n;
  *next += n;
  for (i = 0; i < n; i++) {
    struct node *c = &t[t[self].first + i];
    m = &list[i];
    c->item = m;
    c->parent = self;
    c->separator = (unsigned char)trayp_is_separator(m);
    c->label = c->separator ? NULL : escape_label(m->text);
    c->radio = !c->separator && m->radio != 0;
    c->check = !c->separator && (m->checkbox != 0 || c->radio);
    c->png = !c->separator && m->icons != NULL ? icon_png(m) : NULL;
    c->checked = c->check && m->checked != 0;
    c->enabled = m->disabled == 0;
    c->submenu = !c->separator && m->submenu != NULL;
    if (!c->separator && !c->submenu)
      trayp_accel_parse(m->accelerator, &c->accel); /* checked already: fails only to "none" */
    if (c->submenu)
      fill(t, next, t[self].first + i, m->submenu);
  }
}

/* Same tree and kinds: the ids can stay and only properties change. */
static int same_shape(const struct node *a, int an, const struct node *b, int bn) {
  int i;
  if (an != bn)
    return 0;
  for (i = 0; i < an; i++) {
    if (a[i].parent != b[i].parent || a[i].first != b[i].first || a[i].count != b[i].count ||
        a[i].separator != b[i].separator || a[i].check != b[i].check || a[i].radio != b[i].radio ||
        a[i].submenu != b[i].submenu)
      return 0;
  }
  return 1;
}

/* Index of id, or -1 for an id that is not (or no longer) in the menu. */
static int index_of(gint32 id) {
  gint64 i;
  if (id == 0)
    return 0;
  i = (gint64)id - M.base;
  return i >= 1 && i < M.n ? (int)i : -1;
}

static gint32 id_of(int index) {
  return index == 0 ? 0 : M.base + index;
}

/* Whether name is asked for: an empty list asks for every property. */
static int wanted(const char *const *names, const char *name) {
  if (names == NULL || names[0] == NULL)
    return 1;
  for (; *names; names++) {
    if (strcmp(*names, name) == 0)
      return 1;
  }
  return 0;
}

static void add(GVariantBuilder *b, const char *const *names, const char *key, GVariant *value) {
  if (wanted(names, key))
    g_variant_builder_add(b, "{sv}", key, value);
  else
    g_variant_unref(g_variant_ref_sink(value));
}

/* dbusmenu's shortcut, aas: one combination of modifier names and a keysym name. */
static GVariant *shortcut(const struct trayp_accel *a) {
  GVariantBuilder keys, all;
  g_variant_builder_init(&keys, G_VARIANT_TYPE("as"));
  if (a->mods & TRAYP_MOD_CTRL)
    g_variant_builder_add(&keys, "s", "Control");
  if (a->mods & TRAYP_MOD_ALT)
    g_variant_builder_add(&keys, "s", "Alt");
  if (a->mods & TRAYP_MOD_SHIFT)
    g_variant_builder_add(&keys, "s", "Shift");
  if (a->mods & TRAYP_MOD_SUPER)
    g_variant_builder_add(&keys, "s", "Super");
  g_variant_builder_add(&keys, "s", a->key);
  g_variant_builder_init(&all, G_VARIANT_TYPE("aas"));
  g_variant_builder_add_value(&all, g_variant_builder_end(&keys));
  return g_variant_builder_end(&all);
}

/* The properties of one node as a{sv}. Enabled and visible are always sent, so an update
 * never needs to remove a property. */
static GVariant *properties(const struct node *c, const char *const *names) {
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a{sv}"));
  if (c->item == NULL) {
    add(&b, names, "children-display", g_variant_new_string("submenu"));
    return g_variant_builder_end(&b);
  }
  if (c->separator) {
    add(&b, names, "type", g_variant_new_string("separator"));
  } else {
    add(&b, names, "label", g_variant_new_string(c->label));
    add(&b, names, "enabled", g_variant_new_boolean(c->enabled));
  }
  add(&b, names, "visible", g_variant_new_boolean(TRUE));
  if (c->check) {
    add(&b, names, "toggle-type", g_variant_new_string(c->radio ? "radio" : "checkmark"));
    add(&b, names, "toggle-state", g_variant_new_int32(c->checked));
  }
  if (c->accel.key[0] != 0)
    add(&b, names, "shortcut", shortcut(&c->accel));
  if (c->png != NULL)
    add(&b, names, "icon-data", g_variant_new_from_bytes(G_VARIANT_TYPE("ay"), c->png, TRUE));
  if (c->submenu)
    add(&b, names, "children-display", g_variant_new_string("submenu"));
  return g_variant_builder_end(&b);
}

/* (ia{sv}av) for node i and its children down to depth levels (-1: all). */
static GVariant *layout(int i, int depth, const char *const *names) {
  GVariantBuilder kids;
  int k;
  g_variant_builder_init(&kids, G_VARIANT_TYPE("av"));
  if (depth != 0) {
    for (k = 0; k < M.nodes[i].count; k++)
      g_variant_builder_add(&kids, "v", layout(M.nodes[i].first + k, depth < 0 ? -1 : depth - 1, names));
  }
  return g_variant_new("(i@a{sv}av)", id_of(i), properties(&M.nodes[i], names), &kids);
}

static void unknown_id(GDBusMethodInvocation *inv, gint32 id) {
  g_dbus_method_invocation_return_error(inv, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "no menu item has id %d",
                                        (int)id);
}

/* Runs the callback of the item a "clicked" event names; the callback may replace or
 * free the whole table (tray_update, tray_exit), so nothing is read after it. */
static void click(gint32 id, const char *event) {
  int i = index_of(id);
  struct tray_menu *item;
  if (i <= 0 || strcmp(event, "clicked") != 0 || !trayp_live())
    return;
  item = M.nodes[i].item;
  if (M.nodes[i].separator || M.nodes[i].submenu || item->disabled || item->cb == NULL)
    return;
  item->cb(item);
}

static void on_get_layout(GVariant *params, GDBusMethodInvocation *inv) {
  gint32 parent, depth;
  const char **names;
  int i;
  g_variant_get(params, "(ii^a&s)", &parent, &depth, &names);
  i = index_of(parent);
  if (i < 0)
    unknown_id(inv, parent);
  else
    g_dbus_method_invocation_return_value(inv, g_variant_new("(u@(ia{sv}av))", M.revision, layout(i, depth, names)));
  g_free(names);
}

static void on_group_properties(GVariant *params, GDBusMethodInvocation *inv) {
  GVariant *ids;
  const char **names;
  GVariantBuilder out;
  gsize k, n;
  g_variant_get(params, "(@ai^a&s)", &ids, &names);
  g_variant_builder_init(&out, G_VARIANT_TYPE("a(ia{sv})"));
  n = g_variant_n_children(ids);
  for (k = 0; k < n; k++) {
    gint32 id;
    int i;
    g_variant_get_child(ids, k, "i", &id);
    i = index_of(id);
    /* Unknown ids are left out, as a host asking for a menu just replaced expects. */
    if (i >= 0)
      g_variant_builder_add(&out, "(i@a{sv})", id, properties(&M.nodes[i], names));
  }
  g_dbus_method_invocation_return_value(inv, g_variant_new("(a(ia{sv}))", &out));
  g_variant_unref(ids);
  g_free(names);
}

static void on_get_property(GVariant *params, GDBusMethodInvocation *inv) {
  gint32 id;
  const char *name;
  const char *names[2];
  GVariant *props, *value;
  int i;
  g_variant_get(params, "(i&s)", &id, &name);
  i = index_of(id);
  if (i < 0) {
    unknown_id(inv, id);
    return;
  }
  names[0] = name;
  names[1] = NULL;
  props = g_variant_ref_sink(properties(&M.nodes[i], names));
  value = g_variant_lookup_value(props, name, NULL);
  if (value == NULL)
    g_dbus_method_invocation_return_error(inv, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                          "menu item %d has no property %s", (int)id, name);
  else
    g_dbus_method_invocation_return_value(inv, g_variant_new("(v)", value));
  if (value != NULL)
    g_variant_unref(value);
  g_variant_unref(props);
}

static void on_event(GVariant *params, GDBusMethodInvocation *inv) {
  gint32 id;
  const char *event;
  char *copy;
  g_variant_get(params, "(i&svu)", &id, &event, NULL, NULL);
  if (index_of(id) < 0) {
    unknown_id(inv, id);
    return;
  }
  /* Answer first: the callback may run a nested loop (a dialog) for a long time. */
  copy = g_strdup(event);
  g_dbus_method_invocation_return_value(inv, NULL);
  click(id, copy);
  g_free(copy);
}

static void on_event_group(GVariant *params, GDBusMethodInvocation *inv) {
  GVariant *events;
  GVariantBuilder errors;
  gint32 *ids;
  char **names;
  gsize k, n;
  g_variant_get(params, "(@a(isvu))", &events);
  n = g_variant_n_children(events);
  ids = g_new(gint32, n + 1);
  names = g_new0(char *, n + 1);
  g_variant_builder_init(&errors, G_VARIANT_TYPE("ai"));
  for (k = 0; k < n; k++) {
    const char *event;
    g_variant_get_child(events, k, "(i&svu)", &ids[k], &event, NULL, NULL);
    names[k] = g_strdup(event);
    if (index_of(ids[k]) < 0)
      g_variant_builder_add(&errors, "i", ids[k]);
  }
  g_variant_unref(events);
  g_dbus_method_invocation_return_value(inv, g_variant_new("(ai)", &errors));
  /* Each id is looked up again: an earlier callback may have changed the menu. */
  for (k = 0; k < n; k++)
    click(ids[k], names[k]);
  g_free(ids);
  g_strfreev(names);
}

static void on_about_to_show(GVariant *params, GDBusMethodInvocation *inv) {
  gint32 id;
  g_variant_get(params, "(i)", &id);
  if (index_of(id) < 0)
    unknown_id(inv, id);
  else /* The table is always current: nothing to refresh. */
    g_dbus_method_invocation_return_value(inv, g_variant_new("(b)", FALSE));
}

static void on_about_to_show_group(GVariant *params, GDBusMethodInvocation *inv) {
  GVariant *ids;
  GVariantBuilder updates, errors;
  gsize k, n;
  g_variant_get(params, "(@ai)", &ids);
  g_variant_builder_init(&updates, G_VARIANT_TYPE("ai"));
  g_variant_builder_init(&errors, G_VARIANT_TYPE("ai"));
  n = g_variant_n_children(ids);
  for (k = 0; k < n; k++) {
    gint32 id;
    g_variant_get_child(ids, k, "i", &id);
    if (index_of(id) < 0)
      g_variant_builder_add(&errors, "i", id);
  }
  g_variant_unref(ids);
  g_dbus_method_invocation_return_value(inv, g_variant_new("(aiai)", &updates, &errors));
}

static void on_method(GDBusConnection *c, const char *sender, const char *path, const char *iface,
                      const char *method, GVariant *params, GDBusMethodInvocation *inv, gpointer data) {
  (void)c;
  (void)sender;
  (void)path;
  (void)iface;
  (void)data;
  /* GDBus has checked params against the introspection data before this runs. */
  if (strcmp(method, "GetLayout") == 0)
    on_get_layout(params, inv);
  else if (strcmp(method, "GetGroupProperties") == 0)
    on_group_properties(params, inv);
  else if (strcmp(method, "GetProperty") == 0)
    on_get_property(params, inv);
  else if (strcmp(method, "Event") == 0)
    on_event(params, inv);
  else if (strcmp(method, "EventGroup") == 0)
    on_event_group(params, inv);
  else if (strcmp(method, "AboutToShow") == 0)
    on_about_to_show(params, inv);
  else if (strcmp(method, "AboutToShowGroup") == 0)
    on_about_to_show_group(params, inv);
  else
    g_dbus_method_invocation_return_error(inv, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD, "no method %s", method);
}

static GVariant *on_property(GDBusConnection *c, const char *sender, const char *path, const char *iface,
                             const char *name, GError **error, gpointer data) {
  (void)c;
  (void)sender;
  (void)path;
  (void)iface;
  (void)data;
  if (strcmp(name, "Version") == 0)
    return g_variant_new_uint32(3);
  if (strcmp(name, "TextDirection") == 0)
    return g_variant_new_string("ltr");
  if (strcmp(name, "Status") == 0)
    return g_variant_new_string("normal");
  if (strcmp(name, "IconThemePath") == 0)
    return g_variant_new_strv(NULL, 0);
  g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s", name);
  return NULL;
}

static const GDBusInterfaceVTable VTABLE = {on_method, on_property, NULL, {NULL}};

static void emit(const char *signal, GVariant *params) {
  g_dbus_connection_emit_signal(M.bus, NULL, TRAYP_MENU_PATH, "com.canonical.dbusmenu", signal, params, NULL);
}

int trayp_menu_export(GDBusConnection *bus) {
  M.info = g_dbus_node_info_new_for_xml(XML, NULL);
  if (M.info == NULL)
    return TRAY_ERR_PLATFORM;
  M.reg = g_dbus_connection_register_object(bus, TRAYP_MENU_PATH, M.info->interfaces[0], &VTABLE, NULL, NULL, NULL);
  if (M.reg == 0) {
    g_dbus_node_info_unref(M.info);
    M.info = NULL;
    return TRAY_ERR_PLATFORM;
  }
  M.bus = g_object_ref(bus);
  M.nodes = g_new0(struct node, 1);
  M.n = 1;
  M.base = 0;
  return TRAY_OK;
}

void trayp_menu_unexport(void) {
  if (M.bus == NULL)
    return;
  g_dbus_connection_unregister_object(M.bus, M.reg);
  g_dbus_node_info_unref(M.info);
  g_object_unref(M.bus);
  free_table(M.nodes, M.n);
  memset(&M, 0, sizeof M);
}

/* ItemsPropertiesUpdated with what differs between old and the current table. */
static void send_changes(const struct node *old) {
  GVariantBuilder updated, removed;
  int i, changes = 0;
  g_variant_builder_init(&updated, G_VARIANT_TYPE("a(ia{sv})"));
  g_variant_builder_init(&removed, G_VARIANT_TYPE("a(ias)"));
  for (i = 1; i < M.n; i++) {
    const struct node *a = &old[i], *b = &M.nodes[i];
    int same_icon = a->png == NULL || b->png == NULL ? a->png == b->png : g_bytes_equal(a->png, b->png);
    int same_accel = memcmp(&a->accel, &b->accel, sizeof a->accel) == 0;
    const char *gone[3];
    int n_gone = 0;
    if (g_strcmp0(a->label, b->label) == 0 && a->enabled == b->enabled && a->checked == b->checked && same_icon &&
        same_accel)
      continue;
    g_variant_builder_add(&updated, "(i@a{sv})", id_of(i), properties(b, NULL));
    if (a->png != NULL && b->png == NULL)
      gone[n_gone++] = "icon-data";
    if (a->accel.key[0] != 0 && b->accel.key[0] == 0)
      gone[n_gone++] = "shortcut";
    gone[n_gone] = NULL;
    if (n_gone > 0)
      g_variant_builder_add(&removed, "(i^as)", id_of(i), gone);
    changes++;
  }
  if (changes > 0)
    emit("ItemsPropertiesUpdated", g_variant_new("(a(ia{sv})a(ias))", &updated, &removed));
  else {
    g_variant_builder_clear(&updated);
    g_variant_builder_clear(&removed);
  }
}

int trayp_menu_set(struct tray_menu *menu, int items) {
  struct node *t, *old = M.nodes;
  int next = 1, old_n = M.n;
  if (M.bus == NULL)
    return TRAY_ERR_NOT_INIT;
  t = g_try_new0(struct node, (gsize)items + 1);
  if (t == NULL)
    return TRAY_ERR_NOMEM;
  fill(t, &next, 0, menu);
  M.nodes = t;
  M.n = next;
  if (same_shape(old, old_n, t, next)) {
    send_changes(old);
  } else {
    /* Past every id in use; back to the start long before gint32 would overflow. */
    M.base = M.base > INT_MAX / 2 ? 0 : M.base + old_n;
    M.revision++;
    emit("LayoutUpdated", g_variant_new("(ui)", M.revision, 0));
  }
  free_table(old, old_n);
  return TRAY_OK;
}
