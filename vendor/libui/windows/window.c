/* uiWindow on Win32: a top-level window that lays out its child itself and
 * keeps its own message font for its DPI (the public functions are in common/window.c). */
#include "uipriv_windows.h"
#include "osapi.h"

/* Dialog margin from the Windows layout guidelines, in dialog units. */
#define marginDlu 7
#define windowStyle (WS_OVERLAPPEDWINDOW | WS_CLIPCHILDREN)
#define resizeStyle (WS_THICKFRAME | WS_MAXIMIZEBOX)
/* The style bits that make the frame; the rest (WS_VISIBLE, WS_DISABLED, WS_CLIPCHILDREN) stay. */
#define frameBits (WS_OVERLAPPEDWINDOW | WS_POPUP)
#define windowExStyle WS_EX_CONTROLPARENT

struct uiWindow {
	uiControl c;
	HWND hwnd;
	uiprivWindowShared shared;
	UINT dpi;
	HFONT font;
	int baseX, baseY;
	/* Content size (96-DPI units) last reported or set, so programmatic resizes are not reported. */
	int lastWidth, lastHeight;
	HMENU menubar;
	/* Where the window was before it went full screen. */
	WINDOWPLACEMENT placement;
	/* Nonzero while the library itself moves or resizes the window: nothing is reported. */
	int changing;
	int lastX, lastY;
	int focused;
};

static HDC beginMetrics(uiWindow *w, uiprivMetrics *m, HGDIOBJ *old)
{
	m->dc = GetDC(w->hwnd);
	m->dpi = w->dpi;
	m->baseX = w->baseX;
	m->baseY = w->baseY;
	*old = m->dc != NULL ? SelectObject(m->dc, w->font) : NULL;
	return m->dc;
}

static void endMetrics(uiWindow *w, uiprivMetrics *m, HGDIOBJ old)
{
	SelectObject(m->dc, old);
	ReleaseDC(w->hwnd, m->dc);
}

static void margins(uiWindow *w, const uiprivMetrics *m, int *mx, int *my)
{
	*mx = w->shared.margined ? uiprivDluX(m, marginDlu) : 0;
	*my = w->shared.margined ? uiprivDluY(m, marginDlu) : 0;
}

void uiprivWindowRelayout(uiWindow *w)
{
	uiprivMetrics m;
	HGDIOBJ old;
	RECT r;
	int mx, my, width, height;

	if (w->hwnd == NULL || w->font == NULL || w->shared.child == NULL || !w->shared.child->visible)
		return;
	if (beginMetrics(w, &m, &old) == NULL)
		return;
	/* Controls moved in since the last pass still carry the parking font. */
	uiprivSetFontTree(uiprivHwnd(w->shared.child), w->font);
	GetClientRect(w->hwnd, &r);
	margins(w, &m, &mx, &my);
	width = r.right - 2 * mx;
	height = r.bottom - 2 * my;
	uiprivHooks(w->shared.child)->layout(w->shared.child, &m, mx, my, width > 0 ? width : 0, height > 0 ? height : 0);
	endMetrics(w, &m, old);
}

static void minTrackSize(uiWindow *w, MINMAXINFO *mmi)
{
	uiprivMetrics m;
	HGDIOBJ old;
	RECT r;
	int mx, my, cw = 0, ch = 0;

	if (w->font == NULL || w->shared.child == NULL || !w->shared.child->visible)
		return;
	if (beginMetrics(w, &m, &old) == NULL)
		return;
	uiprivSetFontTree(uiprivHwnd(w->shared.child), w->font);
	uiprivHooks(w->shared.child)->minSize(w->shared.child, &m, &cw, &ch);
	margins(w, &m, &mx, &my);
	endMetrics(w, &m, old);
	SetRect(&r, 0, 0, cw + 2 * mx, ch + 2 * my);
	uiprivAdjustWindowRect(&r, (DWORD) GetWindowLongPtrW(w->hwnd, GWL_STYLE), w->menubar != NULL, windowExStyle, w->dpi);
	if (r.right - r.left > mmi->ptMinTrackSize.x)
		mmi->ptMinTrackSize.x = r.right - r.left;
	if (r.bottom - r.top > mmi->ptMinTrackSize.y)
		mmi->ptMinTrackSize.y = r.bottom - r.top;
}

