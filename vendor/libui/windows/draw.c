/* The uiDraw* calls on Win32, and how an area paints: Direct2D through its C interface, one DC render
 * target per area, in pixels (96 DPI for the target, so the area's units are the window's pixels at any
 * scale and stay sharp); GDI+ (gdiplus.c) where Direct2D has no render target.
 *
 * Methods are called through the COBJMACROS macros, which hide how each header lays out inherited
 * vtables (MinGW nests them, Wine's are flat), except CreateGradientStopCollection, whose MinGW macro
 * takes the wrong arguments; methods returning a struct (GetSize, GetPixelFormat) are miscalled through
 * MinGW's C header, so none of those is used. */
#define COBJMACROS
#include "uipriv_windows.h"
#include <d2d1.h>
#include <float.h>
#include <stdlib.h>
#include "osapi.h"

/* d2d1.dll is loaded on first use, so nothing links against it and a system without it still draws
 * through GDI+.  The factory is shared by every area. */
typedef HRESULT (WINAPI *createFactoryFunc)(D2D1_FACTORY_TYPE, REFIID, const D2D1_FACTORY_OPTIONS *, void **);
static HMODULE d2d1Dll;
static ID2D1Factory *factory;
static int factoryFailed;

/* IID_ID2D1Factory, here so no uuid library or initguid.h is needed. */
static const GUID iidFactory = { 0x06152247, 0x6f50, 0x465a, { 0x92, 0x45, 0x11, 0x8b, 0xfd, 0x3b, 0x60, 0x07 } };

/* Clips deeper than this are not pushed (each is a Direct2D layer); a program nesting that far is broken. */
#define maxLayers 256

typedef struct savedState {
	D2D1_MATRIX_3X2_F transform;
	size_t layers;
} savedState;

struct uiDrawContext {
	/* Set for GDI+ drawing; the fields below are Direct2D's. */
	uiprivGdipContext *gdip;
	ID2D1RenderTarget *rt;
	D2D1_MATRIX_3X2_F transform;
	ID2D1Layer *layers[maxLayers];
	size_t nlayers;
	savedState *saves;
	size_t nsaves, capSaves;
};

static ID2D1Factory *getFactory(void)
{
	createFactoryFunc create;

	if (factory != NULL || factoryFailed)
		return factory;
	factoryFailed = 1;
	d2d1Dll = LoadLibraryW(L"d2d1.dll");
	if (d2d1Dll == NULL)
		return NULL;
	create = (createFactoryFunc) (void (*)(void)) GetProcAddress(d2d1Dll, "D2D1CreateFactory");
	if (create == NULL || FAILED(create(D2D1_FACTORY_TYPE_SINGLE_THREADED, &iidFactory, NULL, (void **) &factory))) {
		factory = NULL;
		return NULL;
	}
	factoryFailed = 0;
	return factory;
}

void uiprivDrawUninit(void)
{
	if (factory != NULL)
		ID2D1Factory_Release(factory);
	factory = NULL;
	factoryFailed = 0;
	uiprivGdipShutdown();
	uiprivTextUninit();
}

void uiprivAreaRendererInit(uiprivAreaRenderer *r)
{
	WCHAR value[16];
	DWORD n = GetEnvironmentVariableW(L"LIBUI_AREA_RENDERER", value, 16);

	ZeroMemory(r, sizeof *r);
	r->gdiplus = n > 0 && n < 16 && lstrcmpiW(value, L"gdiplus") == 0;
}

static void releaseTarget(uiprivAreaRenderer *r)
{
	if (r->target != NULL)
		ID2D1DCRenderTarget_Release((ID2D1DCRenderTarget *) r->target);
	r->target = NULL;
}

void uiprivAreaRendererFree(uiprivAreaRenderer *r)
{
	releaseTarget(r);
}

/* A DC render target, bound to the paint DC at each WM_PAINT: Direct2D's output then reaches the window
 * through GDI, so it composes with the rest of the window the same way everywhere (under Wine an HWND
 * target presents through OpenGL beside GDI, where screen copies and PrintWindow do not see it). */
