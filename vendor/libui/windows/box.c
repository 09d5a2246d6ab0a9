/* uiBox on Win32: a plain container window whose children we place ourselves. */
#include "uipriv_windows.h"
#include <stdlib.h>

/* Space between related controls from the Windows layout guidelines, in dialog units. */
#define paddingDlu 4

typedef struct boxChild {
	uiControl *c;
	int stretchy;
} boxChild;

struct uiBox {
	uiControl c;
	HWND hwnd;
	int vertical;
	int padded;
	boxChild *children;
	int n, cap;
};

static int padding(uiBox *b, const uiprivMetrics *m)
{
	if (!b->padded)
		return 0;
	return b->vertical ? uiprivDluY(m, paddingDlu) : uiprivDluX(m, paddingDlu);
}

static void boxMinSize(uiControl *c, const uiprivMetrics *m, int *width, int *height)
{
	uiBox *b = (uiBox *) c;
	int i, shown = 0, along = 0, across = 0;

	for (i = 0; i < b->n; i++) {
		uiControl *child = b->children[i].c;
		int cw = 0, ch = 0;

		if (!child->visible)
			continue;
		uiprivHooks(child)->minSize(child, m, &cw, &ch);
		along += b->vertical ? ch : cw;
		if ((b->vertical ? cw : ch) > across)
			across = b->vertical ? cw : ch;
		shown++;
	}
	if (shown > 1)
		along += (shown - 1) * padding(b, m);
	*width = b->vertical ? across : along;
	*height = b->vertical ? along : across;
}

static void boxLayout(uiControl *c, const uiprivMetrics *m, int x, int y, int width, int height)
{
	uiBox *b = (uiBox *) c;
	int *sizes;
	int i, shown = 0, stretchy = 0, left, share = 0, extra = 0, pos = 0;
	int pad = padding(b, m);

	uiprivWinLayout(c, m, x, y, width, height);
	if (b->n == 0)
		return;
	sizes = (int *) uiprivAlloc((size_t) b->n * sizeof (int));
	left = b->vertical ? height : width;
	/* Fixed children get their minimum; stretchy ones share what is left. */
	for (i = 0; i < b->n; i++) {
		uiControl *child = b->children[i].c;
		int cw = 0, ch = 0;

		if (!child->visible)
			continue;
		shown++;
		if (b->children[i].stretchy) {
			stretchy++;
			continue;
		}
		uiprivHooks(child)->minSize(child, m, &cw, &ch);
		sizes[i] = b->vertical ? ch : cw;
		left -= sizes[i];
	}
	if (shown > 1)
		left -= (shown - 1) * pad;
	if (stretchy > 0 && left > 0) {
		share = left / stretchy;
		extra = left % stretchy;
	}
	for (i = 0; i < b->n; i++) {
		uiControl *child = b->children[i].c;

		if (!child->visible)
			continue;
		if (b->children[i].stretchy) {
			sizes[i] = share;
			if (extra > 0) {
				sizes[i]++;
				extra--;
			}
		}
		if (b->vertical)
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
	for (i = 0; i < b->n; i++)
		b->children[i].c->vt->syncEnabled(b->children[i].c);
}

static void boxFree(uiControl *c)
{
	uiBox *b = (uiBox *) c;
	int i;

	for (i = 0; i < b->n; i++) {
		uiControl *child = b->children[i].c;
		child->parent = NULL;
		child->vt->free(child);
	}
	free(b->children);
	uiprivWinFree(c);
}

static const uiprivWinHooks boxHooks = {
	boxMinSize, boxLayout, uiprivWinSetNativeParent, NULL, NULL, NULL,
};

static const uiprivControlVtable boxVtable = {
	"uiBox", 0, boxFree, uiprivWinHandle, uiprivWinSyncVisible, boxSyncEnabled, &boxHooks,
};

/* Public functions reject anything but a live uiBox, naming themselves. */
#define checked(x) ((uiBox *) uiprivCheck((x), &boxVtable, __func__))

void uiBoxAppend(uiBox *b, uiControl *child, int stretchy)
{
	if (checked(b) == NULL || !uiprivControlCanAdopt(uiControl(b), child, __func__))
		return;
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4;
		b->children = (boxChild *) uiprivRealloc(b->children, (size_t) b->cap * sizeof (boxChild));
	}
	b->children[b->n].c = child;
	b->children[b->n].stretchy = stretchy != 0;
	b->n++;
	uiprivSetParent(child, uiControl(b));
	uiprivHooks(child)->setNativeParent(child, b->hwnd);
	child->vt->syncEnabled(child);
	uiprivRelayout(uiControl(b));
}

int uiBoxNumChildren(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return b->n;
}

void uiBoxDelete(uiBox *b, int index)
{
	uiControl *child;

	if (checked(b) == NULL)
		return;
	if (index < 0 || index >= b->n) {
		uiprivUserBug(__func__, "index %d is out of range (the box has %d children)", index, b->n);
		return;
	}
	child = b->children[index].c;
	b->n--;
	for (; index < b->n; index++)
		b->children[index] = b->children[index + 1];
	uiprivSetParent(child, NULL);
	uiprivHooks(child)->setNativeParent(child, NULL);
	child->vt->syncEnabled(child);
	uiprivRelayout(uiControl(b));
}

int uiBoxPadded(uiBox *b)
{
	if (checked(b) == NULL)
		return 0;
	return b->padded;
}

void uiBoxSetPadded(uiBox *b, int padded)
{
	if (checked(b) == NULL)
		return;
	b->padded = padded != 0;
	uiprivRelayout(uiControl(b));
}

static uiBox *newBox(int vertical)
{
	uiBox *b = (uiBox *) uiprivNewControl(sizeof (uiBox), &boxVtable, 1);

	b->vertical = vertical;
	b->hwnd = uiprivCreateControlWindow(WS_EX_CONTROLPARENT, uiprivBoxClass, WS_CLIPCHILDREN, uiControl(b));
	if (b->hwnd == NULL) {
		uiprivControlFree(uiControl(b));
		return NULL;
	}
	return b;
}

uiBox *uiNewHorizontalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newBox(0);
}

uiBox *uiNewVerticalBox(void)
{
	if (!uiprivReady(__func__))
		return NULL;
	return newBox(1);
}
