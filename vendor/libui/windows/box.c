/* uiBox on Win32: a plain container window whose children we place ourselves.  The public
 * functions and the child list are in common/box.c. */
#include "uipriv_windows.h"
#include "osapi.h"
#include <stdlib.h>

/* Space between related controls from the Windows layout guidelines, in dialog units. */
#define paddingDlu 4

struct uiBox {
	uiControl c;
	HWND hwnd;
	uiprivBoxShared shared;
};

static int padding(uiBox *b, const uiprivMetrics *m)
{
	if (!b->shared.padded)
		return 0;
	return b->shared.vertical ? uiprivDluY(m, paddingDlu) : uiprivDluX(m, paddingDlu);
}

static void boxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiBox *b = (uiBox *) c;
	int i, shown = 0, along = 0, across = 0;

	for (i = 0; i < b->shared.n; i++) {
		uiControl *child = b->shared.children[i].c;
		int cw = 0, ch = 0;

		if (!child->visible)
			continue;
		uiprivHooks(child)->minSize(child, m, &cw, &ch);
		along += b->shared.vertical ? ch : cw;
		if ((b->shared.vertical ? cw : ch) > across)
			across = b->shared.vertical ? cw : ch;
		shown++;
	}
	if (shown > 1)
		along += (shown - 1) * padding(b, m);
	*width = b->shared.vertical ? across : along;
	*height = b->shared.vertical ? along : across;
}

static void boxLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiBox *b = (uiBox *) c;
	int *sizes;
	int i, shown = 0, stretchy = 0, left, share = 0, extra = 0, pos = 0;
	int pad = padding(b, m);

	uiprivWinLayout(c, m, x, y, width, height);
	if (b->shared.n == 0)
		return;
	sizes = (int *) uiprivAlloc((size_t) b->shared.n * sizeof (int));
	left = b->shared.vertical ? height : width;
	/* Fixed children get their minimum; stretchy ones share what is left. */
	for (i = 0; i < b->shared.n; i++) {
		uiControl *child = b->shared.children[i].c;
		int cw = 0, ch = 0;

		if (!child->visible)
			continue;
		shown++;
		if (b->shared.children[i].stretchy) {
			stretchy++;
			continue;
		}
		uiprivHooks(child)->minSize(child, m, &cw, &ch);
		sizes[i] = b->shared.vertical ? ch : cw;
		left -= sizes[i];
	}
	if (shown > 1)
		left -= (shown - 1) * pad;
	if (stretchy > 0 && left > 0) {
		share = left / stretchy;
		extra = left % stretchy;
	}
	for (i = 0; i < b->shared.n; i++) {
		uiControl *child = b->shared.children[i].c;

		if (!child->visible)
			continue;
		if (b->shared.children[i].stretchy) {
			sizes[i] = share;
			if (extra > 0) {
				sizes[i]++;
				extra--;
			}
		}
		if (b->shared.vertical)
			uiprivHooks(child)->layout(child, m, 0, pos, width, sizes[i]);
		else
			uiprivHooks(child)->layout(child, m, pos, 0, sizes[i], height);
		pos += sizes[i] + pad;
	}
	free(sizes);
}

static void boxSyncEnabled(uiControl *c)
{
	uiBox *b = (uiBox *) c;
	int i;

	EnableWindow(b->hwnd, uiprivControlEffectiveEnabled(c));
	/* Child windows of a disabled container get no input but would still look enabled. */
	for (i = 0; i < b->shared.n; i++)
		b->shared.children[i].c->vt->syncEnabled(b->shared.children[i].c);
}

static void boxFree(uiControl *c)
{
	uiBox *b = (uiBox *) c;
	int i;

	for (i = 0; i < b->shared.n; i++) {
		uiControl *child = b->shared.children[i].c;
		child->parent = NULL;
		child->vt->free(child);
	}
	free(b->shared.children);
	uiprivWinFree(c);
}

static const uiprivWinHooks boxHooks = {
	boxMinSize, boxLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

const uiprivControlVtable uiprivBoxVtable = {
	"uiBox", 0, boxFree, uiprivWinHandle, uiprivWinSyncVisible, boxSyncEnabled, &boxHooks,
};

void uiprivOSBoxAppended(uiBox *b)
{
	uiControl *child = b->shared.children[b->shared.n - 1].c;

	uiprivHooks(child)->setNativeParent(child, b->hwnd);
	child->vt->syncEnabled(child);
	uiprivRelayout(uiControl(b));
}

void uiprivOSBoxRemoved(uiBox *b, uiControl *child, int stretchy)
{
	(void) stretchy;
	uiprivHooks(child)->setNativeParent(child, NULL);
	child->vt->syncEnabled(child);
	uiprivRelayout(uiControl(b));
}

void uiprivOSBoxSyncPadded(uiBox *b)
{
	uiprivRelayout(uiControl(b));
}

uiBox *uiprivOSNewBox(int vertical)
{
	uiBox *b = (uiBox *) uiprivNewControl(sizeof (uiBox), &uiprivBoxVtable, 1);

	b->c.shared = &b->shared;
	b->shared.vertical = vertical;
	b->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	return b;
}
