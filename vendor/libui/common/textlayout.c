/* uiDrawTextLayout: the parameters checked and copied once, the laying out done by the backend. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "osapi.h"

/* Wider than any screen, and still exact in a float (Direct2D and Pango units). */
#define maxWidth 1000000.0

static uiprivPtrSet liveLayouts;

static uiDrawTextLayout *checkLayout(uiDrawTextLayout *tl, const char *func)
{
	if (!uiprivReady(func))
		return NULL;
	if (tl == NULL) {
		uiprivUserBug(func, "the text layout is NULL");
		return NULL;
	}
	if (!uiprivPtrSetHas(&liveLayouts, tl)) {
		uiprivUserBug(func, "%p is not a live uiDrawTextLayout (freed, or never one)", (void *) tl);
		return NULL;
	}
	return tl;
}

static int paramsOk(const uiDrawTextLayoutParams *p, const char *func)
{
	const uiFontDescriptor *f;

	if (p == NULL) {
		uiprivUserBug(func, "the parameters are NULL");
		return 0;
	}
	if (uiprivCheckAttributedString(p->String, func) == NULL)
		return 0;
	f = p->DefaultFont;
	if (f == NULL || f->Family == NULL || f->Family[0] == '\0') {
		uiprivUserBug(func, "the default font or its family is NULL or empty");
		return 0;
	}
	if (!uiprivFontSizeValid(f->Size, func) || !uiprivFontStyleValid(f->Weight, f->Italic, f->Stretch, func))
		return 0;
	if (isnan(p->Width)) {
		uiprivUserBug(func, "the width is NaN");
		return 0;
	}
	if (p->Align > uiDrawTextAlignRight) {
		uiprivUserBug(func, "%u is not a uiDrawTextAlign", p->Align);
		return 0;
	}
	return 1;
}

static void freeCopy(uiDrawTextLayout *tl)
{
	size_t i;

	for (i = 0; i < tl->nspans; i++)
		uiprivAttributeRelease(tl->spans[i].attr);
	free(tl->spans);
	free(tl->text);
	free(tl->family);
	free(tl);
}

uiDrawTextLayout *uiDrawNewTextLayout(uiDrawTextLayoutParams *p)
{
	uiDrawTextLayout *tl;
	const uiAttributedString *s;
	size_t i;

	if (!uiprivReady(__func__) || !paramsOk(p, __func__))
		return NULL;
	s = p->String;
	tl = (uiDrawTextLayout *) uiprivAlloc(sizeof *tl);
	tl->text = (char *) uiprivAlloc(s->len + 1);
	memcpy(tl->text, s->text, s->len + 1);
	tl->len = s->len;
	if (s->nspans > 0) {
		tl->spans = (uiprivTextSpan *) uiprivAlloc(s->nspans * sizeof *tl->spans);
		memcpy(tl->spans, s->spans, s->nspans * sizeof *tl->spans);
	}
	tl->nspans = s->nspans;
	for (i = 0; i < tl->nspans; i++)
		tl->spans[i].attr->refs++;
	tl->family = uiprivSanitize(p->DefaultFont->Family);
	tl->size = p->DefaultFont->Size;
	tl->weight = p->DefaultFont->Weight;
	tl->italic = p->DefaultFont->Italic;
	tl->stretch = p->DefaultFont->Stretch;
	tl->width = p->Width < 0 ? -1 : p->Width > maxWidth ? maxWidth : p->Width;
	tl->align = p->Align;
	if (!uiprivOSTextLayoutMake(tl)) {
		freeCopy(tl);
		return NULL;
	}
	uiprivPtrSetAdd(&liveLayouts, tl);
	return tl;
}

void uiDrawFreeTextLayout(uiDrawTextLayout *tl)
{
	if (checkLayout(tl, __func__) == NULL)
		return;
	uiprivPtrSetRemove(&liveLayouts, tl);
	uiprivOSTextLayoutFree(tl);
	freeCopy(tl);
}

void uiDrawText(uiDrawContext *c, uiDrawTextLayout *tl, double x, double y)
{
	if (!uiprivDrawContextLive(c, __func__) || checkLayout(tl, __func__) == NULL)
		return;
	if (!isfinite(x) || !isfinite(y)) {
		uiprivUserBug(__func__, "x or y is NaN or infinite");
		return;
	}
	uiprivOSDrawText(c, tl, x, y);
}

void uiDrawTextLayoutExtents(uiDrawTextLayout *tl, double *width, double *height)
{
	double w = 0, h = 0;

	if (checkLayout(tl, __func__) != NULL)
		uiprivOSTextLayoutExtents(tl, &w, &h);
	if (width != NULL)
		*width = w;
	else
		uiprivUserBug(__func__, "the width pointer is NULL");
	if (height != NULL)
		*height = h;
	else
		uiprivUserBug(__func__, "the height pointer is NULL");
}
