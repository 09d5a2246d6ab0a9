/* Vtable pieces shared by the Win32 controls. */
#include "uipriv_windows.h"

const WCHAR uiprivControlProp[] = L"uiprivControl";

HWND uiprivCreateControlWindow(DWORD exStyle, LPCWSTR className, DWORD style, uiControl *owner)
{
	ULONG_PTR cookie;
	HWND hwnd;

	style |= WS_CHILD;
	if (owner->visible)
		style |= WS_VISIBLE;
	/* The class resolves to comctl32 v6 only while our activation context is active. */
	cookie = uiprivActivateComctl();
	hwnd = CreateWindowExW(exStyle, className, L"", style, 0, 0, 0, 0, uiprivParkingWindow, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (hwnd == NULL)
		return NULL;
	/* A property, unlike GWLP_USERDATA, cannot be mistaken for another class's data. */
	if (!SetPropW(hwnd, uiprivControlProp, (HANDLE) owner)) {
		DestroyWindow(hwnd);
		return NULL;
	}
	SendMessageW(hwnd, WM_SETFONT, (WPARAM) uiprivDefaultFont, FALSE);
	return hwnd;
}

uintptr_t uiprivWinHandle(uiControl *c)
{
	return (uintptr_t) uiprivHwnd(c);
}

void uiprivWinSyncVisible(uiControl *c)
{
	ShowWindow(uiprivHwnd(c), c->visible ? SW_SHOWNA : SW_HIDE);
	/* Hidden controls take no room, so the others move. */
	uiprivRelayout(c);
}

void uiprivWinSyncEnabled(uiControl *c)
{
	EnableWindow(uiprivHwnd(c), uiprivControlEffectiveEnabled(c));
}

void uiprivWinFree(uiControl *c)
{
	HWND hwnd = uiprivHwnd(c);

	/* Late notifications during destruction must not reach a freed struct. */
	RemovePropW(hwnd, uiprivControlProp);
	DestroyWindow(hwnd);
	uiprivControlFree(c);
}

void uiprivWinLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	(void) m;
	SetWindowPos(uiprivHwnd(c), NULL, x, y, width, height, SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
}

void uiprivWinSetNativeParent(uiControl *c, HWND parent)
{
	HWND hwnd = uiprivHwnd(c);

	if (parent == NULL) {
		parent = uiprivParkingWindow;
		/* The old window's font is deleted with that window. */
		uiprivSetFontTree(hwnd, uiprivDefaultFont);
	}
	SetParent(hwnd, parent);
	/* SetParent puts the window on top, and Tab follows the z-order from the top: the newest child
	 * goes last, so Tab visits a container's children in the order they were added. */
	SetWindowPos(hwnd, HWND_BOTTOM, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
}

static BOOL CALLBACK setFontProc(HWND hwnd, LPARAM lParam)
{
	if ((HFONT) SendMessageW(hwnd, WM_GETFONT, 0, 0) != (HFONT) lParam)
		SendMessageW(hwnd, WM_SETFONT, (WPARAM) lParam, TRUE);
	return TRUE;
}

void uiprivSetFontTree(HWND hwnd, HFONT font)
{
	setFontProc(hwnd, (LPARAM) font);
	EnumChildWindows(hwnd, setFontProc, (LPARAM) font);
}

/* The control behind a notification's HWND, if it is one of ours with hooks. */
static uiControl *notifier(LPARAM lParam)
{
	uiControl *c;

	if (lParam == 0)
		return NULL;
	c = (uiControl *) GetPropW((HWND) lParam, uiprivControlProp);
	if (!uiprivControlIs(c, NULL) || c->vt->os == NULL)
		return NULL;
	return c;
}

BOOL uiprivForwardCommand(WPARAM wParam, LPARAM lParam)
{
	uiControl *c = notifier(lParam);

	if (c == NULL || uiprivHooks(c)->command == NULL)
		return FALSE;
	uiprivHooks(c)->command(c, HIWORD(wParam));
	return TRUE;
}

BOOL uiprivForwardScroll(WPARAM wParam, LPARAM lParam)
{
	uiControl *c = notifier(lParam);

	if (c == NULL || uiprivHooks(c)->scroll == NULL)
		return FALSE;
	uiprivHooks(c)->scroll(c, LOWORD(wParam));
	return TRUE;
}

BOOL uiprivForwardNotify(LPARAM lParam, LRESULT *result)
{
	NMHDR *nm = (NMHDR *) lParam;
	uiControl *c = nm != NULL ? notifier((LPARAM) nm->hwndFrom) : NULL;

	if (c == NULL || uiprivHooks(c)->notify == NULL)
		return FALSE;
	return uiprivHooks(c)->notify(c, nm, result);
}

BOOL uiprivNextDialogControl(WPARAM wParam, LPARAM lParam)
{
	HWND focus = GetFocus(), root, next;

	/* A multi-line EDIT asks its parent for the next control with WM_NEXTDLGCTL when Tab is
	 * pressed in a window served by IsDialogMessage; only dialogs answer that by themselves.
	 * The parent it asks may be the parking window it was made in, so the focus decides. */
	if (focus == NULL || (root = GetAncestor(focus, GA_ROOT)) == NULL)
		return FALSE;
	if (LOWORD(lParam) != 0)
		next = (HWND) wParam;
	else
		next = GetNextDlgTabItem(root, focus, wParam != 0);
	if (next == NULL || GetAncestor(next, GA_ROOT) != root)
		return FALSE;
	/* As a dialog does: an edit field gets the focus with all its text selected. */
	if (SendMessageW(next, WM_GETDLGCODE, 0, 0) & DLGC_HASSETSEL)
		SendMessageW(next, EM_SETSEL, 0, -1);
	SetFocus(next);
	return TRUE;
}

void uiprivRelayout(uiControl *c)
{
	while (c->parent != NULL)
		c = c->parent;
	if (c->vt == &uiprivWindowVtable)
		uiprivWindowRelayout(uiWindow(c));
}