static ID2D1DCRenderTarget *makeTarget(void)
{
	D2D1_RENDER_TARGET_PROPERTIES props;
	ID2D1DCRenderTarget *t = NULL;
	ID2D1Factory *f = getFactory();

	if (f == NULL)
		return NULL;
	ZeroMemory(&props, sizeof props);
	props.type = D2D1_RENDER_TARGET_TYPE_DEFAULT;
	props.pixelFormat.format = DXGI_FORMAT_B8G8R8A8_UNORM;
	props.pixelFormat.alphaMode = D2D1_ALPHA_MODE_IGNORE;
	/* 96: one unit is one pixel, like the area's mouse coordinates and sizes. */
	props.dpiX = 96;
	props.dpiY = 96;
	props.usage = D2D1_RENDER_TARGET_USAGE_GDI_COMPATIBLE;
	props.minLevel = D2D1_FEATURE_LEVEL_DEFAULT;
	if (FAILED(ID2D1Factory_CreateDCRenderTarget(f, &props, &t)))
		return NULL;
	return t;
}

static void runDraw(uiDrawContext *c, uiArea *a, uiAreaHandler *ah, const RECT *client, int hpos, int vpos, double width, double height)
{
	uiAreaDrawParams dp;

	ZeroMemory(&dp, sizeof dp);
	dp.Context = c;
	dp.AreaWidth = width;
	dp.AreaHeight = height;
	/* The whole visible part: a render target's back buffer does not keep what was drawn before. */
	dp.ClipX = hpos;
	dp.ClipY = vpos;
	dp.ClipWidth = client->right;
	dp.ClipHeight = client->bottom;
	uiprivDrawContextOpen(c);
	if (ah->Draw != NULL)
		ah->Draw(ah, a, &dp);
	uiprivDrawContextClose(c);
}

static D2D1_COLOR_F colorF(double r, double g, double b, double a)
{
	D2D1_COLOR_F c;

	c.r = (FLOAT) r;
	c.g = (FLOAT) g;
	c.b = (FLOAT) b;
	c.a = (FLOAT) a;
	return c;
}

static D2D1_COLOR_F sysColor(int index)
{
	COLORREF c = GetSysColor(index);

	return colorF(GetRValue(c) / 255.0, GetGValue(c) / 255.0, GetBValue(c) / 255.0, 1);
}

static void identity(D2D1_MATRIX_3X2_F *m, double dx, double dy)
{
	m->_11 = 1;
	m->_12 = 0;
	m->_21 = 0;
	m->_22 = 1;
	m->_31 = (FLOAT) dx;
	m->_32 = (FLOAT) dy;
}

/* Draws through Direct2D; 0 if it cannot here (then the area falls back to GDI+ for good). */
static int renderD2D(uiprivAreaRenderer *r, uiArea *a, uiAreaHandler *ah, HWND hwnd, HDC dc, const RECT *client, int hpos, int vpos, double width, double height)
{
	uiDrawContext c;
	D2D1_COLOR_F background = sysColor(COLOR_BTNFACE);
	HRESULT hr;

	if (r->target == NULL)
		r->target = makeTarget();
	if (r->target == NULL)
		return 0;
	/* Wine without OpenGL makes the target but fails here (DXGI_ERROR_UNSUPPORTED). */
	if (FAILED(ID2D1DCRenderTarget_BindDC((ID2D1DCRenderTarget *) r->target, dc, client))) {
		releaseTarget(r);
		return 0;
	}
	ZeroMemory(&c, sizeof c);
	c.rt = (ID2D1RenderTarget *) r->target;
	identity(&c.transform, -hpos, -vpos);
	ID2D1RenderTarget_BeginDraw(c.rt);
	ID2D1RenderTarget_SetTransform(c.rt, &c.transform);
	ID2D1RenderTarget_Clear(c.rt, &background);
	runDraw(&c, a, ah, client, hpos, vpos, width, height);
	/* Clips the handler left pushed are popped: EndDraw fails with layers still on the target. */
	while (c.nlayers > 0) {
		ID2D1Layer *l = c.layers[--c.nlayers];
		ID2D1RenderTarget_PopLayer(c.rt);
		ID2D1Layer_Release(l);
	}
	free(c.saves);
	hr = ID2D1RenderTarget_EndDraw(c.rt, NULL, NULL);
	if (hr == (HRESULT) D2DERR_RECREATE_TARGET) {
		/* The device went away (driver update, remote session): a new target next time. */
		releaseTarget(r);
		InvalidateRect(hwnd, NULL, FALSE);
		return 1;
	}
	if (FAILED(hr)) {
		releaseTarget(r);
		return 0;
	}
	r->used = "direct2d";
	return 1;
}

