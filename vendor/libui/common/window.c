/* uiWindow: its public functions, its child, flags and handlers over the hooks in osapi.h. */
#include "osapi.h"

/* The largest content side a program may ask for, in 96-DPI units (both backends' native limits lie
 * above it). */
#define maxSide 16384

/* Public functions reject anything but a live uiWindow, naming themselves. */
#define checked(x) ((uiWindow *) uiprivCheck((x), &uiprivWindowVtable, __func__))
#define shared(w) ((uiprivWindowShared *) uiControl(w)->shared)

int uiprivWindowClampSide(int v)
{
	return uiprivClamp(v, 1, maxSide);
}

char *uiWindowTitle(uiWindow *w)
{
	if (checked(w) == NULL)
		return uiprivSanitize(NULL);
	return uiprivOSWindowTitle(w);
}

void uiWindowSetTitle(uiWindow *w, const char *title)
{
	char *t;

	if (checked(w) == NULL)
		return;
	t = uiprivSanitize(title);
	uiprivOSWindowSetTitle(w, t);
	uiFreeText(t);
}

void uiWindowContentSize(uiWindow *w, int *width, int *height)
{
	int cw = 0, ch = 0;

	if (checked(w) != NULL)
		uiprivOSWindowContentSize(w, &cw, &ch);
	if (width != NULL)
		*width = cw;
	if (height != NULL)
		*height = ch;
}

void uiWindowSetContentSize(uiWindow *w, int width, int height)
{
	if (checked(w) == NULL)
		return;
	uiprivOSWindowSetContentSize(w, uiprivWindowClampSide(width), uiprivWindowClampSide(height));
}

void uiWindowPosition(uiWindow *w, int *x, int *y)
{
	int px = 0, py = 0;

	if (checked(w) != NULL)
		uiprivOSWindowPosition(w, &px, &py);
	if (x != NULL)
		*x = px;
	if (y != NULL)
		*y = py;
}

void uiWindowSetPosition(uiWindow *w, int x, int y)
{
	if (checked(w) == NULL)
		return;
	uiprivOSWindowSetPosition(w, x, y);
}

void uiWindowSetChild(uiWindow *w, uiControl *child)
{
	uiControl *old;

	if (checked(w) == NULL || child == shared(w)->child)
		return;
	if (child != NULL && !uiprivControlCanAdopt(uiControl(w), child, __func__))
		return;
	old = uiprivWindowTakeChild(w);
	shared(w)->child = child;
	if (child != NULL)
		uiprivSetParent(child, uiControl(w));
	uiprivOSWindowChildChanged(w, old);
}

uiControl *uiprivWindowTakeChild(uiWindow *w)
{
	uiControl *old = shared(w)->child;

	if (old != NULL)
		uiprivSetParent(old, NULL);
	shared(w)->child = NULL;
	return old;
}

int uiWindowMargined(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return shared(w)->margined;
}

void uiWindowSetMargined(uiWindow *w, int margined)
{
	if (checked(w) == NULL)
		return;
	shared(w)->margined = margined != 0;
	uiprivOSWindowSyncMargined(w);
}

int uiWindowResizeable(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return shared(w)->resizeable;
}

void uiWindowSetResizeable(uiWindow *w, int resizeable)
{
	if (checked(w) == NULL || shared(w)->resizeable == (resizeable != 0))
		return;
	shared(w)->resizeable = resizeable != 0;
	uiprivOSWindowSyncFrame(w);
}

int uiWindowBorderless(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return shared(w)->borderless;
}

void uiWindowSetBorderless(uiWindow *w, int borderless)
{
	if (checked(w) == NULL || shared(w)->borderless == (borderless != 0))
		return;
	shared(w)->borderless = borderless != 0;
	uiprivOSWindowSyncFrame(w);
}

int uiWindowFullscreen(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return shared(w)->fullscreen;
}

void uiWindowSetFullscreen(uiWindow *w, int fullscreen)
{
	if (checked(w) == NULL || shared(w)->fullscreen == (fullscreen != 0))
		return;
	shared(w)->fullscreen = fullscreen != 0;
	uiprivOSWindowSyncFullscreen(w);
}

int uiWindowFocused(uiWindow *w)
{
	if (checked(w) == NULL)
		return 0;
	return uiprivOSWindowFocused(w);
}

void uiWindowOnClosing(uiWindow *w, int (*f)(uiWindow *w, void *data), void *data)
{
	if (checked(w) == NULL)
		return;
	shared(w)->onClosing = f;
	shared(w)->onClosingData = data;
}

void uiWindowOnContentSizeChanged(uiWindow *w, void (*f)(uiWindow *w, void *data), void *data)
{
	if (checked(w) == NULL)
		return;
	shared(w)->onContentSizeChanged = f;
	shared(w)->onContentSizeChangedData = data;
}

void uiWindowOnPositionChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data)
{
	if (checked(w) == NULL)
		return;
	shared(w)->onPositionChanged = f;
	shared(w)->onPositionChangedData = data;
}

void uiWindowOnFocusChanged(uiWindow *w, void (*f)(uiWindow *sender, void *senderData), void *data)
{
	if (checked(w) == NULL)
		return;
	shared(w)->onFocusChanged = f;
	shared(w)->onFocusChangedData = data;
}

void uiprivWindowClosingByUser(uiWindow *w)
{
	/* Without a handler, or when it says no, the window stays (libui-ng). */
	if (shared(w)->onClosing != NULL && shared(w)->onClosing(w, shared(w)->onClosingData))
		uiControlDestroy(uiControl(w));
}

void uiprivWindowContentSizeChangedByUser(uiWindow *w)
{
	if (shared(w)->onContentSizeChanged != NULL)
		shared(w)->onContentSizeChanged(w, shared(w)->onContentSizeChangedData);
}

void uiprivWindowPositionChangedByUser(uiWindow *w)
{
	if (shared(w)->onPositionChanged != NULL)
		shared(w)->onPositionChanged(w, shared(w)->onPositionChangedData);
}

void uiprivWindowFocusChangedByUser(uiWindow *w)
{
	if (shared(w)->onFocusChanged != NULL)
		shared(w)->onFocusChanged(w, shared(w)->onFocusChangedData);
}

uiWindow *uiNewWindow(const char *title, int width, int height, int hasMenubar)
{
	uiWindow *w;

	if (!uiprivReady(__func__))
		return NULL;
	/* From the first window on, the menus are fixed (libui-ng). */
	uiprivMenusFinalize();
	w = uiprivOSNewWindow(hasMenubar);
	if (w == NULL)
		return NULL;
	uiWindowSetTitle(w, title);
	uiWindowSetContentSize(w, width, height);
	return w;
}
