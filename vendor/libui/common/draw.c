/* The uiDraw* calls on a context: which contexts are live, and the checks on brushes, strokes and
 * matrices, once for both backends. */
#include <math.h>
#include <stdlib.h>
#include "osapi.h"

/* Contexts live only during a Draw call; Draw calls of different areas may nest (a handler that makes
 * another area draw at once), so this is a small stack, each with its count of outstanding saves. */
typedef struct liveContext {
	uiDrawContext *c;
	size_t saved;
} liveContext;

static liveContext *contexts;
static size_t contextCount, contextCap;

void uiprivDrawContextOpen(uiDrawContext *c)
{
	if (contextCount == contextCap) {
		contextCap = contextCap ? contextCap * 2 : 4;
		contexts = (liveContext *) uiprivRealloc(contexts, contextCap * sizeof *contexts);
	}
	contexts[contextCount].c = c;
	contexts[contextCount].saved = 0;
	contextCount++;
}

static liveContext *findContext(const uiDrawContext *c)
{
	size_t i;

	for (i = contextCount; i > 0; i--)
		if (contexts[i - 1].c == c)
			return &contexts[i - 1];
	return NULL;
}

void uiprivDrawContextClose(uiDrawContext *c)
{
	liveContext *l = findContext(c);

	if (l == NULL)
		return;
	*l = contexts[--contextCount];
	if (contextCount == 0) {
		free(contexts);
		contexts = NULL;
		contextCap = 0;
	}
}

size_t uiprivDrawContextSaved(uiDrawContext *c)
{
	liveContext *l = findContext(c);

	return l != NULL ? l->saved : 0;
}

static liveContext *checkContext(uiDrawContext *c, const char *func)
{
	liveContext *l;

	if (c == NULL) {
		uiprivUserBug(func, "the context is NULL");
		return NULL;
	}
	l = findContext(c);
	if (l == NULL)
		uiprivUserBug(func, "%p is not the context of a running Draw call", (void *) c);
	return l;
}

int uiprivDrawContextLive(uiDrawContext *c, const char *func)
{
	return checkContext(c, func) != NULL;
}

static int colorOk(double r, double g, double b, double a, const char *func)
{
	return uiprivColorValid(r, g, b, a, func);
}

static int brushOk(const uiDrawBrush *b, const char *func)
{
	size_t i;

	if (b == NULL) {
		uiprivUserBug(func, "the brush is NULL");
		return 0;
	}
	switch (b->Type) {
	case uiDrawBrushTypeSolid:
		return colorOk(b->R, b->G, b->B, b->A, func);
	case uiDrawBrushTypeLinearGradient:
	case uiDrawBrushTypeRadialGradient:
		break;
	case uiDrawBrushTypeImage:
		uiprivUserBug(func, "image brushes are not implemented (libui-ng has none either)");
		return 0;
	default:
		uiprivUserBug(func, "brush type %d is not a uiDrawBrushType", (int) b->Type);
		return 0;
	}
	if (!isfinite(b->X0) || !isfinite(b->Y0) || !isfinite(b->X1) || !isfinite(b->Y1) || !isfinite(b->OuterRadius)) {
		uiprivUserBug(func, "a gradient point or the radius is NaN or infinite");
		return 0;
	}
	if (b->Type == uiDrawBrushTypeRadialGradient && b->OuterRadius < 0) {
		uiprivUserBug(func, "the outer radius is negative");
		return 0;
	}
	if (b->Stops == NULL || b->NumStops == 0 || b->NumStops > uiprivMaxStops) {
		uiprivUserBug(func, "a gradient needs 1 to %d stops", uiprivMaxStops);
		return 0;
	}
	for (i = 0; i < b->NumStops; i++) {
		const uiDrawBrushGradientStop *s = &b->Stops[i];
		if (!isfinite(s->Pos) || s->Pos < 0 || s->Pos > 1) {
			uiprivUserBug(func, "stop %d's position is not in 0..1", (int) i);
			return 0;
		}
		if (!colorOk(s->R, s->G, s->B, s->A, func))
			return 0;
	}
	return 1;
}

