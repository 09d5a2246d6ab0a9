/* uiImage: its sizes, pixel copies and the choice of size for a DPI; backends only turn a chosen
 * size into something they can draw (windows|unix/image.c). */
#include <stdlib.h>
#include <string.h>
#include "osapi.h"

#define maxPoints 65536.0
#define maxPixels 16384

#define checked(i) ((uiImage *) uiprivObjectCheck((i), uiprivObjectImage, __func__))

uiImage *uiNewImage(double width, double height)
{
	uiImage *i;

	if (!uiprivReady(__func__))
		return NULL;
	/* Written so that NaN fails too. */
	if (!(width > 0 && width <= maxPoints && height > 0 && height <= maxPoints)) {
		uiprivUserBug(__func__, "width and height must be numbers above 0 and at most %d points", (int) maxPoints);
		return NULL;
	}
	i = (uiImage *) uiprivAlloc(sizeof (uiImage));
	i->width = width;
	i->height = height;
	uiprivObjectAdd(i, uiprivObjectImage);
	return i;
}

static void repClear(uiprivImageRep *r)
{
	if (r->native != NULL)
		uiprivOSImageRepFree(r->native);
	free(r->pixels);
}

void uiFreeImage(uiImage *i)
{
	int k;

	if (!uiprivReady(__func__) || checked(i) == NULL)
		return;
	if (i->users > 0) {
		uiprivUserBug(__func__, "the image is still held by %d table value(s)", i->users);
		return;
	}
	uiprivObjectRemove(i, uiprivObjectImage);
	for (k = 0; k < i->n; k++)
		repClear(&i->reps[k]);
	free(i->reps);
	free(i);
}

void uiImageAppend(uiImage *i, void *pixels, int pixelWidth, int pixelHeight, int byteStride)
{
	uiprivImageRep *r = NULL;
	int k, y;

	if (!uiprivReady(__func__) || checked(i) == NULL)
		return;
	if (pixels == NULL) {
		uiprivUserBug(__func__, "pixels is NULL");
		return;
	}
	if (pixelWidth < 1 || pixelWidth > maxPixels || pixelHeight < 1 || pixelHeight > maxPixels) {
		uiprivUserBug(__func__, "size %d x %d is not within 1..%d pixels", pixelWidth, pixelHeight, maxPixels);
		return;
	}
	if (byteStride < 4 * pixelWidth) {
		uiprivUserBug(__func__, "byteStride %d is less than 4 * pixelWidth", byteStride);
		return;
	}
	for (k = 0; k < i->n; k++)
		if (i->reps[k].width == pixelWidth && i->reps[k].height == pixelHeight) {
			r = &i->reps[k];
			repClear(r);
		}
	if (r == NULL) {
		i->reps = (uiprivImageRep *) uiprivRealloc(i->reps, (size_t) (i->n + 1) * sizeof (uiprivImageRep));
		r = &i->reps[i->n++];
	}
	r->width = pixelWidth;
	r->height = pixelHeight;
	r->native = NULL;
	r->pixels = (uint8_t *) uiprivAlloc((size_t) pixelWidth * pixelHeight * 4);
	for (y = 0; y < pixelHeight; y++)
		memcpy(r->pixels + (size_t) y * pixelWidth * 4, (const uint8_t *) pixels + (size_t) y * byteStride, (size_t) pixelWidth * 4);
}

uiprivImageRep *uiprivImageRepFor(uiImage *i, double scale)
{
	uiprivImageRep *best = NULL, *largest = NULL;
	double need = i->width * scale;
	int k;

	for (k = 0; k < i->n; k++) {
		uiprivImageRep *r = &i->reps[k];

		if (largest == NULL || r->width > largest->width)
			largest = r;
		/* Half a pixel of slack, so 1.5 x 11 points picks a 16-pixel size, not the next one up. */
		if (r->width + 0.5 >= need && (best == NULL || r->width < best->width))
			best = r;
	}
	return best != NULL ? best : largest;
}
