/* The uiDraw* steps through the GDI+ flat API: the fallback for areas where Direct2D has no render
 * target.  gdiplus.dll is loaded on first use and its functions looked up by name, so nothing links
 * against it and gdiplus.h (which needs the full windows.h) is not used: the few types are declared here. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <math.h>
#include <stdlib.h>

typedef int gpStatus;
typedef UINT32 gpARGB;
typedef struct gpPointF {
	float X, Y;
} gpPointF;
typedef struct gpStartupInput {
	UINT32 GdiplusVersion;
	void *DebugEventCallback;
	BOOL SuppressBackgroundThread;
	BOOL SuppressExternalCodecs;
} gpStartupInput;

/* GDI+ enum values used here. */
enum {
	gpFillModeAlternate = 0,
	gpFillModeWinding = 1,
	gpSmoothingModeAntiAlias = 4,
	gpPixelOffsetModeHalf = 4,
	gpMatrixOrderPrepend = 0,
	gpCombineModeReplace = 0,
	gpCombineModeIntersect = 1,
	gpCombineModeExclude = 4,
	gpUnitWorld = 0,
	gpWrapModeTileFlipXY = 3,
	gpLineCapFlat = 0,
	gpLineCapSquare = 1,
	gpLineCapRound = 2,
	gpDashCapFlat = 0,
	gpDashCapRound = 2,
	gpLineJoinMiter = 0,
	gpLineJoinBevel = 1,
	gpLineJoinRound = 2,
};

/* Each function: name, then parameter list.  All return a GpStatus (0: Ok) and use WINAPI. */
#define gpFunctions(X) \
	X(GdiplusStartup, (ULONG_PTR *token, const gpStartupInput *input, void *output)) \
	X(GdipCreateFromHDC, (HDC dc, void **graphics)) \
	X(GdipDeleteGraphics, (void *graphics)) \
	X(GdipSetSmoothingMode, (void *graphics, int mode)) \
	X(GdipSetPixelOffsetMode, (void *graphics, int mode)) \
	X(GdipGraphicsClear, (void *graphics, gpARGB color)) \
	X(GdipTranslateWorldTransform, (void *graphics, float dx, float dy, int order)) \
	X(GdipCreateMatrix2, (float m11, float m12, float m21, float m22, float dx, float dy, void **matrix)) \
	X(GdipDeleteMatrix, (void *matrix)) \
	X(GdipMultiplyWorldTransform, (void *graphics, void *matrix, int order)) \
	X(GdipSaveGraphics, (void *graphics, UINT *state)) \
	X(GdipRestoreGraphics, (void *graphics, UINT state)) \
	X(GdipSetClipPath, (void *graphics, void *path, int combine)) \
	X(GdipCreatePath, (int fillMode, void **path)) \
	X(GdipDeletePath, (void *path)) \
	X(GdipStartPathFigure, (void *path)) \
	X(GdipClosePathFigure, (void *path)) \
	X(GdipAddPathLine, (void *path, float x1, float y1, float x2, float y2)) \
	X(GdipAddPathBezier, (void *path, float x1, float y1, float x2, float y2, float x3, float y3, float x4, float y4)) \
	X(GdipAddPathEllipse, (void *path, float x, float y, float width, float height)) \
	X(GdipCreateSolidFill, (gpARGB color, void **brush)) \
	X(GdipCreateLineBrush, (const gpPointF *p1, const gpPointF *p2, gpARGB c1, gpARGB c2, int wrap, void **brush)) \
	X(GdipSetLinePresetBlend, (void *brush, const gpARGB *colors, const float *positions, INT count)) \
	X(GdipCreatePathGradientFromPath, (void *path, void **brush)) \
	X(GdipSetPathGradientCenterPoint, (void *brush, const gpPointF *point)) \
	X(GdipSetPathGradientCenterColor, (void *brush, gpARGB color)) \
	X(GdipSetPathGradientSurroundColorsWithCount, (void *brush, const gpARGB *colors, INT *count)) \
	X(GdipSetPathGradientPresetBlend, (void *brush, const gpARGB *colors, const float *positions, INT count)) \
	X(GdipDeleteBrush, (void *brush)) \
	X(GdipFillPath, (void *graphics, void *brush, void *path)) \
	X(GdipCreatePen2, (void *brush, float width, int unit, void **pen)) \
	X(GdipDeletePen, (void *pen)) \
	X(GdipSetPenLineCap197819, (void *pen, int startCap, int endCap, int dashCap)) \
	X(GdipSetPenLineJoin, (void *pen, int join)) \
	X(GdipSetPenMiterLimit, (void *pen, float limit)) \
	X(GdipSetPenDashArray, (void *pen, const float *dashes, INT count)) \
	X(GdipSetPenDashOffset, (void *pen, float offset)) \
	X(GdipDrawPath, (void *graphics, void *pen, void *path))

