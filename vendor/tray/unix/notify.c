/* Desktop notifications through org.freedesktop.Notifications. The body may come from a
 * service or the network, and servers that support markup read it as such: it is escaped,
 * so the user reads exactly the text. The tray's pixels travel as the image-data hint. */
#include "trayp_unix.h"

/* The image-data hint (iiibiiay): width, height, rowstride, alpha, bits, channels, RGBA. */
static GVariant *image_data(const struct tray *tray) {
  gsize size = (gsize)tray->icon_width * (gsize)tray->icon_height * 4;
  GVariant *bytes = g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, tray->icon_rgba, size, 1);
  return g_variant_new("(iiibii@ay)", tray->icon_width, tray->icon_height, tray->icon_width * 4, TRUE, 8, 4, bytes);
}

int trayp_notify_send(GDBusConnection *bus, const struct tray *tray, const char *title, const char *text) {
  GVariantBuilder actions, hints;
  const char *app = g_get_application_name();
  const char *icon = "";
  char *body = g_markup_escape_text(text, -1);
  g_variant_builder_init(&actions, G_VARIANT_TYPE("as"));
  g_variant_builder_init(&hints, G_VARIANT_TYPE("a{sv}"));
  if (tray->icon_rgba != NULL)
    g_variant_builder_add(&hints, "{sv}", "image-data", image_data(tray));
  else
    icon = tray->icon; /* a file path or a theme icon name: the spec takes either */
  /* Fire and forget: a missing notification server must not block the UI thread. */
  g_dbus_connection_call(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                         "org.freedesktop.Notifications", "Notify",
                         g_variant_new("(susssasa{sv}i)", app != NULL ? app : "", 0u, icon, title, body, &actions,
                                       &hints, -1),
                         NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_free(body);
  return TRAY_OK;
}