/* Makes the font for dpi current, then frees the old one once no control uses it. */
static void updateFont(uiWindow *w, UINT dpi)
{
	HFONT old = w->font;
	HFONT font = uiprivCreateMessageFont(dpi);

	if (font == NULL)
		return;
	w->dpi = dpi;
	w->font = font;
	uiprivFontBaseUnits(font, &w->baseX, &w->baseY);
	if (w->shared.child != NULL)
		uiprivSetFontTree(uiprivHwnd(w->shared.child), font);
	if (old != NULL)
		DeleteObject(old);
}

static void contentSize(uiWindow *w, int *width, int *height)
{
	RECT r;

	GetClientRect(w->hwnd, &r);
	*width = MulDiv(r.right, 96, (int) w->dpi);
	*height = MulDiv(r.bottom, 96, (int) w->dpi);
}

static void reportSize(uiWindow *w)
{
	int width, height;

	contentSize(w, &width, &height);
	if (width == w->lastWidth && height == w->lastHeight)
		return;
	w->lastWidth = width;
	w->lastHeight = height;
	if (!w->changing)
		uiprivWindowContentSizeChangedByUser(w);
}

static void position(uiWindow *w, int *x, int *y)
{
	RECT r;

	GetWindowRect(w->hwnd, &r);
	*x = r.left;
	*y = r.top;
}

static void reportPosition(uiWindow *w)
{
	int x, y;

	position(w, &x, &y);
	if (x == w->lastX && y == w->lastY)
		return;
	w->lastX = x;
	w->lastY = y;
	if (!w->changing)
		uiprivWindowPositionChangedByUser(w);
}

static void reportFocus(uiWindow *w, int focused)
{
	if (focused == w->focused)
		return;
	w->focused = focused;
	uiprivWindowFocusChangedByUser(w);
}

/* After a change the library made: what it caused counts as already reported. */
static void endChange(uiWindow *w)
{
	if (--w->changing > 0)
		return;
	contentSize(w, &w->lastWidth, &w->lastHeight);
	position(w, &w->lastX, &w->lastY);
}

LRESULT CALLBACK uiprivWindowWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiWindow *w;

	if (msg == WM_NCCREATE) {
		w = (uiWindow *) ((CREATESTRUCTW *) lParam)->lpCreateParams;
		w->hwnd = hwnd;
		SetWindowLongPtrW(hwnd, GWLP_USERDATA, (LONG_PTR) w);
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	}
	w = (uiWindow *) GetWindowLongPtrW(hwnd, GWLP_USERDATA);
	if (w == NULL)
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	switch (msg) {
	case WM_COMMAND:
		if (uiprivMenuCommand(w, wParam, lParam) || uiprivForwardCommand(wParam, lParam))
			return 0;
		break;
	case WM_MOVE:
		reportPosition(w);
		return 0;
	case WM_ACTIVATE:
		reportFocus(w, LOWORD(wParam) != WA_INACTIVE);
		break;
	case WM_HSCROLL:
	case WM_VSCROLL:
		if (uiprivForwardScroll(wParam, lParam))
			return 0;
		break;
	case WM_NOTIFY: {
		LRESULT result;

		if (uiprivForwardNotify(lParam, &result))
			return result;
		break;
	}
	case WM_NEXTDLGCTL:
		if (uiprivNextDialogControl(wParam, lParam))
			return 0;
		break;
	case WM_SIZE:
		if (wParam == SIZE_MINIMIZED)
			return 0;
		uiprivWindowRelayout(w);
		reportSize(w);
		return 0;
	case WM_GETMINMAXINFO:
		minTrackSize(w, (MINMAXINFO *) lParam);
		return 0;
	case WM_CLOSE:
		uiprivWindowClosingByUser(w);
		return 0;
	case WM_DPICHANGED: {
		const RECT *r = (const RECT *) lParam;
		updateFont(w, LOWORD(wParam));
		SetWindowPos(hwnd, NULL, r->left, r->top, r->right - r->left, r->bottom - r->top, SWP_NOZORDER | SWP_NOACTIVATE);
		uiprivWindowRelayout(w);
		return 0;
	}
	case WM_SETTINGCHANGE:
		if (wParam == SPI_SETNONCLIENTMETRICS) {
			updateFont(w, w->dpi);
			uiprivWindowRelayout(w);
		}
		break;
	case WM_QUERYENDSESSION:
		if (!uiprivHasShouldQuit())
			return TRUE;
		if (uiprivShouldQuit()) {
			uiQuit();
			return TRUE;
		}
		return FALSE;
	}
	return DefWindowProcW(hwnd, msg, wParam, lParam);
}

