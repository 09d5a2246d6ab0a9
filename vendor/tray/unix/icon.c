/* The tray icon as StatusNotifierItem pixmaps: pixels go over D-Bus, never through files.
 * Hosts pick the size closest to the panel's, so the given image travels with smaller
 * copies at the common panel sizes, each resized by area averaging here rather than by
 * whatever the host would do. */
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "trayp_unix.h"

static const int SIZES[] = {16, 22, 24, 32, 48, 64};

int trayp_icon_is_file(const struct tray *tray) {
  return tray->icons == NULL && tray->icon_rgba == NULL && tray->icon != NULL && strchr(tray->icon, '/') != NULL;
}

/* One (iiay) of straight-alpha RGBA rows: ARGB32, most significant byte first. */
static GVariant *pixmap(const unsigned char *rgba, int w, int h) {
  gsize n = (gsize)w * (gsize)h, i;
  guchar *argb = g_malloc(n * 4);
  for (i = 0; i < n; i++) {
    const unsigned char *p = rgba + i * 4;
    argb[i * 4 + 0] = p[3];
    argb[i * 4 + 1] = p[0];
    argb[i * 4 + 2] = p[1];
    argb[i * 4 + 3] = p[2];
  }
  return g_variant_new("(ii@ay)", w, h, g_variant_new_from_data(G_VARIANT_TYPE("ay"), argb, n * 4, TRUE, g_free, argb));
}

static void add_sizes(GVariantBuilder *b, const unsigned char *rgba, int w, int h) {
  int side = w > h ? w : h;
  size_t k;
  g_variant_builder_add_value(b, pixmap(rgba, w, h));
  for (k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
    int s = SIZES[k], dw, dh;
    unsigned char *small;
    if (s >= side)
      break;
    /* Keep the aspect ratio; the longer side becomes s. */
    dw = w * s / side > 0 ? w * s / side : 1;
    dh = h * s / side > 0 ? h * s / side : 1;
    small = g_malloc((gsize)dw * (gsize)dh * 4);
    trayp_rgba_resize(rgba, w, h, small, dw, dh);
    g_variant_builder_add_value(b, pixmap(small, dw, dh));
    g_free(small);
  }
}

/* A file's pixels as tightly packed straight-alpha RGBA, whatever the file's layout. */
static unsigned char *file_rgba(const char *path, int *w, int *h) {
  GdkPixbuf *pb = gdk_pixbuf_new_from_file(path, NULL);
  const guchar *src;
  unsigned char *out;
  int x, y, stride, channels;
  if (pb == NULL)
    return NULL;
  *w = gdk_pixbuf_get_width(pb);
  *h = gdk_pixbuf_get_height(pb);
  channels = gdk_pixbuf_get_n_channels(pb);
  if (*w < 1 || *h < 1 || *w > TRAY_MAX_ICON_SIZE || *h > TRAY_MAX_ICON_SIZE ||
      gdk_pixbuf_get_bits_per_sample(pb) != 8 || (channels != 3 && channels != 4)) {
    g_object_unref(pb);
    return NULL;
  }
  stride = gdk_pixbuf_get_rowstride(pb);
  src = gdk_pixbuf_read_pixels(pb);
  out = g_malloc((gsize)*w * (gsize)*h * 4);
  for (y = 0; y < *h; y++) {
    for (x = 0; x < *w; x++) {
      const guchar *p = src + (gsize)y * stride + (gsize)x * channels;
      unsigned char *o = out + ((gsize)y * *w + x) * 4;
      o[0] = p[0];
      o[1] = p[1];
      o[2] = p[2];
      o[3] = channels == 4 ? p[3] : 255;
    }
  }
  g_object_unref(pb);
  return out;
}

/* Every size the app gave, as given: the app drew each one for its size. */
static GVariant *image_list(const struct tray_image *images, int count) {
  GVariantBuilder b;
  int i;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(iiay)"));
  for (i = 0; images != NULL && i < count; i++)
    g_variant_builder_add_value(&b, pixmap(images[i].rgba, images[i].width, images[i].height));
  return g_variant_ref_sink(g_variant_builder_end(&b));
}

GVariant *trayp_attention_pixmaps(const struct tray *tray) {
  return image_list(tray->attention_icons, tray->attention_icon_count);
}

GVariant *trayp_icon_pixmaps(const struct tray *tray) {
  GVariantBuilder b;
  if (tray->icons != NULL)
    return image_list(tray->icons, tray->icon_count);
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(iiay)"));
  if (tray->icon_rgba != NULL) {
    add_sizes(&b, tray->icon_rgba, tray->icon_width, tray->icon_height);
  } else if (trayp_icon_is_file(tray)) {
    int w, h;
    unsigned char *rgba = file_rgba(tray->icon, &w, &h);
    if (rgba == NULL) {
      g_variant_builder_clear(&b);
      return NULL;
    }
    add_sizes(&b, rgba, w, h);
    g_free(rgba);
  }
  return g_variant_ref_sink(g_variant_builder_end(&b));
}
