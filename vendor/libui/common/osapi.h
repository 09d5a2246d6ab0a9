/* Private hooks each backend (windows/, unix/) provides to common/: the public functions check their
 * arguments once in common/ and leave only the native work to these.  Everything here is prefixed uipriv. */
#ifndef UIPRIV_OSAPI_H
#define UIPRIV_OSAPI_H

#include "uipriv.h"

/* ---- Areas and drawing (common/area.c, common/drawpath.c; windows|unix/area.c, draw.c) ---- */

/* The backend's uiArea type, so common/ can check that a pointer is a live area. */
extern const uiprivControlVtable uiprivAreaVtable;

/* A new area drawn by ah (checked non-NULL); scrolling ones start at width x height (checked); NULL if the
 * native control cannot be made. */
uiArea *uiprivOsNewArea(uiAreaHandler *ah, int scrolling, int width, int height);
/* Whether a (a live area) was made by uiNewScrollingArea. */
int uiprivOsAreaScrolling(uiArea *a);
/* A scrolling area's new drawing size (checked). */
void uiprivOsAreaSetSize(uiArea *a, int width, int height);
/* Invalidates everything visible; the Draw call comes later from the main loop. */
void uiprivOsAreaQueueRedrawAll(uiArea *a);
/* Scrolls a scrolling area so the rectangle (finite numbers) is visible. */
void uiprivOsAreaScrollTo(uiArea *a, double x, double y, double width, double height);
/* Hands the mouse to the window manager to move, or resize from edge (a valid uiWindowResizeEdge), the
 * area's window; nothing if the area is not in a window or no button is down. */
void uiprivOsAreaBeginUserWindowMove(uiArea *a);
void uiprivOsAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge);

/* uixAreaRenderer's answer for a live area. */
const char *uiprivOsAreaRenderer(uiArea *a);

/* Double-click counting shared by both backends: a press of the same button within maxTime milliseconds
 * and maxDist pixels (each axis) of the previous one counts one more, else the count starts again at 1. */
typedef struct uiprivClickCounter {
	int button;
	int count;
	uint32_t time;
	double x, y;
} uiprivClickCounter;
int uiprivClickCount(uiprivClickCounter *cc, int button, double x, double y, uint32_t time, uint32_t maxTime, double maxDist);
/* Forget the last press (the pointer left, or the area lost the focus). */
void uiprivClickReset(uiprivClickCounter *cc);

/* A path as common/drawpath.c records it: arcs and rectangles are already turned into moves, lines,
 * cubic Béziers and closes, so every backend replays the same four steps and draws arcs the same way. */
typedef enum uiprivPathOp {
	uiprivPathMoveTo,
	uiprivPathLineTo,
	uiprivPathCubicTo,
	uiprivPathClose,
} uiprivPathOp;

typedef struct uiprivPathStep {
	uiprivPathOp op;
	/* MoveTo and LineTo use x[0], y[0]; CubicTo: two control points, then the end point. */
	double x[3], y[3];
} uiprivPathStep;

struct uiDrawPath {
	uiDrawFillMode fillMode;
	int ended;
	/* Whether a figure is open, i.e. there is a current point to draw from. */
	int inFigure;
	uiprivPathStep *steps;
	size_t count, cap;
};

/* p if it is a live, ended path; else NULL after a user bug naming func (drawpath.c, for draw.c). */
uiDrawPath *uiprivEndedPath(uiDrawPath *p, const char *func);

/* The backend's drawing context opens around each Draw call: Open registers c as live (so the uiDraw*
 * calls accept it), Close forgets it.  Pass the same pointer to both. */
void uiprivDrawContextOpen(uiDrawContext *c);
void uiprivDrawContextClose(uiDrawContext *c);
/* How many uiDrawSave calls c has not restored yet (the backend pops them at the end of a Draw). */
size_t uiprivDrawContextSaved(uiDrawContext *c);

/* The drawing itself, on a live context with an ended path and a checked brush (a known type, finite
 * numbers, colours in 0..1, gradients with 1..uiprivMaxStops stops sorted by the caller or not) and stroke
 * (known cap and join, finite Thickness >= 0, MiterLimit >= 1 after clamping, dashes finite, >= 0 and not
 * all zero). */
#define uiprivMaxStops 1024
#define uiprivMaxDashes 1024
void uiprivOsDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b);
void uiprivOsDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p);
/* m is invertible and finite. */
void uiprivOsDrawTransform(uiDrawContext *c, uiDrawMatrix *m);
void uiprivOsDrawClip(uiDrawContext *c, uiDrawPath *path);
void uiprivOsDrawSave(uiDrawContext *c);
/* Only called when a save is outstanding. */
void uiprivOsDrawRestore(uiDrawContext *c);

#endif
