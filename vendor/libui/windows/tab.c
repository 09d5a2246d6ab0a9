/* uiTab on Win32: one of our container windows holding a tab control and, above it
 * over its display area, one container window per page (only the selected one shown),
 * so a page's controls are dialog-like children that Tab moves through.  The public
 * functions and the page list are in common/tab.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Dialog margin from the Windows layout guidelines, in dialog units (as a window's). */
#define marginDlu 7

struct uiTab {
	uiControl c;
	HWND hwnd;
	HWND tabs;
	WNDPROC containerProc;
	uiprivTabShared shared;
};

/* A page's container window. */
#define pageHwnd(p) ((HWND) (p)->native)

static void margins(uiprivTabPage *p, const uiprivMetrics *m, int *mx, int *my)
{
	*mx = p->margined ? uiprivDluX(m, marginDlu) : 0;
	*my = p->margined ? uiprivDluY(m, marginDlu) : 0;
}

static int selected(uiTab *t)
{
	return (int) SendMessageW(t->tabs, TCM_GETCURSEL, 0, 0);
}

/* Shows the selected page only. */
static void showSelected(uiTab *t)
{
	int i, cur = selected(t);

	for (i = 0; i < t->shared.n; i++)
		ShowWindow(pageHwnd(&t->shared.pages[i]), i == cur ? SW_SHOWNA : SW_HIDE);
}

static void selectPage(uiTab *t, int index)
{
	SendMessageW(t->tabs, TCM_SETCURSEL, (WPARAM) index, 0);
	showSelected(t);
}

static void tabMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiTab *t = (uiTab *) c;
	int i, w = 0, h = 0;
	RECT r;

	for (i = 0; i < t->shared.n; i++) {
		uiprivTabPage *p = &t->shared.pages[i];
		int cw = 0, ch = 0, mx, my;

		if (p->c->visible)
			uiprivHooks(p->c)->minSize(p->c, m, &cw, &ch);
		margins(p, m, &mx, &my);
		if (cw + 2 * mx > w)
			w = cw + 2 * mx;
		if (ch + 2 * my > h)
			h = ch + 2 * my;
	}
	/* The control around a display area of that size: the strip and the borders. */
	SetRect(&r, 0, 0, w, h);
	SendMessageW(t->tabs, TCM_ADJUSTRECT, TRUE, (LPARAM) &r);
	*width = r.right - r.left;
	*height = r.bottom - r.top;
}

