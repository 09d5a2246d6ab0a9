/* HICONs for the Win32 backend: from straight-alpha RGBA pixels or an .ico file. */
#include "trayp_windows.h"
#include <stdlib.h>
#include <string.h>

WCHAR *trayp_wide(const char *utf8) {
  size_t n = trayp_utf16_len(utf8);
  WCHAR *w = (WCHAR *)malloc((n + 1) * sizeof(WCHAR));
  if (w != NULL)
    trayp_utf8_to_utf16(utf8, (unsigned short *)w, n + 1);
  return w;
}

static HICON from_pixels(const unsigned char *rgba, int size, int *err) {
  BITMAPINFO bi;
  void *bits = NULL;
  HBITMAP color, mask;
  HICON icon;
  ICONINFO ii;
  unsigned char *mask_bits, *dst;
  /* Monochrome bitmap rows are padded to 16 bits. */
  int mask_stride = ((size + 15) / 16) * 2, x, y;
  mask_bits = (unsigned char *)calloc((size_t)mask_stride * size, 1);
  if (mask_bits == NULL) {
    *err = TRAY_ERR_NOMEM;
    return NULL;
  }
  memset(&bi, 0, sizeof bi);
  bi.bmiHeader.biSize = sizeof bi.bmiHeader;
  bi.bmiHeader.biWidth = size;
  bi.bmiHeader.biHeight = -size; /* top-down, like the input */
  bi.bmiHeader.biPlanes = 1;
  bi.bmiHeader.biBitCount = 32;
  bi.bmiHeader.biCompression = BI_RGB;
  color = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, &bits, NULL, 0);
  if (color == NULL) {
    free(mask_bits);
    *err = TRAY_ERR_PLATFORM;
    return NULL;
  }
  dst = (unsigned char *)bits;
  for (y = 0; y < size; y++) {
    for (x = 0; x < size; x++) {
      const unsigned char *s = rgba + ((size_t)y * size + x) * 4;
      unsigned char *d = dst + ((size_t)y * size + x) * 4;
      /* Icons keep straight (not premultiplied) alpha, in BGRA order. */
      d[0] = s[2];
      d[1] = s[1];
      d[2] = s[0];
      d[3] = s[3];
      if (s[3] == 0)
        mask_bits[(size_t)y * mask_stride + x / 8] |= (unsigned char)(0x80 >> (x % 8));
    }
  }
  GdiFlush();
  mask = CreateBitmap(size, size, 1, 1, mask_bits);
  free(mask_bits);
  if (mask == NULL) {
    DeleteObject(color);
    *err = TRAY_ERR_PLATFORM;
    return NULL;
  }
  memset(&ii, 0, sizeof ii);
  ii.fIcon = TRUE;
  ii.hbmMask = mask;
  ii.hbmColor = color;
  icon = CreateIconIndirect(&ii);
  /* The icon holds its own copies of both bitmaps. */
  DeleteObject(mask);
  DeleteObject(color);
  if (icon == NULL)
    *err = TRAY_ERR_PLATFORM;
  return icon;
}

/* rgba (w x h) at size x size: the pixels themselves when they fit, else a resized copy
 * the caller frees (*copy). NULL when out of memory. */
static const unsigned char *sized(const unsigned char *rgba, int w, int h, int size, unsigned char **copy) {
  *copy = NULL;
  if (w == size && h == size)
    return rgba;
  *copy = (unsigned char *)malloc((size_t)size * size * 4);
  if (*copy != NULL)
    trayp_rgba_resize(rgba, w, h, *copy, size, size);
  return *copy;
}

static HICON from_image(const unsigned char *rgba, int w, int h, int size, int *err) {
  unsigned char *copy;
  const unsigned char *px = sized(rgba, w, h, size, &copy);
  HICON icon;
  if (px == NULL) {
    *err = TRAY_ERR_NOMEM;
    return NULL;
  }
  icon = from_pixels(px, size, err);
  free(copy);
  return icon;
}

HBITMAP trayp_menu_bitmap(const struct tray_image *images, int count, int size) {
  const struct tray_image *im = trayp_image_pick(images, count, size);
  unsigned char *copy, *dst;
  const unsigned char *px = sized(im->rgba, im->width, im->height, size, &copy);
  BITMAPINFO bi;
  void *bits = NULL;
  HBITMAP bmp;
  size_t i, n = (size_t)size * size;
  if (px == NULL)
    return NULL;
  memset(&bi, 0, sizeof bi);
  bi.bmiHeader.biSize = sizeof bi.bmiHeader;
  bi.bmiHeader.biWidth = size;
  bi.bmiHeader.biHeight = -size;
  bi.bmiHeader.biPlanes = 1;
  bi.bmiHeader.biBitCount = 32;
  bi.bmiHeader.biCompression = BI_RGB;
  bmp = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, &bits, NULL, 0);
  if (bmp != NULL) {
    dst = (unsigned char *)bits;
    /* Menus blend item bitmaps as premultiplied BGRA. */
    for (i = 0; i < n; i++) {
      const unsigned char *s = px + i * 4;
      unsigned a = s[3];
      dst[i * 4 + 0] = (unsigned char)((s[2] * a + 127) / 255);
      dst[i * 4 + 1] = (unsigned char)((s[1] * a + 127) / 255);
      dst[i * 4 + 2] = (unsigned char)((s[0] * a + 127) / 255);
      dst[i * 4 + 3] = (unsigned char)a;
    }
    GdiFlush();
  }
  free(copy);
  return bmp;
}

HICON trayp_icon_create(const struct tray *tray, int size, int *err) {
  HICON icon;
  int count;
  const struct tray_image *images = trayp_shown_images(tray, &count);
  if (images != NULL) {
    const struct tray_image *im = trayp_image_pick(images, count, size);
    return from_image(im->rgba, im->width, im->height, size, err);
  } else if (tray->icon_rgba != NULL) {
    return from_image(tray->icon_rgba, tray->icon_width, tray->icon_height, size, err);
  } else {
    WCHAR *path = trayp_wide(tray->icon);
    if (path == NULL) {
      *err = TRAY_ERR_NOMEM;
      return NULL;
    }
    /* Picks the best image of the .ico for this size, as LoadIconMetric does. */
    icon = (HICON)LoadImageW(NULL, path, IMAGE_ICON, size, size, LR_LOADFROMFILE);
    free(path);
    if (icon == NULL)
      *err = TRAY_ERR_ICON;
    return icon;
  }
}