static int strokeOk(uiDrawStrokeParams *p, const char *func)
{
	size_t i;
	int anyDash = 0;

	if (p->Cap > uiDrawLineCapSquare || p->Join > uiDrawLineJoinBevel) {
		uiprivUserBug(func, "cap %d or join %d is not a uiDrawLineCap/uiDrawLineJoin", (int) p->Cap, (int) p->Join);
		return 0;
	}
	if (!isfinite(p->Thickness) || p->Thickness < 0 || !isfinite(p->MiterLimit) || !isfinite(p->DashPhase)) {
		uiprivUserBug(func, "the thickness is negative, or a number is NaN or infinite");
		return 0;
	}
	if (p->NumDashes > uiprivMaxDashes || (p->NumDashes > 0 && p->Dashes == NULL)) {
		uiprivUserBug(func, "the dashes are NULL, or more than %d", uiprivMaxDashes);
		return 0;
	}
	for (i = 0; i < p->NumDashes; i++) {
		if (!isfinite(p->Dashes[i]) || p->Dashes[i] < 0) {
			uiprivUserBug(func, "dash %d is negative, NaN or infinite", (int) i);
			return 0;
		}
		anyDash |= p->Dashes[i] > 0;
	}
	if (p->NumDashes > 0 && !anyDash) {
		uiprivUserBug(func, "every dash is 0 long");
		return 0;
	}
	/* libui-ng programs often leave it 0 when the join is not a miter; every backend needs at least 1. */
	if (p->MiterLimit < 1)
		p->MiterLimit = 1;
	return 1;
}

void uiDrawStroke(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b, uiDrawStrokeParams *p)
{
	uiDrawStrokeParams sp;

	if (checkContext(c, __func__) == NULL || uiprivEndedPath(path, __func__) == NULL || !brushOk(b, __func__))
		return;
	if (p == NULL) {
		uiprivUserBug(__func__, "the stroke parameters are NULL");
		return;
	}
	/* A copy, so clamping the miter limit never writes to the caller's struct. */
	sp = *p;
	if (!strokeOk(&sp, __func__))
		return;
	uiprivOSDrawStroke(c, path, b, &sp);
}

void uiDrawFill(uiDrawContext *c, uiDrawPath *path, uiDrawBrush *b)
{
	if (checkContext(c, __func__) == NULL || uiprivEndedPath(path, __func__) == NULL || !brushOk(b, __func__))
		return;
	uiprivOSDrawFill(c, path, b);
}

void uiDrawTransform(uiDrawContext *c, uiDrawMatrix *m)
{
	if (checkContext(c, __func__) == NULL)
		return;
	if (m == NULL) {
		uiprivUserBug(__func__, "the matrix is NULL");
		return;
	}
	/* cairo stops drawing for good after a singular matrix; Invertible also rejects NaN and infinities. */
	if (!isfinite(m->M31) || !isfinite(m->M32) || !uiDrawMatrixInvertible(m)) {
		uiprivUserBug(__func__, "the matrix has no inverse, or a NaN or infinite member");
		return;
	}
	uiprivOSDrawTransform(c, m);
}

void uiDrawClip(uiDrawContext *c, uiDrawPath *path)
{
	if (checkContext(c, __func__) == NULL || uiprivEndedPath(path, __func__) == NULL)
		return;
	uiprivOSDrawClip(c, path);
}

void uiDrawSave(uiDrawContext *c)
{
	liveContext *l = checkContext(c, __func__);

	if (l == NULL)
		return;
	l->saved++;
	uiprivOSDrawSave(c);
}

void uiDrawRestore(uiDrawContext *c)
{
	liveContext *l = checkContext(c, __func__);

	if (l == NULL)
		return;
	if (l->saved == 0) {
		uiprivUserBug(__func__, "no uiDrawSave is left to restore");
		return;
	}
	l->saved--;
	uiprivOSDrawRestore(c);
}
