/* uiTab on Win32: one of our container windows holding a tab control and, above it
 * over its display area, one container window per page (only the selected one shown),
 * so a page's controls are dialog-like children that Tab moves through. */
#include "uipriv_windows.h"
#include <stdlib.h>

/* Dialog margin from the Windows layout guidelines, in dialog units (as a window's). */
#define marginDlu 7

typedef struct tabPage {
	uiControl *c;
	HWND hwnd;
	int margined;
} tabPage;

struct uiTab {
	uiControl c;
	HWND hwnd;
	HWND tabs;
	WNDPROC containerProc;
	tabPage *pages;
	int n, cap;
	void (*onSelected)(uiTab *t, void *data);
	void *onSelectedData;
};

static void margins(tabPage *p, const uiprivMetrics *m, int *mx, int *my)
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

	for (i = 0; i < t->n; i++)
		ShowWindow(t->pages[i].hwnd, i == cur ? SW_SHOWNA : SW_HIDE);
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

	for (i = 0; i < t->n; i++) {
		tabPage *p = &t->pages[i];
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
	for (i = 0; i < t->n; i++) {
		tabPage *p = &t->pages[i];
		int mx, my;

		SetWindowPos(p->hwnd, NULL, r.left, r.top, pw, ph, SWP_NOZORDER | SWP_NOACTIVATE | SWP_NOOWNERZORDER);
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
	for (i = 0; i < t->n; i++) {
		EnableWindow(t->pages[i].hwnd, enabled);
		t->pages[i].c->vt->syncEnabled(t->pages[i].c);
	}
}

/* Takes the page at index out; its child is unparented, not freed or moved. */
static uiControl *removePage(uiTab *t, int index)
{
	tabPage p = t->pages[index];
	int i;

	SendMessageW(t->tabs, TCM_DELETEITEM, (WPARAM) index, 0);
	t->n--;
	for (i = index; i < t->n; i++)
		t->pages[i] = t->pages[i + 1];
	uiprivSetParent(p.c, NULL);
	/* The page window goes last, so the child must leave it first (see uiTabDelete) or go with it (free). */
	return p.c;
}

static void tabFree(uiControl *c)
{
	uiTab *t = (uiTab *) c;
	int i;

	for (i = 0; i < t->n; i++) {
		uiControl *child = t->pages[i].c;
		uiprivSetParent(child, NULL);
		child->vt->free(child);
		DestroyWindow(t->pages[i].hwnd);
	}
	free(t->pages);
	SetWindowLongPtrW(t->hwnd, GWLP_WNDPROC, (LONG_PTR) t->containerProc);
	uiprivWinFree(c);
}

static const uiprivWinHooks tabHooks = {
	tabMinSize, tabLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

static const uiprivControlVtable tabVtable = {
	"uiTab", 0, tabFree, uiprivWinHandle, uiprivWinSyncVisible, tabSyncEnabled, &tabHooks,
};

/* Public functions reject anything but a live uiTab, naming themselves. */
#define checked(x) ((uiTab *) uiprivCheck((x), &tabVtable, __func__))

/* The container's window procedure: the tab control tells its parent when the user picks a page. */
static LRESULT CALLBACK containerProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam)
{
	uiTab *t = (uiTab *) GetPropW(hwnd, uiprivControlProp);

	if (!uiprivControlIs(uiControl(t), &tabVtable))
		return DefWindowProcW(hwnd, msg, wParam, lParam);
	if (msg == WM_NOTIFY && ((NMHDR *) lParam)->hwndFrom == t->tabs && ((NMHDR *) lParam)->code == TCN_SELCHANGE) {
		showSelected(t);
		if (t->onSelected != NULL)
			t->onSelected(t, t->onSelectedData);
		return 0;
	}
	return CallWindowProcW(t->containerProc, hwnd, msg, wParam, lParam);
}

int uiTabSelected(uiTab *t)
{
	if (checked(t) == NULL)
		return -1;
	return t->n > 0 ? selected(t) : -1;
}

void uiTabSetSelected(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	selectPage(t, index);
}

void uiTabOnSelected(uiTab *t, void (*f)(uiTab *sender, void *senderData), void *data)
{
	if (checked(t) == NULL)
		return;
	t->onSelected = f;
	t->onSelectedData = data;
}

/* Append and InsertAt: checks the other arguments, naming func. */
static void insertPage(uiTab *t, const char *name, int index, uiControl *c, const char *func)
{
	TCITEMW item;
	WCHAR *wname;
	HWND page;
	ULONG_PTR cookie;
	int i, old;

	if (!uiprivIndexValid(index, 0, t->n, func) || !uiprivControlCanAdopt(uiControl(t), c, func))
		return;
	cookie = uiprivActivateComctl();
	page = CreateWindowExW(WS_EX_CONTROLPARENT, uiprivBoxClass, L"", WS_CHILD | WS_CLIPCHILDREN, 0, 0, 0, 0, t->hwnd, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (page == NULL) {
		uiprivUserBug(func, "the page window could not be made");
		return;
	}
	/* Pages lie above the tab control, which would otherwise paint over them. */
	SetWindowPos(page, HWND_TOP, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE | SWP_NOACTIVATE);
	old = t->n > 0 ? selected(t) : -1;
	wname = uiprivToUTF16(name);
	ZeroMemory(&item, sizeof item);
	item.mask = TCIF_TEXT;
	item.pszText = wname;
	SendMessageW(t->tabs, TCM_INSERTITEMW, (WPARAM) index, (LPARAM) &item);
	free(wname);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4;
		t->pages = (tabPage *) uiprivRealloc(t->pages, (size_t) t->cap * sizeof (tabPage));
	}
	for (i = t->n; i > index; i--)
		t->pages[i] = t->pages[i - 1];
	t->n++;
	t->pages[index].c = c;
	t->pages[index].hwnd = page;
	t->pages[index].margined = 0;
	uiprivSetParent(c, uiControl(t));
	uiprivHooks(c)->setNativeParent(c, page);
	tabSyncEnabled(uiControl(t));
	/* The selected page stays selected; the first page becomes selected. */
	selectPage(t, old < 0 ? 0 : old >= index ? old + 1 : old);
	uiprivRelayout(uiControl(t));
}

void uiTabInsertAt(uiTab *t, const char *name, int index, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, index, c, __func__);
}

