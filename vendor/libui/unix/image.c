/* uiImage on GTK 3: a chosen size as a premultiplied cairo surface scaled to the image's points
 * (the sizes themselves are in common/image.c). */
#include "uipriv_unix.h"
#include "osapi.h"

void uiprivOSImageRepFree(void *native)
{
	cairo_surface_destroy((cairo_surface_t *) native);
}

cairo_surface_t *uiprivImageSurface(uiImage *i, double scale)
{
	uiprivImageRep *r = uiprivImageRepFor(i, scale);
	cairo_surface_t *s;
	unsigned char *data;
	int stride, x, y;

	if (r == NULL)
		return NULL;
	if (r->native != NULL)
		return (cairo_surface_t *) r->native;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r->width, r->height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	/* cairo wants native-endian 0xAARRGGBB words with the colour premultiplied by alpha. */
	for (y = 0; y < r->height; y++)
		for (x = 0; x < r->width; x++) {
			const uint8_t *p = r->pixels + ((size_t) y * r->width + x) * 4;
			uint32_t a = p[3];
			uint32_t word = (a << 24) | ((p[0] * a + 127) / 255) << 16 | ((p[1] * a + 127) / 255) << 8 | ((p[2] * a + 127) / 255);

			*(uint32_t *) (data + (size_t) y * stride + (size_t) x * 4) = word;
		}
	cairo_surface_mark_dirty(s);
	cairo_surface_set_device_scale(s, (double) r->width / i->width, (double) r->height / i->height);
	r->native = s;
	return s;
}
