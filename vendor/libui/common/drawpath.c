/* uiDrawPath, recorded once for both backends: arcs and rectangles become cubic Béziers and lines here,
 * so cairo, Direct2D and GDI+ replay the same steps and agree on libui-ng's arc conventions. */
#include <math.h>
#include <stdlib.h>
#include "osapi.h"

/* A path longer than this is a user bug rather than an unbounded allocation (about 56 MB of steps). */
#define maxSteps ((size_t) 1 << 20)

/* The live paths, so a freed or foreign pointer is reported instead of read.  Programs hold few paths at
 * a time (usually one, inside Draw), so a list searched from the newest end is enough. */
static uiDrawPath **livePaths;
static size_t liveCount, liveCap;

static int pathLive(const uiDrawPath *p)
{
	size_t i;

	for (i = liveCount; i > 0; i--)
		if (livePaths[i - 1] == p)
			return 1;
	return 0;
}

/* p if it is a live path, else NULL after a user bug naming func. */
static uiDrawPath *checkPath(uiDrawPath *p, const char *func)
{
	if (p == NULL) {
		uiprivUserBug(func, "the path is NULL");
		return NULL;
	}
	if (!pathLive(p)) {
		uiprivUserBug(func, "%p is not a live uiDrawPath (freed, or never one)", (void *) p);
		return NULL;
	}
	return p;
}

/* A path that may still be added to. */
static uiDrawPath *openPath(uiDrawPath *p, const char *func)
{
	if (checkPath(p, func) == NULL)
		return NULL;
	if (p->ended) {
		uiprivUserBug(func, "the path is already ended");
		return NULL;
	}
	return p;
}

/* Whether every one of the n numbers is finite; else a user bug naming func. */
static int allFinite(const char *func, int n, const double *v)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isfinite(v[i])) {
			uiprivUserBug(func, "argument %d is NaN or infinite", i + 2);
			return 0;
		}
	return 1;
}

static int needFigure(uiDrawPath *p, const char *func)
{
	if (!p->inFigure) {
		uiprivUserBug(func, "no figure is open (start one with uiDrawPathNewFigure)");
		return 0;
	}
	return 1;
}

static int room(uiDrawPath *p, size_t n, const char *func)
{
	if (p->count + n > maxSteps) {
		uiprivUserBug(func, "the path already has the most steps allowed (%d)", (int) maxSteps);
		return 0;
	}
	if (p->count + n > p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		while (p->cap < p->count + n)
			p->cap *= 2;
		p->steps = (uiprivPathStep *) uiprivRealloc(p->steps, p->cap * sizeof *p->steps);
	}
	return 1;
}

static void add(uiDrawPath *p, uiprivPathOp op, double x0, double y0, double x1, double y1, double x2, double y2)
{
	uiprivPathStep *s = &p->steps[p->count++];

	s->op = op;
	s->x[0] = x0;
	s->y[0] = y0;
	s->x[1] = x1;
	s->y[1] = y1;
	s->x[2] = x2;
	s->y[2] = y2;
}

uiDrawPath *uiDrawNewPath(uiDrawFillMode fillMode)
{
	uiDrawPath *p;

	if (fillMode != uiDrawFillModeWinding && fillMode != uiDrawFillModeAlternate) {
		uiprivUserBug(__func__, "fill mode %d is not a uiDrawFillMode", (int) fillMode);
		return NULL;
	}
	p = (uiDrawPath *) uiprivAlloc(sizeof *p);
	p->fillMode = fillMode;
	if (liveCount == liveCap) {
		liveCap = liveCap ? liveCap * 2 : 8;
		livePaths = (uiDrawPath **) uiprivRealloc(livePaths, liveCap * sizeof *livePaths);
	}
	livePaths[liveCount++] = p;
	return p;
}

void uiDrawFreePath(uiDrawPath *p)
{
	size_t i;

	if (checkPath(p, __func__) == NULL)
		return;
	for (i = liveCount; i > 0; i--)
		if (livePaths[i - 1] == p) {
			livePaths[i - 1] = livePaths[--liveCount];
			break;
		}
	if (liveCount == 0) {
		free(livePaths);
		livePaths = NULL;
		liveCap = 0;
	}
	free(p->steps);
	free(p);
}

void uiDrawPathNewFigure(uiDrawPath *p, double x, double y)
{
	double v[2] = { x, y };

	if (openPath(p, __func__) == NULL || !allFinite(__func__, 2, v) || !room(p, 1, __func__))
		return;
	add(p, uiprivPathMoveTo, x, y, 0, 0, 0, 0);
	p->inFigure = 1;
}

/* The largest piece of an arc one cubic Bézier stands for: a quarter circle is off by 0.03% of the radius. */
#define maxPiece (uiPi / 2)