static void renderGdip(uiprivAreaRenderer *r, uiArea *a, uiAreaHandler *ah, HDC dc, const RECT *client, int hpos, int vpos, double width, double height)
{
	uiDrawContext c;
	HDC mem = CreateCompatibleDC(dc);
	HBITMAP bitmap = CreateCompatibleBitmap(dc, client->right > 0 ? client->right : 1, client->bottom > 0 ? client->bottom : 1);
	HGDIOBJ old;

	if (mem == NULL || bitmap == NULL)
		goto out;
	/* Drawn off screen, then copied: no flicker, and the same whole-area redraw as Direct2D. */
	old = SelectObject(mem, bitmap);
	ZeroMemory(&c, sizeof c);
	c.gdip = uiprivGdipBegin(mem);
	if (c.gdip != NULL) {
		uiprivGdipClear(c.gdip, GetSysColor(COLOR_BTNFACE));
		uiprivGdipTranslate(c.gdip, -hpos, -vpos);
		runDraw(&c, a, ah, client, hpos, vpos, width, height);
		uiprivGdipEnd(c.gdip);
		r->used = "gdiplus";
	} else {
		FillRect(mem, client, GetSysColorBrush(COLOR_BTNFACE));
	}
	BitBlt(dc, 0, 0, client->right, client->bottom, mem, 0, 0, SRCCOPY);
	SelectObject(mem, old);
out:
	if (bitmap != NULL)
		DeleteObject(bitmap);
	if (mem != NULL)
		DeleteDC(mem);
}

void uiprivAreaRender(uiprivAreaRenderer *r, uiArea *a, uiAreaHandler *ah, HWND hwnd, HDC dc, const RECT *dirty, int hpos, int vpos, double width, double height)
{
	RECT client;

	(void) dirty;
	GetClientRect(hwnd, &client);
	if (!r->gdiplus && renderD2D(r, a, ah, hwnd, dc, &client, hpos, vpos, width, height))
		return;
	r->gdiplus = 1;
	renderGdip(r, a, ah, dc, &client, hpos, vpos, width, height);
}

/* The path as a Direct2D geometry, in the coordinates it was built in; NULL on failure. */
static ID2D1PathGeometry *makeGeometry(const uiDrawPath *p)
{
	ID2D1PathGeometry *geom = NULL;
	ID2D1GeometrySink *sink = NULL;
	int open = 0;
	size_t i;

	if (FAILED(ID2D1Factory_CreatePathGeometry(factory, &geom)))
		return NULL;
	if (FAILED(ID2D1PathGeometry_Open(geom, &sink))) {
		ID2D1PathGeometry_Release(geom);
		return NULL;
	}
	ID2D1GeometrySink_SetFillMode(sink, p->fillMode == uiDrawFillModeAlternate ? D2D1_FILL_MODE_ALTERNATE : D2D1_FILL_MODE_WINDING);
	for (i = 0; i < p->count; i++) {
		const uiprivPathStep *s = &p->steps[i];
		D2D1_POINT_2F pt;
		D2D1_BEZIER_SEGMENT bz;

		switch (s->op) {
		case uiprivPathMoveTo:
			if (open)
				ID2D1GeometrySink_EndFigure(sink, D2D1_FIGURE_END_OPEN);
			pt.x = (FLOAT) s->x[0];
			pt.y = (FLOAT) s->y[0];
			ID2D1GeometrySink_BeginFigure(sink, pt, D2D1_FIGURE_BEGIN_FILLED);
			open = 1;
			break;
		case uiprivPathLineTo:
			pt.x = (FLOAT) s->x[0];
			pt.y = (FLOAT) s->y[0];
			ID2D1GeometrySink_AddLine(sink, pt);
			break;
		case uiprivPathCubicTo:
			bz.point1.x = (FLOAT) s->x[0];
			bz.point1.y = (FLOAT) s->y[0];
			bz.point2.x = (FLOAT) s->x[1];
			bz.point2.y = (FLOAT) s->y[1];
			bz.point3.x = (FLOAT) s->x[2];
			bz.point3.y = (FLOAT) s->y[2];
			ID2D1GeometrySink_AddBezier(sink, &bz);
			break;
		case uiprivPathClose:
			ID2D1GeometrySink_EndFigure(sink, D2D1_FIGURE_END_CLOSED);
			open = 0;
			break;
		}
	}
	if (open)
		ID2D1GeometrySink_EndFigure(sink, D2D1_FIGURE_END_OPEN);
	ID2D1GeometrySink_Close(sink);
	ID2D1GeometrySink_Release(sink);
	return geom;
}