void uiTabAppend(uiTab *t, const char *name, uiControl *c)
{
	if (checked(t) != NULL)
		insertPage(t, name, t->n, c, __func__);
}

void uiTabDelete(uiTab *t, int index)
{
	uiControl *child;
	HWND page;
	int old;

	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	old = selected(t);
	page = t->pages[index].hwnd;
	child = removePage(t, index);
	uiprivHooks(child)->setNativeParent(child, NULL);
	child->vt->syncEnabled(child);
	DestroyWindow(page);
	/* As GTK does: the next page, or the previous one when the last went. */
	if (t->n > 0)
		selectPage(t, old > index ? old - 1 : old < index ? old : index < t->n ? index : t->n - 1);
	uiprivRelayout(uiControl(t));
}

int uiTabNumPages(uiTab *t)
{
	if (checked(t) == NULL)
		return 0;
	return t->n;
}

int uiTabMargined(uiTab *t, int index)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return 0;
	return t->pages[index].margined;
}

void uiTabSetMargined(uiTab *t, int index, int margined)
{
	if (checked(t) == NULL || !uiprivIndexValid(index, 0, t->n - 1, __func__))
		return;
	t->pages[index].margined = margined != 0;
	uiprivRelayout(uiControl(t));
}

uiTab *uiNewTab(void)
{
	uiTab *t;
	ULONG_PTR cookie;

	if (!uiprivReady(__func__))
		return NULL;
	t = (uiTab *) uiprivNewControl(sizeof (uiTab), &tabVtable, 1);
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