/* Appends the arc, starting with a move to its start when newFigure, else with a line to it. */
static void arc(uiDrawPath *p, double xc, double yc, double r, double start, double sweep, int negative, int newFigure, const char *func)
{
	double v[5] = { xc, yc, r, start, sweep };
	double dir, a, step;
	int pieces, i;

	if (openPath(p, func) == NULL || !allFinite(func, 5, v))
		return;
	if (!newFigure && !needFigure(p, func))
		return;
	if (r < 0 || sweep < 0) {
		uiprivUserBug(func, "the radius and the sweep must not be negative (negative=1 turns the other way)");
		return;
	}
	/* More than a full turn draws the circle once, as libui-ng does. */
	if (sweep > 2 * uiPi)
		sweep = 2 * uiPi;
	/* Angles grow clockwise on screen (towards +y); negative arcs go the other way (cairo_arc_negative). */
	dir = negative ? -1 : 1;
	pieces = (int) ceil(sweep / maxPiece);
	if (!room(p, 1 + (size_t) pieces, func))
		return;
	add(p, newFigure ? uiprivPathMoveTo : uiprivPathLineTo, xc + r * cos(start), yc + r * sin(start), 0, 0, 0, 0);
	p->inFigure = 1;
	if (pieces == 0)
		return;
	step = dir * sweep / pieces;
	a = start;
	for (i = 0; i < pieces; i++) {
		double b = a + step;
		/* Control points along the tangents at both ends, at 4/3 tan(angle/4) of the radius. */
		double k = 4.0 / 3.0 * tan(step / 4) * r;
		double x0 = xc + r * cos(a), y0 = yc + r * sin(a);
		double x3 = xc + r * cos(b), y3 = yc + r * sin(b);

		add(p, uiprivPathCubicTo, x0 - k * sin(a), y0 + k * cos(a), x3 + k * sin(b), y3 - k * cos(b), x3, y3);
		a = b;
	}
}

void uiDrawPathNewFigureWithArc(uiDrawPath *p, double xCenter, double yCenter, double radius, double startAngle, double sweep, int negative)
{
	arc(p, xCenter, yCenter, radius, startAngle, sweep, negative, 1, __func__);
}

void uiDrawPathLineTo(uiDrawPath *p, double x, double y)
{
	double v[2] = { x, y };

	if (openPath(p, __func__) == NULL || !allFinite(__func__, 2, v) || !needFigure(p, __func__) || !room(p, 1, __func__))
		return;
	add(p, uiprivPathLineTo, x, y, 0, 0, 0, 0);
}

void uiDrawPathArcTo(uiDrawPath *p, double xCenter, double yCenter, double radius, double startAngle, double sweep, int negative)
{
	arc(p, xCenter, yCenter, radius, startAngle, sweep, negative, 0, __func__);
}

void uiDrawPathBezierTo(uiDrawPath *p, double c1x, double c1y, double c2x, double c2y, double endX, double endY)
{
	double v[6] = { c1x, c1y, c2x, c2y, endX, endY };

	if (openPath(p, __func__) == NULL || !allFinite(__func__, 6, v) || !needFigure(p, __func__) || !room(p, 1, __func__))
		return;
	add(p, uiprivPathCubicTo, c1x, c1y, c2x, c2y, endX, endY);
}

void uiDrawPathCloseFigure(uiDrawPath *p)
{
	if (openPath(p, __func__) == NULL || !needFigure(p, __func__) || !room(p, 1, __func__))
		return;
	add(p, uiprivPathClose, 0, 0, 0, 0, 0, 0);
	p->inFigure = 0;
}

void uiDrawPathAddRectangle(uiDrawPath *p, double x, double y, double width, double height)
{
	double v[4] = { x, y, width, height };

	if (openPath(p, __func__) == NULL || !allFinite(__func__, 4, v) || !room(p, 5, __func__))
		return;
	add(p, uiprivPathMoveTo, x, y, 0, 0, 0, 0);
	add(p, uiprivPathLineTo, x + width, y, 0, 0, 0, 0);
	add(p, uiprivPathLineTo, x + width, y + height, 0, 0, 0, 0);
	add(p, uiprivPathLineTo, x, y + height, 0, 0, 0, 0);
	add(p, uiprivPathClose, 0, 0, 0, 0, 0, 0);
	p->inFigure = 0;
}

int uiDrawPathEnded(uiDrawPath *p)
{
	if (checkPath(p, __func__) == NULL)
		return 0;
	return p->ended;
}

void uiDrawPathEnd(uiDrawPath *p)
{
	if (openPath(p, __func__) == NULL)
		return;
	p->ended = 1;
}

/* Used by common/draw.c: p if it is a live, ended path, else NULL after a user bug naming func. */
uiDrawPath *uiprivEndedPath(uiDrawPath *p, const char *func)
{
	if (checkPath(p, func) == NULL)
		return NULL;
	if (!p->ended) {
		uiprivUserBug(func, "the path is not ended (call uiDrawPathEnd first)");
		return NULL;
	}
	return p;
}