static void windowFree(uiControl *c)
{
	uiWindow *w = (uiWindow *) c;
	uiControl *child = uiprivWindowTakeChild(w);

	if (child != NULL)
		child->vt->free(child);
	SetWindowLongPtrW(w->hwnd, GWLP_USERDATA, 0);
	/* DestroyWindow destroys the menu bar with the window. */
	if (w->menubar != NULL)
		uiprivForgetMenubar(w->menubar);
	DestroyWindow(w->hwnd);
	if (w->font != NULL)
		DeleteObject(w->font);
	uiprivControlFree(c);
}

static void windowSyncVisible(uiControl *c)
{
	uiWindow *w = (uiWindow *) c;

	/* No UpdateWindow: the first WM_PAINT stays queued, so a program that shows
	 * a window and then calls uiMainStep(1) always finds an event (ui.h). */
	ShowWindow(w->hwnd, c->visible ? SW_SHOW : SW_HIDE);
}

static void windowSyncEnabled(uiControl *c)
{
	uiWindow *w = (uiWindow *) c;

	EnableWindow(w->hwnd, c->enabled);
	/* So the controls also look disabled. */
	if (w->shared.child != NULL)
		w->shared.child->vt->syncEnabled(w->shared.child);
}

const uiprivControlVtable uiprivWindowVtable = {
	"uiWindow", 1, windowFree, uiprivWinHandle, windowSyncVisible, windowSyncEnabled, NULL,
};

char *uiprivOSWindowTitle(uiWindow *w)
{
	return uiprivWindowTextUTF8(w->hwnd);
}

void uiprivOSWindowSetTitle(uiWindow *w, const char *title)
{
	uiprivSetWindowTextUTF8(w->hwnd, title);
}

void uiprivOSWindowContentSize(uiWindow *w, int *width, int *height)
{
	contentSize(w, width, height);
}

void uiprivOSWindowSetContentSize(uiWindow *w, int width, int height)
{
	RECT r;

	/* Clamped again for restyle, which passes the current size (0 while minimized). */
	width = uiprivWindowClampSide(width);
	height = uiprivWindowClampSide(height);
	SetRect(&r, 0, 0, MulDiv(width, (int) w->dpi, 96), MulDiv(height, (int) w->dpi, 96));
	uiprivAdjustWindowRect(&r, (DWORD) GetWindowLongPtrW(w->hwnd, GWL_STYLE), w->menubar != NULL, windowExStyle, w->dpi);
	w->changing++;
	SetWindowPos(w->hwnd, NULL, 0, 0, r.right - r.left, r.bottom - r.top, SWP_NOMOVE | SWP_NOZORDER | SWP_NOACTIVATE);
	endChange(w);
}

/* Applies resizeable, borderless and fullscreen to the frame style. */
static void applyStyle(uiWindow *w)
{
	LONG_PTR style = GetWindowLongPtrW(w->hwnd, GWL_STYLE) & ~(LONG_PTR) frameBits;

	if (w->shared.borderless || w->shared.fullscreen)
		style |= WS_POPUP;
	else
		style |= w->shared.resizeable ? WS_OVERLAPPEDWINDOW : WS_OVERLAPPEDWINDOW & ~resizeStyle;
	w->changing++;
	SetWindowLongPtrW(w->hwnd, GWL_STYLE, style);
	SetWindowPos(w->hwnd, NULL, 0, 0, 0, 0, SWP_FRAMECHANGED | SWP_NOMOVE | SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE);
	endChange(w);
}