static ID2D1Brush *makeBrush(ID2D1RenderTarget *rt, const uiDrawBrush *b)
{
	D2D1_GRADIENT_STOP stops[uiprivMaxStops];
	ID2D1GradientStopCollection *coll = NULL;
	ID2D1Brush *brush = NULL;
	D2D1_COLOR_F color;
	size_t i;

	if (b->Type == uiDrawBrushTypeSolid) {
		ID2D1SolidColorBrush *s = NULL;
		color = colorF(b->R, b->G, b->B, b->A);
		if (FAILED(ID2D1RenderTarget_CreateSolidColorBrush(rt, &color, NULL, &s)))
			return NULL;
		return (ID2D1Brush *) s;
	}
	for (i = 0; i < b->NumStops; i++) {
		stops[i].position = (FLOAT) b->Stops[i].Pos;
		stops[i].color = colorF(b->Stops[i].R, b->Stops[i].G, b->Stops[i].B, b->Stops[i].A);
	}
	/* Clamp: past the ends the end colours continue (cairo's PAD). */
	if (FAILED(rt->lpVtbl->CreateGradientStopCollection(rt, stops, (UINT32) b->NumStops, D2D1_GAMMA_2_2, D2D1_EXTEND_MODE_CLAMP, &coll)))
		return NULL;
	if (b->Type == uiDrawBrushTypeLinearGradient) {
		D2D1_LINEAR_GRADIENT_BRUSH_PROPERTIES lp;
		ID2D1LinearGradientBrush *l = NULL;
		lp.startPoint.x = (FLOAT) b->X0;
		lp.startPoint.y = (FLOAT) b->Y0;
		lp.endPoint.x = (FLOAT) b->X1;
		lp.endPoint.y = (FLOAT) b->Y1;
		if (SUCCEEDED(ID2D1RenderTarget_CreateLinearGradientBrush(rt, &lp, NULL, coll, &l)))
			brush = (ID2D1Brush *) l;
	} else {
		D2D1_RADIAL_GRADIENT_BRUSH_PROPERTIES rp;
		ID2D1RadialGradientBrush *rb = NULL;
		/* libui-ng's radial gradient runs from the point (X0, Y0) to the circle around (X1, Y1). */
		rp.center.x = (FLOAT) b->X1;
		rp.center.y = (FLOAT) b->Y1;
		rp.gradientOriginOffset.x = (FLOAT) (b->X0 - b->X1);
		rp.gradientOriginOffset.y = (FLOAT) (b->Y0 - b->Y1);
		rp.radiusX = (FLOAT) b->OuterRadius;
		rp.radiusY = (FLOAT) b->OuterRadius;
		if (SUCCEEDED(ID2D1RenderTarget_CreateRadialGradientBrush(rt, &rp, NULL, coll, &rb)))
			brush = (ID2D1Brush *) rb;
	}
	ID2D1GradientStopCollection_Release(coll);
	return brush;
}

void uiprivOSDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b)
{
	ID2D1PathGeometry *geom;
	ID2D1Brush *brush;

	if (c->gdip != NULL) {
		uiprivGdipFill(c->gdip, path, b);
		return;
	}
	geom = makeGeometry(path);
	brush = makeBrush(c->rt, b);
	if (geom != NULL && brush != NULL)
		ID2D1RenderTarget_FillGeometry(c->rt, (ID2D1Geometry *) geom, brush, NULL);
	if (brush != NULL)
		ID2D1Brush_Release(brush);
	if (geom != NULL)
		ID2D1PathGeometry_Release(geom);
}

static ID2D1StrokeStyle *makeStrokeStyle(const uiDrawStrokeParams *p)
{
	static const D2D1_CAP_STYLE caps[] = { D2D1_CAP_STYLE_FLAT, D2D1_CAP_STYLE_ROUND, D2D1_CAP_STYLE_SQUARE };
	static const D2D1_LINE_JOIN joins[] = { D2D1_LINE_JOIN_MITER_OR_BEVEL, D2D1_LINE_JOIN_ROUND, D2D1_LINE_JOIN_BEVEL };
	D2D1_STROKE_STYLE_PROPERTIES sp;
	FLOAT dashes[uiprivMaxDashes];
	ID2D1StrokeStyle *style = NULL;
	size_t i;

	sp.startCap = caps[p->Cap];
	sp.endCap = caps[p->Cap];
	sp.dashCap = caps[p->Cap];
	/* MITER_OR_BEVEL: past the miter limit the corner is bevelled, as in cairo. */
	sp.lineJoin = joins[p->Join];
	sp.miterLimit = (FLOAT) p->MiterLimit;
	sp.dashStyle = p->NumDashes > 0 ? D2D1_DASH_STYLE_CUSTOM : D2D1_DASH_STYLE_SOLID;
	/* Direct2D counts dashes in stroke widths; libui-ng in pixels. */
	sp.dashOffset = (FLOAT) (p->DashPhase / p->Thickness);
	for (i = 0; i < p->NumDashes; i++)
		dashes[i] = (FLOAT) (p->Dashes[i] / p->Thickness);
	if (FAILED(ID2D1Factory_CreateStrokeStyle(factory, &sp, p->NumDashes > 0 ? dashes : NULL, (UINT32) p->NumDashes, &style)))
		return NULL;
	return style;
}

void uiprivOSDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p)
{
	ID2D1PathGeometry *geom;
	ID2D1Brush *brush;
	ID2D1StrokeStyle *style;

	if (c->gdip != NULL) {
		uiprivGdipStroke(c->gdip, path, b, p);
		return;
	}
	/* Direct2D draws a hairline for 0; cairo draws nothing. */
	if (p->Thickness == 0)
		return;
	geom = makeGeometry(path);
	brush = makeBrush(c->rt, b);
	style = makeStrokeStyle(p);
	if (geom != NULL && brush != NULL && style != NULL)
		ID2D1RenderTarget_DrawGeometry(c->rt, (ID2D1Geometry *) geom, brush, (FLOAT) p->Thickness, style);
	if (style != NULL)
		ID2D1StrokeStyle_Release(style);
	if (brush != NULL)
		ID2D1Brush_Release(brush);
	if (geom != NULL)
		ID2D1PathGeometry_Release(geom);
}

void uiprivOSDrawTransform(uiDrawContext *c, uiDrawMatrix *m)
{
	uiDrawMatrix cur, mm = *m;

	if (c->gdip != NULL) {
		uiprivGdipTransform(c->gdip, m);
		return;
	}
	cur.M11 = c->transform._11;
	cur.M12 = c->transform._12;
	cur.M21 = c->transform._21;
	cur.M22 = c->transform._22;
	cur.M31 = c->transform._31;
	cur.M32 = c->transform._32;
	/* m first, then what was in place: the same order as cairo_transform. */
	uiDrawMatrixMultiply(&mm, &cur);
	c->transform._11 = (FLOAT) mm.M11;
	c->transform._12 = (FLOAT) mm.M12;
	c->transform._21 = (FLOAT) mm.M21;
	c->transform._22 = (FLOAT) mm.M22;
	c->transform._31 = (FLOAT) mm.M31;
	c->transform._32 = (FLOAT) mm.M32;
	ID2D1RenderTarget_SetTransform(c->rt, &c->transform);
}

