/* uiGroup on Win32: one of our container windows holding a BS_GROUPBOX frame
 * and, above it, the child (a group box does not pass notifications on, so it
 * cannot be the child's parent).  The public functions are in common/group.c. */
#include "uipriv_windows.h"
#include "osapi.h"

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
	uiprivGroupShared shared;
};

static void insets(uiGroup *g, const uiprivMetrics *m, int *x, int *top, int *bottom)
{
	*x = uiprivDluX(m, g->shared.margined ? marginXDlu : bareXDlu);
	*top = uiprivDluY(m, g->shared.margined ? marginTopDlu : bareTopDlu);
	*bottom = uiprivDluY(m, g->shared.margined ? marginBottomDlu : bareBottomDlu);
}

static void groupMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiGroup *g = (uiGroup *) c;
	int x, top, bottom, cw = 0, ch = 0, title;

	insets(g, m, &x, &top, &bottom);
	if (g->shared.child != NULL && g->shared.child->visible)
		uiprivHooks(g->shared.child)->minSize(g->shared.child, m, &cw, &ch);
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
	if (g->shared.child == NULL || !g->shared.child->visible)
		return;
	insets(g, m, &ix, &top, &bottom);
	cw = width - 2 * ix;
	ch = height - top - bottom;
	uiprivHooks(g->shared.child)->layout(g->shared.child, m, ix, top, cw > 0 ? cw : 0, ch > 0 ? ch : 0);
}

static void groupSyncEnabled(uiControl *c)
{
	uiGroup *g = (uiGroup *) c;

	EnableWindow(g->frame, uiprivControlEffectiveEnabled(c));
	uiprivWinSyncEnabled(c);
	if (g->shared.child != NULL)
		g->shared.child->vt->syncEnabled(g->shared.child);
}

static void groupFree(uiControl *c)
{
	uiControl *child = uiprivGroupTakeChild((uiGroup *) c);

	if (child != NULL)
		child->vt->free(child);
	uiprivWinFree(c);
}

static const uiprivWinHooks groupHooks = {
	groupMinSize, groupLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivGroupVtable = {
	"uiGroup", 0, groupFree, uiprivWinHandle, uiprivWinSyncVisible, groupSyncEnabled, &groupHooks,
};

char *uiprivOSGroupTitle(uiGroup *g)
{
	return uiprivWindowTextUTF8(g->frame);
}

void uiprivOSGroupSetTitle(uiGroup *g, const char *title)
{
	uiprivSetWindowTextUTF8(g->frame, title);
	uiprivRelayout(uiControl(g));
}

void uiprivOSGroupChildChanged(uiGroup *g, uiControl *old)
{
	uiControl *child = g->shared.child;

	if (old != NULL) {
		uiprivHooks(old)->setNativeParent(old, NULL);
		old->vt->syncEnabled(old);
	}
	if (child != NULL) {
		uiprivHooks(child)->setNativeParent(child, g->hwnd);
		child->vt->syncEnabled(child);
	}
	uiprivRelayout(uiControl(g));
}

void uiprivOSGroupSyncMargined(uiGroup *g)
{
	uiprivRelayout(uiControl(g));
}

uiGroup *uiprivOSNewGroup(void)
{
	uiGroup *g = (uiGroup *) uiprivNewControl(sizeof (uiGroup), &uiprivGroupVtable, 1);
	ULONG_PTR cookie;

	g->c.shared = &g->shared;
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
	return g;
}
