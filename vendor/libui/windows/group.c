/* uiGroup on Win32: one of our container windows holding a BS_GROUPBOX frame
 * and, above it, the child (a group box does not pass notifications on, so it
 * cannot be the child's parent). */
#include "uipriv_windows.h"

/* Space between the frame and the child, in dialog units; the top also clears the title. */
#define marginXDlu 7
#define marginTopDlu 12
#define marginBottomDlu 7
#define bareXDlu 3
#define bareTopDlu 9
#define bareBottomDlu 3

struct uiGroup {
	uiControl c;
	HWND hwnd;
	HWND frame;
	uiControl *child;
	int margined;
};

static void insets(uiGroup *g, const uiprivMetrics *m, int *x, int *top, int *bottom)
{
	*x = uiprivDluX(m, g->margined ? marginXDlu : bareXDlu);
	*top = uiprivDluY(m, g->margined ? marginTopDlu : bareTopDlu);
	*bottom = uiprivDluY(m, g->margined ? marginBottomDlu : bareBottomDlu);
}

static void groupMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiGroup *g = (uiGroup *) c;
	int x, top, bottom, cw = 0, ch = 0, title;

	insets(g, m, &x, &top, &bottom);
	if (g->child != NULL && g->child->visible)
		uiprivHooks(g->child)->minSize(g->child, m, &cw, &ch);
	title = uiprivTextExtent(m->dc, g->frame).cx + 2 * uiprivDluX(m, marginXDlu);
	*width = cw + 2 * x > title ? cw + 2 * x : title;
	*height = ch + top + bottom;
}

static void groupLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiGroup *g = (uiGroup *) c;
	int ix, top, bottom, cw, ch;

	uiprivWinLayout(c, m, x, y, width, height);
	SetWindowPos(g->frame, HWND_BOTTOM, 0, 0, width, height, SWP_NOACTIVATE | SWP_NOOWNERZORDER);
	if (g->child == NULL || !g->child->visible)
		return;
	insets(g, m, &ix, &top, &bottom);
	cw = width - 2 * ix;
	ch = height - top - bottom;
	uiprivHooks(g->child)->layout(g->child, m, ix, top, cw > 0 ? cw : 0, ch > 0 ? ch : 0);
}

static void groupSyncEnabled(uiControl *c)
{
	uiGroup *g = (uiGroup *) c;

	EnableWindow(g->frame, uiprivControlEffectiveEnabled(c));
	uiprivWinSyncEnabled(c);
	if (g->child != NULL)
		g->child->vt->syncEnabled(g->child);
}

static void groupFree(uiControl *c)
{
	uiGroup *g = (uiGroup *) c;
	uiControl *child = g->child;

	if (child != NULL) {
		g->child = NULL;
		uiprivSetParent(child, NULL);
		child->vt->free(child);
	}
	uiprivWinFree(c);
}

static const uiprivWinHooks groupHooks = {
	groupMinSize, groupLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

static const uiprivControlVtable groupVtable = {
	"uiGroup", 0, groupFree, uiprivWinHandle, uiprivWinSyncVisible, groupSyncEnabled, &groupHooks,
};

/* Public functions reject anything but a live uiGroup, naming themselves. */
#define checked(x) ((uiGroup *) uiprivCheck((x), &groupVtable, __func__))

char *uiGroupTitle(uiGroup *g)
{
	if (checked(g) == NULL)
		return uiprivSanitize(NULL);
	return uiprivWindowTextUTF8(g->frame);
}

void uiGroupSetTitle(uiGroup *g, const char *title)
{
	if (checked(g) == NULL)
		return;
	uiprivSetWindowTextUTF8(g->frame, title);
	uiprivRelayout(uiControl(g));
}

void uiGroupSetChild(uiGroup *g, uiControl *child)
{
	uiControl *old;

	if (checked(g) == NULL || child == g->child)
		return;
	if (child != NULL && !uiprivControlCanAdopt(uiControl(g), child, __func__))
		return;
	old = g->child;
	if (old != NULL) {
		g->child = NULL;
		uiprivSetParent(old, NULL);
		uiprivHooks(old)->setNativeParent(old, NULL);
		old->vt->syncEnabled(old);
	}
	if (child != NULL) {
		g->child = child;
		uiprivSetParent(child, uiControl(g));
		uiprivHooks(child)->setNativeParent(child, g->hwnd);
		child->vt->syncEnabled(child);
	}
	uiprivRelayout(uiControl(g));
}

int uiGroupMargined(uiGroup *g)
{
	if (checked(g) == NULL)
		return 0;
	return g->margined;
}

void uiGroupSetMargined(uiGroup *g, int margined)
{
	if (checked(g) == NULL)
		return;
	g->margined = margined != 0;
	uiprivRelayout(uiControl(g));
}

uiGroup *uiNewGroup(const char *title)
{
	uiGroup *g;
	ULONG_PTR cookie;

	if (!uiprivReady(__func__))
		return NULL;
	g = (uiGroup *) uiprivNewControl(sizeof (uiGroup), &groupVtable, 1);
	/* Not WS_CLIPCHILDREN: the frame covers the whole window but does not paint its inside, so the
	 * container's own background must show through it. */
	g->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, 0, uiControl(g));
	if (g->hwnd == NULL) {
		uiprivControlFree(uiControl(g));
		return NULL;
	}
	cookie = uiprivActivateComctl();
	g->frame = CreateWindowExW(0, L"BUTTON", L"", WS_CHILD | WS_VISIBLE | BS_GROUPBOX, 0, 0, 0, 0, g->hwnd, NULL, uiprivInstance, NULL);
	uiprivDeactivateComctl(cookie);
	if (g->frame == NULL) {
		uiprivWinFree(uiControl(g));
		return NULL;
	}
	SendMessageW(g->frame, WM_SETFONT, (WPARAM) uiprivDefaultFont, FALSE);
	uiGroupSetTitle(g, title);
	return g;
}