static void tabLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiTab *t = (uiTab *) c;
	int i, pw, ph;
	RECT r;

	uiprivWinLayout(c, m, x, y, width, height);
	SetWindowPos(t->tabs, NULL, 0, 0, width, height, SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
	/* The display area: what the strip and the borders leave. */
	SetRect(&r, 0, 0, width, height);
	SendMessageW(t->tabs, TCM_ADJUSTRECT, FALSE, (LPARAM) &r);
	pw = r.right - r.left > 0 ? r.right - r.left : 0;
	ph = r.bottom - r.top > 0 ? r.bottom - r.top : 0;
	for (i = 0; i < t->shared.n; i++) {
		uiprivTabPage *p = &t->shared.pages[i];
		int mx, my;

		SetWindowPos(pageHwnd(p), NULL, r.left, r.top, pw, ph, SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
		if (!p->c->visible)
			continue;
		margins(p, m, &mx, &my);
		uiprivHooks(p->c)->layout(p->c, m, mx, my, pw - 2 * mx > 0 ? pw - 2 * mx : 0, ph - 2 * my > 0 ? ph - 2 * my : 0);
	}
}

static void tabSyncEnabled(uiControl *c)
{
	uiTab *t = (uiTab *) c;
	int i, enabled = uiprivControlEffectiveEnabled(c);

	EnableWindow(t->hwnd, enabled);
	EnableWindow(t->tabs, enabled);
	for (i = 0; i < t->shared.n; i++) {
		EnableWindow(pageHwnd(&t->shared.pages[i]), enabled);
		t->shared.pages[i].c->vt->syncEnabled(t->shared.pages[i].c);
	}
}

static void tabFree(uiControl *c)
{
	uiTab *t = (uiTab *) c;
	int i;

	for (i = 0; i < t->shared.n; i++) {
		uiControl *child = t->shared.pages[i].c;
		uiprivSetParent(child, NULL);
		child->vt->free(child);
		DestroyWindow(pageHwnd(&t->shared.pages[i]));
	}
	free(t->shared.pages);
	SetWindowLongPtrW(t->hwnd, GWLP_WNDPROC, (LONG_PTR) t->containerProc);
	uiprivWinFree(c);
}

static const uiprivWinHooks tabHooks = {
	tabMinSize, tabLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivTabVtable = {
	"uiTab", 0, tabFree, uiprivWinHandle, uiprivWinSyncVisible, tabSyncEnabled, &tabHooks,
};

/* The container's window procedure: the tab control tells its parent when the user picks a page. */
static LRESULT CALLBACK containerProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiTab *t = (uiTab *) GetPropW(hwnd, uiprivControlProp);

	if (!uiprivControlIs(uiControl(t), &uiprivTabVtable))
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	if (msg == WM_NOTIFY && ((NMHDR *) lParam)->hwndFrom == t->tabs && ((NMHDR *) lParam)->code == TCN_SELCHANGE) {
		showSelected(t);
		uiprivTabSelectedByUser(t);
		return 0;
	}
	return CallWindowProcW(t->containerProc, hwnd, msg, wParam, lParam);
}

int uiprivOSTabSelected(uiTab *t)
{
	return selected(t);
}

void uiprivOSTabSetSelected(uiTab *t, int index)
{
	selectPage(t, index);
}

void *uiprivOSTabNewPage(uiTab *t)
{
	ULONG_PTR cookie = uiprivActivateComctl();
	HWND page = CreateWindowExW(WS_EX_CONTROLPARENT, uiprivBoxClass, L"", WS_CHILD | WS_CLIPCHILDREN, 0, 0, 0, 0, t->hwnd, NULL, uiprivInstance, NULL);

	uiprivDeactivateComctl(cookie);
	/* Pages lie above the tab control, which would otherwise paint over them. */
	if (page != NULL)
		SetWindowPos(page, HWND_TOP, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE | SWP_NOACTIVATE);
	return page;
}

void uiprivOSTabPageInserted(uiTab *t, int index, const char *name)
{
	uiControl *c = t->shared.pages[index].c;
	/* The tab control does not hold the new page yet. */
	int old = t->shared.n > 1 ? selected(t) : -1;
	TCITEMW item;
	WCHAR *wname = uiprivToUTF16(name);

	ZeroMemory(&item, sizeof item);
	item.mask = TCIF_TEXT;
	item.pszText = wname;
	SendMessageW(t->tabs, TCM_INSERTITEMW, (WPARAM) index, (LPARAM) &item);
	free(wname);
	uiprivHooks(c)->setNativeParent(c, pageHwnd(&t->shared.pages[index]));
	tabSyncEnabled(uiControl(t));
	/* The selected page stays selected; the first page becomes selected. */
	selectPage(t, old < 0 ? 0 : old >= index ? old + 1 : old);
	uiprivRelayout(uiControl(t));
}

void uiprivOSTabPageRemoved(uiTab *t, int index, const uiprivTabPage *gone)
{
	int old = selected(t);

	SendMessageW(t->tabs, TCM_DELETEITEM, (WPARAM) index, 0);
	/* The page window goes last, so the child must leave it first. */
	uiprivHooks(gone->c)->setNativeParent(gone->c, NULL);
	gone->c->vt->syncEnabled(gone->c);
	DestroyWindow(pageHwnd(gone));
	/* As GTK does: the next page, or the previous one when the last went. */
	if (t->shared.n > 0)
		selectPage(t, old > index ? old - 1 : old < index ? old : index < t->shared.n ? index : t->shared.n - 1);
	uiprivRelayout(uiControl(t));
}

void uiprivOSTabSyncMargined(uiTab *t, int index)
{
	(void) index;
	uiprivRelayout(uiControl(t));
}

uiTab *uiprivOSNewTab(void)
{
	uiTab *t = (uiTab *) uiprivNewControl(sizeof (uiTab), &uiprivTabVtable, 1);
	ULONG_PTR cookie;

	t->c.shared = &t->shared;
	t->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(t));
	if (t->hwnd == NULL) {
		uiprivControlFree(uiControl(t));
		return NULL;
	}
	cookie = uiprivActivateComctl();
	t->tabs = CreateWindowExW(0, WC_TABCONTROLW, L"", WS_CHILD | WS_VISIBLE | WS_TABSTOP | WS_CLIPSIBLINGS, 0, 0, 0, 0, t->hwnd, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (t->tabs == NULL) {
		uiprivWinFree(uiControl(t));
		return NULL;
	}
	SendMessageW(t->tabs, WM_SETFONT, (WPARAM) uiprivDefaultFont, FALSE);
	t->containerProc = (WNDPROC) SetWindowLongPtrW(t->hwnd, GWLP_WNDPROC, (LONG_PTR) containerProc);
	return t;
}