void uiprivOSDrawClip(uiDrawContext *c, uiDrawPath *path)
{
	D2D1_LAYER_PARAMETERS lp;
	ID2D1PathGeometry *geom;
	ID2D1Layer *layer = NULL;

	if (c->gdip != NULL) {
		uiprivGdipClip(c->gdip, path);
		return;
	}
	if (c->nlayers == maxLayers)
		return;
	geom = makeGeometry(path);
	if (geom == NULL)
		return;
	if (SUCCEEDED(ID2D1RenderTarget_CreateLayer(c->rt, NULL, &layer))) {
		ZeroMemory(&lp, sizeof lp);
		/* Everywhere, masked by the path in the coordinates it was drawn in. */
		lp.contentBounds.left = -FLT_MAX;
		lp.contentBounds.top = -FLT_MAX;
		lp.contentBounds.right = FLT_MAX;
		lp.contentBounds.bottom = FLT_MAX;
		lp.geometricMask = (ID2D1Geometry *) geom;
		lp.maskAntialiasMode = D2D1_ANTIALIAS_MODE_PER_PRIMITIVE;
		identity(&lp.maskTransform, 0, 0);
		lp.opacity = 1;
		lp.opacityBrush = NULL;
		lp.layerOptions = D2D1_LAYER_OPTIONS_NONE;
		/* The mask follows the current transform, which already applies to the geometry. */
		ID2D1RenderTarget_PushLayer(c->rt, &lp, layer);
		c->layers[c->nlayers++] = layer;
	}
	ID2D1PathGeometry_Release(geom);
}

void uiprivOSDrawSave(uiDrawContext *c)
{
	if (c->gdip != NULL) {
		uiprivGdipSave(c->gdip);
		return;
	}
	if (c->nsaves == c->capSaves) {
		c->capSaves = c->capSaves ? c->capSaves * 2 : 8;
		c->saves = (savedState *) uiprivRealloc(c->saves, c->capSaves * sizeof *c->saves);
	}
	c->saves[c->nsaves].transform = c->transform;
	c->saves[c->nsaves].layers = c->nlayers;
	c->nsaves++;
}

void uiprivOSDrawRestore(uiDrawContext *c)
{
	savedState *s;

	if (c->gdip != NULL) {
		uiprivGdipRestore(c->gdip);
		return;
	}
	s = &c->saves[--c->nsaves];
	while (c->nlayers > s->layers) {
		ID2D1Layer *l = c->layers[--c->nlayers];
		ID2D1RenderTarget_PopLayer(c->rt);
		ID2D1Layer_Release(l);
	}
	c->transform = s->transform;
	ID2D1RenderTarget_SetTransform(c->rt, &c->transform);
}

void uiprivDrawCurrentTransform(uiDrawContext *c, FLOAT *m11, FLOAT *m12, FLOAT *m21, FLOAT *m22, FLOAT *dx, FLOAT *dy)
{
	D2D1_MATRIX_3X2_F m;

	identity(&m, 0, 0);
	if (c->gdip == NULL)
		m = c->transform;
	*m11 = m._11;
	*m12 = m._12;
	*m21 = m._21;
	*m22 = m._22;
	*dx = m._31;
	*dy = m._32;
}

int uiprivDrawGlyphRun(uiDrawContext *c, FLOAT x, FLOAT y, int mode, const void *run, const double rgba[4])
{
	D2D1_COLOR_F color = colorF(rgba[0], rgba[1], rgba[2], rgba[3]);
	ID2D1SolidColorBrush *brush = NULL;
	D2D1_POINT_2F origin;

	if (c->gdip != NULL)
		return 0;
	if (FAILED(ID2D1RenderTarget_CreateSolidColorBrush(c->rt, &color, NULL, &brush)))
		return 1;
	origin.x = x;
	origin.y = y;
	ID2D1RenderTarget_DrawGlyphRun(c->rt, origin, (const DWRITE_GLYPH_RUN *) run, (ID2D1Brush *) brush, (DWRITE_MEASURING_MODE) mode);
	ID2D1SolidColorBrush_Release(brush);
	return 1;
}