/* A new frame around content of the same size. */
static void restyle(uiWindow *w)
{
	int width, height;

	contentSize(w, &width, &height);
	applyStyle(w);
	if (!w->shared.fullscreen)
		uiprivOSWindowSetContentSize(w, width, height);
}

void uiprivOSWindowPosition(uiWindow *w, int *x, int *y)
{
	position(w, x, y);
}

void uiprivOSWindowSetPosition(uiWindow *w, int x, int y)
{
	w->changing++;
	SetWindowPos(w->hwnd, NULL, x, y, 0, 0, SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE);
	endChange(w);
}

void uiprivOSWindowSyncFullscreen(uiWindow *w)
{
	MONITORINFO mi;

	w->changing++;
	if (w->shared.fullscreen) {
		w->placement.length = sizeof w->placement;
		GetWindowPlacement(w->hwnd, &w->placement);
		applyStyle(w);
		ZeroMemory(&mi, sizeof mi);
		mi.cbSize = sizeof mi;
		GetMonitorInfoW(MonitorFromWindow(w->hwnd, MONITOR_DEFAULTTONEAREST), &mi);
		SetWindowPos(w->hwnd, HWND_TOP, mi.rcMonitor.left, mi.rcMonitor.top, mi.rcMonitor.right - mi.rcMonitor.left,
			mi.rcMonitor.bottom - mi.rcMonitor.top, SWP_NOOWNERZORDER | SWP_NOACTIVATE);
	} else {
		applyStyle(w);
		/* The placement must not show a window that is hidden now. */
		w->placement.showCmd = IsWindowVisible(w->hwnd) ? SW_SHOWNOACTIVATE : SW_HIDE;
		SetWindowPlacement(w->hwnd, &w->placement);
	}
	endChange(w);
}

int uiprivOSWindowFocused(uiWindow *w)
{
	return w->focused;
}

void uiprivOSWindowSyncFrame(uiWindow *w)
{
	/* The frame changes thickness; the content keeps its size. */
	restyle(w);
}

void uiprivOSWindowChildChanged(uiWindow *w, uiControl *old)
{
	uiControl *child = w->shared.child;

	if (old != NULL) {
		uiprivHooks(old)->setNativeParent(old, NULL);
		old->vt->syncEnabled(old);
	}
	if (child != NULL) {
		uiprivHooks(child)->setNativeParent(child, w->hwnd);
		child->vt->syncEnabled(child);
		uiprivWindowRelayout(w);
	}
}

void uiprivOSWindowSyncMargined(uiWindow *w)
{
	uiprivWindowRelayout(w);
}

uiWindow *uiprivOSNewWindow(int hasMenubar)
{
	uiWindow *w = (uiWindow *) uiprivNewControl(sizeof (uiWindow), &uiprivWindowVtable, 0);
	ULONG_PTR cookie;
	HWND hwnd;

	w->c.shared = &w->shared;
	w->shared.resizeable = 1;
	if (hasMenubar)
		w->menubar = uiprivMakeMenubar();
	cookie = uiprivActivateComctl();
	hwnd = CreateWindowExW(windowExStyle, uiprivWindowClass, L"", windowStyle,
		CW_USEDEFAULT, CW_USEDEFAULT, CW_USEDEFAULT, CW_USEDEFAULT, NULL, w->menubar, uiprivInstance, w);
	uiprivDeactivateComctl(cookie);
	if (hwnd == NULL) {
		if (w->menubar != NULL) {
			uiprivForgetMenubar(w->menubar);
			DestroyMenu(w->menubar);
		}
		uiprivControlFree(uiControl(w));
		return NULL;
	}
	updateFont(w, uiprivWindowDpi(hwnd));
	return w;
}