#define declare(name, params) static gpStatus (WINAPI *p##name) params;
gpFunctions(declare)
#undef declare
static void (WINAPI *pGdiplusShutdown)(ULONG_PTR token);

static HMODULE gdiplusDll;
static ULONG_PTR token;
static int started;

/* How far a linear gradient is stretched each way to imitate padding, which GDI+ lacks (it only tiles). */
#define padLength 32768.0

/* A save stack deep enough for any sane program; deeper saves are not undone by GDI+ but still counted. */
#define maxSaves 256

struct uiprivGdipContext {
	void *graphics;
	UINT saves[maxSaves];
	size_t nsaves;
};

static int load(void)
{
	gpStartupInput in;

	if (started)
		return 1;
	if (gdiplusDll == NULL)
		gdiplusDll = LoadLibraryW(L"gdiplus.dll");
	if (gdiplusDll == NULL)
		return 0;
#define look(name, params) \
	p##name = (gpStatus (WINAPI *) params) (void (*)(void)) GetProcAddress(gdiplusDll, #name); \
	if (p##name == NULL) \
		return 0;
	gpFunctions(look)
#undef look
	pGdiplusShutdown = (void (WINAPI *)(ULONG_PTR)) (void (*)(void)) GetProcAddress(gdiplusDll, "GdiplusShutdown");
	ZeroMemory(&in, sizeof in);
	in.GdiplusVersion = 1;
	if (pGdiplusStartup(&token, &in, NULL) != 0)
		return 0;
	started = 1;
	return 1;
}

void uiprivGdipShutdown(void)
{
	if (started && pGdiplusShutdown != NULL)
		pGdiplusShutdown(token);
	started = 0;
}

uiprivGdipContext *uiprivGdipBegin(HDC dc)
{
	uiprivGdipContext *g;
	void *graphics;

	if (!load() || pGdipCreateFromHDC(dc, &graphics) != 0)
		return NULL;
	g = (uiprivGdipContext *) uiprivAlloc(sizeof *g);
	g->graphics = graphics;
	pGdipSetSmoothingMode(graphics, gpSmoothingModeAntiAlias);
	/* Pixel centres at +0.5, as in cairo and Direct2D. */
	pGdipSetPixelOffsetMode(graphics, gpPixelOffsetModeHalf);
	return g;
}

void uiprivGdipEnd(uiprivGdipContext *g)
{
	pGdipDeleteGraphics(g->graphics);
	free(g);
}

void uiprivGdipTranslate(uiprivGdipContext *g, double dx, double dy)
{
	pGdipTranslateWorldTransform(g->graphics, (float) dx, (float) dy, gpMatrixOrderPrepend);
}

static gpARGB argb(double r, double g, double b, double a)
{
	return (gpARGB) (a * 255 + 0.5) << 24 | (gpARGB) (r * 255 + 0.5) << 16 | (gpARGB) (g * 255 + 0.5) << 8 | (gpARGB) (b * 255 + 0.5);
}

void uiprivGdipClear(uiprivGdipContext *g, COLORREF color)
{
	pGdipGraphicsClear(g->graphics, argb(GetRValue(color) / 255.0, GetGValue(color) / 255.0, GetBValue(color) / 255.0, 1));
}

static void *makePath(const uiDrawPath *p)
{
	void *path;
	float cx = 0, cy = 0;
	size_t i;

	if (pGdipCreatePath(p->fillMode == uiDrawFillModeAlternate ? gpFillModeAlternate : gpFillModeWinding, &path) != 0)
		return NULL;
	for (i = 0; i < p->count; i++) {
		const uiprivPathStep *s = &p->steps[i];
		switch (s->op) {
		case uiprivPathMoveTo:
			pGdipStartPathFigure(path);
			break;
		case uiprivPathLineTo:
			pGdipAddPathLine(path, cx, cy, (float) s->x[0], (float) s->y[0]);
			break;
		case uiprivPathCubicTo:
			pGdipAddPathBezier(path, cx, cy, (float) s->x[0], (float) s->y[0], (float) s->x[1], (float) s->y[1], (float) s->x[2], (float) s->y[2]);
			cx = (float) s->x[2];
			cy = (float) s->y[2];
			continue;
		case uiprivPathClose:
			pGdipClosePathFigure(path);
			continue;
		}
		cx = (float) s->x[0];
		cy = (float) s->y[0];
	}
	return path;
}

/* The stops as GDI+ preset blend arrays: positions from 0 to 1 with the end colours repeated at the ends,
 * mapped through pos = offset + scale * stop, reversed when reverse (path gradients count from the edge). */
static INT blend(const uiDrawBrush *b, double offset, double scale, int reverse, gpARGB *colors, float *positions)
{
	INT n = 0;
	size_t i;

	colors[n] = argb(b->Stops[0].R, b->Stops[0].G, b->Stops[0].B, b->Stops[0].A);
	positions[n++] = 0;
	for (i = 0; i < b->NumStops; i++) {
		const uiDrawBrushGradientStop *s = &b->Stops[i];
		colors[n] = argb(s->R, s->G, s->B, s->A);
		positions[n++] = (float) (offset + scale * s->Pos);
	}
	colors[n] = colors[n - 1];
	positions[n++] = 1;
	if (reverse) {
		INT j;
		for (j = 0; j < n / 2; j++) {
			gpARGB c = colors[j];
			float p = positions[j];
			colors[j] = colors[n - 1 - j];
			positions[j] = 1 - positions[n - 1 - j];
			colors[n - 1 - j] = c;
			positions[n - 1 - j] = 1 - p;
		}
		if (n % 2 == 1)
			positions[n / 2] = 1 - positions[n / 2];
	}
	return n;
}

static void *solid(double r, double g, double b, double a)
{
	void *brush;

	return pGdipCreateSolidFill(argb(r, g, b, a), &brush) == 0 ? brush : NULL;
}

/* A brush for b; for radial gradients, *outer is also set: GDI+ paints only inside the gradient's
 * ellipse, so the outer colour is painted around it separately (outerPath, the ellipse). */
static void *makeBrush(const uiDrawBrush *b, void **outerPath)
{
	gpARGB colors[uiprivMaxStops + 2];
	float positions[uiprivMaxStops + 2];
	const uiDrawBrushGradientStop *last;
	void *brush = NULL, *ellipse;
	INT n;

	*outerPath = NULL;
	if (b->Type == uiDrawBrushTypeSolid)
		return solid(b->R, b->G, b->B, b->A);
	last = &b->Stops[b->NumStops - 1];
	if (b->Type == uiDrawBrushTypeLinearGradient) {
		double dx = b->X1 - b->X0, dy = b->Y1 - b->Y0, len = sqrt(dx * dx + dy * dy), k;
		gpPointF p0, p1;

		/* No direction: the last colour everywhere, as cairo does. */
		if (len < 1e-9)
			return solid(last->R, last->G, last->B, last->A);
		k = padLength / len;
		p0.X = (float) (b->X0 - k * dx);
		p0.Y = (float) (b->Y0 - k * dy);
		p1.X = (float) (b->X1 + k * dx);
		p1.Y = (float) (b->Y1 + k * dy);
		if (pGdipCreateLineBrush(&p0, &p1, 0, 0, gpWrapModeTileFlipXY, &brush) != 0)
			return NULL;
		n = blend(b, k / (1 + 2 * k), 1 / (1 + 2 * k), 0, colors, positions);
		pGdipSetLinePresetBlend(brush, colors, positions, n);
		return brush;
	}
	if (b->OuterRadius <= 0)
		return solid(last->R, last->G, last->B, last->A);
	if (pGdipCreatePath(gpFillModeWinding, &ellipse) != 0)
		return NULL;
	pGdipAddPathEllipse(ellipse, (float) (b->X1 - b->OuterRadius), (float) (b->Y1 - b->OuterRadius), (float) (2 * b->OuterRadius), (float) (2 * b->OuterRadius));
	/* The outer colour is painted around a slightly smaller ellipse, so no seam of background shows
	 * between the two fills (at the edge the gradient already has that colour). */
	if (pGdipCreatePath(gpFillModeWinding, outerPath) == 0) {
		double r = b->OuterRadius > 1 ? b->OuterRadius - 1 : 0;
		pGdipAddPathEllipse(*outerPath, (float) (b->X1 - r), (float) (b->Y1 - r), (float) (2 * r), (float) (2 * r));
	}
	if (pGdipCreatePathGradientFromPath(ellipse, &brush) == 0) {
		gpPointF centre;

		centre.X = (float) b->X0;
		centre.Y = (float) b->Y0;
		gpARGB outerColor = argb(last->R, last->G, last->B, last->A);
		INT one = 1;

		pGdipSetPathGradientCenterPoint(brush, &centre);
		/* The two ends first: Wine's GDI+ ignores preset blends, and then at least draws the first and
		 * last stops; Windows then takes every stop from the preset blend. */
		pGdipSetPathGradientCenterColor(brush, argb(b->Stops[0].R, b->Stops[0].G, b->Stops[0].B, b->Stops[0].A));
		pGdipSetPathGradientSurroundColorsWithCount(brush, &outerColor, &one);
		n = blend(b, 0, 1, 1, colors, positions);
		pGdipSetPathGradientPresetBlend(brush, colors, positions, n);
	}
	pGdipDeletePath(ellipse);
	return brush;
}

/* Draws path with brush b, by fill (pen NULL) or by pen. */
static void paintPath(uiprivGdipContext *g, void *path, const uiDrawBrush *b, void *(*penFor)(void *brush, const void *data), const void *data)
{
	void *outerPath, *brush = makeBrush(b, &outerPath), *pen;

	if (brush == NULL)
		goto out;
	if (outerPath != NULL) {
		/* Outside the gradient's circle: its last colour, as cairo and Direct2D pad it. */
		const uiDrawBrushGradientStop *last = &b->Stops[b->NumStops - 1];
		void *outer = solid(last->R, last->G, last->B, last->A);
		UINT state;

		if (outer != NULL) {
			pGdipSaveGraphics(g->graphics, &state);
			pGdipSetClipPath(g->graphics, outerPath, gpCombineModeExclude);
			pen = penFor != NULL ? penFor(outer, data) : NULL;
			if (pen != NULL) {
				pGdipDrawPath(g->graphics, pen, path);
				pGdipDeletePen(pen);
			} else if (penFor == NULL) {
				pGdipFillPath(g->graphics, outer, path);
			}
			pGdipRestoreGraphics(g->graphics, state);
			pGdipDeleteBrush(outer);
		}
	}
	if (penFor == NULL) {
		pGdipFillPath(g->graphics, brush, path);
	} else {
		pen = penFor(brush, data);
		if (pen != NULL) {
			pGdipDrawPath(g->graphics, pen, path);
			pGdipDeletePen(pen);
		}
	}
	pGdipDeleteBrush(brush);
out:
	if (outerPath != NULL)
		pGdipDeletePath(outerPath);
}

void uiprivGdipFill(uiprivGdipContext *g, uiDrawPath *path, uiDrawBrush *b)
{
	void *gp = makePath(path);

	if (gp == NULL)
		return;
	paintPath(g, gp, b, NULL, NULL);
	pGdipDeletePath(gp);
}

static void *makePen(void *brush, const void *data)
{
	static const int caps[] = { gpLineCapFlat, gpLineCapRound, gpLineCapSquare };
	static const int joins[] = { gpLineJoinMiter, gpLineJoinRound, gpLineJoinBevel };
	const uiDrawStrokeParams *p = (const uiDrawStrokeParams *) data;
	float dashes[2 * uiprivMaxDashes];
	void *pen;
	size_t i, n;

	if (pGdipCreatePen2(brush, (float) p->Thickness, gpUnitWorld, &pen) != 0)
		return NULL;
	pGdipSetPenLineCap197819(pen, caps[p->Cap], caps[p->Cap], p->Cap == uiDrawLineCapRound ? gpDashCapRound : gpDashCapFlat);
	pGdipSetPenLineJoin(pen, joins[p->Join]);
	pGdipSetPenMiterLimit(pen, (float) p->MiterLimit);
	if (p->NumDashes > 0) {
		/* GDI+ counts dashes in pen widths, wants them positive, and an even number of them (cairo
		 * repeats an odd list, so it is repeated here too). */
		n = p->NumDashes % 2 == 1 ? 2 * p->NumDashes : p->NumDashes;
		for (i = 0; i < n; i++) {
			double d = p->Dashes[i % p->NumDashes] / p->Thickness;
			dashes[i] = (float) (d > 1e-4 ? d : 1e-4);
		}
		pGdipSetPenDashArray(pen, dashes, (INT) n);
		pGdipSetPenDashOffset(pen, (float) (p->DashPhase / p->Thickness));
	}
	return pen;
}

void uiprivGdipStroke(uiprivGdipContext *g, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p)
{
	void *gp;

	/* A 0-wide GDI+ pen is one pixel wide; cairo draws nothing. */
	if (p->Thickness == 0)
		return;
	gp = makePath(path);
	if (gp == NULL)
		return;
	paintPath(g, gp, b, makePen, p);
	pGdipDeletePath(gp);
}

void uiprivGdipTransform(uiprivGdipContext *g, uiDrawMatrix *m)
{
	void *matrix;

	if (pGdipCreateMatrix2((float) m->M11, (float) m->M12, (float) m->M21, (float) m->M22, (float) m->M31, (float) m->M32, &matrix) != 0)
		return;
	/* Prepend: m acts on points first, then the transform already in place (cairo_transform's order). */
	pGdipMultiplyWorldTransform(g->graphics, matrix, gpMatrixOrderPrepend);
	pGdipDeleteMatrix(matrix);
}

void uiprivGdipClip(uiprivGdipContext *g, uiDrawPath *path)
{
	void *gp = makePath(path);

	if (gp == NULL)
		return;
	pGdipSetClipPath(g->graphics, gp, gpCombineModeIntersect);
	pGdipDeletePath(gp);
}

void uiprivGdipSave(uiprivGdipContext *g)
{
	UINT state = 0;

	pGdipSaveGraphics(g->graphics, &state);
	if (g->nsaves < maxSaves)
		g->saves[g->nsaves] = state;
	g->nsaves++;
}

void uiprivGdipRestore(uiprivGdipContext *g)
{
	g->nsaves--;
	if (g->nsaves < maxSaves)
		pGdipRestoreGraphics(g->graphics, g->saves[g->nsaves]);
}
