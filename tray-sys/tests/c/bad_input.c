/* Bad input on every public function of tray.h, and a D-Bus peer sending nonsense to the
 * StatusNotifierItem and its dbusmenu, built by `cargo xtask test sanitize` with
 * AddressSanitizer and UndefinedBehaviorSanitizer: a sanitizer report, a crash, a hang or a
 * failed check fails the tier. Runs on a private session bus with no watcher, so the icon
 * docks through the XEmbed fallback (GTK loaded at run time) while the bus calls arrive. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "tray.h"

static int checks, failures;

#define CHECK(cond) check((cond), #cond, __LINE__)

static void check(int ok, const char *what, int line) {
  checks++;
  if (!ok) {
    failures++;
    printf("FAILED line %d: %s\n", line, what);
  }
}

static unsigned char blue[16 * 16 * 4];
static struct tray_image sizes[2] = {{blue, 16, 16}, {blue, 8, 8}};
/* Wider than the menu icon size and not square: the fallback's GtkMenu scales it down. */
static struct tray_image wide[1] = {{blue, 32, 8}};
static int item_calls, icon_events;
static struct tray tray;

static void on_item(struct tray_menu *m) {
  (void)m;
  item_calls++;
}

/* Exits the tray from inside a callback: later events must find it gone. */
static void exit_from_item(struct tray_menu *m) {
  (void)m;
  item_calls++;
  tray_exit();
}

static void on_event(struct tray *t, const struct tray_event *ev) {
  (void)t;
  (void)ev;
  icon_events++;
}

