/* uiImage on Win32: a chosen size as a premultiplied 32-bit DIB, drawn with alpha (the sizes
 * themselves are in common/image.c). */
#include "uipriv_windows.h"
#include "osapi.h"

void uiprivOSImageRepFree(void *native)
{
	DeleteObject((HBITMAP) native);
}

static HBITMAP repBitmap(uiprivImageRep *r)
{
	BITMAPINFO bi;
	uint8_t *bits;
	HBITMAP b;
	size_t k, n = (size_t) r->width * r->height;

	if (r->native != NULL)
		return (HBITMAP) r->native;
	ZeroMemory(&bi, sizeof bi);
	bi.bmiHeader.biSize = sizeof bi.bmiHeader;
	bi.bmiHeader.biWidth = r->width;
	/* Negative: rows from the top, as the pixels are stored. */
	bi.bmiHeader.biHeight = -r->height;
	bi.bmiHeader.biPlanes = 1;
	bi.bmiHeader.biBitCount = 32;
	bi.bmiHeader.biCompression = BI_RGB;
	b = CreateDIBSection(NULL, &bi, DIB_RGB_COLORS, (void **) &bits, NULL, 0);
	if (b == NULL)
		return NULL;
	/* AlphaBlend wants BGRA with the colour premultiplied by alpha. */
	for (k = 0; k < n; k++) {
		const uint8_t *p = r->pixels + k * 4;
		unsigned a = p[3];

		bits[k * 4 + 0] = (uint8_t) ((p[2] * a + 127) / 255);
		bits[k * 4 + 1] = (uint8_t) ((p[1] * a + 127) / 255);
		bits[k * 4 + 2] = (uint8_t) ((p[0] * a + 127) / 255);
		bits[k * 4 + 3] = (uint8_t) a;
	}
	GdiFlush();
	r->native = b;
	return b;
}

void uiprivDrawImage(HDC dc, uiImage *i, UINT dpi, const RECT *box)
{
	uiprivImageRep *r = uiprivImageRepFor(i, dpi / 96.0);
	BLENDFUNCTION bf = { AC_SRC_OVER, 0, 255, AC_SRC_ALPHA };
	int w = MulDiv((int) (i->width + 0.5), (int) dpi, 96), h = MulDiv((int) (i->height + 0.5), (int) dpi, 96);
	int boxW = box->right - box->left, boxH = box->bottom - box->top;
	HBITMAP b;
	HDC mem;
	HGDIOBJ prev;

	if (r == NULL || (b = repBitmap(r)) == NULL || boxW <= 0 || boxH <= 0)
		return;
	/* Shrunk to fit the box, keeping its shape; centred vertically. */
	if (h > boxH) {
		w = MulDiv(w, boxH, h);
		h = boxH;
	}
	if (w > boxW) {
		h = MulDiv(h, boxW, w);
		w = boxW;
	}
	if (w <= 0 || h <= 0)
		return;
	mem = CreateCompatibleDC(dc);
	prev = SelectObject(mem, b);
	SetStretchBltMode(dc, HALFTONE);
	GdiAlphaBlend(dc, box->left, box->top + (boxH - h) / 2, w, h, mem, 0, 0, r->width, r->height, bf);
	SelectObject(mem, prev);
	DeleteDC(mem);
}
