/* uiArea's public functions and their checks, once for both backends, and the double-click counter. */
#include <math.h>
#include "osapi.h"
#include "ui_extras.h"

/* Scrolling sizes above this are a user bug: far past any screen, and safe from int overflow. */
#define maxAreaSize 1000000

#define checked(x) ((uiArea *) uiprivCheck((x), &uiprivAreaVtable, __func__))

static int sizeOk(int width, int height, const char *func)
{
	if (width < 0 || height < 0 || width > maxAreaSize || height > maxAreaSize) {
		uiprivUserBug(func, "size %dx%d is outside 0..1000000", width, height);
		return 0;
	}
	return 1;
}

static int handlerOk(uiAreaHandler *ah, const char *func)
{
	if (ah == NULL) {
		uiprivUserBug(func, "the handler is NULL");
		return 0;
	}
	return 1;
}

uiArea *uiNewArea(uiAreaHandler *ah)
{
	if (!uiprivReady(__func__) || !handlerOk(ah, __func__))
		return NULL;
	return uiprivOSNewArea(ah, 0, 0, 0);
}

uiArea *uiNewScrollingArea(uiAreaHandler *ah, int width, int height)
{
	if (!uiprivReady(__func__) || !handlerOk(ah, __func__) || !sizeOk(width, height, __func__))
		return NULL;
	return uiprivOSNewArea(ah, 1, width, height);
}

void uiAreaSetSize(uiArea *a, int width, int height)
{
	if (checked(a) == NULL || !sizeOk(width, height, __func__))
		return;
	if (!uiprivOSAreaScrolling(a)) {
		uiprivUserBug(__func__, "the area is not a scrolling area");
		return;
	}
	uiprivOSAreaSetSize(a, width, height);
}

void uiAreaQueueRedrawAll(uiArea *a)
{
	if (checked(a) == NULL)
		return;
	uiprivOSAreaQueueRedrawAll(a);
}

void uiAreaScrollTo(uiArea *a, double x, double y, double width, double height)
{
	if (checked(a) == NULL)
		return;
	if (!isfinite(x) || !isfinite(y) || !isfinite(width) || !isfinite(height)) {
		uiprivUserBug(__func__, "a coordinate is NaN or infinite");
		return;
	}
	if (uiprivOSAreaScrolling(a))
		uiprivOSAreaScrollTo(a, x, y, width, height);
}

void uiAreaBeginUserWindowMove(uiArea *a)
{
	if (checked(a) == NULL)
		return;
	uiprivOSAreaBeginUserWindowMove(a);
}

void uiAreaBeginUserWindowResize(uiArea *a, uiWindowResizeEdge edge)
{
	if (checked(a) == NULL)
		return;
	if (edge > uiWindowResizeEdgeBottomRight) {
		uiprivUserBug(__func__, "edge %d is not a uiWindowResizeEdge", (int) edge);
		return;
	}
	uiprivOSAreaBeginUserWindowResize(a, edge);
}

const char *uixAreaRenderer(uiArea *a)
{
	/* Silent, like the other queries of ui_extras.h: a test asks before the first Draw too. */
	if (!uiprivControlIs((const uiControl *) a, &uiprivAreaVtable))
		return NULL;
	return uiprivOSAreaRenderer(a);
}

int uiprivClickCount(uiprivClickCounter *cc, int button, double x, double y, uint32_t time, uint32_t maxTime, double maxDist)
{
	/* Unsigned subtraction keeps working across the millisecond clock's wrap. */
	if (cc->count > 0 && button == cc->button && (uint32_t) (time - cc->time) <= maxTime && fabs(x - cc->x) <= maxDist && fabs(y - cc->y) <= maxDist)
		cc->count++;
	else
		cc->count = 1;
	cc->button = button;
	cc->time = time;
	cc->x = x;
	cc->y = y;
	return cc->count;
}

void uiprivClickReset(uiprivClickCounter *cc)
{
	cc->count = 0;
}

uint64_t uiprivHeldButtons(uint64_t state, const uint64_t masks[5], int except)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < 5; i++)
		if ((state & masks[i]) && i + 1 != except)
			h |= (uint64_t) 1 << i;
	return h;
}