static struct tray_menu sub[] = {{"Child", 0, 0, 0, on_item, NULL, NULL, 0, NULL, 0, NULL}, {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
static struct tray_menu menu[] = {
    {"First", 0, 0, 0, on_item, NULL, NULL, 0, NULL, 0, NULL},
    {"-", 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL},
    {"Radio", 0, 1, 0, on_item, NULL, NULL, 1, sizes, 2, NULL},
    {"Sub", 0, 0, 0, NULL, NULL, sub, 0, wide, 1, NULL},
    {"Quit", 0, 0, 0, exit_from_item, NULL, NULL, 0, NULL, 0, "Ctrl+Q"},
    {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
static struct tray_menu other[] = {{"Other", 0, 0, 0, on_item, NULL, NULL, 0, NULL, 0, NULL},
                                   {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};

static struct tray good(void) {
  struct tray t;
  memset(&t, 0, sizeof t);
  t.icon_rgba = blue;
  t.icon_width = 16;
  t.icon_height = 16;
  t.tooltip = "bad input";
  t.menu = menu;
  t.event_cb = on_event;
  return t;
}

/* Every tray.h function with arguments it must refuse, before and after init. */
static void refuse_bad_arguments(void) {
  static struct tray_menu bad_utf8[] = {{"\xff\xfe", 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL},
                                        {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
  static struct tray_menu cycle[] = {{"Loop", 0, 0, 0, NULL, NULL, cycle, 0, NULL, 0, NULL},
                                     {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
  static struct tray_image no_pixels = {NULL, 16, 16}, huge = {blue, INT_MAX, INT_MAX}, negative = {blue, -1, 16};
  static struct tray_menu bad_icon[] = {{"Icon", 0, 0, 0, NULL, NULL, NULL, 0, &huge, 1, NULL},
                                        {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
  static char long_accel[4096];
  static struct tray_menu bad_accel[] = {{"Keys", 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL},
                                         {NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, NULL}};
  static const char *const accels[] = {"", "++", "Ctrl+", "Ctrl+F99999999999", "Fx", "Ctrl+\xc3", "Shift+Shift+A",
                                       "Ctrl+\x01", "Alt+\xe2\x80\xaeQ"};
  struct tray t;
  int code;
  size_t i;
  memset(long_accel, 'A', sizeof long_accel - 1);
  for (i = 0; i < sizeof accels / sizeof accels[0]; i++) {
    t = good();
    bad_accel[0].accelerator = accels[i];
    t.menu = bad_accel;
    code = tray_init(&t);
    CHECK(code == TRAY_ERR_ACCEL || code == TRAY_ERR_UTF8);
  }
  t = good();
  bad_accel[0].accelerator = long_accel;
  t.menu = bad_accel;
  CHECK(tray_init(&t) == TRAY_ERR_ACCEL);
  CHECK(tray_init(NULL) == TRAY_ERR_NULL);
  CHECK(tray_update(NULL) == TRAY_ERR_NOT_INIT);
  CHECK(tray_loop(0) == TRAY_ERR_NOT_INIT);
  CHECK(tray_notify(NULL, NULL) == TRAY_ERR_NULL);
  CHECK(tray_notify("title", NULL) == TRAY_ERR_NULL);
  CHECK(tray_notify("a", "b") == TRAY_ERR_NOT_INIT);
  CHECK(tray_native_menu() == NULL);
  tray_exit();
  t = good();
  t.icon_rgba = NULL;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  t = good();
  t.icon_width = 0;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  t = good();
  t.tooltip = "\xc0\xaf";
  CHECK(tray_init(&t) == TRAY_ERR_UTF8);
  t = good();
  t.menu = bad_utf8;
  CHECK(tray_init(&t) == TRAY_ERR_UTF8);
  t = good();
  t.menu = cycle;
  CHECK(tray_init(&t) == TRAY_ERR_MENU);
  t = good();
  t.menu = bad_icon;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  t = good();
  t.icons = &no_pixels;
  t.icon_count = 1;
  CHECK(tray_init(&t) == TRAY_ERR_NULL);
  t.icons = &negative;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  t.icons = sizes;
  t.icon_count = INT_MAX;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  t = good();
  t.attention_icons = NULL;
  t.attention_icon_count = 3;
  CHECK(tray_init(&t) == TRAY_ERR_NULL);
  t = good();
  t.icon = "/no/such/icon.png";
  t.icon_rgba = NULL;
  CHECK(tray_init(&t) == TRAY_ERR_ICON);
  for (code = -20; code <= 5; code++)
    CHECK(tray_strerror(code) != NULL && tray_strerror(code)[0] != '\0');
}

/* The one item on the bus: org.kde.StatusNotifierItem-<our pid>-<n>. */
static char *find_item(GDBusConnection *peer) {
  char prefix[64];
  char *found = NULL;
  const char *name;
  GVariantIter *names;
  GVariant *reply = g_dbus_connection_call_sync(peer, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                "org.freedesktop.DBus", "ListNames", NULL, G_VARIANT_TYPE("(as)"),
                                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply == NULL)
    return NULL;
  snprintf(prefix, sizeof prefix, "org.kde.StatusNotifierItem-%ld-", (long)getpid());
  g_variant_get(reply, "(as)", &names);
  while (found == NULL && g_variant_iter_next(names, "&s", &name)) {
    if (strncmp(name, prefix, strlen(prefix)) == 0)
      found = g_strdup(name);
  }
  g_variant_iter_free(names);
  g_variant_unref(reply);
  return found;
}

struct reply {
  int done;
  GVariant *value; /* NULL for an error reply */
};

static void on_reply(GObject *src, GAsyncResult *res, gpointer data) {
  struct reply *r = data;
  r->value = g_dbus_connection_call_finish(G_DBUS_CONNECTION(src), res, NULL);
  r->done = 1;
}

/* Calls method on the item from the peer connection while the tray's loop runs (the item
 * answers on this thread's main context, so a synchronous call would wait on itself).
 * Returns the reply (unref it), or NULL for an error reply. */
static GVariant *call_reply(GDBusConnection *peer, const char *dest, const char *path, const char *iface,
                            const char *method, GVariant *params) {
  struct reply r = {0, NULL};
  gint64 deadline = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
  g_dbus_connection_call(peer, dest, path, iface, method, params, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, on_reply,
                         &r);
  while (!r.done && g_get_monotonic_time() < deadline)
    g_main_context_iteration(NULL, TRUE);
  CHECK(r.done);
  return r.value;
}

/* 1 for a reply, 0 for an error. */
static int call(GDBusConnection *peer, const char *dest, const char *path, const char *iface, const char *method,
                GVariant *params) {
  GVariant *v = call_reply(peer, dest, path, iface, method, params);
  if (v != NULL)
    g_variant_unref(v);
  return v != NULL;
}

#define SNI "/StatusNotifierItem", "org.kde.StatusNotifierItem"
#define MENU "/MenuBar", "com.canonical.dbusmenu"

/* The id of the top-level menu item labelled label, read as a host reads it; -1 if none. */
static gint32 find_id(GDBusConnection *peer, const char *item, const char *label) {
  gint32 found = -1;
  GVariant *reply = call_reply(peer, item, MENU, "GetLayout", g_variant_new("(ii@as)", 0, 1, g_variant_new_strv(NULL, 0)));
  GVariant *root, *kids;
  gsize k;
  if (reply == NULL)
    return -1;
  root = g_variant_get_child_value(reply, 1);
  kids = g_variant_get_child_value(root, 2);
  for (k = 0; found < 0 && k < g_variant_n_children(kids); k++) {
    GVariant *boxed = g_variant_get_child_value(kids, k), *node = g_variant_get_variant(boxed);
    GVariant *props = g_variant_get_child_value(node, 1);
    const char *text = NULL;
    if (g_variant_lookup(props, "label", "&s", &text) && strcmp(text, label) == 0)
      g_variant_get_child(node, 0, "i", &found);
    g_variant_unref(props);
    g_variant_unref(node);
    g_variant_unref(boxed);
  }
  g_variant_unref(kids);
  g_variant_unref(root);
  g_variant_unref(reply);
  return found;
}

static GVariant *event(gint32 id) {
  return g_variant_new("(isvu)", id, "clicked", g_variant_new_int32(0), 0u);
}

static void bus_nonsense(GDBusConnection *peer, const char *item) {
  gint32 first = find_id(peer, item, "First");
  /* The separator follows First; the root (0) is no item either. */
  gint32 ids[] = {-1, 0, 0, 0, INT_MAX, INT_MIN, 100000, 1000000000};
  GVariantBuilder group;
  size_t k;
  int before = item_calls;
  CHECK(first > 0);
  ids[2] = first;
  ids[3] = first + 1;
  for (k = 0; k < sizeof ids / sizeof ids[0]; k++) {
    /* Unknown ids are errors; the root and the separator are answered and run nothing. */
    int known = ids[k] == 0 || ids[k] == first || ids[k] == first + 1;
    CHECK(call(peer, item, MENU, "Event", event(ids[k])) == known);
    call(peer, item, MENU, "GetLayout", g_variant_new("(ii@as)", ids[k], -1, g_variant_new_strv(NULL, 0)));
    call(peer, item, MENU, "AboutToShow", g_variant_new("(i)", ids[k]));
    call(peer, item, MENU, "GetProperty", g_variant_new("(is)", ids[k], "label"));
  }
  CHECK(call(peer, item, MENU, "GetLayout", g_variant_new("(ii@as)", 0, INT_MIN, g_variant_new_strv(NULL, 0))));
  CHECK(!call(peer, item, MENU, "Event", g_variant_new("(ssvu)", "1", "clicked", g_variant_new_int32(0), 0u)));
  CHECK(!call(peer, item, MENU, "GetProperty", g_variant_new("(is)", 1, "no-such-property")));
  CHECK(!call(peer, item, MENU, "Explode", NULL));
  g_variant_builder_init(&group, G_VARIANT_TYPE("a(isvu)"));
  for (k = 0; k < 5000; k++)
    g_variant_builder_add(&group, "(isvu)", (gint32)(k * 7919), "hovered", g_variant_new_string("x"), 0u);
  CHECK(call(peer, item, MENU, "EventGroup", g_variant_new("(a(isvu))", &group)));
  g_variant_builder_init(&group, G_VARIANT_TYPE("ai"));
  for (k = 0; k < 5000; k++)
    g_variant_builder_add(&group, "i", (gint32)(INT_MAX - k));
  CHECK(call(peer, item, MENU, "AboutToShowGroup", g_variant_new("(ai)", &group)));
  CHECK(call(peer, item, MENU, "GetGroupProperties",
             g_variant_new("(@ai@as)", g_variant_new_array(G_VARIANT_TYPE_INT32, NULL, 0), g_variant_new_strv(NULL, 0))));
  CHECK(!call(peer, item, SNI, "Activate", g_variant_new("(ss)", "a", "b")));
  CHECK(call(peer, item, SNI, "Scroll", g_variant_new("(is)", INT_MIN, "diagonal")));
  CHECK(call(peer, item, SNI, "SecondaryActivate", g_variant_new("(ii)", INT_MAX, INT_MIN)));
  CHECK(call(peer, item, SNI, "ContextMenu", g_variant_new("(ii)", -1, -1)));
  CHECK(!call(peer, item, "/StatusNotifierItem", "org.freedesktop.DBus.Properties", "Get",
              g_variant_new("(ss)", "org.kde.StatusNotifierItem", "NoSuchProperty")));
  CHECK(call(peer, item, "/StatusNotifierItem", "org.freedesktop.DBus.Properties", "GetAll",
             g_variant_new("(s)", "org.kde.StatusNotifierItem")));
  /* Only First ran a callback; hovered events run nothing. Scroll and middle click
   * reach event_cb; the refused Activate and ContextMenu do not. */
  CHECK(item_calls == before + 1);
  CHECK(icon_events == 2);
}

int main(void) {
  GDBusConnection *peer;
  char *item;
  size_t i;
  for (i = 0; i < sizeof blue; i += 4) {
    blue[i + 2] = 0xff;
    blue[i + 3] = 0xff;
  }
  refuse_bad_arguments();
  tray = good();
  CHECK(tray_init(&tray) == TRAY_OK);
  CHECK(tray_init(&tray) == TRAY_ERR_ALREADY_INIT);
  CHECK(tray_notify("\xff", "text") == TRAY_ERR_UTF8);
  peer = g_dbus_connection_new_for_address_sync(g_getenv("DBUS_SESSION_BUS_ADDRESS"),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, NULL);
  CHECK(peer != NULL);
  item = peer != NULL ? find_item(peer) : NULL;
  CHECK(item != NULL);
  if (item != NULL) {
    bus_nonsense(peer, item);
    /* A new shape: the old ids are gone, and clicking them runs nothing. */
    gint32 first = find_id(peer, item, "First"), quit;
    tray.menu = other;
    CHECK(tray_update(&tray) == TRAY_OK);
    CHECK(!call(peer, item, MENU, "Event", event(first)));
    /* Back to the first shape with new ids; Quit exits the tray from its own callback. */
    tray.menu = menu;
    CHECK(tray_update(&tray) == TRAY_OK);
    quit = find_id(peer, item, "Quit");
    CHECK(quit > first);
    CHECK(call(peer, item, MENU, "Event", event(quit)));
    CHECK(tray_loop(0) == 1);
    CHECK(tray_update(&tray) == TRAY_ERR_NOT_INIT);
    /* The item is gone from the bus: calls fail instead of reaching freed state. */
    CHECK(!call(peer, item, MENU, "Event", event(3)));
    CHECK(!call(peer, item, SNI, "Activate", g_variant_new("(ii)", 0, 0)));
    g_free(item);
  }
  /* A second life after exit. */
  tray = good();
  CHECK(tray_init(&tray) == TRAY_OK);
  tray_exit();
  if (peer != NULL)
    g_object_unref(peer);
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
